// The built server (node server.js, built beforehand) at bench scale with WEB_CONCURRENCY 1, 2
// and 4 and the search process on (ADR 0014: with more than one worker the primary starts one
// search process per machine that holds the only index; the workers query it over a Unix
// socket), and once with SEARCH_PROCESS=off at 2 workers (an index in each worker) to compare.
//
// Per start: RSS (VmRSS) and peak RSS (VmHWM) of the primary, each worker and the search process
// from /proc/<pid>/status, and the total; the time from spawning `node server.js` until each
// worker logged "search ready", until /healthz first answers 200 and until the first
// /api/search answers 200 (worker ready time); and whether the index was built from the
// database or restored from its snapshot (app/services/search-snapshot.server.ts). Memory is
// read once every worker is ready and again after 200 searches from the query mix (4 at a
// time), whose latencies are kept too (socket or in-process, under the same load). With more than
// one worker, one worker is then killed and its successor's time from fork to "search ready" is
// taken (a worker restart, with the search process or the snapshot already there).
//
// The first start has no snapshot on disk (the index is built once and written); the others
// restore it. All starts use one copy of the bench database, so the snapshot (keyed by
// DATABASE_URL) carries from one start to the next.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { childPids } from "../lib/server-process";
import { round, summarise } from "../lib/stats";
import { queryMix, toQueryString } from "../queries";

interface Plan {
  label: string;
  workers: number;
  searchProcess: boolean;
  freshSnapshot: boolean;
}

const PLAN: Plan[] = [
  { label: "2 workers + search process, no snapshot", workers: 2, searchProcess: true, freshSnapshot: true },
  { label: "1 worker (index in process), snapshot", workers: 1, searchProcess: true, freshSnapshot: false },
  { label: "2 workers + search process, snapshot", workers: 2, searchProcess: true, freshSnapshot: false },
  { label: "4 workers + search process, snapshot", workers: 4, searchProcess: true, freshSnapshot: false },
  { label: "2 workers, SEARCH_PROCESS=off, snapshot", workers: 2, searchProcess: false, freshSnapshot: false },
];

interface Mem {
  rss_mb: number;
  peak_mb: number;
}

function mem(pid: number): Mem {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss_mb: round(kb("VmRSS") / 1024, 1), peak_mb: round(kb("VmHWM") / 1024, 1) };
  } catch {
    return { rss_mb: 0, peak_mb: 0 };
  }
}

/** The search process is the child started with CM_SEARCH_PROCESS in its environment (server.js). */
function isSearchProcess(pid: number): boolean {
  try {
    return fs
      .readFileSync(`/proc/${pid}/environ`, "utf8")
      .split("\0")
      .some((v) => v.startsWith("CM_SEARCH_PROCESS="));
  } catch {
    return false;
  }
}

function memoryNow(primary: number) {
  const children = childPids(primary);
  const search = children.filter(isSearchProcess);
  const workers = children.filter((p) => !search.includes(p));
  const p = mem(primary);
  const w = workers.map(mem);
  const s = search.map(mem);
  const total = round(p.rss_mb + [...w, ...s].reduce((a, m) => a + m.rss_mb, 0), 1);
  return {
    primary_mb: p.rss_mb,
    workers_mb: w.map((m) => m.rss_mb),
    search_mb: s[0]?.rss_mb ?? null,
    total_mb: total,
    peak: { primary_mb: p.peak_mb, workers_mb: w.map((m) => m.peak_mb), search_mb: s[0]?.peak_mb ?? null },
    pids: { primary, workers, search: search[0] ?? null },
  };
}

function get(port: number, pathname: string, client = "10.200.0.1") {
  return new Promise<{ status: number; ms: number }>((resolve) => {
    const began = performance.now();
    const req = http.get({ host: "127.0.0.1", port, path: pathname, headers: { "x-forwarded-for": client } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - began }));
    });
    req.setTimeout(30_000, () => req.destroy());
    req.on("error", () => resolve({ status: 0, ms: performance.now() - began }));
  });
}

interface LogLine {
  at: number;
  pid: number;
  msg: string;
  [k: string]: unknown;
}

