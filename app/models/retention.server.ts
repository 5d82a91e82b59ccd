// What the portal deletes on schedule, and when (the privacy notice states the same periods;
// tests/data/jobs.test.ts holds both to them).
import { prisma } from "~/utils/db.server";
import { RETENTION } from "./retention";
import { pruneOutbox } from "./search-outbox.server";

const DAY_MS = 86_400_000;

export interface RetentionCounts {
  loginAttempts: number;
  sessions: number;
  tokens: number;
  searchChanges: number;
}

/**
 * Deletes what has passed its retention period at `at`. Sessions go as soon as they can no
 * longer be used: past their absolute expiry, or idle for longer than the idle limit.
 */
export async function deleteExpiredRecords(at: Date, idleTimeoutMs: number): Promise<RetentionCounts> {
  const loginAttempts = await prisma.loginAttempt.deleteMany({
    where: { createdAt: { lt: new Date(at.getTime() - RETENTION.loginAttemptsDays * DAY_MS) } },
  });
  const sessions = await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: at } }, { lastSeenAt: { lt: new Date(at.getTime() - idleTimeoutMs) } }] },
  });
  const spentBefore = new Date(at.getTime() - RETENTION.spentTokensDays * DAY_MS);
  const tokens = await prisma.verificationToken.deleteMany({
    where: { OR: [{ expiresAt: { lt: spentBefore } }, { usedAt: { lt: spentBefore } }] },
  });
  const searchChanges = await pruneOutbox(new Date(at.getTime() - RETENTION.appliedSearchChangesDays * DAY_MS));
  return { loginAttempts: loginAttempts.count, sessions: sessions.count, tokens: tokens.count, searchChanges };
}
