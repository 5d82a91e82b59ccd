// Product listings and their versions: drafts, sections, submission, moderation,
// withdrawal. The published version stays live while an edit awaits approval; every
// version is kept; every change is audited and queued for search in the same transaction.
import crypto from "node:crypto";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { afterCommit } from "~/utils/after-commit.server";
import { parseStringArray } from "~/utils/json";
import { auditWriterFor, recordAudit } from "./audit.server";
import { enqueueSearchUpdate } from "./search-outbox.server";
import { listListableLots } from "./award.server";
import { completeListingSchema, LISTING_SECTIONS, type ListingInput, type ListingSectionSlug } from "./listing.schema";
import { DOCUMENT_KIND_LABELS, type DocumentKind } from "./listing-document.schema";
import { pickServiceDefinition, type ServiceDefinitionValues } from "./listing-display";
import { penceToPounds } from "~/procurement/money";
import { conflict, fail, ok, refused, type Failure, type Result } from "~/utils/result";

/** A moderation decision refused by the listing's state (thrown by decideVersion; the moderation route shows it). */
export class ListingStateError extends Error {}

export const LISTING_CONFLICT_MESSAGE = "This listing changed since you opened it. Someone else saved it.";
const STALE_MESSAGE = "This listing changed since you opened it. Check it again before you continue.";

/** Thrown inside a transaction to roll it back when its body answers with a failure. */
class RolledBack extends Error {
  constructor(public failure: Failure) {
    super(failure.kind);
  }
}

/** Runs a write in one transaction; a failure result rolls every write in it back and is returned as it is. */
async function transact<T>(body: (tx: Tx) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const result = await body(tx);
      if (!result.ok) throw new RolledBack(result.failure);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return fail(error.failure);
    throw error;
  }
}

/**
 * A moderation decision that lost a race (another administrator decided first, or the
 * supplier took the version out of review) or was made on content that has changed since
 * the page was opened. Nothing was written; the route shows the version as it is now.
 */
export class ModerationConflictError extends Error {}

export const MODERATION_MESSAGES = {
  decided:
    "This version changed while you were looking at it: another administrator has already decided on it, or the supplier took it out of review to change it. Check the version below before you continue.",
  changed:
    "This version changed while you were looking at it, so your decision was not saved. Check what it says now, below, before you decide.",
  withdrawn:
    "The supplier withdrew this listing after this version was submitted, so it cannot be approved. Reject it if it should leave the review queue.",
} as const;

const versionInclude = {
  documents: { select: { kind: true, fileName: true, sizeBytes: true, sha256: true } },
  lots: {
    select: { lotId: true, lot: { select: { number: true, name: true, agreement: { select: { number: true, shortName: true } } } } },
  },
} as const;

type VersionRow = NonNullable<Awaited<ReturnType<typeof prisma.productVersion.findFirst<{ include: typeof versionInclude }>>>>;

export type ListingValues = {
  name: string;
  summary: string;
  description: string;
  category: string;
  features: string[];
  benefits: string[];
  /** Integer pence. */
  priceFromPence: number;
  priceUnit: string;
  vatIncluded: boolean;
  freeTrial: boolean;
  pricingDocumentUrl: string | null;
  lotIds: string[];
  dataLocation: string;
  security: string[];
  accessibilityStatementUrl: string | null;
  standards: string[];
  integrations: string[];
  /**
   * The version's documents, one line each naming the kind, file and SHA-256 of the bytes: part
   * of what a reviewer approves (the content token covers them). Written through the document
   * model only, never as a field.
   */
  documents: string[];
} & ServiceDefinitionValues;

function documentLine(d: VersionRow["documents"][number]): string {
  const kind = DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? d.kind;
  return `${kind}: ${d.fileName} (${Math.max(1, Math.round(d.sizeBytes / 1000))} KB, SHA-256 ${d.sha256.slice(0, 12)})`;
}

export function versionValues(v: VersionRow): ListingValues {
  return {
    name: v.name,
    summary: v.summary,
    description: v.description,
    category: v.category,
    features: parseStringArray(v.features),
    benefits: parseStringArray(v.benefits),
    priceFromPence: v.priceFromPence,
    priceUnit: v.priceUnit,
    vatIncluded: v.vatIncluded,
    freeTrial: v.freeTrial,
    pricingDocumentUrl: v.pricingDocumentUrl,
    lotIds: v.lots.map((l) => l.lotId),
    dataLocation: v.dataLocation,
    security: parseStringArray(v.security),
    accessibilityStatementUrl: v.accessibilityStatementUrl,
    standards: parseStringArray(v.standards),
    integrations: parseStringArray(v.integrations),
    ...pickServiceDefinition({
      ...v,
      dataImportFormats: parseStringArray(v.dataImportFormats),
      dataExportFormats: parseStringArray(v.dataExportFormats),
    }),
    documents: [...v.documents].sort((a, b) => a.kind.localeCompare(b.kind)).map(documentLine),
  };
}

