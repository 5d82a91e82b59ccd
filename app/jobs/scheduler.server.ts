// Recurring jobs. Every app process runs the scheduler; a job's row in ScheduledJob is
// claimed with a conditional update before it runs, so each due run happens once across all
// processes, and its schedule lives in the database, so it survives restarts.
import crypto from "node:crypto";
import { claimJob, ensureScheduledJob, finishJob, getScheduledJob } from "~/models/scheduled-job.server";
import { deleteExpiredRecords } from "~/models/retention.server";
import { queueTimeDependentReindex } from "~/models/time-facts.server";
import { afterCommit } from "~/utils/after-commit.server";
import { drainMailQueue } from "~/mail/sender.server";
import { now } from "~/utils/clock.server";
import { IDLE_TIMEOUT_MS } from "~/auth/session.server";
import { log } from "~/utils/log.server";
import { runFollowNews, runSearchAlerts } from "~/jobs/alerts.server";
import { runExpiryWarnings } from "~/jobs/expiry.server";

const HOUR_MS = 3_600_000;
const RETRY_MS = 5 * 60_000;
/** A run that takes longer than this is presumed dead and may be taken over. */
const LEASE_MS = 10 * 60_000;

export interface JobDefinition {
  name: string;
  everyMs: number;
  /** `lastRunAt` is when the previous run happened (null the first time). */
  run: (at: Date, lastRunAt: Date | null) => Promise<unknown>;
}

export const JOBS: JobDefinition[] = [
  {
    name: "retention",
    everyMs: HOUR_MS,
    run: (at) => deleteExpiredRecords(at, IDLE_TIMEOUT_MS),
  },
  {
    // Mail whose first attempt failed (back-off) or whose process died before sending it.
    name: "mail:send",
    everyMs: 60_000,
    run: () => drainMailQueue(),
  },
  {
    // Frameworks and lots that opened or expired, certificates that lapsed, since the last run.
    name: "search:time-dependent-reindex",
    everyMs: HOUR_MS,
    run: async (at, lastRunAt) => {
      // First run: the index was just built from the current state; look back two days.
      const counts = await queueTimeDependentReindex(lastRunAt ?? new Date(at.getTime() - 2 * 24 * HOUR_MS), at);
      if (counts.products || counts.suppliers) await afterCommit();
      return counts;
    },
  },
  // Saved-search emails (issue 15): each alert is due a day or a week after its last check.
  { name: "alerts:saved-searches", everyMs: HOUR_MS, run: (at) => runSearchAlerts(at) },
  // New published case studies and forward plans since the last run, to followers (first run: the last day).
  {
    name: "alerts:follows",
    everyMs: HOUR_MS,
    run: (at, lastRunAt) => runFollowNews(at, lastRunAt ?? new Date(at.getTime() - 24 * HOUR_MS)),
  },
  // Agreement, lot and accreditation expiry warnings; hourly so "ends today" goes early that day (each is sent once).
  { name: "expiry-warnings", everyMs: HOUR_MS, run: (at) => runExpiryWarnings(at) },
];

const processHolder = `${process.pid}:${crypto.randomUUID()}`;

/** Runs every job that is due at `at` and not held by another process; returns the names run. */
export async function runDueJobs(at: Date = now(), holder: string = processHolder, jobs: JobDefinition[] = JOBS): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    await ensureScheduledJob(job.name, at);
    const claim = await claimJob(job.name, holder, at, LEASE_MS);
    if (!claim) continue;
    const previous = await getScheduledJob(job.name);
    try {
      const result = await job.run(at, previous?.lastRunAt ?? null);
      await finishJob(claim, { at, nextRunAt: new Date(at.getTime() + job.everyMs), result: JSON.stringify(result ?? null) });
      ran.push(job.name);
    } catch (error) {
      log.error({ err: error, job: job.name }, "scheduled job failed; retrying in 5 minutes");
      await finishJob(claim, {
        at,
        nextRunAt: new Date(at.getTime() + RETRY_MS),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return ran;
}

let timer: NodeJS.Timeout | undefined;
let lastTick: Date | null = null;
const TICK_MS = 60_000;

/** Checks for due jobs every minute (and once now). */
export function startScheduler(intervalMs = TICK_MS): void {
  if (timer) return;
  const tick = () =>
    void runDueJobs()
      .then(() => {
        lastTick = now();
      })
      .catch((error: unknown) => log.error({ err: error }, "scheduler failed"));
  tick();
  timer = setInterval(tick, intervalMs);
  timer.unref();
}

export function stopScheduler(): void {
  if (timer) clearInterval(timer);
  timer = undefined;
}

/** For /healthz: running, and its last check succeeded within three intervals. */
export function schedulerHealth(): { running: boolean; lastTickAt: string | null; healthy: boolean } {
  const healthy = !timer || (lastTick !== null && now().getTime() - lastTick.getTime() < 3 * TICK_MS);
  return { running: Boolean(timer), lastTickAt: lastTick?.toISOString() ?? null, healthy };
}
