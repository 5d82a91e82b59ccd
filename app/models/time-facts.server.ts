// Search documents hold facts that change with time alone (is a listing's framework open for
// new call-offs? is a supplier's certificate still valid?). Nothing in the database changes
// when a framework expires, so these queries find what a date crossed in a time window
// affects, and queue it for re-indexing through the normal outbox.
import { prisma } from "~/utils/db.server";
import { enqueueSearchUpdate, type OutboxEntity } from "./search-outbox.server";

const DAY_MS = 86_400_000;

/**
 * Documents whose time-dependent facts may have changed between `from` and `to`. Framework
 * status is by calendar date (a framework ending on the 28th is expired from the 29th), so
 * the window is widened by a day on each side; re-indexing an unchanged document is harmless.
 */
export async function queueTimeDependentReindex(from: Date, to: Date): Promise<{ products: number; suppliers: number }> {
  const window = { gte: new Date(from.getTime() - DAY_MS), lte: new Date(to.getTime() + DAY_MS) };
  const dated = { OR: [{ startDate: window }, { endDate: window }] };
  const lots = await prisma.lot.findMany({ where: { OR: [dated, { agreement: dated }] }, select: { id: true } });
  const lotIds = lots.map((l) => l.id);
  const products = lotIds.length
    ? await prisma.product.findMany({
        where: { status: "published", publishedVersion: { lots: { some: { lotId: { in: lotIds } } } } },
        select: { id: true },
      })
    : [];
  const lapsed = await prisma.accreditation.findMany({ where: { expiresAt: { gte: from, lte: to } }, select: { supplierId: true } });
  const supplierIds = [...new Set(lapsed.map((a) => a.supplierId))];
  const entries: { entityType: OutboxEntity; entityId: string }[] = [
    ...products.map((p) => ({ entityType: "product" as const, entityId: p.id })),
    ...supplierIds.map((id) => ({ entityType: "supplier" as const, entityId: id })),
  ];
  if (entries.length) await prisma.$transaction((tx) => enqueueSearchUpdate(tx, entries));
  return { products: products.length, suppliers: supplierIds.length };
}
