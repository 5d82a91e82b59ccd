// The search outbox: one row per searchable change, written in the same transaction as the
// change. Followers apply rows by loading each document's current state, so applying a row
// twice is harmless; what must never happen is skipping one.
import { databaseKind, prisma, type Tx } from "~/utils/db.server";
import type { IndexName } from "~/services/search";

export type OutboxEntity = "product" | "supplier" | "case-study";

export const ENTITY_INDEX: Record<OutboxEntity, IndexName> = {
  product: "products",
  supplier: "suppliers",
  "case-study": "case-studies",
};

export interface OutboxRow {
  seq: number;
  entityType: string;
  entityId: string;
}

/**
 * Where a follower has read up to. SQLite serialises writers (BEGIN IMMEDIATE), so rows
 * commit in `seq` order and `seq` alone is a safe cursor. On PostgreSQL a transaction takes
 * its `seq` when it writes but may commit after a later one, so the cursor is the inserting
 * transaction's id (`txid`, filled by the database) paired with `seq`, and a follower only
 * reads rows of transactions older than every transaction still running
 * (`pg_snapshot_xmin`): those rows can no longer appear behind the cursor.
 */
export interface OutboxCursor {
  txid: string | null;
  seq: number;
}

/** Call inside the transaction that changes searchable data, so both commit together. */
export async function enqueueSearchUpdate(tx: Tx, entries: { entityType: OutboxEntity; entityId: string }[]) {
  if (entries.length) await tx.searchOutbox.createMany({ data: entries });
}

/** The position a rebuild starts from: every change committed before it is in the rebuild's reads. */
export async function outboxPosition(): Promise<OutboxCursor> {
  if (databaseKind() === "postgresql") {
    const [row] = await prisma.$queryRawUnsafe<{ xmin: string }[]>(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
    return { txid: row.xmin, seq: -1 };
  }
  const max = await prisma.searchOutbox.aggregate({ _max: { seq: true } });
  return { txid: null, seq: max._max.seq ?? 0 };
}

/** Rows after the cursor that can safely be applied now, in order, and the cursor after them. */
export async function outboxAfter(cursor: OutboxCursor, take = 500): Promise<{ rows: OutboxRow[]; next: OutboxCursor }> {
  if (databaseKind() === "postgresql") {
    const found = await prisma.$queryRawUnsafe<
      { seq: number | null; entityType: string | null; entityId: string | null; txid: string | null; xmin: string }[]
    >(
      `WITH snap AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
       SELECT o."seq", o."entityType", o."entityId", o."txid"::text AS txid, snap.xmin::text AS xmin
       FROM snap LEFT JOIN LATERAL (
         SELECT * FROM "SearchOutbox"
         WHERE ("txid", "seq") > ($1::xid8, $2::int) AND "txid" < snap.xmin
         ORDER BY "txid", "seq" LIMIT $3
       ) o ON true
       ORDER BY o."txid", o."seq"`,
      cursor.txid ?? "0",
      cursor.seq,
      take,
    );
    const rows = found.filter((r) => r.seq !== null).map((r) => ({ seq: Number(r.seq), entityType: r.entityType!, entityId: r.entityId! }));
    const xmin = found[0]?.xmin ?? cursor.txid ?? "0";
    const last = found.at(-1);
    // A full page may have more rows in the same or later transactions; otherwise every
    // transaction older than xmin has been read.
    const next = rows.length === take && last?.txid ? { txid: last.txid, seq: Number(last.seq) } : { txid: xmin, seq: -1 };
    return { rows, next: compareCursor(next, cursor) > 0 ? next : cursor };
  }
  const rows = await prisma.searchOutbox.findMany({
    where: { seq: { gt: cursor.seq } },
    orderBy: { seq: "asc" },
    take,
    select: { seq: true, entityType: true, entityId: true },
  });
  return { rows, next: rows.length ? { txid: null, seq: rows[rows.length - 1].seq } : cursor };
}

function compareCursor(a: OutboxCursor, b: OutboxCursor): number {
  if (a.txid !== null && b.txid !== null && a.txid !== b.txid) return BigInt(a.txid) > BigInt(b.txid) ? 1 : -1;
  return a.seq - b.seq;
}

/** Rows no shared index (Meilisearch) has applied yet, oldest first. */
export function pendingOutbox(take = 500): Promise<OutboxRow[]> {
  return prisma.searchOutbox.findMany({
    where: { processedAt: null },
    orderBy: { seq: "asc" },
    take,
    select: { seq: true, entityType: true, entityId: true },
  });
}

export function markOutboxProcessed(seqs: number[], at: Date) {
  return prisma.searchOutbox.updateMany({ where: { seq: { in: seqs }, processedAt: null }, data: { processedAt: at } });
}

/** After a full rebuild read from `position`: every row it covers is applied. */
export async function markOutboxCoveredBy(position: OutboxCursor, at: Date): Promise<number> {
  if (databaseKind() === "postgresql") {
    return prisma.$executeRawUnsafe(
      `UPDATE "SearchOutbox" SET "processedAt" = $1 WHERE "processedAt" IS NULL AND "txid" < $2::xid8`,
      at,
      position.txid ?? "0",
    );
  }
  const { count } = await prisma.searchOutbox.updateMany({
    where: { processedAt: null, seq: { lte: position.seq } },
    data: { processedAt: at },
  });
  return count;
}

export function recordOutboxFailure(seqs: number[], error: string) {
  return prisma.searchOutbox.updateMany({
    where: { seq: { in: seqs } },
    data: { attempts: { increment: 1 }, lastError: error.slice(0, 500) },
  });
}

/** Retention: applied rows are only history once every follower is past them. */
export async function pruneOutbox(olderThan: Date): Promise<number> {
  const { count } = await prisma.searchOutbox.deleteMany({ where: { processedAt: { lt: olderThan } } });
  return count;
}