/** What the listing forms (and their schemas) take: the same values with the price back in pounds text. */
export type ListingFormInput = Omit<ListingValues, "priceFromPence" | "documents"> & { priceFrom: string };

export function listingFormValues(values: ListingValues): ListingFormInput {
  const { priceFromPence, documents: _documents, ...rest } = values;
  return { ...rest, priceFrom: penceToPounds(priceFromPence) };
}

/** Parsed form or CSV values (the price in pence under the form's name, `priceFrom`) as listing values. */
export function listingValuesFromInput(
  input: Partial<Omit<ListingValues, "priceFromPence" | "documents">> & { priceFrom?: number },
): Partial<ListingValues> {
  const { priceFrom, ...rest } = input;
  return priceFrom === undefined ? rest : { ...rest, priceFromPence: priceFrom };
}

function versionData(values: Partial<ListingValues>) {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === "lotIds" || key === "documents" || value === undefined) continue;
    data[key] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return data;
}

/**
 * A fingerprint of everything a reviewer is shown for a version (its fields and lots). The
 * moderation page sends it back with the decision, so a decision only applies to the exact
 * content the administrator read.
 */
export function listingContentToken(values: ListingValues): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify({ ...values, lotIds: [...values.lotIds].sort() }))
    .digest("hex");
}

function lotLabelOf(l: VersionRow["lots"][number]): string {
  return `${l.lot.agreement.shortName} (${l.lot.agreement.number}) lot ${l.lot.number}: ${l.lot.name}`;
}

/** The version's lots the supplier can no longer list on (award not verified, or the lot is not open for new call-offs). */
async function unlistableLots(db: Tx, supplierId: string, version: Pick<VersionRow, "lots">): Promise<string[]> {
  const listable = new Set((await listListableLots(supplierId, now(), db)).map((l) => l.id));
  return version.lots.filter((l) => !listable.has(l.lotId)).map(lotLabelOf);
}

function unlistableLotsMessage(labels: string[], doing: "submit" | "approve"): string {
  const list = labels.join("; ");
  const one = labels.length === 1;
  return doing === "submit"
    ? `You can only list on lots your organisation holds a verified award on, on frameworks open to new call-offs. ${list} ${one ? "is" : "are"} no longer one of them. Change the framework lots before you submit the listing.`
    : `The supplier no longer holds a verified award on ${list}, or ${one ? "it is" : "they are"} closed to new call-offs, so this version cannot be approved. Reject it and ask the supplier to change its framework lots.`;
}

/** Which sections are complete, judged by each section's own schema. */
export function sectionStatuses(values: ListingValues): Record<ListingSectionSlug, boolean> {
  return Object.fromEntries(LISTING_SECTIONS.map((s) => [s.slug, s.schema.safeParse(listingFormValues(values)).success])) as Record<
    ListingSectionSlug,
    boolean
  >;
}

export async function getListing(productId: string) {
  const product = await prisma.product.findUnique({
    where: { id: productId },
    include: {
      supplier: { select: { id: true, slug: true, tradingName: true, computedSize: true } },
      versions: { include: versionInclude, orderBy: { versionNumber: "desc" } },
    },
  });
  if (!product) return null;
  const published = product.versions.find((v) => v.id === product.publishedVersionId) ?? null;
  const working = product.versions.find((v) => ["draft", "submitted", "rejected"].includes(v.status)) ?? null;
  const current = working ?? published ?? product.versions[0];
  return { product, published, working, current, values: versionValues(current) };
}

export type Listing = NonNullable<Awaited<ReturnType<typeof getListing>>>;

/** One version's values (any status: callers decide who may read it). */
export async function getVersionValues(versionId: string): Promise<ListingValues | null> {
  const version = await prisma.productVersion.findUnique({ where: { id: versionId }, include: versionInclude });
  return version ? versionValues(version) : null;
}

