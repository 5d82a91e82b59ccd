// npm run jobs:run-due — runs every scheduled job that is due now, once, and exits (for
// operators: cron, a systemd timer, or after restoring a backup). The jobs are claimed in the
// ScheduledJob table like the app's own scheduler, so running this beside the app never runs a
// job twice. --only=NAME (repeatable) runs just those jobs; --json prints the outcome as one JSON object.
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const { runDueJobs, JOBS } = await import("../app/jobs/scheduler.server");
const { listScheduledJobs } = await import("../app/models/scheduled-job.server");
const { now } = await import("../app/utils/clock.server");
const { prisma } = await import("../app/utils/db.server");
const { mailSenderIdle } = await import("../app/mail/sender.server");

const only = process.argv.filter((a) => a.startsWith("--only=")).map((a) => a.slice("--only=".length));
const unknown = only.filter((name) => !JOBS.some((j) => j.name === name));
if (unknown.length) {
  console.error(`No such job: ${unknown.join(", ")}. Jobs: ${JOBS.map((j) => j.name).join(", ")}`);
  process.exit(2);
}
const jobs = only.length ? JOBS.filter((j) => only.includes(j.name)) : JOBS;
const at = now();
const ran = await runDueJobs(at, undefined, jobs);
const rows = new Map((await listScheduledJobs()).map((j) => [j.name, j]));
const outcome = jobs.map((job) => {
  const row = rows.get(job.name);
  return {
    job: job.name,
    ran: ran.includes(job.name),
    nextRunAt: row?.nextRunAt.toISOString() ?? null,
    result: ran.includes(job.name) ? (row?.lastResult ?? null) : null,
    error: row?.lastError ?? null,
  };
});
if (process.argv.includes("--json")) console.log(JSON.stringify({ at: at.toISOString(), jobs: outcome }));
else {
  console.log(`Due jobs at ${at.toISOString()}:`);
  for (const o of outcome)
    console.log(
      `  ${o.job.padEnd(34)} ${o.ran ? `ran: ${o.result}` : `not due (next ${o.nextRunAt})`}${o.error ? ` last error: ${o.error}` : ""}`,
    );
}
// Mail the jobs queued goes before exit (what fails stays queued for the app's sender to retry).
await mailSenderIdle();
await prisma.$disconnect();
process.exit(0);
