// Money columns are integer pence. The ones that can pass 2^31 pence (£21.4m) are Prisma
// BigInt, which Prisma reads as a JS bigint; the rest of the app works with number pence
// (always a safe integer), so the conversion happens here, in app/models, and nowhere else.
// A bigint must never reach a loader or an audit event: JSON cannot carry it.
import { assertPence } from "~/procurement/money";

/** A pence column read from the database as a number of pence (RangeError past Number.MAX_SAFE_INTEGER). */
export function penceFromDb(value: bigint | number): number {
  const pence = typeof value === "bigint" ? Number(value) : value;
  if (!Number.isSafeInteger(pence) || (typeof value === "bigint" && BigInt(pence) !== value)) {
    throw new RangeError(`A stored amount of ${String(value)} pence is not a safe whole number`);
  }
  return pence;
}

export function penceFromDbOrNull(value: bigint | number | null): number | null {
  return value === null ? null : penceFromDb(value);
}

/** Number pence for a BigInt column: refuses fractions, negatives and unsafe integers. */
export function penceToDb(pence: number, name = "amount"): bigint {
  assertPence(pence, name);
  return BigInt(pence);
}

export function penceToDbOrNull(pence: number | null, name = "amount"): bigint | null {
  return pence === null ? null : penceToDb(pence, name);
}

export type PenceFields<T, K extends keyof T> = Omit<T, K> & { [P in K]: null extends T[P] ? number | null : number };

/** A row with the named BigInt pence columns as number pence; other fields untouched. */
export function withPence<T extends object, K extends keyof T>(row: T, ...keys: K[]): PenceFields<T, K> {
  const out = { ...row } as Record<PropertyKey, unknown>;
  for (const key of keys) out[key] = penceFromDbOrNull(row[key] as bigint | number | null);
  return out as PenceFields<T, K>;
}