export function listSupplierListings(supplierId: string) {
  return prisma.product.findMany({
    where: { supplierId },
    orderBy: { updatedAt: "desc" },
    include: {
      versions: {
        orderBy: { versionNumber: "desc" },
        take: 1,
        select: { id: true, name: true, status: true, versionNumber: true, rejectionReason: true },
      },
      publishedVersion: { select: { name: true, versionNumber: true } },
    },
  });
}

/** A change to a listing in its history, written in the same transaction. */
const auditListing = auditWriterFor("product");

export async function createDraftListing({ supplierId, userId, ip }: { supplierId: string; userId: string; ip?: string }) {
  return prisma.$transaction(async (tx) => {
    const product = await tx.product.create({ data: { supplierId, status: "draft" } });
    const version = await tx.productVersion.create({
      data: {
        productId: product.id,
        versionNumber: 1,
        status: "draft",
        name: "",
        summary: "",
        description: "",
        category: "",
        priceFromPence: 0,
        priceUnit: "",
        dataLocation: "",
        createdById: userId,
      },
    });
    await auditListing(tx, { id: userId, ip }, product.id, "product.created", { after: { versionId: version.id } });
    return product;
  });
}

/** Who changes which listing, and the lock version their page was read at. */
type ListingWrite = { productId: string; userId: string; lockVersion: number; ip?: string };

type ProductRow = Prisma.ProductGetPayload<object>;

/**
 * Claims the listing for a write (a conflict if someone else saved since `lockVersion` was
 * read), then runs `body` on the product as it is now: all in one transaction, rolled back if
 * `body` answers with a failure.
 */
function writeClaimedListing<T>(
  productId: string,
  lockVersion: number,
  body: (tx: Tx, product: ProductRow) => Promise<Result<T>>,
): Promise<Result<T>> {
  return transact(async (tx) => {
    const { count } = await tx.product.updateMany({
      where: { id: productId, lockVersion },
      data: { lockVersion: { increment: 1 }, updatedAt: now() },
    });
    if (count !== 1) return conflict(LISTING_CONFLICT_MESSAGE);
    return body(tx, await tx.product.findUniqueOrThrow({ where: { id: productId } }));
  });
}

async function getListingInTx(tx: Tx, productId: string) {
  const versions = await tx.productVersion.findMany({ where: { productId }, include: versionInclude, orderBy: { versionNumber: "desc" } });
  return versions.find((v) => ["draft", "submitted", "rejected"].includes(v.status)) ?? versions[0] ?? null;
}

/**
 * The version being edited. Only a draft is ever changed in place: otherwise a new draft is
 * copied from the latest version (published, rejected or submitted). Changing a submitted
 * version takes it out of review (it becomes superseded, in this transaction), so what an
 * administrator approves is always exactly what was submitted.
 */
async function workingVersionForEdit(
  tx: Tx,
  productId: string,
  userId: string,
): Promise<Result<{ version: VersionRow; tookOutOfReview: VersionRow | null }>> {
  const versions = await tx.productVersion.findMany({ where: { productId }, include: versionInclude, orderBy: { versionNumber: "desc" } });
  const draft = versions.find((v) => v.status === "draft");
  if (draft) return ok({ version: draft, tookOutOfReview: null });
  const base = versions[0];
  if (!base) return conflict("This listing has no versions");
  const submitted = versions.find((v) => v.status === "submitted") ?? null;
  if (submitted) {
    const { count } = await tx.productVersion.updateMany({
      where: { id: submitted.id, status: "submitted" },
      data: { status: "superseded" },
    });
    if (count !== 1) return conflict(STALE_MESSAGE);
    // A listing that was never published goes back to draft with it.
    await tx.product.updateMany({ where: { id: productId, status: "submitted" }, data: { status: "draft" } });
  }
  const {
    id: _id,
    lots,
    createdAt: _c,
    submittedAt: _s,
    publishedAt: _p,
    rejectionReason: _r,
    documents: _documents,
    product: _product,
    ...copy
  } = base as VersionRow & { product?: unknown };
  // The new draft starts with the base version's documents: rows of its own naming the same
  // stored files, so the base (perhaps frozen in a buying record) keeps its rows untouched.
  const baseDocuments = await tx.listingDocument.findMany({ where: { versionId: base.id } });
  const created = await tx.productVersion.create({
    data: {
      ...copy,
      versionNumber: base.versionNumber + 1,
      status: "draft",
      createdById: userId,
      lots: { create: lots.map((l) => ({ lotId: l.lotId })) },
      documents: {
        create: baseDocuments.map((d) => ({
          kind: d.kind,
          fileName: d.fileName,
          contentType: d.contentType,
          sizeBytes: d.sizeBytes,
          sha256: d.sha256,
          uploadedById: d.uploadedById,
        })),
      },
    },
    include: versionInclude,
  });
  return ok({ version: created, tookOutOfReview: submitted });
}

