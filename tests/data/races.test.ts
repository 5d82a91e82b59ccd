// No lost races, and decisions bound to what the reviewer saw. Two decisions on the same
// thing are started together (Promise.all) through the real model functions, many times:
// exactly one wins, the other is told it changed, and the final state is consistent. On
// PostgreSQL the two really run at once; on SQLite the driver queues the transactions, so
// the second sees the first's result. Also: a stale content token is refused, a withdrawn
// listing is not republished, lots are re-checked, and no version is edited once submitted.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

const TRIALS = 20;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
async function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A listing write's Result as these races read it: the value, or thrown with the failure's message. */
async function orThrow<T>(result: Promise<{ ok: true; value: T } | { ok: false; failure: { kind: string; message?: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.failure.message ?? r.failure.kind);
  return r.value;
}

/** The listing model with its supplier writes (which return a Result) throwing on failure, as the races count them. */
async function listingModel() {
  const listing = await import("~/models/listing.server");
  return {
    ...listing,
    saveListingSection: (...args: Parameters<typeof listing.saveListingSection>) => orThrow(listing.saveListingSection(...args)),
    submitListing: (...args: Parameters<typeof listing.submitListing>) => orThrow(listing.submitListing(...args)),
    withdrawListing: (...args: Parameters<typeof listing.withdrawListing>) => orThrow(listing.withdrawListing(...args)),
  };
}

async function m() {
  return {
    db: (await import("~/utils/db.server")).prisma,
    listing: await listingModel(),
    caseStudy: await import("~/models/case-study.server"),
    project: await import("~/models/project.server"),
    projectSchema: await import("~/models/project.schema"),
    award: await import("~/models/award.server"),
    clock: await import("~/utils/clock.server"),
  };
}

let supplier: { id: string; supplierId: string };
let adminId: string;
let buyer: { id: string; councilId: string };
let listableLots: string[];

beforeAll(async () => {
  const { db, award, clock } = await m();
  const s = await db.user.findUniqueOrThrow({ where: { email: DEMO.supplierA } });
  supplier = { id: s.id, supplierId: s.supplierId! };
  adminId = (await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } })).id;
  const b = await db.user.findUniqueOrThrow({ where: { email: DEMO.buyerA } });
  buyer = { id: b.id, councilId: b.councilId! };
  listableLots = (await award.listListableLots(supplier.supplierId, clock.now())).map((l) => l.id);
  expect(listableLots.length).toBeGreaterThan(0);
});

afterEach(async () => {
  (await m()).clock.resetClock();
});

// ───────────────────────────── listing helpers ───────────────────────────────

async function lockOf(productId: string) {
  return (await (await m()).db.product.findUniqueOrThrow({ where: { id: productId } })).lockVersion;
}

/** The supplier saves the About section with a new name, as the section form does. */
async function saveName(productId: string, name: string) {
  const { listing } = await m();
  const current = (await listing.getListing(productId))!;
  return listing.saveListingSection({
    productId,
    userId: supplier.id,
    lockVersion: current.product.lockVersion,
    section: "about",
    values: { name, summary: current.values.summary, description: current.values.description, category: current.values.category },
  });
}

async function submit(productId: string) {
  const { listing } = await m();
  await listing.submitListing({ productId, userId: supplier.id, lockVersion: await lockOf(productId) });
  return (await m()).db.productVersion.findFirstOrThrow({ where: { productId, status: "submitted" } });
}

/** What the moderation page shows (and the token its form carries). */
async function review(versionId: string) {
  return (await (await m()).listing.getVersionForModeration(versionId))!;
}

async function decide(versionId: string, decision: "approve" | "reject", contentToken: string) {
  const { listing } = await m();
  return listing.decideVersion({
    versionId,
    adminId,
    decision,
    reason: decision === "reject" ? "Say what the price covers" : undefined,
    contentToken,
  });
}

async function auditFor(productId: string, action: string, versionId: string) {
  const events = await (await m()).db.auditEvent.findMany({ where: { entityType: "product", entityId: productId, action } });
  return events.filter((e) => {
    const after = JSON.parse(e.after ?? "{}") as { versionId?: string; publishedVersionId?: string };
    return after.versionId === versionId || after.publishedVersionId === versionId;
  });
}

let listingCount = 0;

/** A new published Kestrel listing of its own (content copied from a seeded one), on a lot Kestrel may list on. */
async function freshPublishedListing() {
  const { db, listing } = await m();
  const seeded = await db.product.findFirstOrThrow({
    where: { supplierId: supplier.supplierId, status: "published" },
    orderBy: { id: "asc" },
  });
  const template = (await listing.getListing(seeded.id))!.published!;
  const created = await listing.createDraftListing({ supplierId: supplier.supplierId, userId: supplier.id });
  await listing.saveListingSection({
    productId: created.id,
    userId: supplier.id,
    lockVersion: created.lockVersion,
    section: "about",
    values: { ...listing.versionValues(template), name: `Race listing ${++listingCount}`, lotIds: [listableLots[0]] },
  });
  const pending = await submit(created.id);
  await decide(pending.id, "approve", (await review(pending.id)).contentToken);
  return db.product.findUniqueOrThrow({ where: { id: created.id }, include: { publishedVersion: true } });
}

