// Forward plans and open opportunities (issue 16 item 5): councils publish what they mean to buy
// and when; imported planning (UK1) and tender releases add the same kind of entry. A change is a
// conditional update on the revision read, audited with what it was before.
import { randomUUID } from "node:crypto";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { log } from "~/utils/log.server";
import { placeWhere, queryPage, queryText, type PlaceFilters } from "./list-filters";
import { conflict, invalid, notFoundFailure, ok, refused, type Result } from "~/utils/result";
import { auditWriterFor, recordAudits } from "./audit.server";
import { insertRows, newRowId } from "./bulk-insert.server";
import { notifyFollowers } from "./follows.server";
import { penceFromDbOrNull, penceToDbOrNull } from "./pence";
import { VALUE_BANDS, type PipelineInput, type ValueBandKey } from "./pipeline.schema";

export interface PipelineFields {
  councilId: string | null;
  buyerName: string;
  stage: "planned" | "open" | "closed";
  title: string;
  description: string;
  serviceAreaId: string | null;
  cpvCodes: string[];
  estimatedValuePence: number | null;
  expectedDate: Date | null;
  routeConsidered: string;
  noticeUrl: string | null;
  ocid: string | null;
  releaseId: string | null;
  releaseDate: Date | null;
  projectId: string | null;
}

export type PipelineChange = "created" | "updated" | "unchanged";

function snapshot(f: PipelineFields) {
  return { ...f, expectedDate: f.expectedDate?.toISOString() ?? null, releaseDate: f.releaseDate?.toISOString() ?? null };
}

type Row = Prisma.PipelineEntryGetPayload<object>;
export type StoredPipelineEntry = Row;

/** A change to a pipeline entry, in the audit log in the same transaction. */
const auditPipeline = auditWriterFor("pipeline");

function fieldsOf(row: Row): PipelineFields {
  return {
    councilId: row.councilId,
    buyerName: row.buyerName,
    stage: row.stage as PipelineFields["stage"],
    title: row.title,
    description: row.description,
    serviceAreaId: row.serviceAreaId,
    cpvCodes: JSON.parse(row.cpvCodes) as string[],
    estimatedValuePence: penceFromDbOrNull(row.estimatedValuePence),
    expectedDate: row.expectedDate,
    routeConsidered: row.routeConsidered,
    noticeUrl: row.noticeUrl,
    ocid: row.ocid,
    releaseId: row.releaseId,
    releaseDate: row.releaseDate,
    projectId: row.projectId,
  };
}

export class PipelineConflictError extends Error {}

export async function writePipelineEntry(
  tx: Tx,
  sourceKey: string,
  source: "council" | "ocds",
  given: PipelineFields,
  meta: { actorId: string | null; ip?: string | null },
  /** The stored row for `sourceKey`, when the caller has just read it in `tx` (the import reads a batch's at once). */
  known?: StoredPipelineEntry,
): Promise<{ id: string; change: PipelineChange }> {
  const existing = known ?? (await tx.pipelineEntry.findUnique({ where: { sourceKey } }));
  // A later release of the notice knows nothing of the council's project: keep the link it made.
  const fields = existing && given.projectId === null ? { ...given, projectId: existing.projectId } : given;
  const columns = {
    ...fields,
    cpvCodes: JSON.stringify(fields.cpvCodes),
    estimatedValuePence: penceToDbOrNull(fields.estimatedValuePence, "estimated value"),
  };
  if (!existing) {
    const created = await tx.pipelineEntry.create({
      data: { ...columns, sourceKey, source, createdById: meta.actorId },
      select: { id: true },
    });
    await auditPipeline(tx, { id: meta.actorId, ip: meta.ip }, created.id, "pipeline.published", { after: snapshot(fields) });
    return { id: created.id, change: "created" };
  }
  const before = snapshot(fieldsOf(existing));
  const after = snapshot(fields);
  if (JSON.stringify(before) === JSON.stringify(after)) return { id: existing.id, change: "unchanged" };
  const { count } = await tx.pipelineEntry.updateMany({
    where: { id: existing.id, revision: existing.revision },
    data: { ...columns, revision: existing.revision + 1, updatedAt: now() },
  });
  if (count === 0) throw new PipelineConflictError("The pipeline entry changed while it was being updated");
  await auditPipeline(tx, { id: meta.actorId, ip: meta.ip }, existing.id, "pipeline.revised", { before, after });
  return { id: existing.id, change: "updated" };
}