/**
 * One edit of a listing: claims it (a conflict if it changed since `lockVersion`), refuses a
 * withdrawn listing, finds or makes the draft (taking a submitted version out of review, audited),
 * then runs `body` on the draft — all in one transaction, rolled back if anything fails.
 */
export function editListingDraft<T>(
  { productId, userId, lockVersion, ip }: ListingWrite,
  body: (tx: Tx, versionId: string, before: ListingValues) => Promise<Result<T>>,
): Promise<Result<T>> {
  return writeClaimedListing(productId, lockVersion, async (tx, product) => {
    if (product.status === "withdrawn") return refused("This listing has been withdrawn and cannot be edited");
    const working = await workingVersionForEdit(tx, productId, userId);
    if (!working.ok) return working;
    const { version, tookOutOfReview } = working.value;
    if (tookOutOfReview) {
      await auditListing(tx, { id: userId, ip }, productId, "product.taken-out-of-review", {
        before: { versionId: tookOutOfReview.id, versionNumber: tookOutOfReview.versionNumber },
        after: { versionId: version.id, versionNumber: version.versionNumber },
      });
    }
    return body(tx, version.id, versionValues(version));
  });
}

export async function saveListingSection({
  productId,
  userId,
  lockVersion,
  section,
  values,
  ip,
}: ListingWrite & {
  section: ListingSectionSlug;
  values: Partial<ListingValues>;
}): Promise<Result<{ versionId: string }>> {
  return editListingDraft({ productId, userId, lockVersion, ip }, async (tx, versionId, before) => {
    // Conditional on the version still being a draft: nothing else is ever edited in place.
    const { count } = await tx.productVersion.updateMany({
      where: { id: versionId, status: "draft" },
      data: { ...versionData(values), rejectionReason: null },
    });
    if (count !== 1) return conflict(STALE_MESSAGE);
    if (values.lotIds) {
      await tx.productVersionLot.deleteMany({ where: { versionId } });
      if (values.lotIds.length) await tx.productVersionLot.createMany({ data: values.lotIds.map((lotId) => ({ versionId, lotId })) });
    }
    const changed = Object.keys(values).filter((k) => k !== "documents");
    const changedBefore = Object.fromEntries(changed.map((k) => [k, before[k as keyof ListingValues]]));
    await auditListing(tx, { id: userId, ip }, productId, `product.section-saved:${section}`, {
      before: changedBefore,
      after: Object.fromEntries(changed.map((k) => [k, values[k as keyof ListingValues]])),
    });
    return ok({ versionId });
  });
}

export async function submitListing({ productId, userId, lockVersion, ip }: ListingWrite): Promise<Result<void>> {
  return writeClaimedListing(productId, lockVersion, async (tx, product) => {
    if (product.status === "withdrawn") return refused("This listing has been withdrawn and cannot be submitted");
    const version = await getListingInTx(tx, productId);
    if (version?.status === "rejected")
      return refused("This version was returned with changes needed. Change the listing before you submit it again");
    if (!version || version.status !== "draft") return conflict("There are no changes to submit");
    const values = versionValues(version);
    if (!completeListingSchema.safeParse(listingFormValues(values)).success) {
      const statuses = sectionStatuses(values);
      const missing = LISTING_SECTIONS.filter((s) => !statuses[s.slug]).map((s) => s.title);
      return refused(`Complete every section before you submit the listing. Still to complete: ${missing.join("; ")}`);
    }
    const lost = await unlistableLots(tx, product.supplierId, version);
    if (lost.length) return refused(unlistableLotsMessage(lost, "submit"), { field: "lots" });
    const { count } = await tx.productVersion.updateMany({
      where: { id: version.id, status: "draft" },
      data: { status: "submitted", submittedAt: now() },
    });
    if (count !== 1) return conflict("There are no changes to submit");
    // A published listing stays live (and published) while its new version is reviewed.
    if (!product.publishedVersionId)
      await tx.product.updateMany({ where: { id: productId, status: "draft" }, data: { status: "submitted" } });
    await auditListing(tx, { id: userId, ip }, productId, "product.submitted", {
      after: { versionId: version.id, versionNumber: version.versionNumber },
    });
    return ok();
  });
}

