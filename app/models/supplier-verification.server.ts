// A self-registered supplier organisation stays out of public pages and search until an
// admin has checked it (company number, contact) and verified it (issue 12 finding 10).
// Its own users and admins still see its page and can prepare listings meanwhile.
import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { afterCommit } from "~/utils/after-commit.server";
import { recordAudit } from "./audit.server";
import { enqueueSearchUpdate } from "./search-outbox.server";
import { searchEntriesForSupplier } from "./supplier-account.server";
import { conflict, ok, type Result } from "~/utils/result";

export { canSeeSupplier, VERIFIED_SUPPLIER, type SupplierViewer } from "./supplier-visibility";

/** Of these supplier ids, the ones not yet verified (for pages that name suppliers). */
export async function unverifiedSupplierIds(ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await prisma.supplier.findMany({ where: { id: { in: [...new Set(ids)] }, verifiedAt: null }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Organisations waiting for verification, oldest first, with what an admin checks. */
export async function listUnverifiedSuppliers() {
  return prisma.supplier.findMany({
    where: { verifiedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      slug: true,
      legalName: true,
      tradingName: true,
      companyNumber: true,
      region: true,
      website: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      createdAt: true,
      users: { orderBy: { createdAt: "asc" }, take: 1, select: { email: true, emailVerifiedAt: true } },
    },
  });
}

export function countUnverifiedSuppliers() {
  return prisma.supplier.count({ where: { verifiedAt: null } });
}

export const ALREADY_VERIFIED_MESSAGE = "That organisation has already been verified (perhaps by another admin), or no longer exists";

/** Verify an organisation: one conditional update, audited and queued for search in the same transaction. */
export async function verifySupplier(input: {
  supplierId: string;
  actorId: string;
  ip?: string | null;
}): Promise<Result<{ supplierName: string }>> {
  const at = now();
  const result = await prisma.$transaction(async (tx) => {
    // Compare-and-set: of two admins verifying at once, only one changes the row.
    const { count } = await tx.supplier.updateMany({
      where: { id: input.supplierId, verifiedAt: null },
      data: { verifiedAt: at, verifiedById: input.actorId },
    });
    if (count === 0) return conflict(ALREADY_VERIFIED_MESSAGE);
    const supplier = await tx.supplier.findUniqueOrThrow({
      where: { id: input.supplierId },
      select: {
        tradingName: true,
        companyNumber: true,
        caseStudyLinks: { select: { caseStudyId: true } },
        products: { select: { caseStudyLinks: { select: { caseStudyId: true } } } },
      },
    });
    await recordAudit(
      {
        actorId: input.actorId,
        action: "supplier.verified",
        entityType: "supplier",
        entityId: input.supplierId,
        before: { verifiedAt: null, verifiedById: null },
        after: { verifiedAt: at, verifiedById: input.actorId, companyNumber: supplier.companyNumber },
        ip: input.ip,
      },
      tx,
    );
    // The organisation, its published products and the case studies naming them now show it.
    const caseStudyIds = new Set([
      ...supplier.caseStudyLinks.map((l) => l.caseStudyId),
      ...supplier.products.flatMap((p) => p.caseStudyLinks.map((l) => l.caseStudyId)),
    ]);
    await enqueueSearchUpdate(tx, [
      ...(await searchEntriesForSupplier(tx, input.supplierId)),
      ...[...caseStudyIds].map((id) => ({ entityType: "case-study" as const, entityId: id })),
    ]);
    return ok({ supplierName: supplier.tradingName });
  });
  if (result.ok) await afterCommit();
  return result;
}
