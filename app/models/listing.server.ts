// Product listings and their versions: drafts, sections, submission, moderation,
// withdrawal. The published version stays live while an edit awaits approval; every
// version is kept; every change is audited and queued for search in the same transaction.
import { prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { parseStringArray } from "~/utils/json";
import { recordAudit } from "./audit.server";
import { enqueueSearchUpdate } from "./search-outbox.server";
import { LISTING_SECTIONS, listingSchema, type ListingInput, type ListingSectionSlug } from "./listing.schema";

export class ListingConflictError extends Error {
  constructor(public current: ListingValues, public currentLockVersion: number) {
    super("This listing changed since you opened it");
  }
}

export class ListingStateError extends Error {}

const versionInclude = { lots: { select: { lotId: true, lot: { select: { number: true, name: true, agreement: { select: { number: true, shortName: true } } } } } } } as const;

type VersionRow = NonNullable<Awaited<ReturnType<typeof prisma.productVersion.findFirst<{ include: typeof versionInclude }>>>>;

export type ListingValues = {
  name: string;
  summary: string;
  description: string;
  category: string;
  features: string[];
  benefits: string[];
  priceFrom: number;
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
};

export function versionValues(v: VersionRow): ListingValues {
  return {
    name: v.name,
    summary: v.summary,
    description: v.description,
    category: v.category,
    features: parseStringArray(v.features),
    benefits: parseStringArray(v.benefits),
    priceFrom: v.priceFrom,
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
  };
}

function versionData(values: Partial<ListingValues>) {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === "lotIds" || value === undefined) continue;
    data[key] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return data;
}

/** Which sections are complete, judged by each section's own schema. */
export function sectionStatuses(values: ListingValues): Record<ListingSectionSlug, boolean> {
  return Object.fromEntries(LISTING_SECTIONS.map((s) => [s.slug, s.schema.safeParse(values).success])) as Record<ListingSectionSlug, boolean>;
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

export function listSupplierListings(supplierId: string) {
  return prisma.product.findMany({
    where: { supplierId },
    orderBy: { updatedAt: "desc" },
    include: { versions: { orderBy: { versionNumber: "desc" }, take: 1, select: { id: true, name: true, status: true, versionNumber: true, rejectionReason: true } }, publishedVersion: { select: { name: true, versionNumber: true } } },
  });
}

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
        priceFrom: 0,
        priceUnit: "",
        dataLocation: "",
        createdById: userId,
      },
    });
    await recordAudit({ actorId: userId, action: "product.created", entityType: "product", entityId: product.id, after: { versionId: version.id }, ip }, tx);
    return product;
  });
}

/** Claims the listing for a write: fails if someone else saved since `lockVersion` was read. */
async function claim(tx: Tx, productId: string, lockVersion: number) {
  const { count } = await tx.product.updateMany({ where: { id: productId, lockVersion }, data: { lockVersion: { increment: 1 }, updatedAt: now() } });
  if (count === 0) {
    const current = await tx.product.findUnique({ where: { id: productId }, select: { lockVersion: true } });
    const listing = await getListingInTx(tx, productId);
    throw new ListingConflictError(listing ? versionValues(listing) : ({} as ListingValues), current?.lockVersion ?? lockVersion);
  }
}

async function getListingInTx(tx: Tx, productId: string) {
  const versions = await tx.productVersion.findMany({ where: { productId }, include: versionInclude, orderBy: { versionNumber: "desc" } });
  return versions.find((v) => ["draft", "submitted", "rejected"].includes(v.status)) ?? versions[0] ?? null;
}