export interface NewPipelineEntry {
  sourceKey: string;
  source: "council" | "ocds";
  fields: PipelineFields;
  meta: { actorId: string | null; ip?: string | null };
}

/**
 * Creates entries known to be new (the caller looked for their source keys in `tx`), with the
 * rows writePipelineEntry writes for a new one (the entry and its "pipeline.published" audit
 * event), in a few multi-row statements: the OCDS import's bulk path. A source key that exists
 * after all fails the whole statement (unique constraint).
 */
export async function createPipelineEntries(tx: Tx, items: NewPipelineEntry[]): Promise<void> {
  if (!items.length) return;
  const at = now();
  const withIds = items.map((item) => ({ ...item, id: newRowId() }));
  await insertRows(
    tx,
    "PipelineEntry",
    withIds.map(({ id, sourceKey, source, fields, meta }) => ({
      id,
      ...fields,
      cpvCodes: JSON.stringify(fields.cpvCodes),
      estimatedValuePence: penceToDbOrNull(fields.estimatedValuePence, "estimated value"),
      sourceKey,
      source,
      status: "published",
      revision: 1,
      createdById: meta.actorId,
      createdAt: at,
      updatedAt: at,
    })),
  );
  await recordAudits(
    withIds.map(({ id, fields, meta }) => ({
      actorId: meta.actorId,
      action: "pipeline.published",
      entityType: "pipeline",
      entityId: id,
      after: snapshot(fields),
      ip: meta.ip,
    })),
    tx,
  );
}

/** The release date an entry was last written from, to refuse an older release over a newer one. */
export async function pipelineReleaseDate(tx: Tx, sourceKey: string): Promise<Date | null> {
  return (await tx.pipelineEntry.findUnique({ where: { sourceKey }, select: { releaseDate: true } }))?.releaseDate ?? null;
}

export function countPipelineEntries(where: Prisma.PipelineEntryWhereInput = {}) {
  return prisma.pipelineEntry.count({ where });
}

// ───────────────────────────── councils' own forward plans ───────────────────

export interface PipelineActor {
  id: string;
  councilId: string;
  ip?: string | null;
}

/** "2027-04" → 1 April 2027 (UTC): a plan says the month, not the day. */
function monthStart(yearMonth: string): Date {
  const [y, m] = yearMonth.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}

async function resolvePlan(
  input: PipelineInput,
): Promise<{ ok: true; serviceArea: { id: string; name: string }; expectedDate: Date } | { ok: false; errors: Record<string, string[]> }> {
  const errors: Record<string, string[]> = {};
  const serviceArea = await prisma.serviceArea.findUnique({ where: { slug: input.serviceArea }, select: { id: true, name: true } });
  if (!serviceArea) errors.serviceArea = ["Choose a service area the portal lists"];
  const expectedDate = monthStart(input.expectedStart);
  const today = now();
  if (expectedDate < new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)))
    errors.expectedStartMonth = ["Expected start must be this month or later"];
  if (Object.keys(errors).length || !serviceArea) return { ok: false, errors };
  return { ok: true, serviceArea, expectedDate };
}

function planColumns(input: PipelineInput, serviceAreaId: string, expectedDate: Date) {
  return {
    title: input.title,
    description: input.description,
    serviceAreaId,
    cpvCodes: JSON.stringify(input.cpvCodes),
    estimatedValuePence: penceToDbOrNull(input.estimatedValue, "estimated value"),
    expectedDate,
    routeConsidered: input.routeConsidered,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
  };
}

