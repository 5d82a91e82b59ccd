// Recurring jobs and leases shared by every app process. A run is claimed with one
// conditional update (the row is free, or its lease has lapsed), so exactly one process
// runs each due job, and a process that dies mid-run only holds it until the lease ends.
import { prisma } from "~/utils/db.server";

export interface Claim {
  name: string;
  holder: string;
  until: Date;
}

/** Makes sure the job's row exists (first run due at `firstRunAt`); never moves an existing schedule. */
export async function ensureScheduledJob(name: string, firstRunAt: Date): Promise<void> {
  if (await prisma.scheduledJob.findUnique({ where: { name }, select: { name: true } })) return;
  try {
    await prisma.scheduledJob.create({ data: { name, nextRunAt: firstRunAt } });
  } catch (error) {
    // Another process created it a moment ago.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
}

/**
 * Claims the job if it is due (or, with `whenDue: false`, whenever it is free: a lease).
 * Returns null when another holder has it or it is not due.
 */
export async function claimJob(name: string, holder: string, at: Date, leaseMs: number, { whenDue = true } = {}): Promise<Claim | null> {
  const until = new Date(at.getTime() + leaseMs);
  const { count } = await prisma.scheduledJob.updateMany({
    where: {
      name,
      ...(whenDue ? { nextRunAt: { lte: at } } : {}),
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: at } }, { lockedBy: holder }],
    },
    data: { lockedBy: holder, lockedUntil: until },
  });
  return count === 1 ? { name, holder, until } : null;
}

/** Extends a held lease; false when it was lost (lapsed and taken by someone else). */
export async function renewClaim(claim: Claim, at: Date, leaseMs: number): Promise<boolean> {
  const until = new Date(at.getTime() + leaseMs);
  const { count } = await prisma.scheduledJob.updateMany({
    where: { name: claim.name, lockedBy: claim.holder, lockedUntil: { gt: at } },
    data: { lockedUntil: until },
  });
  if (count === 1) claim.until = until;
  return count === 1;
}

/** Ends a run: records its outcome, schedules the next one, frees the row. */
export async function finishJob(claim: Claim, outcome: { at: Date; nextRunAt?: Date; result?: string; error?: string }): Promise<void> {
  await prisma.scheduledJob.updateMany({
    where: { name: claim.name, lockedBy: claim.holder },
    data: {
      lockedBy: null,
      lockedUntil: null,
      ...(outcome.nextRunAt ? { nextRunAt: outcome.nextRunAt } : {}),
      // A failed run does not count: the next one covers its window again.
      ...(outcome.nextRunAt && outcome.error === undefined ? { lastRunAt: outcome.at, runs: { increment: 1 } } : {}),
      ...(outcome.result !== undefined ? { lastResult: outcome.result.slice(0, 1000), lastError: null } : {}),
      ...(outcome.error !== undefined ? { lastError: outcome.error.slice(0, 1000) } : {}),
    },
  });
}

export function getScheduledJob(name: string) {
  return prisma.scheduledJob.findUnique({ where: { name } });
}

export function listScheduledJobs() {
  return prisma.scheduledJob.findMany({ orderBy: { name: "asc" } });
}