async function runOnce(plan: Plan, options: { env: NodeJS.ProcessEnv; port: number; snapshotFile: string; log: (l: string) => void }) {
  const { port } = options;
  const snapshotBefore = fs.existsSync(options.snapshotFile);
  const began = performance.now();
  const since = () => performance.now() - began;
  const server: ChildProcess = spawn("node", ["server.js"], {
    env: {
      ...options.env,
      PORT: String(port),
      WEB_CONCURRENCY: String(plan.workers),
      SEARCH_PROCESS: plan.searchProcess ? "on" : "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: LogLine[] = [];
  let tail = "";
  let partial = "";
  const onData = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-4000);
    partial += d.toString();
    const parts = partial.split("\n");
    partial = parts.pop() ?? "";
    for (const l of parts) {
      if (!l.startsWith("{")) continue;
      try {
        lines.push({ ...(JSON.parse(l) as LogLine), at: since() });
      } catch {
        /* not a log line */
      }
    }
  };
  server.stdout!.on("data", onData);
  server.stderr!.on("data", onData);
  const stopServer = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    await exited;
  };
  try {
    const deadline = Date.now() + 900_000;
    const alive = () => {
      if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${tail}`);
      if (Date.now() > deadline) throw new Error(`server not ready in 15 minutes:\n${tail}`);
    };
    let healthzS: number | null = null;
    let searchS: number | null = null;
    while (healthzS === null || searchS === null) {
      alive();
      if (healthzS === null && (await get(port, "/healthz")).status === 200) healthzS = round(since() / 1000);
      if (searchS === null && (await get(port, "/api/search?q=housing")).status === 200) searchS = round(since() / 1000);
      await new Promise((r) => setTimeout(r, 100));
    }
    const readyLines = () => lines.filter((l) => l.msg === "search ready").slice(0, plan.workers);
    while (readyLines().length < plan.workers) {
      alive();
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1_000));
    const atReady = memoryNow(server.pid!);

    // 200 searches from the mix, 4 at a time, each from its own client address (rate limit).
    const mix = queryMix(200, 17);
    const times: number[] = [];
    const statuses: Record<string, number> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < mix.length) {
          const i = next++;
          const r = await get(port, `/api/search?${toQueryString(mix[i])}`, `10.201.${i >> 8}.${i & 255}`);
          times.push(r.ms);
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        }
      }),
    );
    const afterSearches = memoryNow(server.pid!);

    // A worker that dies is forked again by the primary (after a 500 ms back-off): how long the
    // new one takes from its fork to "search ready", with the search process (or snapshot) there.
    let restart: { fork_after_kill_ms: number; ready_after_fork_s: number; own_ms: number } | null = null;
    if (plan.workers > 1) {
      const victim = afterSearches.pids.workers[0];
      const known = new Set([...afterSearches.pids.workers, afterSearches.pids.search]);
      const killedAt = performance.now();
      process.kill(victim, "SIGKILL");
      let fresh: number | undefined;
      while (!fresh) {
        alive();
        fresh = childPids(server.pid!).find((p) => !known.has(p));
        if (!fresh) await new Promise((r) => setTimeout(r, 20));
      }
      const forkedAt = performance.now();
      let line: LogLine | undefined;
      while (!(line = lines.find((l) => l.pid === fresh && l.msg === "search ready"))) {
        alive();
        await new Promise((r) => setTimeout(r, 20));
      }
      restart = {
        fork_after_kill_ms: Math.round(forkedAt - killedAt),
        ready_after_fork_s: round((line.at - (forkedAt - began)) / 1000),
        own_ms: Number(line.ms),
      };
    }

    const searchReady = lines.find((l) => l.msg === "search process ready");
    const built = (pid: number) =>
      lines.some((l) => l.pid === pid && (l.msg === "search snapshot written" || l.msg.startsWith("search snapshot not used")));
    const indexHolders = searchReady ? [searchReady.pid] : readyLines().map((l) => l.pid);
    const sources = indexHolders.map((pid) =>
      searchReady && typeof searchReady.source === "string" ? searchReady.source : built(pid) || !snapshotBefore ? "rebuild" : "snapshot",
    );
    const workerReady = readyLines().map((l) => ({ pid: l.pid, ready_s: round(l.at / 1000), own_ms: Number(l.ms) }));
    const run = {
      label: plan.label,
      workers: plan.workers,
      search_process: plan.searchProcess,
      snapshot_on_disk_at_start: snapshotBefore,
      index_source: sources,
      search_process_ready_s: searchReady ? round(searchReady.at / 1000) : null,
      search_process_own_ms: searchReady ? Number(searchReady.ms) : null,
      worker_ready: workerReady,
      healthz_s: healthzS,
      first_search_s: searchS,
      memory_at_ready: atReady,
      memory_after_200_searches: afterSearches,
      api_search_ms: { ...summarise(times), concurrency: 4, requests: times.length, statuses },
      worker_restart: restart,
    };
    const w = afterSearches.workers_mb.length ? afterSearches.workers_mb.join(" + ") : "-";
    options.log(
      `  ${plan.label.padEnd(42)} ${sources.join("/")}; healthz ${healthzS} s, first search ${searchS} s, workers ready ${workerReady.map((r) => r.ready_s).join(", ")} s` +
        `${run.search_process_ready_s !== null ? `, search process ${run.search_process_ready_s} s` : ""}\n` +
        `  ${"".padEnd(42)} RSS primary ${afterSearches.primary_mb} MB, workers ${w} MB, search ${afterSearches.search_mb ?? "-"} MB, total ${afterSearches.total_mb} MB` +
        ` (at ready ${atReady.total_mb} MB); /api/search p50/p95 ${run.api_search_ms.p50}/${run.api_search_ms.p95} ms` +
        `${restart ? `; a killed worker's successor ready ${restart.ready_after_fork_s} s after its fork` : ""}`,
    );
    return run;
  } finally {
    await stopServer();
    // Every process of this start gone before the next one (they are this section's children).
    for (const pid of lines.map((l) => l.pid)) {
      try {
        process.kill(pid, 0);
        process.kill(pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  }
}

export async function workersSection(options: { env: NodeJS.ProcessEnv; snapshotDir: string; log: (l: string) => void; port?: number }) {
  if (!fs.existsSync("build/index.js")) throw new Error("No build: run npm run build first (the bench measures the built server).");
  const port = options.port ?? 3291;
  const sourceDb = (options.env.DATABASE_URL ?? "").replace(/^file:/, "");
  const copy = path.resolve("bench/.data/workers.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(copy + suffix, { force: true });
  const source = new Database(sourceDb, { readonly: true });
  await source.backup(copy);
  source.close();
  const databaseUrl = `file:${copy}`;
  fs.rmSync(options.snapshotDir, { recursive: true, force: true });
  // The production server as deployed (run.ts may hand a development environment: replaced here).
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    DATABASE_URL: databaseUrl,
    SEARCH_SNAPSHOT_DIR: options.snapshotDir,
    SESSION_SECRET: options.env.SESSION_SECRET ?? "bench-secret-bench-secret-bench-secret-0000",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    MAIL_DELIVERY: "outbox",
    TRUST_PROXY: "true",
  };
  const key = (await import("node:crypto")).createHash("sha256").update(databaseUrl).digest("hex").slice(0, 16);
  const snapshotFile = path.join(options.snapshotDir, `index-${key}.snapshot`);
  const loadavg = () => os.loadavg().map((l) => round(l, 2));
  const startLoad = loadavg();
  const date = new Date().toISOString();
  const runs: Record<string, unknown>[] = [];
  for (const plan of PLAN) {
    if (plan.freshSnapshot) fs.rmSync(options.snapshotDir, { recursive: true, force: true });
    const before = loadavg();
    runs.push({ ...(await runOnce(plan, { env, port, snapshotFile, log: options.log })), loadavg_before: before });
  }
  const cell = (v: unknown) => (v === null || v === undefined ? "–" : String(v));
  const head = [
    "start",
    "index",
    "healthz s",
    "1st search s",
    "workers ready s",
    "search proc s",
    "RSS primary",
    "workers",
    "search",
    "total MB",
    "restarted worker s",
  ];
  const body = runs.map((r) => {
    const m = r.memory_after_200_searches as ReturnType<typeof memoryNow>;
    const ready = (r.worker_ready as { ready_s: number }[]).map((w) => w.ready_s);
    return [
      r.label,
      (r.index_source as string[]).join("/"),
      r.healthz_s,
      r.first_search_s,
      `${Math.min(...ready)}–${Math.max(...ready)}`,
      r.search_process_ready_s,
      m.primary_mb,
      m.workers_mb.join(" + ") || "–",
      m.search_mb,
      m.total_mb,
      (r.worker_restart as { ready_after_fork_s: number } | null)?.ready_after_fork_s,
    ].map(cell);
  });
  options.log(
    ["", `| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...body.map((b) => `| ${b.join(" | ")} |`)].join("\n"),
  );

  const documents = (() => {
    const db = new Database(copy, { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { c: number }).c;
      return {
        suppliers: count("SELECT COUNT(*) AS c FROM Supplier"),
        products: count("SELECT COUNT(*) AS c FROM Product"),
        case_studies: count("SELECT COUNT(*) AS c FROM CaseStudy"),
      };
    } finally {
      db.close();
    }
  })();
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    if (execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim()) commit += " (tree changed)";
  } catch {
    /* not a git checkout */
  }
  return {
    run: { date, commit, cores: os.cpus().length, node: process.version, loadavg_start: startLoad, loadavg_end: loadavg() },
    database: documents,
    snapshot_mb: fs.existsSync(snapshotFile) ? round(fs.statSync(snapshotFile).size / 1_048_576, 1) : null,
    runs,
    targets: { worker_ready_s: 3, search_memory_mb: 400, search_memory: "independent of WEB_CONCURRENCY" },
  };
}