async function expectOnePublished(productId: string, versionId: string) {
  const { db } = await m();
  const product = await db.product.findUniqueOrThrow({ where: { id: productId } });
  expect(product.status).toBe("published");
  expect(product.publishedVersionId).toBe(versionId);
  const published = await db.productVersion.findMany({ where: { productId, status: "published" }, select: { id: true } });
  expect(published.map((v) => v.id)).toEqual([versionId]);
}

// ───────────────────────────── listing moderation races ──────────────────────

describe("listing moderation: two decisions at once", () => {
  it(`approve + approve: exactly one wins, ${TRIALS} times out of ${TRIALS}`, async () => {
    const { db, listing } = await m();
    const product = await freshPublishedListing();
    let live = product.publishedVersion!;
    for (let i = 0; i < TRIALS; i++) {
      await saveName(product.id, `Race approve ${i}`);
      // The version that was live is never changed by the draft save.
      expect((await db.productVersion.findUniqueOrThrow({ where: { id: live.id } })).name).toBe(live.name);
      const pending = await submit(product.id);
      const { contentToken } = await review(pending.id);
      const results = await Promise.all([
        settle(decide(pending.id, "approve", contentToken)),
        settle(decide(pending.id, "approve", contentToken)),
      ]);
      expect(
        results.filter((r) => r.ok),
        `trial ${i}`,
      ).toHaveLength(1);
      const loser = results.find((r) => !r.ok) as { ok: false; error: unknown };
      expect(loser.error).toBeInstanceOf(listing.ModerationConflictError);
      expect(String((loser.error as Error).message)).toMatch(/changed while you were looking at it/);
      await expectOnePublished(product.id, pending.id);
      expect(await auditFor(product.id, "product.approved", pending.id), `trial ${i}`).toHaveLength(1);
      expect((await db.productVersion.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("superseded");
      live = await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } });
      expect(live.name).toBe(`Race approve ${i}`);
    }
  });

  it(`approve + reject: exactly one wins, ${TRIALS} times out of ${TRIALS}, and the live version is never the rejected one`, async () => {
    const { db, listing } = await m();
    const product = await freshPublishedListing();
    let live = product.publishedVersion!;
    const winners = { approve: 0, reject: 0 };
    for (let i = 0; i < TRIALS; i++) {
      await saveName(product.id, `Race mixed ${i}`);
      expect((await db.productVersion.findUniqueOrThrow({ where: { id: live.id } })).name).toBe(live.name);
      const pending = await submit(product.id);
      const { contentToken } = await review(pending.id);
      // Alternate which decision is started first.
      const order: ("approve" | "reject")[] = i % 2 ? ["approve", "reject"] : ["reject", "approve"];
      const results = await Promise.all(order.map((d) => settle(decide(pending.id, d, contentToken))));
      expect(
        results.filter((r) => r.ok),
        `trial ${i}`,
      ).toHaveLength(1);
      const won = order[results.findIndex((r) => r.ok)];
      winners[won]++;
      const loser = results.find((r) => !r.ok) as { ok: false; error: unknown };
      expect(loser.error).toBeInstanceOf(listing.ModerationConflictError);
      const version = await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } });
      if (won === "approve") {
        expect(version.status).toBe("published");
        await expectOnePublished(product.id, pending.id);
        expect(await auditFor(product.id, "product.approved", pending.id)).toHaveLength(1);
        expect(await auditFor(product.id, "product.rejected", pending.id)).toHaveLength(0);
        live = version;
      } else {
        expect(version.status).toBe("rejected");
        await expectOnePublished(product.id, live.id);
        expect(await auditFor(product.id, "product.approved", pending.id)).toHaveLength(0);
        expect(await auditFor(product.id, "product.rejected", pending.id)).toHaveLength(1);
      }
    }
    // The next edit never touches the live or the rejected version: it starts a new draft.
    const before = await db.productVersion.findMany({ where: { productId: product.id }, orderBy: { versionNumber: "asc" } });
    await saveName(product.id, "After the races");
    const after = await db.productVersion.findMany({ where: { productId: product.id }, orderBy: { versionNumber: "asc" } });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ status: "draft", name: "After the races", versionNumber: before.at(-1)!.versionNumber + 1 });
    expect(winners.approve + winners.reject).toBe(TRIALS);
  });

  it(`a supplier's edit and an approval at once: exactly one wins, ${TRIALS} times, and the edit is never published unreviewed`, async () => {
    const { db, listing } = await m();
    const product = await freshPublishedListing();
    for (let i = 0; i < TRIALS; i++) {
      await saveName(product.id, `Reviewed ${i}`);
      const pending = await submit(product.id);
      const { contentToken } = await review(pending.id);
      const current = (await listing.getListing(product.id))!;
      const edit = listing.saveListingSection({
        productId: product.id,
        userId: supplier.id,
        lockVersion: current.product.lockVersion,
        section: "about",
        values: {
          name: `Unreviewed ${i}`,
          summary: current.values.summary,
          description: current.values.description,
          category: current.values.category,
        },
      });
      const results = await Promise.all(
        i % 2
          ? [settle(edit), settle(decide(pending.id, "approve", contentToken))]
          : [settle(decide(pending.id, "approve", contentToken)), settle(edit)],
      );
      expect(
        results.filter((r) => r.ok),
        `trial ${i}`,
      ).toHaveLength(1);
      const published = await db.product.findUniqueOrThrow({ where: { id: product.id }, include: { publishedVersion: true } });
      expect(published.publishedVersion!.name).not.toMatch(/^Unreviewed/);
      const pendingNow = await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } });
      // The submitted version's text never changed, whichever won.
      expect(pendingNow.name).toBe(`Reviewed ${i}`);
      if (pendingNow.status === "published") {
        expect(published.publishedVersionId).toBe(pending.id);
      } else {
        expect(pendingNow.status).toBe("superseded");
        const draft = await db.productVersion.findFirstOrThrow({ where: { productId: product.id, status: "draft" } });
        expect(draft.name).toBe(`Unreviewed ${i}`);
        expect(draft.versionNumber).toBe(pending.versionNumber + 1);
      }
    }
  });
});