function planSnapshot(row: {
  title: string;
  description: string;
  serviceAreaId: string | null;
  cpvCodes: string;
  estimatedValuePence: bigint | null;
  expectedDate: Date | null;
  routeConsidered: string;
  contactName: string | null;
  contactEmail: string | null;
  status: string;
  projectId: string | null;
}) {
  return {
    title: row.title,
    description: row.description,
    serviceAreaId: row.serviceAreaId,
    cpvCodes: JSON.parse(row.cpvCodes) as string[],
    estimatedValuePence: penceFromDbOrNull(row.estimatedValuePence),
    expectedDate: row.expectedDate?.toISOString().slice(0, 7) ?? null,
    routeConsidered: row.routeConsidered,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    status: row.status,
    projectId: row.projectId,
  };
}

/** What telling a plan's followers needs of it. */
const planNewsSelect = {
  id: true,
  title: true,
  councilId: true,
  serviceAreaId: true,
  buyerName: true,
  council: { select: { name: true } },
} satisfies Prisma.PipelineEntrySelect;

type PlanNews = Prisma.PipelineEntryGetPayload<{ select: typeof planNewsSelect }>;

/**
 * Suppliers following the plan's service area or its council hear of it once (the same item
 * key, so someone following both, or told again by the follow job, is told once). Returns how
 * many were told.
 */
export async function tellPlanFollowers(entry: PlanNews): Promise<number> {
  const item = {
    itemKey: `pipeline:${entry.id}`,
    message: `New forward plan from ${entry.council?.name ?? entry.buyerName}: ${entry.title}`,
    path: `/pipeline/${entry.id}`,
  };
  let told = 0;
  if (entry.serviceAreaId) told += await notifyFollowers("service-area", { ...item, subjectId: entry.serviceAreaId });
  if (entry.councilId) told += await notifyFollowers("council", { ...item, subjectId: entry.councilId });
  return told;
}

/**
 * Forward plans council buyers published in (from, to], for the follow job: it tells their
 * followers again (a no-op for those already told), so a plan whose process stopped between the
 * commit and telling them is not missed. Seeded and imported entries have no publisher.
 */
export function listPublishedPlansBetween(from: Date, to: Date): Promise<PlanNews[]> {
  return prisma.pipelineEntry.findMany({
    where: { source: "council", status: "published", createdById: { not: null }, createdAt: { gt: from, lte: to } },
    select: planNewsSelect,
    orderBy: { createdAt: "asc" },
  });
}

/** A council buyer publishes a forward plan; followers are told once it has committed. */
export async function publishPipelineEntry(actor: PipelineActor, input: PipelineInput): Promise<Result<{ id: string }>> {
  const council = await prisma.council.findUnique({ where: { id: actor.councilId }, select: { id: true, officialName: true } });
  if (!council) return notFoundFailure("Your council was not found");
  const plan = await resolvePlan(input);
  if (!plan.ok) return invalid(plan.errors);
  const created = await prisma.$transaction(async (tx) => {
    const row = await tx.pipelineEntry.create({
      data: {
        ...planColumns(input, plan.serviceArea.id, plan.expectedDate),
        councilId: council.id,
        buyerName: council.officialName,
        stage: "planned",
        source: "council",
        sourceKey: `council:${council.id}/${randomUUID()}`,
        createdById: actor.id,
      },
    });
    await auditPipeline(tx, actor, row.id, "pipeline.published", { after: planSnapshot(row) });
    return row;
  });
  // After commit; a failure is logged, never the council's error: the entry is published either
  // way, and the follow job tells its followers within the hour.
  try {
    const entry = await prisma.pipelineEntry.findUnique({ where: { id: created.id }, select: planNewsSelect });
    if (entry) await tellPlanFollowers(entry);
  } catch (error) {
    log.error({ err: error, pipelineEntryId: created.id }, "telling followers of a new forward plan failed");
  }
  return ok({ id: created.id });
}

type OwnEntry = Prisma.PipelineEntryGetPayload<object>;

