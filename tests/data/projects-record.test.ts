// Issue 13, the record an auditor signs: four eyes on the budget and the award, starting over
// by abandoning a freeze, the supplier's award on the lot at the award date, where notices were
// published, and a changed outcome as a new OCDS release. Each test sets up its own project
// through the route actions (no chain of dependent tests).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { PROJECT_ROUTES, json, routeCaller } from "../support/route-call";
import { validateOcdsRelease } from "../support/ocds-schema";

useTestDatabase();

const APPROVER = "approver@brighton-hove.gov.uk";

const call = routeCaller(PROJECT_ROUTES);

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

let buyerA: string, buyerB: string, approver: string;

beforeAll(async () => {
  [buyerA, buyerB, approver] = await Promise.all([cookieFor(DEMO.buyerA), cookieFor(DEMO.buyerB), cookieFor(APPROVER)]);
});

async function lockOf(projectId: string) {
  const { prisma } = await import("~/utils/db.server");
  return String((await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } })).lockVersion);
}

/** A products search of G-Cloud 15 with between min and max results. */
async function gcloudSearch(min: number, max: number): Promise<string> {
  const { searchIndex } = await import("~/services/search.server");
  const { parseSearchParams } = await import("~/search/search-query.schema");
  const all = await searchIndex("products", (parseSearchParams(new URLSearchParams("type=products")) as { success: true; data: any }).data);
  const found = Object.entries(all.facets.lot ?? {}).find(
    ([value, count]) => /^G-Cloud 15 lot /.test(value) && count >= min && count <= max,
  );
  if (!found) throw new Error("No G-Cloud 15 lot with a small enough search in the seeded catalogue");
  return new URLSearchParams({ type: "products", lot: found[0] }).toString();
}

async function newProject(cookie: string, title: string) {
  const res = await call("newProject", "action", "/projects/new", {
    cookie,
    form: { intent: "create", title, routeId: DIRECT_AWARD, ...GUIDE_150K },
  });
  expect(res.status).toBe(302);
  return res.headers.get("Location")!.split("/").pop()!;
}

async function saveAndFreeze(projectId: string, cookie = buyerA) {
  const { prisma } = await import("~/utils/db.server");
  const saved = await call("search", "action", `/projects/${projectId}/search`, {
    cookie,
    params: { id: projectId },
    form: { search: await gcloudSearch(3, 30) },
  });
  expect(saved.status).toBe(302);
  const savedSearch = await prisma.savedSearch.findFirstOrThrow({ where: { projectId }, orderBy: { createdAt: "desc" } });
  const frozen = await call("freeze", "action", `/projects/${projectId}/freeze`, {
    cookie,
    params: { id: projectId },
    form: { savedSearchId: savedSearch.id },
  });
  expect(frozen.status).toBe(302);
  return prisma.frozenSearch.findFirstOrThrow({
    where: { projectId, abandonedAt: null },
    include: { results: { orderBy: { position: "asc" } } },
  });
}

/** A direct award frozen, two services shortlisted and scored (90 and 80), the rest set aside: ready to award. */
async function projectReadyToAward(title: string, cookie = buyerA) {
  const { prisma } = await import("~/utils/db.server");
  const projectId = await newProject(cookie, title);
  const frozen = await saveAndFreeze(projectId, cookie);
  for (const r of frozen.results.slice(0, 2)) {
    const res = await call("shortlist", "action", `/projects/${projectId}/shortlist`, {
      cookie,
      params: { id: projectId },
      form: { intent: "add", frozenResultId: r.id, reason: `Meets the requirement: ${r.productName}` },
    });
    expect(res.status).toBe(302);
  }
  const rest = frozen.results.slice(2).map((r) => r.id);
  const setAside = await call("shortlist", "action", `/projects/${projectId}/shortlist`, {
    cookie,
    params: { id: projectId },
    form: { intent: "set-aside", frozenResultIds: rest, reason: "Does not meet must-have: repairs scheduling" },
  });
  expect(setAside.status).toBe(302);
  const criteria = await call("evaluation", "action", `/projects/${projectId}/evaluation`, {
    cookie,
    params: { id: projectId },
    form: { intent: "criteria", lockVersion: await lockOf(projectId), "criteria.0.name": "Quality", "criteria.0.weight": "100" },
  });
  expect(criteria.status).toBe(302);
  const entries = await prisma.shortlistEntry.findMany({
    where: { projectId },
    orderBy: { createdAt: "asc" },
    include: { frozenResult: { include: { product: true } } },
  });
  const [criterion] = await prisma.evaluationCriterion.findMany({ where: { projectId } });
  const scores = await call("evaluation", "action", `/projects/${projectId}/evaluation`, {
    cookie,
    params: { id: projectId },
    form: {
      intent: "scores",
      lockVersion: await lockOf(projectId),
      ...Object.fromEntries(
        entries.flatMap((e, i) => [
          [`scores.${i}.entryId`, e.id],
          [`scores.${i}.criterionId`, criterion.id],
          [`scores.${i}.score`, String(90 - i * 10)],
        ]),
      ),
    },
  });
  expect(scores.status).toBe(302);
  return { projectId, entries };
}

