// The contracts register (issue 16): one Contract per source record (a portal award, an imported
// notice's award, a council's own entry). Every change is a conditional update on the revision it
// read and adds a ContractRevision, so nothing a contract said is ever lost. Private contracts are
// visible only to their council's buyers; everyone else gets "not found".
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { ok, conflict, invalid, notFoundFailure, type Result } from "~/utils/result";
import { recordAudit, recordAudits } from "./audit.server";
import { CONTRACT_REGISTER_NOTICES } from "./published-awards";
import { insertRows, newRowId } from "./bulk-insert.server";
import { penceFromDb, penceFromDbOrNull, penceToDbOrNull } from "./pence";
import { agreementSlugOf, routeKindOf } from "./project.schema";
import { CONTRACT_CSV_COLUMNS, type ContractInput, type ContractSource } from "./contract.schema";
import type { ContractRowResult } from "./contract-csv";
import type { ExportContract } from "./contract-export";
import { placeWhere, queryPage, queryText, type PlaceFilters } from "./list-filters";

export { CONTRACT_SOURCES, type ContractSource } from "./contract.schema";

/** Who is looking: a buyer sees their own council's private contracts too. */
export interface ContractViewer {
  councilId: string | null;
}

/** `canReadOwn`: the user holds read:contract:own (hasPermission in app/auth, passed in so models need no auth import). */
export function viewerOf(user: { councilId: string | null } | null, canReadOwn: boolean): ContractViewer {
  return { councilId: user && canReadOwn ? user.councilId : null };
}

/** The contracts a viewer may see: public ones, and their own council's private ones. */
export function visibleTo(viewer: ContractViewer | null): Prisma.ContractWhereInput {
  return viewer?.councilId
    ? { status: "active", OR: [{ visibility: "public" }, { councilId: viewer.councilId }] }
    : { status: "active", visibility: "public" };
}

export interface Extension {
  endDate: string; // YYYY-MM-DD
}