/** The council's own entry in the state a change expects, or why not. */
async function ownEntry(actor: PipelineActor, id: string, revision: number, opts: { councilEntryOnly: boolean }) {
  const entry = await prisma.pipelineEntry.findUnique({ where: { id } });
  if (!entry || entry.councilId !== actor.councilId)
    return { ok: false as const, result: notFoundFailure("No such forward plan at your council") };
  if (opts.councilEntryOnly && entry.source !== "council")
    return {
      ok: false as const,
      result: refused("This entry was imported from a published notice: it changes when the notice does", {
        rule: "Imported notices are the record",
      }),
    };
  if (entry.status !== "published") return { ok: false as const, result: conflict("This forward plan has been withdrawn") };
  if (entry.revision !== revision)
    return { ok: false as const, result: conflict("Someone else changed this forward plan since you opened it. Check it and try again.") };
  return { ok: true as const, entry };
}

async function conditionalUpdate(
  actor: PipelineActor,
  entry: OwnEntry,
  data: Prisma.PipelineEntryUncheckedUpdateManyInput,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<Result<{ id: string; revision: number }>> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.pipelineEntry.updateMany({
      where: { id: entry.id, revision: entry.revision, status: "published" },
      data: { ...data, revision: entry.revision + 1 },
    });
    if (count !== 1) return conflict("Someone else changed this forward plan since you opened it. Check it and try again.");
    const after = await tx.pipelineEntry.findUniqueOrThrow({ where: { id: entry.id } });
    await auditPipeline(tx, actor, entry.id, action, { before: planSnapshot(entry), after: { ...planSnapshot(after), ...extra } });
    return ok({ id: entry.id, revision: after.revision });
  });
}

export async function revisePipelineEntry(
  actor: PipelineActor,
  id: string,
  input: PipelineInput & { revision: number },
): Promise<Result<{ id: string; revision: number }>> {
  const own = await ownEntry(actor, id, input.revision, { councilEntryOnly: true });
  if (!own.ok) return own.result;
  const plan = await resolvePlan(input);
  if (!plan.ok) return invalid(plan.errors);
  return conditionalUpdate(actor, own.entry, planColumns(input, plan.serviceArea.id, plan.expectedDate), "pipeline.revised");
}

export async function withdrawPipelineEntry(
  actor: PipelineActor,
  id: string,
  input: { revision: number; reason: string },
): Promise<Result<{ id: string; revision: number }>> {
  const own = await ownEntry(actor, id, input.revision, { councilEntryOnly: true });
  if (!own.ok) return own.result;
  return conditionalUpdate(actor, own.entry, { status: "withdrawn", withdrawnAt: now() }, "pipeline.withdrawn", { reason: input.reason });
}

/** The council links its entry (its own or an imported one for it) to one of its own buying projects. */
export async function linkPipelineProject(
  actor: PipelineActor,
  id: string,
  input: { revision: number; projectId: string },
): Promise<Result<{ id: string; revision: number }>> {
  const own = await ownEntry(actor, id, input.revision, { councilEntryOnly: false });
  if (!own.ok) return own.result;
  const project = await prisma.buyingProject.findUnique({ where: { id: input.projectId }, select: { id: true, councilId: true } });
  if (!project || project.councilId !== actor.councilId) return invalid({ projectId: ["Choose one of your council's projects"] });
  if (own.entry.projectId === project.id) return conflict("This forward plan is already linked to that project", "projectId");
  return conditionalUpdate(actor, own.entry, { projectId: project.id }, "pipeline.project-linked");
}

/** The council's projects a buyer may link an entry to, newest first. */
export function listLinkableProjects(councilId: string) {
  return prisma.buyingProject.findMany({
    where: { councilId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, title: true, status: true },
  });
}

// ───────────────────────────── reading ───────────────────────────────────────

export const PIPELINE_PAGE_SIZE = 25;

export interface PipelineFilters extends PlaceFilters {
  startFrom?: string; // YYYY-MM
  startTo?: string; // YYYY-MM
  value?: ValueBandKey;
  page: number;
}