// ───────────────────────────── decisions bound to the content ────────────────

describe("listing decisions are bound to the content the administrator saw", () => {
  it("refuses a stale content token and writes nothing", async () => {
    const { db, listing } = await m();
    const product = await freshPublishedListing();
    await saveName(product.id, "Token check");
    const pending = await submit(product.id);
    const seen = await review(pending.id);
    // A token for different content, as a page opened on other text would carry.
    const other = listing.listingContentToken({ ...seen.values, name: "Something else" });
    await expect(decide(pending.id, "approve", other)).rejects.toBeInstanceOf(listing.ModerationConflictError);
    await expect(decide(pending.id, "reject", other)).rejects.toBeInstanceOf(listing.ModerationConflictError);
    expect((await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("submitted");
    expect(await auditFor(product.id, "product.approved", pending.id)).toHaveLength(0);
    expect(await auditFor(product.id, "product.rejected", pending.id)).toHaveLength(0);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).publishedVersionId).toBe(product.publishedVersionId);

    // Anything else that changes what the page showed (here an out-of-band change to its lots) is caught too.
    await db.productVersionLot.deleteMany({ where: { versionId: pending.id } });
    await expect(decide(pending.id, "approve", seen.contentToken)).rejects.toBeInstanceOf(listing.ModerationConflictError);
    expect((await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("submitted");
    await db.productVersionLot.create({ data: { versionId: pending.id, lotId: listableLots[0] } });
    await decide(pending.id, "approve", seen.contentToken);
    await expectOnePublished(product.id, pending.id);
  });

  it("an edit while submitted cannot change what gets approved: it takes the version out of review", async () => {
    const { db, listing } = await m();
    const product = await freshPublishedListing();
    await saveName(product.id, "What was submitted");
    const pending = await submit(product.id);
    const seen = await review(pending.id);
    // The supplier changes the text after the administrator opened the page, and submits again.
    await saveName(product.id, "Changed after review started");
    expect((await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } })).name).toBe("What was submitted");
    expect((await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("superseded");
    const resubmitted = await submit(product.id);
    expect(resubmitted.id).not.toBe(pending.id);
    expect(resubmitted.versionNumber).toBe(pending.versionNumber + 1);
    // "Approve" on the page the administrator opened publishes nothing.
    await expect(decide(pending.id, "approve", seen.contentToken)).rejects.toBeInstanceOf(listing.ModerationConflictError);
    await expect(decide(resubmitted.id, "approve", seen.contentToken)).rejects.toBeInstanceOf(listing.ModerationConflictError);
    await expectOnePublished(product.id, product.publishedVersionId!);
    expect((await listing.listModerationQueue()).map((v) => v.id)).not.toContain(pending.id);
    // Reviewing the new version publishes the new text.
    await decide(resubmitted.id, "approve", (await review(resubmitted.id)).contentToken);
    await expectOnePublished(product.id, resubmitted.id);
    expect(await auditFor(product.id, "product.taken-out-of-review", pending.id)).toHaveLength(0);
    const out = await db.auditEvent.findMany({ where: { entityId: product.id, action: "product.taken-out-of-review" } });
    expect(out.map((e) => JSON.parse(e.before!).versionId)).toEqual([pending.id]);
  });

  it("never edits a published version in place, and never resubmits a rejected one unchanged", async () => {
    const { db, listing } = await m();
    const product = await freshPublishedListing();
    const live = product.publishedVersion!;
    await saveName(product.id, "A new draft");
    const rows = await db.productVersion.findMany({ where: { productId: product.id }, orderBy: { versionNumber: "desc" }, take: 2 });
    expect(rows[0]).toMatchObject({ status: "draft", name: "A new draft", versionNumber: live.versionNumber + 1 });
    expect(rows[1]).toEqual(await db.productVersion.findUniqueOrThrow({ where: { id: live.id } }));
    expect(rows[1]).toMatchObject({ id: live.id, status: "published", name: live.name });

    const pending = await submit(product.id);
    await decide(pending.id, "reject", (await review(pending.id)).contentToken);
    await expect(
      listing.submitListing({ productId: product.id, userId: supplier.id, lockVersion: await lockOf(product.id) }),
    ).rejects.toThrow(/Change the listing before you submit it again/);
    await saveName(product.id, "Fixed after rejection");
    const rejected = await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } });
    expect(rejected).toMatchObject({ status: "rejected", name: "A new draft", rejectionReason: "Say what the price covers" });
    const draft = await db.productVersion.findFirstOrThrow({ where: { productId: product.id, status: "draft" } });
    expect(draft).toMatchObject({ name: "Fixed after rejection", versionNumber: pending.versionNumber + 1 });
  });
});