export async function withdrawListing({ productId, userId, lockVersion, ip }: ListingWrite): Promise<Result<void>> {
  return writeClaimedListing(productId, lockVersion, async (tx, product) => {
    const { count } = await tx.product.updateMany({
      where: { id: productId, status: product.status, NOT: { status: "withdrawn" } },
      data: { status: "withdrawn" },
    });
    if (count !== 1) return conflict("This listing is already withdrawn");
    await enqueueSearchUpdate(tx, [
      { entityType: "product", entityId: productId },
      { entityType: "supplier", entityId: product.supplierId },
    ]);
    await auditListing(tx, { id: userId, ip }, productId, "product.withdrawn", {
      before: { status: product.status },
      after: { status: "withdrawn" },
    });
    return ok();
  });
}

// ── moderation ──────────────────────────────────────────────────────────────

export function listModerationQueue() {
  return prisma.productVersion.findMany({
    where: { status: "submitted" },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      name: true,
      versionNumber: true,
      submittedAt: true,
      product: { select: { id: true, publishedVersionId: true, supplier: { select: { tradingName: true } } } },
    },
  });
}

export async function getVersionForModeration(versionId: string) {
  const version = await prisma.productVersion.findUnique({
    where: { id: versionId },
    include: { ...versionInclude, product: { include: { supplier: { select: { tradingName: true, slug: true } } } } },
  });
  if (!version) return null;
  const published = version.product.publishedVersionId
    ? await prisma.productVersion.findUnique({ where: { id: version.product.publishedVersionId }, include: versionInclude })
    : null;
  const values = versionValues(version);
  // Shown to the administrator before deciding; decideVersion checks the same things again.
  const problems: string[] = [];
  if (version.status === "submitted") {
    if (version.product.status === "withdrawn") problems.push(MODERATION_MESSAGES.withdrawn);
    const lost = await unlistableLots(prisma, version.product.supplierId, version);
    if (lost.length) problems.push(unlistableLotsMessage(lost, "approve"));
  }
  return {
    version,
    values,
    contentToken: listingContentToken(values),
    problems,
    published: published ? versionValues(published) : null,
    lotLabels: labelLots([version, published]),
  };
}

function labelLots(versions: (VersionRow | null)[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of versions)
    for (const l of v?.lots ?? [])
      labels[l.lotId] = `${l.lot.agreement.shortName} (${l.lot.agreement.number}) lot ${l.lot.number}: ${l.lot.name}`;
  return labels;
}

/**
 * decideVersion as a Result for the moderation page: someone else decided, the content changed
 * or the listing's state refuses the decision — a conflict (409), nothing written.
 */
export async function decideListingVersion(decision: Parameters<typeof decideVersion>[0]): Promise<Result<{ productId: string }>> {
  try {
    const decided = await decideVersion(decision);
    await afterCommit();
    return ok(decided);
  } catch (error) {
    if (error instanceof ModerationConflictError || error instanceof ListingStateError) return conflict(error.message);
    throw error;
  }
}

/**
 * Approves or rejects a submitted version. Bound to what the administrator saw: refused
 * (ModerationConflictError, nothing written) unless the version is still submitted and its
 * content still matches `contentToken`. The product row is locked first (as every listing
 * write does), then the version moves only from "submitted", so of two decisions made at
 * once exactly one wins.
 */