const awardForm = (lockVersion: string, entryId: string, over: Record<string, string> = {}) => ({
  lockVersion,
  kind: "awarded",
  entryId,
  value: "148000",
  "startDate-day": "5",
  "startDate-month": "1",
  "startDate-year": "2027",
  "endDate-day": "4",
  "endDate-month": "1",
  "endDate-year": "2029",
  justification: "Highest weighted total against our requirements",
  ...over,
});

const LOWER_SCORE_REASON =
  "The highest-scoring supplier withdrew its offer of a data centre in the UK, which our security policy requires for this data.";

describe("four eyes on the budget", () => {
  it("lets the buyer only ask; a second officer who is an approver decides, recorded with who and when", async () => {
    const { prisma } = await import("~/utils/db.server");
    const projectId = await newProject(buyerA, "Budget four eyes");
    // The old self-approval box does nothing now.
    const self = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: await lockOf(projectId), requirements: "A housing repairs system", budgetApproved: "yes" },
    });
    expect(self.status).toBe(302);
    expect((await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } })).budgetApproved).toBe(false);

    const ask = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: await lockOf(projectId), requirements: "A housing repairs system", requestBudgetApproval: "yes" },
    });
    expect(ask.status).toBe(302);
    const request = await prisma.projectApproval.findFirstOrThrow({ where: { projectId, subject: "budget" } });
    expect(request.status).toBe("requested");

    // The buyer holds no approver role: refused before the body is read.
    const byBuyer = await call("approvals", "action", `/projects/${projectId}/approvals?intent=decide`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { approvalId: request.id, decision: "approve" },
    });
    expect(byBuyer.status).toBe(403);
    // Another council's buyer: 404, as for a project that does not exist.
    const byLeeds = await call("approvals", "action", `/projects/${projectId}/approvals?intent=decide`, {
      cookie: buyerB,
      params: { id: projectId },
      form: { approvalId: request.id, decision: "approve" },
    });
    expect(byLeeds.status).toBe(404);
    expect((await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } })).budgetApproved).toBe(false);

    const decided = await call("approvals", "action", `/projects/${projectId}/approvals?intent=decide`, {
      cookie: approver,
      params: { id: projectId },
      form: { approvalId: request.id, decision: "approve", note: "Within the housing capital budget for 2027" },
    });
    expect(decided.status).toBe(302);
    const after = await prisma.projectApproval.findUniqueOrThrow({ where: { id: request.id } });
    const marcus = await prisma.user.findUniqueOrThrow({ where: { email: APPROVER } });
    expect(after).toMatchObject({ status: "approved", decidedById: marcus.id, reason: "Within the housing capital budget for 2027" });
    expect(after.decidedAt).toBeInstanceOf(Date);
    expect((await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } })).budgetApproved).toBe(true);

    // Deciding twice is a conflict on the state the decision expects.
    const again = await call("approvals", "action", `/projects/${projectId}/approvals?intent=decide`, {
      cookie: approver,
      params: { id: projectId },
      form: { approvalId: request.id, decision: "reject" },
    });
    expect(again.status).toBe(409);

    const record = await json(
      await call("record", "loader", `/projects/${projectId}/record`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(record.project.budget).toMatch(
      /^Approved by Marcus Reid on .* \(asked by Priya Patel on .*\): Within the housing capital budget/,
    );
  });

  it("refuses an approver deciding their own request", async () => {
    const { prisma } = await import("~/utils/db.server");
    const projectId = await newProject(approver, "Approver asks for themselves");
    const ask = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie: approver,
      params: { id: projectId },
      form: { lockVersion: await lockOf(projectId), requirements: "A housing repairs system", requestBudgetApproval: "yes" },
    });
    expect(ask.status).toBe(302);
    const request = await prisma.projectApproval.findFirstOrThrow({ where: { projectId, subject: "budget" } });
    const own = await call("approvals", "action", `/projects/${projectId}/approvals?intent=decide`, {
      cookie: approver,
      params: { id: projectId },
      form: { approvalId: request.id, decision: "approve" },
    });
    expect(own.status).toBe(422);
    expect((await json(own)).errors.decision[0]).toBe("You asked for this approval, so another approver must decide it.");
    expect((await prisma.projectApproval.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("requested");
  });

  it("lets a council with no other approver record why nobody else could decide, and refuses that where one exists", async () => {
    const { prisma } = await import("~/utils/db.server");
    const reason = "Our procurement team is one officer; the head of service is on long-term leave until March.";
    // Brighton and Hove has an approver (Marcus Reid): refused, naming him.
    const bnh = await newProject(buyerA, "Sole officer refused");
    const refused = await call("approvals", "action", `/projects/${bnh}/approvals?intent=no-second-person`, {
      cookie: buyerA,
      params: { id: bnh },
      form: { subject: "budget", reason },
    });
    expect(refused.status).toBe(422);
    expect((await json(refused)).errors.reason[0]).toMatch(/another approver \(Marcus Reid\)/);
    // Leeds has none.
    const leeds = await newProject(buyerB, "Sole officer");
    const short = await call("approvals", "action", `/projects/${leeds}/approvals?intent=no-second-person`, {
      cookie: buyerB,
      params: { id: leeds },
      form: { subject: "budget", reason: "nobody" },
    });
    expect(short.status).toBe(400);
    const res = await call("approvals", "action", `/projects/${leeds}/approvals?intent=no-second-person`, {
      cookie: buyerB,
      params: { id: leeds },
      form: { subject: "budget", reason },
    });
    expect(res.status).toBe(302);
    expect((await prisma.buyingProject.findUniqueOrThrow({ where: { id: leeds } })).budgetApproved).toBe(true);
    const record = await json(await call("record", "loader", `/projects/${leeds}/record`, { cookie: buyerB, params: { id: leeds } }));
    expect(record.project.budget).toMatch(/^No second person was available: recorded by Tom Hughes on \d/);
    expect(record.project.budget.endsWith(`, because ${reason}`)).toBe(true);
    expect(record.approvals).toHaveLength(1);
  });

  it("grants and revokes the approver role through the model, for council officers only", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { grantApproverRole, revokeApproverRole, otherApprovers } = await import("~/models/project-approval.server");
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    const tom = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerB } });
    const supplier = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.supplierA } });
    expect(await grantApproverRole(supplier.id, { id: admin.id })).toMatchObject({ ok: false, failure: { kind: "refused" } });
    expect(await grantApproverRole(tom.id, { id: admin.id })).toEqual({ ok: true, value: undefined });
    const someone = await prisma.user.findFirstOrThrow({ where: { councilId: tom.councilId, id: { not: tom.id } } }).catch(() => null);
    expect((await otherApprovers(tom.councilId!, someone?.id ?? admin.id)).map((u) => u.name)).toContain("Tom Hughes");
    expect(await revokeApproverRole(tom.id, { id: admin.id })).toEqual({ ok: true, value: undefined });
    expect((await otherApprovers(tom.councilId!, admin.id)).map((u) => u.name)).not.toContain("Tom Hughes");
    expect(
      await prisma.auditEvent.count({ where: { entityId: tom.id, action: { in: ["user.approver-granted", "user.approver-revoked"] } } }),
    ).toBe(2);
  });
});

