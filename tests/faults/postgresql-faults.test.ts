// Issue 14, "Done means": the PostgreSQL server stopped then started, and paused (SIGSTOP),
// under a running `node server.js` that connects as the app role. Its own throwaway cluster
// (scripts/pg-throwaway.sh), so stopping it disturbs nothing else.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPgClient } from "../support/db-paths";
import { report, signUp, get, startServer, until, type ServerProcess } from "./server-process";

const UNAVAILABLE = /Your last change may not have been saved/;
let dir = "";
let ownerUrl = "";
let server: ServerProcess;
let n = 0;
const write = () => signUp(server.base, `pgfault.${Date.now()}.${++n}@leeds.gov.uk`);
const paused: number[] = [];

function postgresProcesses(): number[] {
  const postmaster = Number(fs.readFileSync(`${dir}/data/postmaster.pid`, "utf8").split("\n")[0]);
  const children = fs.readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, "utf8").trim();
  return [postmaster, ...(children ? children.split(/\s+/).map(Number) : [])];
}

/** SIGSTOP the server and its backends (one that has just exited is no longer there to stop). */
function pauseServer() {
  for (const pid of postgresProcesses()) {
    try {
      process.kill(pid, "SIGSTOP");
      paused.push(pid);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
  }
}

function resumeServer() {
  for (const pid of paused.splice(0)) {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // gone already
    }
  }
}

beforeAll(async () => {
  const out = execFileSync("bash", ["scripts/pg-throwaway.sh", "start"], { encoding: "utf8" });
  const vars = Object.fromEntries([...out.matchAll(/export (\w+)='([^']*)'/g)].map((m) => [m[1], m[2]]));
  dir = vars.PG_THROWAWAY_DIR;
  const owner = vars.DATABASE_URL_PG;
  ownerUrl = owner;
  const app = vars.DATABASE_URL_PG_APP;
  const { migrateDatabase } = await import("~/utils/migrate.server");
  const { createPrismaClient } = await import("~/utils/db.server");
  const { seedDatabase } = await import("../../seed/index");
  const { TEST_SEED_COUNTS } = await import("../support/global-setup");
  await migrateDatabase(owner);
  const prisma = createPrismaClient(owner);
  await seedDatabase(prisma, TEST_SEED_COUNTS);
  await prisma.$disconnect();
  await withPgClient(owner, async (c) => void (await c.query(fs.readFileSync("docs/deploy/postgresql-grants.sql", "utf8"))));
  server = await startServer({ env: { DATABASE_URL: app, DATABASE_MIGRATION_URL: owner } });
  expect((await write()).status).toBe(302);
});

afterAll(async () => {
  resumeServer();
  await server?.stop();
  if (dir) execFileSync("bash", ["scripts/pg-throwaway.sh", "stop", dir]);
});

describe("PostgreSQL faults against the running server", () => {
  it("stopped: 503 pages; started again: writes work without a restart", async () => {
    execFileSync("bash", ["scripts/pg-throwaway.sh", "server-stop", dir]);
    const during = await write();
    expect(during.status).toBe(503);
    expect(during.body).toMatch(UNAVAILABLE);
    const health = await get(server.base, "/healthz");
    expect(health.status).toBe(503);
    execFileSync("bash", ["scripts/pg-throwaway.sh", "server-start", dir]);
    const after = await until(write, (a) => a.status === 302);
    expect(after.value.status).toBe(302);
    report("PostgreSQL stopped then started", {
      writeWhileStopped: `${during.status} in ${Math.round(during.ms)} ms`,
      healthz: health.status,
      recoveredAfterStartInMs: after.ms,
    });
  });

  it("paused (SIGSTOP): a 503 page, not a hang; resumed: writes work again", async () => {
    pauseServer();
    const during = await write();
    const page = await get(server.base, "/frameworks");
    resumeServer();
    expect(during.status).toBe(503);
    expect(during.body).toMatch(UNAVAILABLE);
    const after = await until(write, (a) => a.status === 302);
    expect(after.value.status).toBe(302);
    report("PostgreSQL paused (SIGSTOP)", {
      writeWhilePaused: `${during.status} in ${Math.round(during.ms)} ms`,
      pageWhilePaused: `${page.status} in ${Math.round(page.ms)} ms`,
      recoveredAfterResumeInMs: after.ms,
    });
  });

  // The watchdog behind the 503 above (app/utils/pg-watchdog.server.ts), at the pool itself.
  it("the pool's watchdog leaves a slow query on a healthy server alone", async () => {
    const { watchedPool } = await import("~/utils/pg-watchdog.server");
    let unresponsive = 0;
    const pool = watchedPool(
      { connectionString: ownerUrl },
      { stuckAfterMs: 300, probeTimeoutMs: 500, intervalMs: 100, onUnresponsive: () => unresponsive++ },
    );
    try {
      const result = await pool.query("SELECT pg_sleep(1.5), 42 AS answer");
      expect(result.rows[0].answer).toBe(42);
      expect(unresponsive).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it("the pool's watchdog ends a query waiting on a paused server, and says so", async () => {
    const { watchedPool } = await import("~/utils/pg-watchdog.server");
    let unresponsive = 0;
    const pool = watchedPool(
      { connectionString: ownerUrl, query_timeout: 60_000 },
      { stuckAfterMs: 300, probeTimeoutMs: 500, intervalMs: 100, onUnresponsive: () => unresponsive++ },
    );
    await pool.query("SELECT 1"); // an open connection, as a running worker has
    pauseServer();
    const outcome = await pool.query("SELECT 2").then(
      () => "answered",
      (error: Error) => error.message,
    );
    resumeServer();
    void pool.end().catch(() => {});
    // Without the watchdog this query would wait for its 60 s query timeout.
    expect(outcome).toMatch(/Connection terminated/i);
    expect(unresponsive).toBe(1);
  });
});