/** The version being edited: the open draft, or a new draft copied from the published version. */
async function workingVersionForEdit(tx: Tx, productId: string, userId: string): Promise<VersionRow> {
  const versions = await tx.productVersion.findMany({ where: { productId }, include: versionInclude, orderBy: { versionNumber: "desc" } });
  const open = versions.find((v) => ["draft", "submitted", "rejected"].includes(v.status));
  if (open) return open;
  const base = versions[0];
  if (!base) throw new ListingStateError("This listing has no versions");
  const { id: _id, lots, createdAt: _c, submittedAt: _s, publishedAt: _p, rejectionReason: _r, product: _product, ...copy } = base as VersionRow & { product?: unknown };
  const created = await tx.productVersion.create({
    data: {
      ...copy,
      versionNumber: base.versionNumber + 1,
      status: "draft",
      createdById: userId,
      lots: { create: lots.map((l) => ({ lotId: l.lotId })) },
    },
    include: versionInclude,
  });
  return created;
}

export async function saveListingSection({
  productId,
  userId,
  lockVersion,
  section,
  values,
  ip,
}: {
  productId: string;
  userId: string;
  lockVersion: number;
  section: ListingSectionSlug;
  values: Partial<ListingValues>;
  ip?: string;
}) {
  return prisma.$transaction(async (tx) => {
    await claim(tx, productId, lockVersion);
    const product = await tx.product.findUniqueOrThrow({ where: { id: productId } });
    if (product.status === "withdrawn") throw new ListingStateError("This listing has been withdrawn and cannot be edited");
    const version = await workingVersionForEdit(tx, productId, userId);
    const before = versionValues(version);
    await tx.productVersion.update({
      where: { id: version.id },
      // Editing a submitted or rejected version takes it back to draft: it must be submitted again.
      data: { ...versionData(values), status: "draft", rejectionReason: null },
    });
    if (values.lotIds) {
      await tx.productVersionLot.deleteMany({ where: { versionId: version.id } });
      if (values.lotIds.length) await tx.productVersionLot.createMany({ data: values.lotIds.map((lotId) => ({ versionId: version.id, lotId })) });
    }
    const changedBefore = Object.fromEntries(Object.keys(values).map((k) => [k, before[k as keyof ListingValues]]));
    await recordAudit({ actorId: userId, action: `product.section-saved:${section}`, entityType: "product", entityId: productId, before: changedBefore, after: values, ip }, tx);
    return { versionId: version.id };
  });
}

export async function submitListing({ productId, userId, lockVersion, ip }: { productId: string; userId: string; lockVersion: number; ip?: string }) {
  return prisma.$transaction(async (tx) => {
    await claim(tx, productId, lockVersion);
    const version = await getListingInTx(tx, productId);
    if (!version || !["draft", "rejected"].includes(version.status)) throw new ListingStateError("There are no changes to submit");
    const check = listingSchema.safeParse(versionValues(version));
    if (!check.success) throw new ListingStateError("Complete every section before you submit the listing");
    const product = await tx.product.findUniqueOrThrow({ where: { id: productId } });
    await tx.productVersion.update({ where: { id: version.id }, data: { status: "submitted", submittedAt: now() } });
    // A published listing stays live (and published) while its new version is reviewed.
    if (!product.publishedVersionId) await tx.product.update({ where: { id: productId }, data: { status: "submitted" } });
    await recordAudit({ actorId: userId, action: "product.submitted", entityType: "product", entityId: productId, after: { versionId: version.id, versionNumber: version.versionNumber }, ip }, tx);
  });
}