describe("starting over: abandoning a freeze", () => {
  it("refuses a second freeze until the first is abandoned with why; the abandoned one stays in the record", async () => {
    const { prisma } = await import("~/utils/db.server");
    const projectId = await newProject(buyerA, "Start over");
    const first = await saveAndFreeze(projectId);
    const saved = await prisma.savedSearch.findFirstOrThrow({ where: { projectId } });
    const second = await call("freeze", "action", `/projects/${projectId}/freeze`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { savedSearchId: saved.id },
    });
    expect(second.status).toBe(409);
    expect((await json(second)).errors.form[0]).toMatch(/abandon that freeze with the reason/);

    const noReason = await call("freeze", "action", `/projects/${projectId}/freeze?intent=abandon`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { frozenSearchId: first.id, reason: "" },
    });
    expect(noReason.status).toBe(400);
    const reason = "The search used last year's requirement for out-of-hours repairs";
    const abandoned = await call("freeze", "action", `/projects/${projectId}/freeze?intent=abandon`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { frozenSearchId: first.id, reason },
    });
    expect(abandoned.status).toBe(302);
    const row = await prisma.frozenSearch.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.abandonReason).toBe(reason);
    expect(row.abandonedAt).toBeInstanceOf(Date);

    const fresh = await saveAndFreeze(projectId);
    expect(fresh.id).not.toBe(first.id);
    expect(await prisma.frozenSearch.count({ where: { projectId } })).toBe(2);
    const record = await json(
      await call("record", "loader", `/projects/${projectId}/record`, { cookie: buyerA, params: { id: projectId } }),
    );
    const kept = record.frozen.find((f: { id: string }) => f.id === first.id);
    expect(kept.abandoned.reason).toBe(reason);
    expect(kept.results).toHaveLength(first.results.length);
    // The abandoned search's results are not assessed or shortlisted from.
    const fromAbandoned = await call("shortlist", "action", `/projects/${projectId}/shortlist`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { intent: "add", frozenResultId: first.results[0].id, reason: "From the old search" },
    });
    expect(fromAbandoned.status).toBe(400);
  });

  it("refuses to abandon a freeze whose services are on the shortlist", async () => {
    const { projectId, entries } = await projectReadyToAward("Abandon refused");
    const frozenSearchId = entries[0].frozenResult.frozenSearchId;
    const res = await call("freeze", "action", `/projects/${projectId}/freeze?intent=abandon`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { frozenSearchId, reason: "We want to search again with other words" },
    });
    expect(res.status).toBe(422);
    expect((await json(res)).errors.frozenSearchId[0]).toMatch(/2 services from this search are on the shortlist/);
  });
});