export async function decideVersion({
  versionId,
  adminId,
  decision,
  reason,
  contentToken,
  ip,
}: {
  versionId: string;
  adminId: string;
  decision: "approve" | "reject";
  reason?: string;
  contentToken: string;
  ip?: string;
}) {
  return prisma.$transaction(async (tx) => {
    const found = await tx.productVersion.findUnique({ where: { id: versionId }, select: { productId: true } });
    if (!found) throw new ModerationConflictError(MODERATION_MESSAGES.decided);
    // Lock the listing (same order as the supplier's writes: product, then version).
    await tx.product.updateMany({ where: { id: found.productId }, data: { lockVersion: { increment: 1 }, updatedAt: now() } });
    const product = await tx.product.findUniqueOrThrow({ where: { id: found.productId } });
    const at = now();
    const moved = await tx.productVersion.updateMany({
      where: { id: versionId, status: "submitted" },
      data: decision === "approve" ? { status: "published", publishedAt: at } : { status: "rejected", rejectionReason: reason ?? "" },
    });
    if (moved.count !== 1) throw new ModerationConflictError(MODERATION_MESSAGES.decided);
    const version = await tx.productVersion.findUniqueOrThrow({ where: { id: versionId }, include: versionInclude });
    if (listingContentToken(versionValues(version)) !== contentToken) throw new ModerationConflictError(MODERATION_MESSAGES.changed);

    if (decision === "reject") {
      // A listing waiting for its first review goes back to draft; a published or withdrawn one keeps its status.
      await tx.product.updateMany({ where: { id: product.id, status: "submitted" }, data: { status: "draft" } });
      await auditListing(tx, { id: adminId, ip }, product.id, "product.rejected", { after: { versionId, reason } });
      return { productId: product.id };
    }

    if (product.status === "withdrawn") throw new ListingStateError(MODERATION_MESSAGES.withdrawn);
    const lost = await unlistableLots(tx, product.supplierId, version);
    if (lost.length) throw new ListingStateError(unlistableLotsMessage(lost, "approve"));
    if (product.publishedVersionId) {
      const superseded = await tx.productVersion.updateMany({
        where: { id: product.publishedVersionId, status: "published" },
        data: { status: "superseded" },
      });
      if (superseded.count !== 1) throw new ModerationConflictError(MODERATION_MESSAGES.decided);
    }
    const published = await tx.product.updateMany({
      where: { id: product.id, publishedVersionId: product.publishedVersionId, NOT: { status: "withdrawn" } },
      data: { publishedVersionId: versionId, status: "published" },
    });
    if (published.count !== 1) throw new ModerationConflictError(MODERATION_MESSAGES.decided);
    await enqueueSearchUpdate(tx, [
      { entityType: "product", entityId: product.id },
      { entityType: "supplier", entityId: product.supplierId },
    ]);
    await auditListing(tx, { id: adminId, ip }, product.id, "product.approved", {
      before: { publishedVersionId: product.publishedVersionId },
      after: { publishedVersionId: versionId, versionNumber: version.versionNumber },
    });
    return { productId: product.id };
  });
}

// ── bulk import ─────────────────────────────────────────────────────────────

/** Saves every row as a new draft listing in one transaction: all of them or none. */
export async function importListingDrafts({
  supplierId,
  userId,
  rows,
  ip,
}: {
  supplierId: string;
  userId: string;
  rows: ListingInput[];
  ip?: string;
}) {
  return prisma.$transaction(
    async (tx) => {
      const ids: string[] = [];
      for (const row of rows) {
        const product = await tx.product.create({ data: { supplierId, status: "draft" } });
        await tx.productVersion.create({
          data: {
            productId: product.id,
            versionNumber: 1,
            status: "draft",
            ...(versionData(listingValuesFromInput(row)) as Omit<ListingValues, "lotIds" | "features">),
            createdById: userId,
            lots: { create: row.lotIds.map((lotId) => ({ lotId })) },
          } as never,
        });
        ids.push(product.id);
      }
      await recordAudit(
        {
          actorId: userId,
          action: "product.imported",
          entityType: "supplier",
          entityId: supplierId,
          after: { count: ids.length, productIds: ids },
          ip,
        },
        tx,
      );
      return ids;
    },
    { timeout: 60_000 },
  );
}

// ── supplier dashboard ──────────────────────────────────────────────────────

export async function supplierDashboard(supplierId: string, today: Date) {
  const soon = new Date(today.getTime() + 90 * 86_400_000);
  const [supplier, listings, endingLots, notifications] = await Promise.all([
    prisma.supplier.findUnique({
      where: { id: supplierId },
      select: {
        tradingName: true,
        slug: true,
        accreditations: {
          where: { expiresAt: { not: null, lte: new Date(today.getTime() + 60 * 86_400_000) } },
          select: { kind: true, expiresAt: true },
        },
      },
    }),
    listSupplierListings(supplierId),
    prisma.lot.findMany({
      where: {
        agreement: { endDate: { gte: today, lte: soon } },
        listings: { some: { version: { product: { supplierId, status: "published" }, status: "published" } } },
      },
      select: { number: true, name: true, agreement: { select: { shortName: true, number: true, endDate: true } } },
    }),
    prisma.notification.findMany({ where: { supplierId }, orderBy: { createdAt: "desc" }, take: 10 }),
  ]);
  return { supplier, listings, endingLots, notifications };
}