export async function withdrawListing({ productId, userId, lockVersion, ip }: { productId: string; userId: string; lockVersion: number; ip?: string }) {
  await prisma.$transaction(async (tx) => {
    await claim(tx, productId, lockVersion);
    const product = await tx.product.findUniqueOrThrow({ where: { id: productId } });
    if (product.status === "withdrawn") throw new ListingStateError("This listing is already withdrawn");
    await tx.product.update({ where: { id: productId }, data: { status: "withdrawn" } });
    await enqueueSearchUpdate(tx, [
      { entityType: "product", entityId: productId },
      { entityType: "supplier", entityId: product.supplierId },
    ]);
    await recordAudit({ actorId: userId, action: "product.withdrawn", entityType: "product", entityId: productId, before: { status: product.status }, after: { status: "withdrawn" }, ip }, tx);
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
  return { version, values: versionValues(version), published: published ? versionValues(published) : null, lotLabels: labelLots([version, published]) };
}

function labelLots(versions: (VersionRow | null)[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of versions) for (const l of v?.lots ?? []) labels[l.lotId] = `${l.lot.agreement.shortName} (${l.lot.agreement.number}) lot ${l.lot.number}: ${l.lot.name}`;
  return labels;
}

export async function decideVersion({
  versionId,
  adminId,
  decision,
  reason,
  ip,
}: {
  versionId: string;
  adminId: string;
  decision: "approve" | "reject";
  reason?: string;
  ip?: string;
}) {
  return prisma.$transaction(async (tx) => {
    const version = await tx.productVersion.findUnique({ where: { id: versionId }, include: { product: true } });
    if (!version || version.status !== "submitted") throw new ListingStateError("This version is no longer waiting for review");
    const product = version.product;
    if (decision === "reject") {
      await tx.productVersion.update({ where: { id: versionId }, data: { status: "rejected", rejectionReason: reason ?? "" } });
      if (!product.publishedVersionId) await tx.product.update({ where: { id: product.id }, data: { status: "draft", lockVersion: { increment: 1 } } });
      else await tx.product.update({ where: { id: product.id }, data: { lockVersion: { increment: 1 } } });
      await recordAudit({ actorId: adminId, action: "product.rejected", entityType: "product", entityId: product.id, after: { versionId, reason }, ip }, tx);
      return { productId: product.id };
    }
    if (product.publishedVersionId) {
      await tx.productVersion.update({ where: { id: product.publishedVersionId }, data: { status: "superseded" } });
    }
    await tx.productVersion.update({ where: { id: versionId }, data: { status: "published", publishedAt: now() } });
    await tx.product.update({
      where: { id: product.id },
      data: { publishedVersionId: versionId, status: "published", lockVersion: { increment: 1 } },
    });
    await enqueueSearchUpdate(tx, [
      { entityType: "product", entityId: product.id },
      { entityType: "supplier", entityId: product.supplierId },
    ]);
    await recordAudit({ actorId: adminId, action: "product.approved", entityType: "product", entityId: product.id, before: { publishedVersionId: product.publishedVersionId }, after: { publishedVersionId: versionId, versionNumber: version.versionNumber }, ip }, tx);
    return { productId: product.id };
  });
}

// ── bulk import ─────────────────────────────────────────────────────────────

/** Saves every row as a new draft listing in one transaction: all of them or none. */
export async function importListingDrafts({ supplierId, userId, rows, ip }: { supplierId: string; userId: string; rows: ListingInput[]; ip?: string }) {
  return prisma.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const row of rows) {
      const product = await tx.product.create({ data: { supplierId, status: "draft" } });
      await tx.productVersion.create({
        data: {
          productId: product.id,
          versionNumber: 1,
          status: "draft",
          ...(versionData(row) as Omit<ListingValues, "lotIds" | "features">),
          createdById: userId,
          lots: { create: row.lotIds.map((lotId) => ({ lotId })) },
        } as never,
      });
      ids.push(product.id);
    }
    await recordAudit({ actorId: userId, action: "product.imported", entityType: "supplier", entityId: supplierId, after: { count: ids.length, productIds: ids }, ip }, tx);
    return ids;
  }, { timeout: 60_000 });
}

// ── supplier dashboard ──────────────────────────────────────────────────────

export async function supplierDashboard(supplierId: string, today: Date) {
  const soon = new Date(today.getTime() + 90 * 86_400_000);
  const [supplier, listings, endingLots, notifications] = await Promise.all([
    prisma.supplier.findUnique({
      where: { id: supplierId },
      select: { tradingName: true, slug: true, accreditations: { where: { expiresAt: { not: null, lte: new Date(today.getTime() + 60 * 86_400_000) } }, select: { kind: true, expiresAt: true } } },
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