describe("the award against the supplier's place on the lot", () => {
  it("refuses an award to a supplier without a verified award on the lot live at the award date, with the rule", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { projectId, entries } = await projectReadyToAward("Supplier award check");
    const entry = entries[0];
    const lots = await prisma.productVersionLot.findMany({
      where: { versionId: entry.frozenResult.productVersionId, lot: { agreement: { number: "RM1557.15" } } },
      select: { lotId: true },
    });
    const where = { supplierId: entry.frozenResult.product.supplierId, lotId: { in: lots.map((l) => l.lotId) } };
    const awards = await prisma.lotAward.findMany({ where });
    expect(awards.length).toBeGreaterThan(0);
    // Fixture: the supplier's place on the lot is not (yet) verified.
    await prisma.lotAward.updateMany({ where, data: { verified: false } });
    const unverified = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: buyerA,
      params: { id: projectId },
      form: awardForm(await lockOf(projectId), entry.id),
    });
    expect(unverified.status).toBe(422);
    expect((await json(unverified)).errors.entryId[0]).toMatch(
      /has no verified award on G-Cloud 15 lot .* on 2026-11-2\d, the date of this award\. A call-off under a framework can only be made with a supplier awarded a place on the lot at the date of the award\. Source: https:\/\//,
    );
    // Awarded only after the award date: not live then either.
    for (const a of awards)
      await prisma.lotAward.update({ where: { id: a.id }, data: { verified: true, awardedAt: new Date("2030-01-01T00:00:00Z") } });
    const future = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: buyerA,
      params: { id: projectId },
      form: awardForm(await lockOf(projectId), entry.id),
    });
    expect(future.status).toBe(422);
    expect((await json(future)).errors.entryId[0]).toMatch(/has no award live on G-Cloud 15 lot/);
    expect(await prisma.projectOutcome.count({ where: { projectId } })).toBe(0);
    for (const a of awards) await prisma.lotAward.update({ where: { id: a.id }, data: { verified: a.verified, awardedAt: a.awardedAt } });
    const ok = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: buyerA,
      params: { id: projectId },
      form: awardForm(await lockOf(projectId), entry.id),
    });
    expect(ok.status).toBe(302);
  });
});

