// Case studies: what a council bought, how, and whether it worked. Prisma access only.
// Every save writes a revision snapshot and an audit event, bumps lockVersion (stale edits
// are refused), and queues the case study and its products and suppliers for the search
// index in the same transaction; the index is then brought up to date after commit.
import crypto from "node:crypto";
import { prisma, databaseKind, type Prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { penceToPounds } from "~/procurement/money";
import { afterCommit } from "~/utils/after-commit.server";
import { expandSynonyms, SYNONYM_GROUPS } from "~/services/search";
import { auditWriterFor } from "./audit.server";
import { enqueueSearchUpdate } from "./search-outbox.server";
import { diffSnapshots, parseSnapshot, compareSnapshots, type CaseStudySnapshot, type FieldChange } from "./case-study-snapshot";
import { costBandForPence } from "~/utils/labels";
import { dateInputNames, datePartsOf } from "~/utils/date-input";
import { type CaseStudyInput, type ModerationInput, type ReuseQuery, type SupplierResponseInput } from "./case-study.schema";
import { slugify } from "./service-area.schema";
import { uniqueSlug } from "./unique-slug.server";
import { penceToDbOrNull, withPence, type PenceFields } from "./pence";
import { conflict, invalid, notFoundFailure, ok, type Result } from "~/utils/result";

/** What names a case study wherever it is listed or announced: its link, title, council and service area. */
export const caseStudyNames = {
  slug: true,
  title: true,
  council: { select: { name: true } },
  serviceArea: { select: { name: true } },
} satisfies Prisma.CaseStudySelect;

// ───────────────────────────── used by the home and framework pages ──────────

export function listRecentCaseStudies(take = 6) {
  return prisma.caseStudy.findMany({
    where: { status: "published" },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: { ...caseStudyNames, summary: true },
  });
}

export function listCaseStudiesForAgreement(agreementId: string, take = 50) {
  return prisma.caseStudy.findMany({
    where: { status: "published", lot: { agreementId } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: { slug: true, title: true, council: { select: { name: true } } },
  });
}

// ───────────────────────────── reading ───────────────────────────────────────

/** Case-insensitive "contains" on both databases (SQLite LIKE is already case-insensitive for ASCII). */
function containsText(q: string): Prisma.StringFilter {
  return (databaseKind() === "postgresql" ? { contains: q, mode: "insensitive" } : { contains: q }) as Prisma.StringFilter;
}

const fullInclude = {
  council: {
    select: {
      id: true,
      code: true,
      name: true,
      officialName: true,
      type: true,
      typeName: true,
      nation: true,
      region: true,
      population: true,
    },
  },
  serviceArea: { select: { id: true, slug: true, name: true } },
  author: { select: { name: true } },
  metrics: { orderBy: [{ position: "asc" }, { id: "asc" }] },
  products: {
    orderBy: { id: "asc" },
    include: {
      product: {
        select: {
          id: true,
          status: true,
          supplierId: true,
          publishedVersion: { select: { name: true } },
          supplier: { select: { id: true, slug: true, tradingName: true } },
        },
      },
    },
  },
  suppliers: { orderBy: { id: "asc" }, include: { supplier: { select: { id: true, slug: true, tradingName: true } } } },
  assets: { orderBy: { id: "asc" } },
  lot: { include: { agreement: { select: { number: true, shortName: true, name: true } } } },
} satisfies Prisma.CaseStudyInclude;

type CaseStudyRow = Prisma.CaseStudyGetPayload<{ include: typeof fullInclude }>;
/** A case study with its cost as number pence (see ./pence). */
export type FullCaseStudy = PenceFields<CaseStudyRow, "costExactPence">;

function caseStudyFromDb(cs: CaseStudyRow | null): FullCaseStudy | null {
  return cs ? withPence(cs, "costExactPence") : null;
}

export function lotLabel(lot: { number: string; name: string; agreement: { shortName: string; number: string } }): string {
  return `${lot.agreement.shortName} (${lot.agreement.number}) lot ${lot.number}: ${lot.name}`;
}

function isoDay(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

export function snapshotOf(cs: FullCaseStudy): CaseStudySnapshot {
  return {
    title: cs.title,
    status: cs.status,
    serviceArea: cs.serviceArea.name,
    summary: cs.summary,
    problem: cs.problem,
    approach: cs.approach,
    metrics: cs.metrics.map((m) => ({ name: m.name, before: m.before, after: m.after, unit: m.unit, higherIsBetter: m.higherIsBetter })),
    outcomeNarrative: cs.outcomeNarrative,
    costExactPence: cs.costExactPence,
    costBand: cs.costBand,
    funding: cs.funding,
    startDate: isoDay(cs.startDate),
    endDate: isoDay(cs.endDate),
    products: cs.products.map((p) =>
      p.product
        ? {
            productId: p.product.id,
            name: p.product.publishedVersion?.name ?? "A product no longer listed",
            supplierName: p.product.supplier.tradingName,
          }
        : { productId: null, name: p.unlistedName ?? "", supplierName: p.unlistedSupplierName ?? "" },
    ),
    lot: cs.lot ? lotLabel(cs.lot) : null,
    buyingRoute: cs.buyingRoute,
    assets: cs.assets.map((a) => ({ title: a.title, type: a.type, url: a.url, licence: a.licence, description: a.description })),
    lessons: cs.lessons,
    contactName: cs.contactName,
    contactEmail: cs.contactEmail,
  };
}

/**
 * A fingerprint of what a moderator is shown (the snapshot, less its status). Sent back with
 * the decision beside lockVersion, so a decision only applies to the content that was read,
 * even if something outside the case study (a product's name) changed what it shows.
 */
export function caseStudyContentToken(cs: FullCaseStudy): string {
  const { status: _status, ...content } = snapshotOf(cs);
  return crypto.createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

export async function getCaseStudyBySlug(slug: string, db: Tx = prisma): Promise<FullCaseStudy | null> {
  return caseStudyFromDb(await db.caseStudy.findUnique({ where: { slug }, include: fullInclude }));
}

/** Just enough to decide who may act on a case study. */
export function getCaseStudyAccess(slug: string) {
  return prisma.caseStudy.findUnique({
    where: { slug },
    select: { id: true, slug: true, councilId: true, status: true, lockVersion: true, suppliers: { select: { supplierId: true } } },
  });
}

export async function listPublishedCaseStudies({
  serviceAreaSlug,
  page,
  pageSize = 20,
}: {
  serviceAreaSlug?: string;
  page: number;
  pageSize?: number;
}) {
  const where: Prisma.CaseStudyWhereInput = { status: "published", ...(serviceAreaSlug ? { serviceArea: { slug: serviceAreaSlug } } : {}) };
  const [total, items] = await Promise.all([
    prisma.caseStudy.count({ where }),
    prisma.caseStudy.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        ...caseStudyNames,
        summary: true,
        publishedAt: true,
        metrics: {
          orderBy: { position: "asc" },
          take: 1,
          select: { name: true, before: true, after: true, unit: true, higherIsBetter: true },
        },
      },
    }),
  ]);
  return { total, items, pageSize };
}

/** A council's own case studies in every state, for its officers. */
export function listCaseStudiesForCouncil(councilId: string) {
  return prisma.caseStudy.findMany({
    where: { councilId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: 50,
    select: { slug: true, title: true, status: true, updatedAt: true, rejectionReason: true },
  });
}

// ───────────────────────────── the form's choices ────────────────────────────

export async function listLotsForSelect() {
  const lots = await prisma.lot.findMany({
    include: { agreement: { select: { number: true, shortName: true, name: true } } },
    orderBy: [{ agreement: { number: "asc" } }, { number: "asc" }],
  });
  return lots.map((l) => ({ value: l.id, label: lotLabel(l) }));
}

export type PickerProduct = { id: string; name: string; supplierName: string };

/**
 * The products a case study already names, in the order given (any status: a product since
 * withdrawn still shows as chosen). Finding new ones is a search: productPicker in
 * app/services/search.server.ts.
 */
export async function listPickerProducts(ids: string[]): Promise<PickerProduct[]> {
  if (!ids.length) return [];
  const rows = await prisma.product.findMany({
    where: { id: { in: ids.slice(0, 40) } },
    select: { id: true, publishedVersion: { select: { name: true } }, supplier: { select: { tradingName: true } } },
  });
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .map((p) => ({ id: p.id, name: p.publishedVersion?.name ?? "A product no longer listed", supplierName: p.supplier.tradingName }))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

// ───────────────────────────── writing ───────────────────────────────────────

/** A saved case study: where it is now, and the version a further edit must name. */
export type SavedCaseStudy = { slug: string; status: string; lockVersion: number };

interface Actor {
  id: string;
  ip?: string | null;
}

/** A change to a case study in its history, written in the same transaction. */
const auditCaseStudy = auditWriterFor("case-study");

/** Checks the ids the form sent still point at real, allowed things; user input never causes a 500. */
async function checkReferences(input: CaseStudyInput, alreadyLinkedProductIds: string[] = []) {
  const errors: Record<string, string[]> = {};
  const [area, products, lot] = await Promise.all([
    prisma.serviceArea.findUnique({ where: { id: input.serviceAreaId }, select: { id: true } }),
    input.productIds.length
      ? prisma.product.findMany({
          where: { id: { in: input.productIds } },
          select: { id: true, supplierId: true, status: true, publishedVersionId: true },
        })
      : Promise.resolve([]),
    input.lotId ? prisma.lot.findUnique({ where: { id: input.lotId }, select: { id: true } }) : Promise.resolve(null),
  ]);
  if (!area) errors.serviceAreaId = ["Select the service area from the list"];
  const linked = new Set(alreadyLinkedProductIds);
  const usable = products.filter((p) => (p.status === "published" && p.publishedVersionId) || linked.has(p.id));
  if (usable.length !== input.productIds.length) errors.productIds = ["Choose products from the list: one you chose is no longer listed"];
  if (input.lotId && !lot) errors.lotId = ["Select a framework lot from the list"];
  return { errors, productSuppliers: new Map(usable.map((p) => [p.id, p.supplierId])) };
}

function caseStudySlug(title: string, tx: Tx): Promise<string> {
  // "new" is a page of its own (/case-studies/new).
  const base = slugify(title).slice(0, 80).replace(/-+$/, "").replace(/^new$/, "new-case-study") || "case-study";
  return uniqueSlug(base, (prefix) => tx.caseStudy.findMany({ where: { slug: { startsWith: prefix } }, select: { slug: true } }));
}

function scalarData(input: CaseStudyInput) {
  return {
    title: input.title,
    serviceAreaId: input.serviceAreaId,
    summary: input.summary,
    problem: input.problem,
    approach: input.approach,
    outcomeNarrative: input.outcomeNarrative,
    costExactPence: penceToDbOrNull(input.costExactPence, "total cost"),
    costBand: input.costBand ?? (input.costExactPence != null ? costBandForPence(input.costExactPence) : null),
    funding: input.funding,
    startDate: input.startDate,
    endDate: input.endDate,
    lotId: input.lotId,
    buyingRoute: input.buyingRoute,
    lessons: input.lessons,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
  };
}

async function writeChildren(tx: Tx, caseStudyId: string, input: CaseStudyInput, productSuppliers: Map<string, string>) {
  await tx.caseStudyMetric.deleteMany({ where: { caseStudyId } });
  await tx.caseStudyProduct.deleteMany({ where: { caseStudyId } });
  await tx.reusableAsset.deleteMany({ where: { caseStudyId } });
  if (input.metrics.length)
    await tx.caseStudyMetric.createMany({ data: input.metrics.map((m, position) => ({ ...m, caseStudyId, position })) });
  // One at a time so ids (and so display order) follow the form's order.
  for (const productId of input.productIds) await tx.caseStudyProduct.create({ data: { caseStudyId, productId } });
  for (const u of input.unlisted) {
    await tx.caseStudyProduct.create({ data: { caseStudyId, unlistedName: u.name, unlistedSupplierName: u.supplierName || null } });
  }
  for (const a of input.assets) await tx.reusableAsset.create({ data: { ...a, caseStudyId } });
  // Linked suppliers follow the chosen products; a supplier still linked keeps its response.
  const supplierIds = [...new Set(input.productIds.map((id) => productSuppliers.get(id)).filter((s): s is string => Boolean(s)))];
  await tx.caseStudySupplier.deleteMany({ where: { caseStudyId, supplierId: { notIn: supplierIds } } });
  const existing = new Set(
    (await tx.caseStudySupplier.findMany({ where: { caseStudyId }, select: { supplierId: true } })).map((s) => s.supplierId),
  );
  for (const supplierId of supplierIds)
    if (!existing.has(supplierId)) await tx.caseStudySupplier.create({ data: { caseStudyId, supplierId } });
  return supplierIds;
}

async function writeRevision(tx: Tx, cs: FullCaseStudy, actorId: string | null) {
  await tx.caseStudyRevision.create({
    data: {
      caseStudyId: cs.id,
      lockVersion: cs.lockVersion,
      status: cs.status,
      snapshot: JSON.stringify(snapshotOf(cs)),
      createdById: actorId,
      createdAt: now(),
    },
  });
}

/** Case studies written straight into the database (seed, buying projects) have no revision yet: record the state they start from. */
async function ensureBaselineRevision(tx: Tx, cs: FullCaseStudy) {
  const has = await tx.caseStudyRevision.findUnique({
    where: { caseStudyId_lockVersion: { caseStudyId: cs.id, lockVersion: cs.lockVersion } },
    select: { id: true },
  });
  if (!has) await writeRevision(tx, cs, null);
}

async function enqueueCaseStudy(tx: Tx, caseStudyId: string, productIds: Iterable<string>, supplierIds: Iterable<string>) {
  await enqueueSearchUpdate(tx, [
    { entityType: "case-study", entityId: caseStudyId },
    ...[...new Set(productIds)].map((entityId) => ({ entityType: "product" as const, entityId })),
    ...[...new Set(supplierIds)].map((entityId) => ({ entityType: "supplier" as const, entityId })),
  ]);
}

export async function createCaseStudy(input: CaseStudyInput, author: Actor & { councilId: string }): Promise<Result<SavedCaseStudy>> {
  const refs = await checkReferences(input);
  if (Object.keys(refs.errors).length) return invalid(refs.errors);
  const status = input.intent === "submit" ? "submitted" : "draft";
  const result = await prisma.$transaction(async (tx) => {
    const at = now();
    const created = await tx.caseStudy.create({
      data: {
        ...scalarData(input),
        slug: await caseStudySlug(input.title, tx),
        councilId: author.councilId,
        authorId: author.id,
        status,
        lockVersion: 1,
        createdAt: at,
        updatedAt: at,
      },
      select: { id: true },
    });
    const supplierIds = await writeChildren(tx, created.id, input, refs.productSuppliers);
    const cs = (await getCaseStudyBySlugById(tx, created.id))!;
    await writeRevision(tx, cs, author.id);
    const snapshot = snapshotOf(cs);
    await auditCaseStudy(tx, author, cs.id, "case-study.created", { after: snapshot });
    if (status === "submitted") {
      await auditCaseStudy(tx, author, cs.id, "case-study.submitted", { before: { status: "draft" }, after: { status } });
    }
    await enqueueCaseStudy(tx, cs.id, input.productIds, supplierIds);
    return { slug: cs.slug, status, lockVersion: cs.lockVersion };
  });
  await afterCommit();
  return ok(result);
}

async function getCaseStudyBySlugById(tx: Tx, id: string): Promise<FullCaseStudy | null> {
  return caseStudyFromDb(await tx.caseStudy.findUnique({ where: { id }, include: fullInclude }));
}

export const EDIT_CONFLICT_MESSAGE =
  "Someone else changed this case study since you opened it. Check what changed, then save again if your version should replace theirs.";

/**
 * A refused stale edit, for the page: what others saved since the version the officer opened
 * (their form's lockVersion; empty when that version's revision is not known), and the
 * version the form must name to replace it.
 */
export async function getEditConflict(slug: string, openedLockVersion: number | null) {
  const current = await getCaseStudyBySlug(slug);
  if (!current) return { conflict: [] as FieldChange[], lockVersion: undefined };
  const opened = openedLockVersion
    ? await prisma.caseStudyRevision.findUnique({
        where: { caseStudyId_lockVersion: { caseStudyId: current.id, lockVersion: openedLockVersion } },
        select: { snapshot: true },
      })
    : null;
  const before = parseSnapshot(opened?.snapshot);
  return { conflict: before ? diffSnapshots(before, snapshotOf(current)) : [], lockVersion: current.lockVersion };
}

/** Saves the council's edit if nobody else saved since it was opened (compare-and-increment on lockVersion). */
export async function updateCaseStudy(slug: string, input: CaseStudyInput, actor: Actor): Promise<Result<SavedCaseStudy>> {
  const existing = await getCaseStudyBySlug(slug);
  if (!existing) return notFoundFailure("This case study no longer exists");
  const linkedProductIds = existing.products.map((p) => p.productId).filter((id): id is string => Boolean(id));
  const refs = await checkReferences(input, linkedProductIds);
  if (Object.keys(refs.errors).length) return invalid(refs.errors);
  const status = input.intent === "submit" ? "submitted" : "draft";

  const save = () =>
    prisma.$transaction(async (tx): Promise<Result<SavedCaseStudy>> => {
      const before = (await getCaseStudyBySlugById(tx, existing.id))!;
      if (input.lockVersion == null || before.lockVersion !== input.lockVersion) return conflict(EDIT_CONFLICT_MESSAGE);
      await ensureBaselineRevision(tx, before);
      const updated = await tx.caseStudy.updateMany({
        where: { id: before.id, lockVersion: input.lockVersion },
        data: {
          ...scalarData(input),
          status,
          // The reason stays visible until the council sends the case study back for review.
          rejectionReason: status === "submitted" ? null : before.rejectionReason,
          lockVersion: { increment: 1 },
          updatedAt: now(),
        },
      });
      if (updated.count !== 1) return conflict(EDIT_CONFLICT_MESSAGE);
      const supplierIds = await writeChildren(tx, before.id, input, refs.productSuppliers);
      const after = (await getCaseStudyBySlugById(tx, before.id))!;
      await writeRevision(tx, after, actor.id);
      await auditCaseStudy(tx, actor, after.id, "case-study.updated", { before: snapshotOf(before), after: snapshotOf(after) });
      if (status === "submitted" && before.status !== "submitted") {
        await auditCaseStudy(tx, actor, after.id, "case-study.submitted", { before: { status: before.status }, after: { status } });
      }
      const productIds = [...linkedProductIds, ...input.productIds];
      await enqueueCaseStudy(tx, after.id, productIds, [...before.suppliers.map((s) => s.supplierId), ...supplierIds]);
      return ok({ slug: after.slug, status, lockVersion: after.lockVersion });
    });
  let result: Result<SavedCaseStudy>;
  try {
    result = await save();
  } catch (error) {
    // Two saves of the same version at once: the revision's unique key refuses the second.
    if ((error as { code?: string }).code !== "P2002") throw error;
    result = conflict(EDIT_CONFLICT_MESSAGE);
  }
  if (result.ok) await afterCommit();
  return result;
}

// ───────────────────────────── moderation ────────────────────────────────────

export function listModerationQueue() {
  return prisma.caseStudy.findMany({
    where: { status: "submitted" },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    select: { ...caseStudyNames, updatedAt: true, publishedAt: true },
  });
}

export async function getModerationView(slug: string) {
  const cs = await getCaseStudyBySlug(slug);
  if (!cs) return null;
  const lastPublished = await prisma.caseStudyRevision.findFirst({
    where: { caseStudyId: cs.id, status: "published" },
    orderBy: { lockVersion: "desc" },
    select: { lockVersion: true, createdAt: true, snapshot: true },
  });
  const current = snapshotOf(cs);
  const previous = parseSnapshot(lastPublished?.snapshot);
  return {
    caseStudy: {
      id: cs.id,
      slug: cs.slug,
      title: cs.title,
      status: cs.status,
      lockVersion: cs.lockVersion,
      contentToken: caseStudyContentToken(cs),
      rejectionReason: cs.rejectionReason,
      council: cs.council,
      updatedAt: cs.updatedAt,
      publishedAt: cs.publishedAt,
    },
    lastPublished: lastPublished ? { lockVersion: lastPublished.lockVersion, createdAt: lastPublished.createdAt } : null,
    // Published before revisions were kept (seeded data): nothing to compare with.
    publishedWithoutRevision: !lastPublished && cs.publishedAt != null,
    fields: compareSnapshots(previous, current),
  };
}

const CHANGED_BY_COUNCIL = "The council changed this case study since you opened it. Review the latest version below before deciding.";
const CHANGED_WHILE_LOOKING =
  "This case study changed while you were looking at it: someone else saved it or decided on it. Review the latest version below before deciding.";
const CHANGED_CONTENT =
  "This case study changed while you were looking at it, so your decision was not saved. Review what it says now, below, before deciding.";

/** "It is now …": a case study's state in a sentence. */
const STATE_NOW: Record<string, string> = {
  draft: "a draft",
  submitted: "awaiting review",
  published: "published",
  rejected: "back with the council for changes",
  withdrawn: "unpublished",
};

/** Thrown inside the moderation transaction so the guarded update it already made is rolled back. */
class ModerationConflict extends Error {}

const MODERATION: Record<ModerationInput["intent"], { from: string[]; to: string; action: string }> = {
  approve: { from: ["submitted"], to: "published", action: "case-study.published" },
  reject: { from: ["submitted"], to: "rejected", action: "case-study.rejected" },
  unpublish: { from: ["published"], to: "withdrawn", action: "case-study.unpublished" },
};

/**
 * An administrator's decision, applied only to the state, lockVersion and content (the
 * content token) the administrator saw: anything else is a conflict and nothing is written.
 */
export async function moderateCaseStudy(slug: string, input: ModerationInput, admin: Actor): Promise<Result<{ status: string }>> {
  const rule = MODERATION[input.intent];
  const verb = input.intent === "approve" ? "approved" : input.intent === "reject" ? "rejected" : "unpublished";
  let result: Result<{ status: string }>;
  try {
    result = await prisma.$transaction(async (tx): Promise<Result<{ status: string }>> => {
      const before = await getCaseStudyBySlug(slug, tx);
      if (!before) return conflict("This case study no longer exists");
      if (!rule.from.includes(before.status)) {
        return conflict(
          `This case study changed while you were looking at it: it is now ${STATE_NOW[before.status] ?? "in another state"}, so it cannot be ${verb}. Check it below before you continue.`,
        );
      }
      if (before.lockVersion !== input.lockVersion) return conflict(CHANGED_BY_COUNCIL);
      // Before the guard, in the same order as a council's save (revision, then row), so the two never deadlock.
      await ensureBaselineRevision(tx, before);
      const at = now();
      const reason = input.intent === "approve" ? null : input.reason;
      // The guard: only from the state and lockVersion the moderator saw. Of two decisions at once, one wins.
      const updated = await tx.caseStudy.updateMany({
        where: { id: before.id, lockVersion: input.lockVersion, status: before.status },
        data: {
          status: rule.to,
          rejectionReason: reason,
          publishedAt: input.intent === "approve" ? (before.publishedAt ?? at) : before.publishedAt,
          lockVersion: { increment: 1 },
          updatedAt: at,
        },
      });
      if (updated.count !== 1) return conflict(CHANGED_WHILE_LOOKING);
      const after = (await getCaseStudyBySlugById(tx, before.id))!;
      // The content itself, read after the guard: anything that changed what the moderator saw refuses the decision.
      if (input.contentToken !== undefined && caseStudyContentToken(after) !== input.contentToken)
        throw new ModerationConflict(CHANGED_CONTENT);
      await writeRevision(tx, after, admin.id);
      await auditCaseStudy(tx, admin, after.id, rule.action, {
        before: { status: before.status },
        after: { status: after.status, reason },
      });
      if (input.intent === "approve") await notifyNamedSuppliers(tx, after);
      await enqueueCaseStudy(
        tx,
        after.id,
        after.products.map((p) => p.productId).filter((id): id is string => Boolean(id)),
        after.suppliers.map((s) => s.supplierId),
      );
      return ok({ status: after.status });
    });
  } catch (error) {
    if (error instanceof ModerationConflict) return conflict(error.message);
    // Two decisions at once on a case study with no revision yet: the revision's unique key refuses the second.
    if ((error as { code?: string }).code === "P2002") return conflict(CHANGED_WHILE_LOOKING);
    throw error;
  }
  if (result.ok) await afterCommit();
  return result;
}

/** Each supplier named in a published case study hears about it once. */
async function notifyNamedSuppliers(tx: Tx, cs: FullCaseStudy) {
  const link = `/supplier/case-studies/${cs.slug}`;
  const already = new Set(
    (
      await tx.notification.findMany({
        where: { link, kind: "case-study.named", supplierId: { in: cs.suppliers.map((s) => s.supplierId) } },
        select: { supplierId: true },
      })
    ).map((n) => n.supplierId),
  );
  const data = cs.suppliers
    .filter((s) => !already.has(s.supplierId))
    .map((s) => ({
      supplierId: s.supplierId,
      kind: "case-study.named",
      message: `${cs.council.name} named ${s.supplier.tradingName} in a published case study: “${cs.title}”. You can add a response.`,
      link,
      createdAt: now(),
    }));
  if (data.length) await tx.notification.createMany({ data });
}

// ───────────────────────────── supplier responses ────────────────────────────

export function listCaseStudiesNamingSupplier(supplierId: string) {
  return prisma.caseStudySupplier.findMany({
    where: { supplierId, caseStudy: { status: "published" } },
    orderBy: [{ caseStudy: { publishedAt: "desc" } }, { id: "asc" }],
    select: {
      response: true,
      respondedAt: true,
      caseStudy: { select: { slug: true, title: true, publishedAt: true, council: { select: { name: true } } } },
    },
  });
}

export function listSupplierNotifications(supplierId: string) {
  return prisma.notification.findMany({
    where: { supplierId, kind: "case-study.named" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 20,
    select: { id: true, message: true, link: true, createdAt: true, readAt: true },
  });
}

export async function getSupplierResponseContext(slug: string, supplierId: string) {
  const link = await prisma.caseStudySupplier.findFirst({
    where: { supplierId, caseStudy: { slug } },
    select: {
      id: true,
      response: true,
      respondedAt: true,
      caseStudy: { select: { id: true, slug: true, title: true, status: true, summary: true, council: { select: { name: true } } } },
    },
  });
  return link;
}

/** The supplier's own words, kept apart from the council's text; refused if someone else answered meanwhile. */
export async function respondToCaseStudy(
  slug: string,
  supplierId: string,
  input: SupplierResponseInput,
  actor: Actor,
): Promise<Result<void>> {
  return prisma.$transaction(async (tx): Promise<Result<void>> => {
    const link = await tx.caseStudySupplier.findFirst({
      where: { supplierId, caseStudy: { slug, status: "published" } },
      select: { id: true, response: true, respondedAt: true, caseStudyId: true },
    });
    if (!link) return conflict("You can only respond to published case studies that name your organisation");
    const opened = input.respondedAt ? new Date(input.respondedAt) : null;
    const current = link.respondedAt;
    const same = (!opened && !current) || (opened && current && opened.getTime() === current.getTime());
    if (!same)
      return conflict(
        "Someone in your organisation changed this response since you opened it. Check the response below before saving again.",
      );
    const at = now();
    const updated = await tx.caseStudySupplier.updateMany({
      where: { id: link.id, respondedAt: current },
      data: { response: input.response, respondedAt: at },
    });
    if (updated.count !== 1) return conflict("Someone in your organisation changed this response since you opened it.");
    await auditCaseStudy(tx, actor, link.caseStudyId, "case-study.supplier-responded", {
      before: { supplierId, response: link.response },
      after: { supplierId, response: input.response },
    });
    await tx.notification.updateMany({ where: { supplierId, link: `/supplier/case-studies/${slug}`, readAt: null }, data: { readAt: at } });
    return ok();
  });
}

// ───────────────────────────── case study page ───────────────────────────────

/** Published case studies from other councils that used any of these products, one line per council. */
export async function listOtherCouncilsUsingProducts(productIds: string[], excludeCouncilId: string) {
  if (!productIds.length) return [];
  const links = await prisma.caseStudyProduct.findMany({
    where: { productId: { in: productIds }, caseStudy: { status: "published", councilId: { not: excludeCouncilId } } },
    select: {
      product: { select: { id: true, publishedVersion: { select: { name: true } } } },
      caseStudy: { select: { slug: true, title: true, council: { select: { code: true, name: true } } } },
    },
    orderBy: { id: "asc" },
  });
  const byCouncil = new Map<string, { council: { code: string; name: string }; products: Set<string>; caseStudies: Map<string, string> }>();
  for (const l of links) {
    const entry = byCouncil.get(l.caseStudy.council.code) ?? { council: l.caseStudy.council, products: new Set(), caseStudies: new Map() };
    entry.products.add(l.product?.publishedVersion?.name ?? "A product no longer listed");
    entry.caseStudies.set(l.caseStudy.slug, l.caseStudy.title);
    byCouncil.set(l.caseStudy.council.code, entry);
  }
  return [...byCouncil.values()]
    .map((e) => ({
      council: e.council,
      products: [...e.products].sort(),
      caseStudies: [...e.caseStudies].map(([slug, title]) => ({ slug, title })),
    }))
    .sort((a, b) => a.council.name.localeCompare(b.council.name));
}

/** Candidates for "related case studies": same service area or same products, other councils. */
export function listRelatedCandidates(cs: { id: string; councilId: string; serviceAreaId: string }, productIds: string[], take = 200) {
  return prisma.caseStudy.findMany({
    where: {
      status: "published",
      id: { not: cs.id },
      councilId: { not: cs.councilId },
      OR: [{ serviceAreaId: cs.serviceAreaId }, ...(productIds.length ? [{ products: { some: { productId: { in: productIds } } } }] : [])],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: { ...caseStudyNames, councilId: true, serviceAreaId: true, publishedAt: true },
  });
}

// ───────────────────────────── reusable assets ───────────────────────────────

/**
 * The reuse register (/reuse): the one search that stays in SQL (ADR 0012). Reusable assets
 * are rows inside case studies and are in no search index; the register is small (a few per
 * published case study), so plain word matching in the database, with the search's synonym
 * groups, is enough. Counted in the database, never by loading every row.
 */
export async function listReusableAssets(query: ReuseQuery, pageSize = 20) {
  const q = query.q.slice(0, 200);
  // The search's synonym groups apply here too ("my account" also finds "resident portal").
  const alternatives = q ? expandSynonyms(q, SYNONYM_GROUPS, 6).map((alt) => alt.split(/\s+/).filter(Boolean).slice(0, 6)) : [];
  const caseStudy: Prisma.CaseStudyWhereInput = {
    status: "published",
    ...(query.serviceArea ? { serviceArea: { slug: query.serviceArea } } : {}),
  };
  // Every word of the query (or of one of its synonyms) must appear in the asset's title or
  // description, or the case study's title.
  const where: Prisma.ReusableAssetWhereInput = {
    caseStudy,
    ...(query.type ? { type: query.type } : {}),
    ...(alternatives.length
      ? {
          OR: alternatives.map((words) => ({
            AND: words.map((w) => ({
              OR: [{ title: containsText(w) }, { description: containsText(w) }, { caseStudy: { title: containsText(w) } }],
            })),
          })),
        }
      : {}),
  };
  const [total, councils, items] = await Promise.all([
    prisma.reusableAsset.count({ where }),
    prisma.caseStudy.groupBy({ by: ["councilId"], where: { assets: { some: where } } }),
    prisma.reusableAsset.findMany({
      where,
      orderBy: [{ caseStudy: { publishedAt: "desc" } }, { id: "asc" }],
      skip: (query.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        type: true,
        url: true,
        licence: true,
        description: true,
        caseStudy: {
          select: { slug: true, title: true, council: { select: { code: true, name: true } }, serviceArea: { select: { name: true } } },
        },
      },
    }),
  ]);
  return { total, councils: councils.length, items, pageSize };
}

// ───────────────────────────── form support ──────────────────────────────────

/** The choices the form offers: service areas and lots (the product picker is a search: productPicker). */
export async function loadFormOptions() {
  const [serviceAreas, lots] = await Promise.all([
    prisma.serviceArea.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    listLotsForSelect(),
  ]);
  return { serviceAreas, lots };
}

/** A saved case study as the form's flat field values ("metrics.0.before" and so on). */
export function formValuesFor(cs: FullCaseStudy): Record<string, unknown> {
  const values: Record<string, unknown> = {
    title: cs.title,
    serviceAreaId: cs.serviceAreaId,
    summary: cs.summary,
    problem: cs.problem,
    approach: cs.approach,
    outcomeNarrative: cs.outcomeNarrative,
    costExact: cs.costExactPence == null ? "" : penceToPounds(cs.costExactPence),
    // A band derived from the exact cost is not shown as a separate answer.
    costBand: cs.costExactPence == null ? (cs.costBand ?? "") : "",
    funding: cs.funding,
    lotId: cs.lotId ?? "",
    buyingRoute: cs.buyingRoute ?? "",
    lessons: cs.lessons,
    contactName: cs.contactName,
    contactEmail: cs.contactEmail,
    productIds: cs.products.map((p) => p.productId).filter((id): id is string => Boolean(id)),
  };
  for (const [name, date] of [
    ["startDate", cs.startDate],
    ["endDate", cs.endDate],
  ] as const) {
    const parts = datePartsOf(date);
    const names = dateInputNames(name);
    values[names.day] = parts.day;
    values[names.month] = parts.month;
    values[names.year] = parts.year;
  }
  cs.metrics.forEach((m, i) => {
    values[`metrics.${i}.name`] = m.name;
    values[`metrics.${i}.before`] = String(m.before);
    values[`metrics.${i}.after`] = String(m.after);
    values[`metrics.${i}.unit`] = m.unit;
    values[`metrics.${i}.higherIsBetter`] = m.higherIsBetter ? "true" : "";
  });
  cs.products
    .filter((p) => !p.productId)
    .forEach((p, i) => {
      values[`unlisted.${i}.name`] = p.unlistedName ?? "";
      values[`unlisted.${i}.supplierName`] = p.unlistedSupplierName ?? "";
    });
  cs.assets.forEach((a, i) => {
    values[`assets.${i}.title`] = a.title;
    values[`assets.${i}.type`] = a.type;
    values[`assets.${i}.url`] = a.url;
    values[`assets.${i}.licence`] = a.licence;
    values[`assets.${i}.description`] = a.description;
  });
  return values;
}
