// The IdempotencyKey table behind handleForm's repeated-post check (issue 18 item 7; see
// app/utils/idempotency.server.ts). A key is claimed by inserting its row, so of two posts of
// the same form at once exactly one runs; the row then records where the first post went.
import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { registerIdempotencyStore, type Claim } from "~/utils/idempotency.server";

/** Keys are kept a day: long enough for a back-and-resubmit, short enough to stay small. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export async function claimIdempotencyKey(key: string, userId: string | null): Promise<Claim> {
  const at = now();
  await prisma.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(at.getTime() - IDEMPOTENCY_KEY_TTL_MS) } } });
  try {
    await prisma.idempotencyKey.create({ data: { key, userId } });
    return { kind: "claimed" };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  const row = await prisma.idempotencyKey.findUnique({ where: { key } });
  // Another person's key (never issued to them) is treated as running: nothing is revealed or replayed.
  if (!row || row.userId !== userId || !row.responseLocation) return { kind: "running" };
  return { kind: "done", location: row.responseLocation };
}

export async function completeIdempotencyKey(key: string, location: string): Promise<void> {
  await prisma.idempotencyKey.updateMany({ where: { key, responseLocation: null }, data: { responseLocation: location } });
}

export async function releaseIdempotencyKey(key: string): Promise<void> {
  await prisma.idempotencyKey.deleteMany({ where: { key, responseLocation: null } });
}

/**
 * Puts this table behind handleForm's repeated-post check. Called by app/entry.server.tsx at
 * load: an explicit call, because package.json says `"sideEffects": false`, so the bundler drops
 * a bare `import "./idempotency.server"` and the production build had no store at all (a no-JS
 * double post created two records; tests/e2e/double-submit.nojs.spec.ts). Data tests call it too.
 */
export function installIdempotencyTable(): void {
  registerIdempotencyStore({ claim: claimIdempotencyKey, complete: completeIdempotencyKey, release: releaseIdempotencyKey });
}

installIdempotencyTable();