describe("the award decision, a changed outcome and the OCDS export", () => {
  it("keeps the award pending until an approver decides; a changed outcome is a new release with amendments", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { projectId, entries } = await projectReadyToAward("Award four eyes");
    const first = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: buyerA,
      params: { id: projectId },
      form: awardForm(await lockOf(projectId), entries[0].id),
    });
    expect(first.status).toBe(302);
    const request = await prisma.projectApproval.findFirstOrThrow({ where: { projectId, subject: "award" } });
    expect(request).toMatchObject({ status: "requested", outcomeRevision: 1 });
    const pending = await json(
      await call("ocds", "loader", `/projects/${projectId}/ocds.json`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(pending.awards[0].status).toBe("pending");
    expect(validateOcdsRelease(pending)).toEqual([]);

    const approved = await call("approvals", "action", `/projects/${projectId}/approvals?intent=decide`, {
      cookie: approver,
      params: { id: projectId },
      form: { approvalId: request.id, decision: "approve" },
    });
    expect(approved.status).toBe(302);
    const active = await json(
      await call("ocds", "loader", `/projects/${projectId}/ocds.json`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(active).toMatchObject({ id: `ocds-cmkt01-${projectId}-award-rev1`, tag: ["award"] });
    expect(active.awards[0].status).toBe("active");

    // A changed outcome: award to the lower-scoring service, with why.
    const changed = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: buyerA,
      params: { id: projectId },
      form: awardForm(await lockOf(projectId), entries[1].id, { value: "140000", justification: LOWER_SCORE_REASON }),
    });
    expect(changed.status).toBe(302);
    const requests = await prisma.projectApproval.findMany({ where: { projectId, subject: "award" }, orderBy: { requestedAt: "asc" } });
    expect(requests.map((r) => [r.outcomeRevision, r.status])).toEqual([
      [1, "approved"],
      [2, "requested"],
    ]);
    // An approval of revision 1 does not carry over; deciding the old request is not possible.
    const update = await json(
      await call("ocds", "loader", `/projects/${projectId}/ocds.json`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(validateOcdsRelease(update)).toEqual([]);
    expect(update).toMatchObject({ id: `ocds-cmkt01-${projectId}-award-rev2`, tag: ["awardUpdate"] });
    expect(update.awards[0]).toMatchObject({ status: "pending", value: { amount: 140000, currency: "GBP" } });
    expect(update.awards[0].amendments).toEqual([
      {
        id: `ocds-cmkt01-${projectId}-amendment-2`,
        date: expect.stringMatching(/^20\d\d-/),
        rationale: LOWER_SCORE_REASON,
        description: expect.stringMatching(/^Outcome revision 2 replaces revision 1 \(award to .* for £148,000(\.00)?, recorded /),
        amendsReleaseID: `ocds-cmkt01-${projectId}-award-rev1`,
        releaseID: `ocds-cmkt01-${projectId}-award-rev2`,
      },
    ]);
    const pkg = await json(
      await call("ocds", "loader", `/projects/${projectId}/ocds.json?releases=all`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(pkg.version).toBe("1.1");
    expect(pkg.releases.map((r: { id: string }) => r.id)).toEqual([
      `ocds-cmkt01-${projectId}-award-rev1`,
      `ocds-cmkt01-${projectId}-award-rev2`,
    ]);
    expect(pkg.releases[0].awards[0]).toMatchObject({ status: "active", value: { amount: 148000 } });
    for (const r of pkg.releases) expect(validateOcdsRelease(r)).toEqual([]);

    const record = await json(
      await call("record", "loader", `/projects/${projectId}/record`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(record.outcomeHistory).toHaveLength(2);
    expect(record.outcome.approval).toMatch(/^Waiting for an approver/);
    expect(record.approvals.map((a: { text: string }) => a.text)).toEqual([
      expect.stringMatching(/^Approved by Marcus Reid/),
      expect.stringMatching(/^Waiting for an approver/),
    ]);
  });
});

describe("where each notice was published", () => {
  it("records the notice ID and an https address on a notice service, adding history on a correction", async () => {
    const { prisma } = await import("~/utils/db.server");
    const projectId = await newProject(buyerA, "Notice publication");
    const code = "BELOW_THRESHOLD_CONTRACT_DETAILS";
    const post = (over: Record<string, string>) =>
      lockOf(projectId).then((lockVersion) =>
        call("notices", "action", `/projects/${projectId}/notices?intent=publication`, {
          cookie: buyerA,
          params: { id: projectId },
          form: { lockVersion, code, noticeId: "012345-2026", url: "https://www.find-tender.service.gov.uk/Notice/012345-2026", ...over },
        }),
      );
    const http = await post({ url: "http://www.find-tender.service.gov.uk/Notice/012345-2026" });
    expect(http.status).toBe(400);
    expect((await json(http)).errors.url[0]).toMatch(/https:\/\/ address of the notice on Find a Tender, Contracts Finder/);
    const elsewhere = await post({ url: "https://example.com/notice" });
    expect(elsewhere.status).toBe(400);
    const badId = await post({ noticeId: "<script>" });
    expect(badId.status).toBe(400);
    expect(await prisma.noticePublication.count()).toBe(0);

    expect((await post({})).status).toBe(302);
    expect((await post({ noticeId: "012399-2026", url: "https://www.contractsfinder.service.gov.uk/Notice/abc" })).status).toBe(302);
    const item = await prisma.noticeChecklistItem.findUniqueOrThrow({
      where: { projectId_code: { projectId, code } },
      include: { publications: { orderBy: { recordedAt: "asc" } } },
    });
    expect(item.done).toBe(true);
    expect(item.publications.map((p) => p.noticeId)).toEqual(["012345-2026", "012399-2026"]);
    const record = await json(
      await call("record", "loader", `/projects/${projectId}/record`, { cookie: buyerA, params: { id: projectId } }),
    );
    const notice = record.notices.find((n: { title: string }) => /contract details/i.test(n.title));
    expect(notice.publications.map((p: { publisher: string }) => p.publisher)).toEqual(["Find a Tender", "Contracts Finder"]);
    expect(await prisma.auditEvent.count({ where: { entityId: projectId, action: "project.notice-published" } })).toBe(2);
  });

  it("puts an award's contract on the public register once its contract notice is recorded as published, listing the notice", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { projectId, entries } = await projectReadyToAward("Award made public by its notice");
    const awarded = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: buyerA,
      params: { id: projectId },
      form: awardForm(await lockOf(projectId), entries[0].id),
    });
    expect(awarded.status).toBe(302);
    const request = await prisma.projectApproval.findFirstOrThrow({ where: { projectId, subject: "award" } });
    const approved = await call("approvals", "action", `/projects/${projectId}/approvals?intent=decide`, {
      cookie: approver,
      params: { id: projectId },
      form: { approvalId: request.id, decision: "approve" },
    });
    expect(approved.status).toBe(302);
    const contract = await prisma.contract.findUniqueOrThrow({ where: { sourceKey: `project:${projectId}` } });
    expect(contract.visibility).toBe("private");
    const contractPage = await import("~/routes/contracts.$id");
    const anonymousView = () =>
      responseOf(() => contractPage.loader({ request: makeRequest(`/contracts/${contract.id}`), params: { id: contract.id }, context }));
    expect((await anonymousView()).status).toBe(404);

    const code = "BELOW_THRESHOLD_CONTRACT_DETAILS";
    const url = "https://www.find-tender.service.gov.uk/Notice/054321-2026";
    const recorded = await call("notices", "action", `/projects/${projectId}/notices?intent=publication`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: await lockOf(projectId), code, noticeId: "054321-2026", url },
    });
    expect(recorded.status).toBe(302);
    const published = await prisma.contract.findUniqueOrThrow({
      where: { id: contract.id },
      include: { revisions: { orderBy: { sequence: "asc" } } },
    });
    expect(published.visibility).toBe("public");
    expect(JSON.parse(published.notices)).toEqual([{ id: "054321-2026", url }]);
    expect(published.revisions.at(-1)?.reason).toBe("Notice 054321-2026 published");
    expect(await prisma.auditEvent.count({ where: { entityId: contract.id, action: "contract.revised" } })).toBe(1);
    expect((await anonymousView()).status).toBe(200);

    // The same notice recorded again (a correction of its address) changes nothing on the contract.
    const again = await call("notices", "action", `/projects/${projectId}/notices?intent=publication`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: await lockOf(projectId), code, noticeId: "054321-2026", url },
    });
    expect(again.status).toBe(302);
    expect((await prisma.contract.findUniqueOrThrow({ where: { id: contract.id } })).revision).toBe(published.revision);
  });
});
