// Multi-row INSERTs for bulk writes (the OCDS import): one statement per few hundred rows
// instead of Prisma's createMany, whose cost per row (the query compiler plans and interprets
// every value) was most of the import's time: 1.2 ms a contract against a few microseconds here.
// The statement is a Prisma.sql template, so the placeholders suit SQLite and PostgreSQL alike;
// values go as parameters (dates as DateTime, pence as BigInt), stored as Prisma stores them.
// The rows must carry every column Prisma would fill itself: ids, createdAt/updatedAt, defaults.
import { randomBytes } from "node:crypto";
import { join, raw, sqltag as sql } from "@prisma/client/runtime/client";
import type { Tx } from "~/utils/db.server";

export type Row = Record<string, string | number | bigint | boolean | Date | null>;

// Well inside SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement.
const MAX_PARAMETERS = 10_000;

let counter = 0;
const fingerprint = randomBytes(2).toString("hex");
// Random bytes drawn 6 at a time from a pool (randomBytes per id cost more than the insert).
let pool = randomBytes(6 * 1024);
let poolAt = 0;
function random36(): string {
  if (poolAt + 6 > pool.length) {
    pool = randomBytes(pool.length);
    poolAt = 0;
  }
  const n = pool.readUIntBE(poolAt, 6);
  poolAt += 6;
  return n.toString(36).padStart(8, "0").slice(-8);
}

/**
 * A collision-resistant id of cuid's shape ("c", time, a per-process counter, the process's
 * fingerprint, randomness; 25 characters), rising with time like the ids Prisma makes.
 */
export function newRowId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return "c" + Date.now().toString(36).padStart(8, "0") + counter.toString(36).padStart(4, "0") + fingerprint + random36();
}

/** Inserts `rows` (all with the same columns, those of the first) into `table` inside `tx`. */
export async function insertRows(tx: Tx, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]);
  const names = raw(columns.map((c) => `"${c}"`).join(", "));
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map((row) => sql`(${join(columns.map((c) => row[c]))})`);
    await tx.$executeRaw(sql`INSERT INTO ${raw(`"${table}"`)} (${names}) VALUES ${join(values)}`);
  }
}