/** Everything a source says about a contract; what a revision records. */
export interface ContractFields {
  councilId: string | null;
  buyerName: string;
  supplierId: string | null;
  supplierName: string;
  supplierCompanyNumber: string | null;
  title: string;
  description: string;
  agreementId: string | null;
  lotId: string | null;
  procedure: string;
  valuePence: number | null;
  valueExVatPence: number | null;
  unitPricePence: number | null;
  priceUnit: string | null;
  startDate: Date | null;
  endDate: Date | null;
  extensions: Extension[];
  cpvCodes: string[];
  serviceAreaId: string | null;
  category: string | null;
  notices: { id: string; url: string }[];
  ocid: string | null;
  releaseId: string | null;
  releaseDate: Date | null;
  visibility: "public" | "private";
  status: "active" | "withdrawn";
  projectId: string | null;
  productIds: string[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A JSON-safe picture of the fields (dates as ISO text, pence as numbers), for revisions and change checks. */
function snapshotOf(fields: ContractFields): Record<string, unknown> {
  return {
    ...fields,
    startDate: iso(fields.startDate),
    endDate: iso(fields.endDate),
    releaseDate: iso(fields.releaseDate),
    productIds: [...fields.productIds].sort(),
  };
}

function latestEnd(fields: ContractFields): Date | null {
  const last = fields.extensions.at(-1);
  return last ? new Date(`${last.endDate}T00:00:00.000Z`) : fields.endDate;
}

function columnsOf(fields: ContractFields) {
  const { productIds: _products, extensions, cpvCodes, notices, ...rest } = fields;
  return {
    ...rest,
    valuePence: penceToDbOrNull(fields.valuePence, "contract value"),
    valueExVatPence: penceToDbOrNull(fields.valueExVatPence, "contract value excluding VAT"),
    unitPricePence: penceToDbOrNull(fields.unitPricePence, "unit price"),
    extensions: JSON.stringify(extensions),
    cpvCodes: JSON.stringify(cpvCodes),
    notices: JSON.stringify(notices),
    latestEndDate: latestEnd(fields),
  };
}

export type StoredContract = Prisma.ContractGetPayload<{ include: { products: { select: { productId: true } } } }>;

function fieldsOfRow(row: StoredContract): ContractFields {
  return {
    councilId: row.councilId,
    buyerName: row.buyerName,
    supplierId: row.supplierId,
    supplierName: row.supplierName,
    supplierCompanyNumber: row.supplierCompanyNumber,
    title: row.title,
    description: row.description,
    agreementId: row.agreementId,
    lotId: row.lotId,
    procedure: row.procedure,
    valuePence: penceFromDbOrNull(row.valuePence),
    valueExVatPence: penceFromDbOrNull(row.valueExVatPence),
    unitPricePence: penceFromDbOrNull(row.unitPricePence),
    priceUnit: row.priceUnit,
    startDate: row.startDate,
    endDate: row.endDate,
    extensions: JSON.parse(row.extensions) as Extension[],
    cpvCodes: JSON.parse(row.cpvCodes) as string[],
    serviceAreaId: row.serviceAreaId,
    category: row.category,
    notices: JSON.parse(row.notices) as { id: string; url: string }[],
    ocid: row.ocid,
    releaseId: row.releaseId,
    releaseDate: row.releaseDate,
    visibility: row.visibility === "public" ? "public" : "private",
    status: row.status === "withdrawn" ? "withdrawn" : "active",
    projectId: row.projectId,
    productIds: row.products.map((p) => p.productId),
  };
}

export type ContractChange = "created" | "updated" | "unchanged";

export class ContractConflictError extends Error {}

/**
 * Creates or revises the contract for `sourceKey` inside `tx`. Unchanged fields write nothing
 * (so re-importing a package changes nothing); a change is a conditional update on the revision
 * read (or `known`), adds a ContractRevision and an audit event.
 */
export async function writeContract(
  tx: Tx,
  sourceKey: string,
  source: ContractSource,
  fields: ContractFields,
  meta: { reason: string; actorId: string | null; ip?: string | null; id?: string },
  /** The stored row for `sourceKey`, when the caller has just read it in `tx` (the import reads a batch's at once). */
  known?: StoredContract,
): Promise<{ id: string; change: ContractChange; revision: number }> {
  const existing =
    known ?? (await tx.contract.findUnique({ where: { sourceKey }, include: { products: { select: { productId: true } } } }));
  const snapshot = snapshotOf(fields);
  if (!existing) {
    const created = await tx.contract.create({
      data: {
        ...columnsOf(fields),
        ...(meta.id ? { id: meta.id } : {}),
        sourceKey,
        source,
        createdById: meta.actorId,
        products: { create: [...new Set(fields.productIds)].map((productId) => ({ productId })) },
      },
      select: { id: true },
    });
    await tx.contractRevision.create({
      data: { contractId: created.id, sequence: 1, snapshot: JSON.stringify(snapshot), reason: meta.reason, actorId: meta.actorId },
    });
    await recordAudit(
      { actorId: meta.actorId, action: "contract.created", entityType: "contract", entityId: created.id, after: snapshot, ip: meta.ip },
      tx,
    );
    return { id: created.id, change: "created", revision: 1 };
  }
  const before = snapshotOf(fieldsOfRow(existing));
  if (JSON.stringify(before) === JSON.stringify(snapshot)) return { id: existing.id, change: "unchanged", revision: existing.revision };
  const revision = existing.revision + 1;
  const { count } = await tx.contract.updateMany({
    where: { id: existing.id, revision: existing.revision },
    data: { ...columnsOf(fields), revision, updatedAt: now() },
  });
  if (count === 0) throw new ContractConflictError("The contract changed while it was being updated");
  await tx.contractProduct.deleteMany({ where: { contractId: existing.id } });
  if (fields.productIds.length)
    await tx.contractProduct.createMany({
      data: [...new Set(fields.productIds)].map((productId) => ({ contractId: existing.id, productId })),
    });
  await tx.contractRevision.create({
    data: { contractId: existing.id, sequence: revision, snapshot: JSON.stringify(snapshot), reason: meta.reason, actorId: meta.actorId },
  });
  await recordAudit(
    {
      actorId: meta.actorId,
      action: "contract.revised",
      entityType: "contract",
      entityId: existing.id,
      before,
      after: snapshot,
      ip: meta.ip,
    },
    tx,
  );
  return { id: existing.id, change: "updated", revision };
}

export interface NewContract {
  sourceKey: string;
  source: ContractSource;
  fields: ContractFields;
  meta: { reason: string; actorId: string | null; ip?: string | null };
}

/**
 * Creates contracts known to be new (the caller looked for their source keys in `tx`), with
 * the same rows writeContract writes for a new one (the contract, its first revision and a
 * "contract.created" audit event), in a few statements for all of them: the OCDS import's bulk
 * path. A source key that exists after all fails the whole statement (unique constraint).
 */
export async function createContracts(tx: Tx, items: NewContract[]): Promise<void> {
  if (!items.length) return;
  // Multi-row INSERTs (bulk-insert.server.ts): Prisma's createMany cost ~1.2 ms a contract.
  const at = now();
  const withIds = items.map((item) => ({ ...item, id: newRowId(), snapshot: snapshotOf(item.fields) }));
  await insertRows(
    tx,
    "Contract",
    withIds.map((c) => ({
      id: c.id,
      ...columnsOf(c.fields),
      sourceKey: c.sourceKey,
      source: c.source,
      revision: 1,
      createdById: c.meta.actorId,
      createdAt: at,
      updatedAt: at,
    })),
  );
  await insertRows(
    tx,
    "ContractProduct",
    withIds.flatMap((c) => [...new Set(c.fields.productIds)].map((productId) => ({ contractId: c.id, productId }))),
  );
  await insertRows(
    tx,
    "ContractRevision",
    withIds.map((c) => ({
      id: newRowId(),
      contractId: c.id,
      sequence: 1,
      snapshot: JSON.stringify(c.snapshot),
      reason: c.meta.reason,
      actorId: c.meta.actorId,
      createdAt: at,
    })),
  );
  await recordAudits(
    withIds.map((c) => ({
      actorId: c.meta.actorId,
      action: "contract.created",
      entityType: "contract",
      entityId: c.id,
      after: c.snapshot,
      ip: c.meta.ip,
    })),
    tx,
  );
}

// ───────────────────────────── from a portal award ───────────────────────────

/**
 * A portal award's contracts (the lead's and each joint participant's) become public once the
 * council records that a notice publishing the contract is out (./published-awards'
 * CONTRACT_REGISTER_NOTICES: UK7, Contracts Finder, the below-threshold contract details, the
 * Transparency Code's record, Public Contracts Scotland's award notice): ticked on the
 * checklist, or recorded with its ID and address, which the contract then lists. Each change is
 * a revision, audited; a contract already public with that notice listed is unchanged. Never
 * made private again: the notice is public.
 */
export async function publishAwardContracts(
  tx: Tx,
  projectId: string,
  notice: { id: string; url: string } | null,
  actor: { id: string | null; ip?: string | null },
): Promise<void> {
  const rows = await tx.contract.findMany({
    where: { projectId, source: "portal", status: "active" },
    include: { products: { select: { productId: true } } },
  });
  for (const row of rows) {
    const fields = fieldsOfRow(row);
    const notices = notice && !fields.notices.some((n) => n.id === notice.id) ? [...fields.notices, notice] : fields.notices;
    await writeContract(
      tx,
      row.sourceKey,
      "portal",
      { ...fields, visibility: "public", notices },
      {
        reason: notice ? `Notice ${notice.id} published` : "The council recorded the contract's notice as published",
        actorId: actor.id,
        ip: actor.ip,
      },
      row,
    );
  }
}

/**
 * The contract for a buying project's latest outcome: called inside the transaction that records
 * the outcome, so the contract and the outcome commit together. An award makes (or revises) the
 * contract; a later outcome that is not an award withdraws it. Private until the council publishes
 * its contract details notice.
 */
export async function contractFromAward(tx: Tx, projectId: string, actor: { id: string | null; ip?: string | null }) {
  const project = await tx.buyingProject.findUniqueOrThrow({
    where: { id: projectId },
    select: {
      id: true,
      title: true,
      category: true,
      routeId: true,
      councilId: true,
      council: { select: { officialName: true } },
      outcome: {
        select: {
          kind: true,
          revision: true,
          supplierId: true,
          valuePence: true,
          startDate: true,
          endDate: true,
          productVersion: {
            select: { productId: true, category: true, priceFromPence: true, priceUnit: true, lots: { select: { lotId: true } } },
          },
        },
      },
    },
  });
  const sourceKey = `project:${projectId}`;
  const outcome = project.outcome;
  // Joint buying (issue 16, item 4): each accepted participant's contract, keyed by its council.
  const participants = await tx.projectParticipant.findMany({
    where: { projectId, status: "accepted" },
    orderBy: { id: "asc" },
    select: { councilId: true, sharePence: true, council: { select: { officialName: true } } },
  });
  const participantKey = (councilId: string) => `${sourceKey}:council:${councilId}`;
  if (!outcome || outcome.kind !== "awarded") {
    // A later outcome that is not an award withdraws the lead's contract and every participant's.
    const existing = await tx.contract.findMany({
      where: { projectId, source: "portal", status: "active" },
      include: { products: { select: { productId: true } } },
      orderBy: { sourceKey: "asc" },
    });
    let lead: Awaited<ReturnType<typeof writeContract>> | null = null;
    for (const row of existing) {
      const written = await writeContract(
        tx,
        row.sourceKey,
        "portal",
        { ...fieldsOfRow(row), status: "withdrawn" },
        {
          reason: `Outcome revision ${outcome?.revision ?? 0} is not an award`,
          actorId: actor.id,
          ip: actor.ip,
        },
      );
      if (row.sourceKey === sourceKey) lead = written;
    }
    return lead;
  }
  const supplier = outcome.supplierId
    ? await tx.supplier.findUnique({ where: { id: outcome.supplierId }, select: { id: true, legalName: true, companyNumber: true } })
    : null;
  // The route names the agreement; the awarded listing's lot on it is the lot.
  const slug = agreementSlugOf(project.routeId);
  const agreement = slug ? await tx.agreement.findUnique({ where: { slug }, select: { id: true, lots: { select: { id: true } } } }) : null;
  const listingLots = new Set(outcome.productVersion?.lots.map((l) => l.lotId) ?? []);
  const lotId = agreement?.lots.find((l) => listingLots.has(l.id))?.id ?? null;
  const serviceArea = await tx.serviceArea.findFirst({ where: { name: project.category }, select: { id: true } });
  const previous = await tx.contract.findUnique({ where: { sourceKey }, select: { visibility: true, notices: true } });
  // A notice publishing the contract already recorded (a revised award): public from the start.
  const noticeOut =
    (await tx.noticeChecklistItem.count({ where: { projectId, code: { in: [...CONTRACT_REGISTER_NOTICES] }, done: true } })) > 0;
  const awardPence = penceFromDbOrNull(outcome.valuePence);
  const shares = jointShares(
    awardPence,
    participants.map((p) => penceFromDb(p.sharePence)),
  );
  const lead = await writeContract(
    tx,
    sourceKey,
    "portal",
    {
      councilId: project.councilId,
      buyerName: project.council.officialName,
      supplierId: supplier?.id ?? null,
      supplierName: supplier?.legalName ?? "",
      supplierCompanyNumber: supplier?.companyNumber ?? null,
      title: project.title,
      description: "",
      agreementId: agreement?.id ?? null,
      lotId,
      procedure: agreement ? "" : (routeKindOf(project.routeId) ?? project.routeId),
      valuePence: shares.leadPence,
      valueExVatPence: null,
      unitPricePence: outcome.productVersion?.priceFromPence ?? null,
      priceUnit: outcome.productVersion?.priceUnit ?? null,
      startDate: outcome.startDate,
      endDate: outcome.endDate,
      extensions: [],
      cpvCodes: [],
      serviceAreaId: serviceArea?.id ?? null,
      category: outcome.productVersion?.category ?? project.category,
      notices: previous ? (JSON.parse(previous.notices) as { id: string; url: string }[]) : [],
      ocid: null,
      releaseId: null,
      releaseDate: null,
      visibility: previous?.visibility === "public" || noticeOut ? "public" : "private",
      status: "active",
      projectId,
      productIds: outcome.productVersion ? [outcome.productVersion.productId] : [],
    },
    { reason: `Outcome revision ${outcome.revision}: award recorded`, actorId: actor.id, ip: actor.ip },
  );
  // One private contract per accepted participant: its share, the same supplier, product, dates and lot.
  const leadRow = await tx.contract.findUniqueOrThrow({ where: { id: lead.id }, include: { products: { select: { productId: true } } } });
  const leadFields = fieldsOfRow(leadRow);
  const written = new Set<string>();
  for (const [i, p] of participants.entries()) {
    const key = participantKey(p.councilId);
    written.add(key);
    const mine = await tx.contract.findUnique({ where: { sourceKey: key }, select: { visibility: true, notices: true } });
    await writeContract(
      tx,
      key,
      "portal",
      {
        ...leadFields,
        councilId: p.councilId,
        buyerName: p.council.officialName,
        valuePence: shares.participantPence[i],
        notices: mine ? (JSON.parse(mine.notices) as { id: string; url: string }[]) : [],
        visibility: mine?.visibility === "public" || noticeOut ? "public" : "private",
        status: "active",
      },
      {
        reason: `Outcome revision ${outcome.revision}: award recorded (joint buying, this council's share)`,
        actorId: actor.id,
        ip: actor.ip,
      },
    );
  }
  // A council that left the project since an earlier award keeps its contract only as withdrawn.
  const stale = await tx.contract.findMany({
    where: { projectId, source: "portal", status: "active", sourceKey: { startsWith: `${sourceKey}:council:` } },
    include: { products: { select: { productId: true } } },
  });
  for (const row of stale.filter((r) => !written.has(r.sourceKey)))
    await writeContract(
      tx,
      row.sourceKey,
      "portal",
      { ...fieldsOfRow(row), status: "withdrawn" },
      { reason: `Outcome revision ${outcome.revision}: the council no longer takes part`, actorId: actor.id, ip: actor.ip },
    );
  return lead;
}

/**
 * The award split between the councils (joint buying): each participant's contract is its share,
 * the lead's is the rest. When the award comes in below the shares' total, each share is scaled
 * down in proportion (whole pence, the lead taking what rounding leaves), so the contracts never
 * add up to more than the award.
 */
export function jointShares(awardPence: number | null, sharesPence: readonly number[]) {
  if (awardPence === null) return { leadPence: null, participantPence: sharesPence.map((s) => s) };
  const total = sharesPence.reduce((sum, s) => sum + s, 0);
  const participantPence =
    total <= awardPence ? [...sharesPence] : sharesPence.map((s) => Number((BigInt(s) * BigInt(awardPence)) / BigInt(total)));
  return { leadPence: awardPence - participantPence.reduce((sum, s) => sum + s, 0), participantPence };
}

// ───────────────────────────── council entry ─────────────────────────────────

export interface CouncilActor {
  id: string;
  councilId: string;
  ip?: string | null;
}

/** Reference data a council entry needs, looked up once per form or CSV. */
export async function contractLookups() {
  const [lots, areas, suppliers] = await Promise.all([
    prisma.lot.findMany({ select: { id: true, number: true, agreementId: true, agreement: { select: { number: true } } } }),
    prisma.serviceArea.findMany({ select: { id: true, name: true, slug: true } }),
    prisma.supplier.findMany({
      where: { verifiedAt: { not: null } },
      select: { id: true, companyNumber: true, legalName: true, tradingName: true },
    }),
  ]);
  const agreements = new Map<string, string>();
  for (const l of lots) agreements.set(l.agreement.number.toLowerCase(), l.agreementId);
  return {
    agreement(code: string | null): { agreementId: string | null; lotId: string | null } | null {
      if (!code) return { agreementId: null, lotId: null };
      const [number, lot] = code.split("/");
      const agreementId = agreements.get(number.toLowerCase());
      if (!agreementId) return null;
      if (!lot) return { agreementId, lotId: null };
      const found = lots.find((l) => l.agreementId === agreementId && l.number.toLowerCase() === lot.toLowerCase());
      return found ? { agreementId, lotId: found.id } : null;
    },
    serviceArea(name: string | null): string | null | undefined {
      if (!name) return null;
      const n = name.trim().toLowerCase();
      return areas.find((a) => a.name.toLowerCase() === n || a.slug === n)?.id;
    },
    supplier(companyNumber: string | null, name: string): string | null {
      const n = name.trim().toLowerCase();
      return (
        (
          (companyNumber ? suppliers.find((s) => s.companyNumber === companyNumber) : undefined) ??
          suppliers.find((s) => s.legalName.toLowerCase() === n || s.tradingName.toLowerCase() === n)
        )?.id ?? null
      );
    },
  };
}

type Lookups = Awaited<ReturnType<typeof contractLookups>>;

/** Field errors for what the reference data refuses; the fields otherwise. */
export function resolveCouncilContract(
  input: ContractInput,
  council: { id: string; officialName: string },
  lookups: Lookups,
): { ok: true; fields: ContractFields } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const agreement = lookups.agreement(input.agreement);
  if (!agreement) errors.agreement = ["Enter an agreement and lot the portal knows, for example RM1557.15/2a, or leave it empty"];
  const serviceAreaId = lookups.serviceArea(input.serviceArea);
  if (serviceAreaId === undefined) errors.serviceArea = ["Choose a service area the portal lists, or leave it empty"];
  if (Object.keys(errors).length) return { ok: false, errors };
  const day = (d: string) => new Date(`${d}T00:00:00.000Z`);
  return {
    ok: true,
    fields: {
      councilId: council.id,
      buyerName: council.officialName,
      supplierId: lookups.supplier(input.supplierCompanyNumber, input.supplierName),
      supplierName: input.supplierName,
      supplierCompanyNumber: input.supplierCompanyNumber,
      title: input.title,
      description: "",
      agreementId: agreement!.agreementId,
      lotId: agreement!.lotId,
      procedure: input.procedure,
      valuePence: input.value,
      valueExVatPence: input.valueExVat,
      unitPricePence: null,
      priceUnit: null,
      startDate: day(input.startDate),
      endDate: day(input.endDate),
      extensions: input.extensions.map((endDate) => ({ endDate })),
      cpvCodes: input.cpvCodes,
      serviceAreaId: serviceAreaId ?? null,
      category: null,
      notices: input.noticeUrl ? [{ id: "notice", url: input.noticeUrl }] : [],
      ocid: null,
      releaseId: null,
      releaseDate: null,
      visibility: input.visibility,
      status: "active",
      projectId: null,
      productIds: [],
    },
  };
}

export function councilSourceKey(councilId: string, reference: string) {
  return `council:${councilId}/${reference.toLowerCase()}`;
}

async function councilOf(councilId: string) {
  return prisma.council.findUnique({ where: { id: councilId }, select: { id: true, officialName: true } });
}

/** A council adds (or, with the same reference, revises) a contract it already holds. */
export async function addCouncilContract(
  actor: CouncilActor,
  input: ContractInput,
): Promise<Result<{ id: string; change: ContractChange }>> {
  const council = await councilOf(actor.councilId);
  if (!council) return notFoundFailure("Your council was not found");
  const resolved = resolveCouncilContract(input, council, await contractLookups());
  if (!resolved.ok) return invalid(resolved.errors);
  try {
    const written = await prisma.$transaction((tx) =>
      writeContract(tx, councilSourceKey(council.id, input.reference), "council", resolved.fields, {
        reason: "Entered by the council",
        actorId: actor.id,
        ip: actor.ip,
      }),
    );
    return ok({ id: written.id, change: written.change });
  } catch (error) {
    if (error instanceof ContractConflictError) return conflict("Someone else changed this contract at the same time. Try again.");
    throw error;
  }
}

// ───────────────────────────── reading ───────────────────────────────────────

export const CONTRACTS_PAGE_SIZE = 25;

export interface ContractFilters extends PlaceFilters {
  q?: string;
  supplier?: string; // slug
  agreement?: string; // number
  endFrom?: string; // YYYY-MM-DD
  endTo?: string;
  page: number;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export function parseContractFilters(search: URLSearchParams): ContractFilters {
  const text = queryText(search);
  const day = (k: string) => {
    const v = text(k, 10);
    return v && isoDay.test(v) && !Number.isNaN(new Date(v).getTime()) ? v : undefined;
  };
  return {
    q: text("q", 200),
    serviceArea: text("serviceArea"),
    councilType: text("councilType"),
    region: text("region"),
    supplier: text("supplier"),
    agreement: text("agreement"),
    endFrom: day("endFrom"),
    endTo: day("endTo"),
    council: text("council"),
    page: queryPage(search),
  };
}

export function contractWhere(filters: ContractFilters, viewer: ContractViewer | null): Prisma.ContractWhereInput {
  const and: Prisma.ContractWhereInput[] = [visibleTo(viewer)];
  if (filters.q)
    and.push({
      OR: [{ title: { contains: filters.q } }, { supplierName: { contains: filters.q } }, { buyerName: { contains: filters.q } }],
    });
  and.push(...placeWhere(filters));
  if (filters.supplier) and.push({ supplier: { slug: filters.supplier } });
  if (filters.agreement) and.push({ agreement: { number: filters.agreement } });
  if (filters.endFrom || filters.endTo)
    and.push({
      endDate: {
        ...(filters.endFrom ? { gte: new Date(`${filters.endFrom}T00:00:00.000Z`) } : {}),
        ...(filters.endTo ? { lte: new Date(`${filters.endTo}T23:59:59.999Z`) } : {}),
      },
    });
  return { AND: and };
}

const listSelect = {
  id: true,
  title: true,
  buyerName: true,
  supplierName: true,
  valuePence: true,
  startDate: true,
  endDate: true,
  latestEndDate: true,
  visibility: true,
  source: true,
  council: { select: { code: true, name: true, typeName: true } },
  supplier: { select: { slug: true, tradingName: true } },
  agreement: { select: { number: true, shortName: true } },
  lot: { select: { number: true } },
  serviceArea: { select: { name: true } },
} satisfies Prisma.ContractSelect;

type ListRow = Prisma.ContractGetPayload<{ select: typeof listSelect }>;

function listItem(row: ListRow) {
  return {
    ...row,
    valuePence: penceFromDbOrNull(row.valuePence),
    startDate: row.startDate?.toISOString().slice(0, 10) ?? null,
    endDate: row.endDate?.toISOString().slice(0, 10) ?? null,
    latestEndDate: row.latestEndDate?.toISOString().slice(0, 10) ?? null,
  };
}

export type ContractListItem = ReturnType<typeof listItem>;

export async function listContracts(filters: ContractFilters, viewer: ContractViewer | null) {
  const where = contractWhere(filters, viewer);
  const [total, rows] = await Promise.all([
    prisma.contract.count({ where }),
    prisma.contract.findMany({
      where,
      select: listSelect,
      orderBy: [{ endDate: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * CONTRACTS_PAGE_SIZE,
      take: CONTRACTS_PAGE_SIZE,
    }),
  ]);
  return { total, page: filters.page, pageSize: CONTRACTS_PAGE_SIZE, contracts: rows.map(listItem) };
}

/** The options of the register's filters (only values that occur). */
export async function contractFacetOptions() {
  const [areas, councils, agreements] = await Promise.all([
    prisma.serviceArea.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true, name: true } }),
    prisma.council.findMany({ distinct: ["type"], select: { type: true, typeName: true }, orderBy: { typeName: "asc" } }),
    prisma.agreement.findMany({ orderBy: { number: "asc" }, select: { number: true, shortName: true } }),
  ]);
  const regions = await prisma.council.findMany({ distinct: ["region"], select: { region: true }, orderBy: { region: "asc" } });
  return {
    serviceAreas: areas,
    councilTypes: councils.map((c) => ({ value: c.type, label: c.typeName })),
    regions: regions.map((r) => r.region),
    agreements,
  };
}

/** A contract as its page shows it, or null when there is none or the viewer may not see it. */
export async function getContract(id: string, viewer: ContractViewer | null) {
  const row = await prisma.contract.findFirst({
    where: { AND: [{ id }, visibleTo(viewer)] },
    include: {
      council: { select: { code: true, name: true, officialName: true, typeName: true, region: true } },
      supplier: { select: { slug: true, tradingName: true, legalName: true } },
      agreement: { select: { number: true, slug: true, shortName: true, name: true } },
      lot: { select: { number: true, name: true } },
      serviceArea: { select: { name: true, slug: true } },
      products: { select: { product: { select: { id: true, status: true, publishedVersion: { select: { name: true } } } } } },
      revisions: { orderBy: { sequence: "asc" }, select: { sequence: true, reason: true, createdAt: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    buyerName: row.buyerName,
    council: row.council,
    supplierName: row.supplierName,
    supplierCompanyNumber: row.supplierCompanyNumber,
    supplier: row.supplier,
    agreement: row.agreement,
    lot: row.lot,
    procedure: row.procedure,
    valuePence: penceFromDbOrNull(row.valuePence),
    valueExVatPence: penceFromDbOrNull(row.valueExVatPence),
    unitPricePence: penceFromDbOrNull(row.unitPricePence),
    priceUnit: row.priceUnit,
    startDate: row.startDate?.toISOString().slice(0, 10) ?? null,
    endDate: row.endDate?.toISOString().slice(0, 10) ?? null,
    extensions: JSON.parse(row.extensions) as Extension[],
    cpvCodes: JSON.parse(row.cpvCodes) as string[],
    serviceArea: row.serviceArea,
    category: row.category,
    notices: JSON.parse(row.notices) as { id: string; url: string }[],
    source: row.source as ContractSource,
    ocid: row.ocid,
    visibility: row.visibility,
    products: row.products
      .filter((p) => p.product.status === "published" && p.product.publishedVersion)
      .map((p) => ({ id: p.product.id, name: p.product.publishedVersion!.name })),
    revisions: row.revisions.map((r) => ({ sequence: r.sequence, reason: r.reason, at: r.createdAt.toISOString() })),
  };
}

/** A panel of contracts (council, supplier or product page): the soonest-ending first. */
export async function contractsPanel(where: Prisma.ContractWhereInput, viewer: ContractViewer | null, take = 10) {
  const full = { AND: [where, visibleTo(viewer)] };
  const [total, rows] = await Promise.all([
    prisma.contract.count({ where: full }),
    prisma.contract.findMany({ where: full, select: listSelect, orderBy: [{ endDate: "desc" }, { id: "asc" }], take }),
  ]);
  return { total, contracts: rows.map(listItem) };
}

export const councilContractsPanel = (councilId: string, viewer: ContractViewer | null) => contractsPanel({ councilId }, viewer);
export const supplierContractsPanel = (supplierId: string, viewer: ContractViewer | null) => contractsPanel({ supplierId }, viewer);
export const productContractsPanel = (productId: string, viewer: ContractViewer | null) =>
  contractsPanel({ products: { some: { productId } } }, viewer);

export function todayIso(): string {
  return now().toISOString().slice(0, 10);
}

/**
 * A council's CSV of contracts it holds: every row checked against the form's rules and the
 * reference data; nothing is saved unless every row is right (one transaction), so a fixed file
 * can simply be uploaded again. A row with a reference already uploaded revises that contract.
 */
export async function addCouncilContractsFromCsv(
  actor: CouncilActor,
  rows: ContractRowResult[],
): Promise<Result<{ rows: ContractRowResult[]; saved: Record<ContractChange, number> }>> {
  const council = await councilOf(actor.councilId);
  if (!council) return notFoundFailure("Your council was not found");
  const lookups = await contractLookups();
  const checked = rows.map((r) => {
    if (!r.data) return { row: r, fields: null };
    const resolved = resolveCouncilContract(r.data, council, lookups);
    if (resolved.ok) return { row: r, fields: resolved.fields };
    const errors = Object.entries(resolved.errors).flatMap(([field, messages]) =>
      messages.map((message) => ({ column: CONTRACT_CSV_COLUMNS.find((c) => c.field === field)?.column ?? field, message })),
    );
    return { row: { ...r, errors: [...r.errors, ...errors] }, fields: null };
  });
  const report = checked.map((c) => ({ row: c.row.row, reference: c.row.reference, errors: c.row.errors }));
  const saved: Record<ContractChange, number> = { created: 0, updated: 0, unchanged: 0 };
  if (checked.some((c) => !c.fields)) return ok({ rows: report, saved });
  try {
    await prisma.$transaction(async (tx) => {
      for (const c of checked)
        saved[
          (
            await writeContract(tx, councilSourceKey(council.id, c.row.data!.reference), "council", c.fields!, {
              reason: "Uploaded by the council (CSV)",
              actorId: actor.id,
              ip: actor.ip,
            })
          ).change
        ] += 1;
    });
  } catch (error) {
    if (error instanceof ContractConflictError)
      return conflict("Someone else changed one of these contracts at the same time. Upload the file again.");
    throw error;
  }
  return ok({ rows: report, saved });
}

export const MAX_EXPORT_ROWS = 50_000;

/** The register's rows for an export, as the viewer may see them (same filters as the page). */
export async function contractsForExport(filters: ContractFilters, viewer: ContractViewer | null): Promise<ExportContract[]> {
  const rows = await prisma.contract.findMany({
    where: contractWhere(filters, viewer),
    orderBy: [{ endDate: "asc" }, { id: "asc" }],
    take: MAX_EXPORT_ROWS,
    include: {
      council: { select: { code: true, gssCode: true } },
      agreement: { select: { number: true } },
      lot: { select: { number: true } },
      serviceArea: { select: { name: true } },
    },
  });
  const stamp = (d: Date | null) => (d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : null);
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    title: r.title,
    description: r.description,
    buyerName: r.buyerName,
    councilCode: r.council?.code ?? null,
    councilGss: r.council?.gssCode ?? null,
    supplierName: r.supplierName,
    supplierCompanyNumber: r.supplierCompanyNumber,
    agreementNumber: r.agreement?.number ?? null,
    lotNumber: r.lot?.number ?? null,
    procedure: r.procedure,
    valuePence: penceFromDbOrNull(r.valuePence),
    valueExVatPence: penceFromDbOrNull(r.valueExVatPence),
    startDate: stamp(r.startDate),
    endDate: stamp(r.endDate),
    extensions: JSON.parse(r.extensions) as Extension[],
    cpvCodes: JSON.parse(r.cpvCodes) as string[],
    serviceArea: r.serviceArea?.name ?? null,
    notices: JSON.parse(r.notices) as { id: string; url: string }[],
    source: r.source,
    ocid: r.ocid,
    visibility: r.visibility,
    updatedAt: stamp(r.updatedAt)!,
  }));
}