// ───────────────────────────── withdrawn listings and lots ───────────────────

describe("approval re-checks the listing and its lots", () => {
  it("refuses to approve a version submitted before its listing was withdrawn", async () => {
    const { db, listing } = await m();
    const product = await freshPublishedListing();
    await saveName(product.id, "Submitted, then withdrawn");
    const pending = await submit(product.id);
    const { contentToken, problems } = await review(pending.id);
    expect(problems).toEqual([]);
    await listing.withdrawListing({ productId: product.id, userId: supplier.id, lockVersion: await lockOf(product.id) });
    expect((await review(pending.id)).problems[0]).toMatch(/withdrew this listing/);
    await expect(decide(pending.id, "approve", contentToken)).rejects.toThrow(/withdrew this listing after this version was submitted/);
    const after = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(after.status).toBe("withdrawn");
    expect(after.publishedVersionId).toBe(product.publishedVersionId);
    expect((await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("submitted");
    expect(await auditFor(product.id, "product.approved", pending.id)).toHaveLength(0);
    // Rejecting it clears the queue and leaves the listing withdrawn.
    await decide(pending.id, "reject", contentToken);
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("withdrawn");
    await expect(
      listing.submitListing({ productId: product.id, userId: supplier.id, lockVersion: await lockOf(product.id) }),
    ).rejects.toThrow(/withdrawn/);
  });

  it("submit refuses lots the supplier holds no verified award on", async () => {
    const { db, listing } = await m();
    const product = await freshPublishedListing();
    const foreign = await db.lot.findFirstOrThrow({ where: { id: { notIn: listableLots } } });
    // The model is called directly, as a stale or forged form would reach it.
    await listing.saveListingSection({
      productId: product.id,
      userId: supplier.id,
      lockVersion: await lockOf(product.id),
      section: "lots",
      values: { lotIds: [listableLots[0], foreign.id] },
    });
    await expect(
      listing.submitListing({ productId: product.id, userId: supplier.id, lockVersion: await lockOf(product.id) }),
    ).rejects.toThrow(new RegExp(`lot ${foreign.number}: .* is no longer one of them. Change the framework lots before you submit`));
    expect(await db.productVersion.count({ where: { productId: product.id, status: "submitted" } })).toBe(0);
  });

  it("approve refuses when a lot is no longer open to the supplier (its framework has ended since submission)", async () => {
    const { db, clock, award } = await m();
    // The listable lot whose framework ends first.
    const lots = await db.lot.findMany({ where: { id: { in: listableLots } }, include: { agreement: true } });
    const ending = lots
      .map((l) => ({
        lot: l,
        end: [l.endDate, l.agreement.endDate].filter((d): d is Date => Boolean(d)).sort((a, b) => a.getTime() - b.getTime())[0],
      }))
      .filter((x) => x.end)
      .sort((a, b) => a.end.getTime() - b.end.getTime())[0];
    expect(ending, "a listable lot on a framework with an end date").toBeTruthy();
    const product = await freshPublishedListing();
    const { listing } = await m();
    await listing.saveListingSection({
      productId: product.id,
      userId: supplier.id,
      lockVersion: await lockOf(product.id),
      section: "lots",
      values: { lotIds: [ending.lot.id] },
    });
    const pending = await submit(product.id);
    const { contentToken } = await review(pending.id);
    // Time passes: the framework ends while the version waits for review.
    clock.advanceClock(ending.end.getTime() - clock.now().getTime() + 2 * 86_400_000);
    expect((await award.listListableLots(supplier.supplierId, clock.now())).map((l) => l.id)).not.toContain(ending.lot.id);
    expect((await review(pending.id)).problems.join(" ")).toMatch(/no longer holds a verified award on/);
    await expect(decide(pending.id, "approve", contentToken)).rejects.toThrow(
      /no longer holds a verified award on .*so this version cannot be approved/,
    );
    await expectOnePublished(product.id, product.publishedVersionId!);
    expect((await db.productVersion.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("submitted");
  });
});

// ───────────────────────────── case studies ──────────────────────────────────

async function submittedCaseStudy(title: string) {
  const { db, caseStudy } = await m();
  const { caseStudyFormSchema } = await import("~/models/case-study.schema");
  const area = await db.serviceArea.findFirstOrThrow({ orderBy: { sortOrder: "asc" } });
  // The same parsing the case study form uses, then the real create.
  const input = caseStudyFormSchema.parse({
    intent: "submit",
    title,
    serviceAreaId: area.id,
    summary: "Residents book bulky waste collections online.",
    problem: "Bookings were taken by phone.",
    approach: "We bought a booking service.",
    "metrics.0.name": "Calls a week",
    "metrics.0.before": "400",
    "metrics.0.after": "150",
    "metrics.0.unit": "calls",
    outcomeNarrative: "Fewer calls.",
    costBand: "under-30k",
    funding: "Waste services budget",
    lessons: "Ask residents first.",
    "startDate-day": "1",
    "startDate-month": "4",
    "startDate-year": "2025",
    "unlisted.0.name": "Bulky waste booking",
    "unlisted.0.supplierName": "A small supplier",
    contactName: "Priya Patel",
    contactEmail: "priya.patel@brighton-hove.gov.uk",
  });
  const created = await caseStudy.createCaseStudy(input, { id: buyer.id, councilId: buyer.councilId });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.value.slug;
}

async function caseStudyDecision(slug: string, intent: "approve" | "reject", view: { lockVersion: number; contentToken: string }) {
  const { caseStudy } = await m();
  const input =
    intent === "approve"
      ? { intent, lockVersion: view.lockVersion, contentToken: view.contentToken }
      : { intent, lockVersion: view.lockVersion, contentToken: view.contentToken, reason: "Add the cost" };
  return caseStudy.moderateCaseStudy(slug, input, { id: adminId });
}

describe("case-study moderation: two decisions at once", () => {
  for (const pair of [
    ["approve", "approve"],
    ["approve", "reject"],
  ] as const) {
    it(`${pair.join(" + ")}: exactly one wins, ${TRIALS} times out of ${TRIALS}`, async () => {
      const { db, caseStudy } = await m();
      for (let i = 0; i < TRIALS; i++) {
        const slug = await submittedCaseStudy(`Race ${pair.join(" ")} ${i} bulky waste bookings`);
        const view = (await caseStudy.getModerationView(slug))!.caseStudy;
        const order = i % 2 ? [...pair].reverse() : [...pair];
        const results = await Promise.all(order.map((intent) => caseStudyDecision(slug, intent, view)));
        expect(
          results.filter((r) => r.ok),
          `trial ${i}`,
        ).toHaveLength(1);
        const loser = results.find((r) => !r.ok);
        expect(loser && !loser.ok ? loser.failure.kind : null).toBe("conflict");
        expect(loser && !loser.ok && loser.failure.kind === "conflict" ? loser.failure.message : "").toMatch(
          /changed while you were looking at it|since you opened it/,
        );
        const won = order[results.findIndex((r) => r.ok)];
        const cs = await db.caseStudy.findUniqueOrThrow({ where: { slug } });
        expect(cs.status).toBe(won === "approve" ? "published" : "rejected");
        expect(cs.lockVersion).toBe(view.lockVersion + 1);
        const events = await db.auditEvent.findMany({
          where: { entityType: "case-study", entityId: cs.id, action: { in: ["case-study.published", "case-study.rejected"] } },
        });
        expect(events.map((e) => e.action)).toEqual([won === "approve" ? "case-study.published" : "case-study.rejected"]);
        const revisions = await db.caseStudyRevision.findMany({ where: { caseStudyId: cs.id }, orderBy: { lockVersion: "asc" } });
        expect(revisions.map((r) => [r.lockVersion, r.status])).toEqual([
          [1, "submitted"],
          [2, cs.status],
        ]);
      }
    });
  }

  it("refuses a decision on content that changed since the page was opened", async () => {
    const { db, caseStudy } = await m();
    const slug = await submittedCaseStudy("Stale token bulky waste bookings");
    const view = (await caseStudy.getModerationView(slug))!.caseStudy;
    const wrong = { lockVersion: view.lockVersion, contentToken: "0".repeat(64) };
    const refused = await caseStudyDecision(slug, "approve", wrong);
    expect(refused).toMatchObject({ ok: false, failure: { kind: "conflict" } });
    const cs = await db.caseStudy.findUniqueOrThrow({ where: { slug } });
    expect(cs).toMatchObject({ status: "submitted", lockVersion: view.lockVersion });
    expect(await db.auditEvent.count({ where: { entityId: cs.id, action: "case-study.published" } })).toBe(0);
    expect(await db.caseStudyRevision.count({ where: { caseStudyId: cs.id } })).toBe(1);
    expect(await caseStudyDecision(slug, "approve", view)).toMatchObject({ ok: true, value: { status: "published" } });
  });
});

// ───────────────────────────── buying projects ───────────────────────────────

const GUIDE_150K = {
  category: "cloud-software",
  value: "150000",
  contractMonths: "24",
  startDate: "2026-11-23",
  termsUnchanged: "yes",
  security: "OFFICIAL",
  nation: "England",
};
const DIRECT_AWARD = "framework-direct-award-rm1557-15";

/** A project with a frozen search and two shortlisted services. */
async function projectWithShortlist(title: string) {
  const { project, projectSchema, db } = await m();
  const created = await project.createProject(projectSchema.createProjectSchema.parse({ ...GUIDE_150K, title, routeId: DIRECT_AWARD }), {
    id: buyer.id,
    councilId: buyer.councilId,
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const projectId = created.value.projectId;
  const { searchIndex } = await import("~/services/search.server");
  const { parseSearchParams } = await import("~/search/search-query.schema");
  const all = await searchIndex(
    "products",
    (parseSearchParams(new URLSearchParams("type=products")) as { success: true; data: never }).data,
  );
  let qs = "";
  // A direct award's search is confined to the route's live lots (issue 13).
  for (const facet of ["lot"]) {
    const hit = Object.entries(all.facets[facet] ?? {}).find(
      ([value, count]) => value.startsWith("G-Cloud 15 lot ") && count >= 3 && count <= 30,
    );
    if (hit) {
      qs = new URLSearchParams({ type: "products", [facet]: hit[0] }).toString();
      break;
    }
  }
  const parsed = project.parseProjectSearch(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  const saved = await project.saveSearch(projectId, parsed.params, { id: buyer.id });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const { runProductSearchNow } = await import("~/services/project-search.server");
  const frozen = await project.freezeSavedSearch(projectId, saved.value.savedSearchId, { id: buyer.id }, runProductSearchNow);
  if (!frozen.ok) throw new Error(JSON.stringify(frozen));
  const results = await db.frozenResult.findMany({
    where: { frozenSearchId: frozen.value.frozenSearchId },
    orderBy: { position: "asc" },
    take: 3,
  });
  for (const r of results.slice(0, 2)) {
    const added = await project.addToShortlist(projectId, { frozenResultId: r.id, reason: "Meets the requirement" }, { id: buyer.id });
    if (!added.ok) throw new Error(JSON.stringify(added));
  }
  // Every other result is set aside (issue 13): only the spare is left to assess.
  const rest = await db.frozenResult.findMany({
    where: { frozenSearchId: frozen.value.frozenSearchId, id: { notIn: results.map((r) => r.id) } },
  });
  if (rest.length) {
    const setAside = await project.setAsideResults(
      projectId,
      { frozenResultIds: rest.map((r) => r.id), reason: "Does not meet the must-haves" },
      { id: buyer.id },
    );
    if (!setAside.ok) throw new Error(JSON.stringify(setAside));
  }
  const entries = await db.shortlistEntry.findMany({
    where: { projectId },
    include: { frozenResult: true },
    orderBy: { createdAt: "asc" },
  });
  return { projectId, entries, spare: results[2] };
}

async function outcome(projectId: string, lockVersion: number, choice: { entryId: string } | "cancelled") {
  const { project, projectSchema } = await m();
  const form =
    choice === "cancelled"
      ? { lockVersion: String(lockVersion), kind: "cancelled", justification: "Budget withdrawn" }
      : {
          lockVersion: String(lockVersion),
          kind: "awarded",
          entryId: choice.entryId,
          value: "148000",
          justification: "Best value",
          "startDate-day": "1",
          "startDate-month": "1",
          "startDate-year": "2027",
          "endDate-day": "31",
          "endDate-month": "12",
          "endDate-year": "2028",
        };
  return project.recordOutcome(projectId, projectSchema.outcomeSchema.parse(form), { id: buyer.id });
}

describe("buying projects: two outcomes at once", () => {
  it(`award + award (and award + cancel): exactly one wins, ${TRIALS} times out of ${TRIALS}`, async () => {
    const { db, projectSchema } = await m();
    const { projectId, entries, spare } = await projectWithShortlist("Race to award");
    expect(entries).toHaveLength(2);
    // An award needs every frozen result assessed.
    await (
      await m()
    ).project.setAsideResults(projectId, { frozenResultIds: [spare.id], reason: "Does not meet the must-haves" }, { id: buyer.id });
    for (let i = 0; i < TRIALS; i++) {
      const before = await db.buyingProject.findUniqueOrThrow({ where: { id: projectId } });
      const eventsBefore = await db.auditEvent.count({ where: { entityId: projectId, action: "project.outcome-recorded" } });
      const choices =
        i % 4 === 3
          ? ([{ entryId: entries[0].id }, "cancelled"] as const)
          : ([{ entryId: entries[i % 2].id }, { entryId: entries[(i + 1) % 2].id }] as const);
      const results = await Promise.all(choices.map((c) => outcome(projectId, before.lockVersion, c)));
      expect(
        results.filter((r) => r.ok),
        `trial ${i}`,
      ).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      expect(loser && !loser.ok ? loser.failure : null).toEqual({ kind: "conflict", message: projectSchema.CONCURRENCY_MESSAGE });
      const winner = choices[results.findIndex((r) => r.ok)];
      const after = await db.buyingProject.findUniqueOrThrow({ where: { id: projectId }, include: { outcome: true } });
      expect(after.lockVersion).toBe(before.lockVersion + 1);
      if (winner === "cancelled") {
        expect(after.status).toBe("cancelled");
        expect(after.outcome).toMatchObject({ kind: "cancelled", productVersionId: null });
      } else {
        const entry = entries.find((e) => e.id === winner.entryId)!;
        expect(after.status).toBe("awarded");
        expect(after.outcome).toMatchObject({ kind: "awarded", productVersionId: entry.frozenResult.productVersionId });
      }
      expect(await db.auditEvent.count({ where: { entityId: projectId, action: "project.outcome-recorded" } })).toBe(eventsBefore + 1);
    }
  });

  it(`a shortlist change and an award at once: the change never lands after the award, ${TRIALS} times`, async () => {
    const { db, project } = await m();
    for (let i = 0; i < TRIALS; i++) {
      const { projectId, entries, spare } = await projectWithShortlist(`Race shortlist against award ${i}`);
      const { lockVersion } = await db.buyingProject.findUniqueOrThrow({ where: { id: projectId } });
      const change =
        i % 2
          ? project.addToShortlist(projectId, { frozenResultId: spare.id, reason: "Also meets it" }, { id: buyer.id })
          : project.removeFromShortlist(projectId, entries[1].id, { id: buyer.id });
      const [awarded, changed] = await Promise.all([outcome(projectId, lockVersion, { entryId: entries[0].id }), change]);
      if (!awarded.ok) {
        // The change landed first and left a frozen result unassessed (the spare before it was
        // added, or the removed entry), so the award was refused: the rule, not the race.
        expect(awarded, `trial ${i}`).toMatchObject({ ok: false, failure: { kind: "refused" } });
        expect(JSON.stringify(awarded)).toMatch(/not been assessed/);
        continue;
      }
      const events = await db.auditEvent.findMany({
        where: {
          entityId: projectId,
          action: { in: ["project.shortlist-added", "project.shortlist-removed", "project.outcome-recorded"] },
        },
      });
      const awardAt = events.find((e) => e.action === "project.outcome-recorded")!.createdAt.getTime();
      const changes = events.filter(
        (e) =>
          e.action === "project.shortlist-removed" ||
          (e.action === "project.shortlist-added" && JSON.parse(e.after ?? "{}").frozenResultId === spare.id),
      );
      const entryCount = await db.shortlistEntry.count({ where: { projectId } });
      if (changed.ok) {
        // It was made before the award (the award waited for it), never after.
        expect(
          changes.map((e) => e.createdAt.getTime() <= awardAt),
          `trial ${i}`,
        ).toEqual([true]);
        expect(entryCount).toBe(i % 2 ? 3 : 1);
      } else {
        expect(changed, `trial ${i}`).toMatchObject({ ok: false, failure: { kind: "conflict" } });
        expect(changes).toEqual([]);
        expect(entryCount).toBe(2);
      }
      // Once awarded, the shortlist is closed.
      expect(await project.removeFromShortlist(projectId, entries[0].id, { id: buyer.id })).toMatchObject({
        ok: false,
        failure: { kind: "conflict" },
      });
    }
  });
});

// ───────────────────────────── award verification ────────────────────────────

describe("award verification: two admins at once", () => {
  it(`verify + verify and verify + reject: exactly one wins, ${TRIALS} times`, async () => {
    const { db, award, clock } = await m();
    const declarable = await award.listDeclarableLots(clock.now());
    const suppliers = await db.supplier.findMany({ orderBy: { id: "asc" }, select: { id: true, awards: { select: { lotId: true } } } });
    const pairs = suppliers.flatMap((s) =>
      declarable.filter((l) => !s.awards.some((a) => a.lotId === l.id)).map((l) => ({ supplierId: s.id, lotId: l.id })),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(TRIALS);
    for (let i = 0; i < TRIALS; i++) {
      const declared = await award.declareAward(
        { ...pairs[i], awardedAt: new Date(clock.now().getTime() - 30 * 86_400_000), reference: `RACE-${i}`, actorId: adminId },
        clock.now(),
      );
      if (!declared.ok) throw new Error(JSON.stringify(declared));
      const verify = () => award.verifyAward({ awardId: declared.value.awardId, actorId: adminId }, clock.now());
      const reject = () => award.rejectAward({ awardId: declared.value.awardId, reason: "Not on the award notice", actorId: adminId });
      const calls = i % 2 ? [verify(), verify()] : [reject(), verify()];
      const results = await Promise.all(calls);
      expect(
        results.filter((r) => r.ok),
        `trial ${i}`,
      ).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      expect(loser && !loser.ok && loser.failure.kind === "conflict" ? loser.failure.message : "").toMatch(
        /already been verified, rejected or withdrawn/,
      );
      const row = await db.lotAward.findUnique({ where: { id: declared.value.awardId } });
      const events = await db.auditEvent.findMany({
        where: { entityType: "award", entityId: declared.value.awardId, action: { in: ["award.verified", "award.rejected"] } },
      });
      expect(events).toHaveLength(1);
      expect(row ? "award.verified" : "award.rejected").toBe(events[0].action);
      if (row) expect(row.verified).toBe(true);
    }
  });
});

// ───────────────────────────── the conflict pages ────────────────────────────

/**
 * A signed-in cookie. Seeded accounts may have changed their password "after" the pinned
 * test date (PORTAL_TODAY); the session is then dated just after that change.
 */
async function signedIn(email: string) {
  const { db, clock } = await m();
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const ahead = user.passwordChangedAt.getTime() - clock.now().getTime();
  if (ahead >= 0) clock.advanceClock(ahead + 1_000);
  try {
    return await cookieFor(email);
  } finally {
    clock.resetClock();
  }
}

describe("the loser sees the conflict page (409) with the content as it is now", () => {
  it("listing moderation: approve twice from the same page", async () => {
    const { db } = await m();
    const admin = await signedIn(DEMO.admin);
    const product = await freshPublishedListing();
    await saveName(product.id, "Through the route");
    const pending = await submit(product.id);
    const route = await import("~/routes/admin.moderation.$versionId");
    const path = `/admin/moderation/${pending.id}`;
    const page = (await (
      await responseOf(() => route.loader({ request: makeRequest(path, { cookie: admin }), params: { versionId: pending.id }, context }))
    ).json()) as { contentToken: string; values: { name: string } };
    expect(page.values.name).toBe("Through the route");
    const post = (form: Record<string, string>) =>
      responseOf(() => route.action({ request: makeRequest(path, { cookie: admin, form }), params: { versionId: pending.id }, context }));

    const missing = await post({ decision: "approve" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors.form[0]).toMatch(/page is out of date/);

    const results = await Promise.all([
      post({ decision: "approve", contentToken: page.contentToken }),
      post({ decision: "approve", contentToken: page.contentToken }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const conflict = await results.find((r) => r.status === 409)!.json();
    expect(conflict.errors.form[0]).toMatch(/This version changed while you were looking at it/);
    expect(conflict.conflict).toMatchObject({ versionId: pending.id, status: "published", values: { name: "Through the route" } });
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).publishedVersionId).toBe(pending.id);
  });

  it("listing moderation: a refusal because the listing was withdrawn is a 409 with the reason", async () => {
    const { listing } = await m();
    const admin = await signedIn(DEMO.admin);
    const product = await freshPublishedListing();
    await saveName(product.id, "Withdrawn through the route");
    const pending = await submit(product.id);
    const { contentToken } = await review(pending.id);
    await listing.withdrawListing({ productId: product.id, userId: supplier.id, lockVersion: await lockOf(product.id) });
    const route = await import("~/routes/admin.moderation.$versionId");
    const res = await responseOf(() =>
      route.action({
        request: makeRequest(`/admin/moderation/${pending.id}`, { cookie: admin, form: { decision: "approve", contentToken } }),
        params: { versionId: pending.id },
        context,
      }),
    );
    expect(res.status).toBe(409);
    expect((await res.json()).errors.form[0]).toMatch(/withdrew this listing/);
  });

  it("award verification: the second of two rejections gets a 409 with the reason, not a 500", async () => {
    const { db, award, clock } = await m();
    const admin = await signedIn(DEMO.admin);
    const lot = (await award.listDeclarableLots(clock.now()))[0];
    const free = await db.supplier.findFirstOrThrow({ where: { awards: { none: { lotId: lot.id } } }, orderBy: { id: "desc" } });
    const declared = await award.declareAward(
      {
        supplierId: free.id,
        lotId: lot.id,
        awardedAt: new Date(clock.now().getTime() - 86_400_000),
        reference: "RACE-ROUTE",
        actorId: adminId,
      },
      clock.now(),
    );
    if (!declared.ok) throw new Error(JSON.stringify(declared));
    const route = await import("~/routes/admin.awards");
    const path = `/admin/awards?reject=${declared.value.awardId}`;
    const post = () =>
      responseOf(() =>
        route.action({
          request: makeRequest(path, {
            cookie: admin,
            form: { intent: "reject", awardId: declared.value.awardId, reason: "Not on the award notice" },
          }),
          params: {},
          context,
        }),
      );
    const results = await Promise.all([post(), post()]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    expect((await results.find((r) => r.status === 409)!.json()).errors.form[0]).toMatch(/already been verified, rejected or withdrawn/);
  });

  it("case-study moderation: approve and reject from the same page", async () => {
    const { db } = await m();
    const admin = await signedIn(DEMO.admin);
    const slug = await submittedCaseStudy("Conflict page bulky waste bookings");
    const route = await import("~/routes/admin.case-studies.$slug");
    const path = `/admin/case-studies/${slug}`;
    const view = (await (
      await responseOf(() => route.loader({ request: makeRequest(path, { cookie: admin }), params: { slug }, context }))
    ).json()) as { caseStudy: { lockVersion: number; contentToken: string } };
    const post = (form: Record<string, string>) =>
      responseOf(() => route.action({ request: makeRequest(path, { cookie: admin, form }), params: { slug }, context }));
    const lockVersion = String(view.caseStudy.lockVersion);
    expect((await post({ intent: "approve", lockVersion })).status).toBe(400);
    const results = await Promise.all([
      post({ intent: "approve", lockVersion, contentToken: view.caseStudy.contentToken }),
      post({ intent: "reject", lockVersion, contentToken: view.caseStudy.contentToken, reason: "Add the cost" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const conflict = await results.find((r) => r.status === 409)!.json();
    expect(conflict.errors.form[0]).toMatch(/changed while you were looking at it|since you opened it/);
    const cs = await db.caseStudy.findUniqueOrThrow({ where: { slug } });
    expect(conflict.conflict.caseStudy).toMatchObject({ status: cs.status, lockVersion: cs.lockVersion });
  });
});