const yearMonth = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePipelineFilters(search: URLSearchParams): PipelineFilters {
  const text = queryText(search);
  const month = (k: string) => {
    const v = text(k, 7);
    return v && yearMonth.test(v) ? v : undefined;
  };
  const band = text("value");
  return {
    serviceArea: text("serviceArea"),
    region: text("region"),
    councilType: text("councilType"),
    startFrom: month("startFrom"),
    startTo: month("startTo"),
    value: VALUE_BANDS.find((b) => b.value === band)?.value,
    council: text("council"),
    page: queryPage(search),
  };
}

export function pipelineWhere(filters: PipelineFilters): Prisma.PipelineEntryWhereInput {
  const and: Prisma.PipelineEntryWhereInput[] = [{ status: "published" }, ...placeWhere(filters)];
  if (filters.startFrom || filters.startTo) {
    const to = filters.startTo ? monthStart(filters.startTo) : null;
    and.push({
      expectedDate: {
        ...(filters.startFrom ? { gte: monthStart(filters.startFrom) } : {}),
        ...(to ? { lt: new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 1)) } : {}),
      },
    });
  }
  const band = VALUE_BANDS.find((b) => b.value === filters.value);
  if (band)
    and.push({
      estimatedValuePence: { gte: BigInt(band.min), ...(band.max === null ? {} : { lt: BigInt(band.max) }) },
    });
  return { AND: and };
}

const listSelect = {
  id: true,
  title: true,
  buyerName: true,
  stage: true,
  source: true,
  estimatedValuePence: true,
  expectedDate: true,
  routeConsidered: true,
  council: { select: { code: true, name: true, typeName: true, region: true } },
  serviceArea: { select: { name: true, slug: true } },
  project: { select: { id: true, status: true } },
} satisfies Prisma.PipelineEntrySelect;

export async function listPipeline(filters: PipelineFilters) {
  const where = pipelineWhere(filters);
  const [total, rows] = await Promise.all([
    prisma.pipelineEntry.count({ where }),
    prisma.pipelineEntry.findMany({
      where,
      select: listSelect,
      orderBy: [{ expectedDate: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      skip: (filters.page - 1) * PIPELINE_PAGE_SIZE,
      take: PIPELINE_PAGE_SIZE,
    }),
  ]);
  return {
    total,
    page: filters.page,
    pageSize: PIPELINE_PAGE_SIZE,
    entries: rows.map((r) => ({
      ...r,
      estimatedValuePence: penceFromDbOrNull(r.estimatedValuePence),
      expectedDate: r.expectedDate?.toISOString().slice(0, 10) ?? null,
    })),
  };
}

/** The list's filter options (service areas, regions and council types that occur among councils). */
export async function pipelineFilterOptions() {
  const [areas, types, regions] = await Promise.all([
    prisma.serviceArea.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { slug: true, name: true } }),
    prisma.council.findMany({ distinct: ["type"], select: { type: true, typeName: true }, orderBy: { typeName: "asc" } }),
    prisma.council.findMany({ distinct: ["region"], select: { region: true }, orderBy: { region: "asc" } }),
  ]);
  return {
    serviceAreas: areas,
    councilTypes: types.map((t) => ({ value: t.type, label: t.typeName })),
    regions: regions.map((r) => r.region),
  };
}

/** One entry as its page shows it (withdrawn ones too, marked: links to them keep working). */
export async function getPipelineEntry(id: string) {
  const row = await prisma.pipelineEntry.findUnique({
    where: { id },
    select: {
      ...listSelect,
      description: true,
      cpvCodes: true,
      noticeUrl: true,
      ocid: true,
      contactName: true,
      contactEmail: true,
      status: true,
      withdrawnAt: true,
      revision: true,
      councilId: true,
      createdAt: true,
      updatedAt: true,
      project: { select: { id: true, title: true, status: true, councilId: true } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    cpvCodes: JSON.parse(row.cpvCodes) as string[],
    estimatedValuePence: penceFromDbOrNull(row.estimatedValuePence),
    expectedDate: row.expectedDate?.toISOString().slice(0, 10) ?? null,
    expectedMonth: row.expectedDate?.toISOString().slice(0, 7) ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
  };
}
