import { prisma, type Tx } from "~/utils/db.server";
import type { IndexName } from "~/search/types";

export type OutboxEntity = "product" | "supplier" | "case-study";

export const ENTITY_INDEX: Record<OutboxEntity, IndexName> = {
  product: "products",
  supplier: "suppliers",
  "case-study": "case-studies",
};

/** Call inside the transaction that changes searchable data, so both commit together. */
export async function enqueueSearchUpdate(tx: Tx, entries: { entityType: OutboxEntity; entityId: string }[]) {
  if (entries.length) await tx.searchOutbox.createMany({ data: entries });
}

export function latestOutboxSeq() {
  return prisma.searchOutbox.aggregate({ _max: { seq: true } }).then((r) => r._max.seq ?? 0);
}

export function outboxAfter(seq: number, take = 500) {
  return prisma.searchOutbox.findMany({ where: { seq: { gt: seq } }, orderBy: { seq: "asc" }, take });
}

export function pendingOutbox(take = 500) {
  return prisma.searchOutbox.findMany({ where: { processedAt: null }, orderBy: { seq: "asc" }, take });
}

export function markOutboxProcessed(seqs: number[], at: Date) {
  return prisma.searchOutbox.updateMany({ where: { seq: { in: seqs } }, data: { processedAt: at } });
}

