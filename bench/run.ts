// npm run bench — search at scale: 5,000 suppliers, 50,000 products, 10,000 case studies.
// Sections (each a module in bench/sections, run in this order; --only to pick some):
//   engine  our embedded engine cold and warm, MiniSearch (the previous engine) and PostgreSQL
//           full-text + pg_trgm side by side, interleaved; the growth curve 5k/20k/65k/150k
//   like    a naive SQL LIKE baseline
//   workers the built server at bench scale with 1, 2 and 4 workers and the one search process
//           (and once with SEARCH_PROCESS=off): ready time, index source (rebuild or snapshot),
//           RSS per process and in total, /api/search latency and a worker's restart time
//   server  worker ready time and RSS per process and in total at 1 and 2 workers (index
//           built once, then restored from its snapshot), and GET /api/search at 20 connections
//   http    every kind of page (home, search, /api/search, product, framework, supplier, council,
//           case study) under autocannon at 50 connections against the built server, on a copy of
//           the default seed (--scale default, the default) and/or the bench database (--scale bench)
//   lighthouse  Lighthouse mobile (simulated Slow 4G) with Debian's Chromium on six pages
//   hostile how long every form schema takes to refuse hostile 40 kB / 1.9 MB values, and the
//           password strength check on over-long input (the tests check only the outcome)
// --table prints the Markdown table of bench/results.json (README "Performance") and runs nothing.
// Each section's figures carry the date, git commit, load average and cores of their run.
// PostgreSQL: DATABASE_URL_PG, or a throwaway cluster (scripts/pg-throwaway.sh) when the server
// binaries are installed; without either the PostgreSQL peer is left out and the table says so.
// Prints a table and writes bench/results.json. Figures are reported, never asserted in tests.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadDocuments } from "./lib/documents";
import { engineSection } from "./sections/engine";
import { hostileSection } from "./sections/hostile";
import { httpSection } from "./sections/http";
import { lighthouseSection } from "./sections/lighthouse";
import { likeSection } from "./sections/like";
import { resultsTable } from "./table";
import { serverSection } from "./sections/server";
import { workersSection } from "./sections/workers";
import { contractsSection } from "./contracts";

const { values: args } = parseArgs({
  options: {
    reseed: { type: "boolean", default: false },
    suppliers: { type: "string", default: "5000" },
    products: { type: "string", default: "50000" },
    "case-studies": { type: "string", default: "10000" },
    seconds: { type: "string", default: "20" },
    only: { type: "string", default: "engine,like,workers,server,http,lighthouse,hostile" },
    scale: { type: "string", default: "default" },
    connections: { type: "string", default: "50" },
    "http-seconds": { type: "string", default: "10" },
    workers: { type: "string", default: "2" },
    table: { type: "boolean", default: false },
    port: { type: "string", default: "3290" },
    "ocds-releases": { type: "string", default: "100000" },
    contracts: { type: "string", default: "100000" },
    rounds: { type: "string", default: "50" },
    queries: { type: "string", default: "1000" },
  },
});
const only = new Set(args.only!.split(","));
const scales = args.scale!.split(",").filter((x) => x === "default" || x === "bench");
const RESULTS_FILE = "bench/results.json";
if (args.table) {
  console.log(resultsTable(JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as Record<string, unknown>));
  process.exit(0);
}

const DB_FILE = path.resolve("bench/.data/bench.db");
const DB_URL = `file:${DB_FILE}`;
process.env.DATABASE_URL = DB_URL;
process.env.PORTAL_TODAY ??= "2026-11-23";
const log = (line: string) => console.log(line);

// Data at scale (kept between runs; --reseed to make it again). Migrations first, so a kept
// database follows the schema.
fs.mkdirSync(path.dirname(DB_FILE), { recursive: true });
const needsBenchDb =
  ["engine", "like", "workers", "server", "contracts"].some((s) => only.has(s)) ||
  (scales.includes("bench") && (only.has("http") || only.has("lighthouse")));
if (!needsBenchDb) {
  // Only the default seed is used this time.
} else if (args.reseed || !fs.existsSync(DB_FILE)) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB_FILE + suffix, { force: true });
  log(`Seeding ${args.suppliers} suppliers, ${args.products} products, ${args["case-studies"]} case studies…`);
  execFileSync(
    "npx",
    ["tsx", "seed/index.ts", "--suppliers", args.suppliers!, "--products", args.products!, "--case-studies", args["case-studies"]!],
    { stdio: "inherit", env: { ...process.env, DATABASE_URL: DB_URL } },
  );
} else {
  execFileSync("npx", ["tsx", "scripts/prisma.ts", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: DB_URL } });
}

// The default seed (npm run seed's sizes), kept like the bench database.
const DEFAULT_DB_FILE = path.resolve("bench/.data/default.db");
function defaultDb(): string {
  if (args.reseed || !fs.existsSync(DEFAULT_DB_FILE)) {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DEFAULT_DB_FILE + suffix, { force: true });
    log("Seeding the default data set…");
    execFileSync("npx", ["tsx", "seed/index.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: `file:${DEFAULT_DB_FILE}` } });
  } else {
    execFileSync("npx", ["tsx", "scripts/prisma.ts", "deploy"], {
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: `file:${DEFAULT_DB_FILE}` },
    });
  }
  return DEFAULT_DB_FILE;
}
const dbFor = (scale: string) => (scale === "bench" ? DB_FILE : defaultDb());

const loadavg = () => os.loadavg().map((l) => Math.round(l * 100) / 100);
let commit = "unknown";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  if (execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim()) commit += " (tree changed)";
} catch {
  /* not a git checkout */
}
/** Where and when a section's figures were taken, stored beside them. */
function runInfo(startLoad: number[]) {
  return {
    date: new Date().toISOString(),
    commit,
    cores: os.cpus().length,
    node: process.version,
    loadavg_start: startLoad,
    loadavg_end: loadavg(),
  };
}
const serverEnv = (port: number): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0000",
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  MAIL_DELIVERY: "outbox",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
});

const results: Record<string, unknown> = {
  generatedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadavg_at_start: loadavg() },
};
const previous = fs.existsSync(RESULTS_FILE) ? (JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as Record<string, unknown>) : {};

if (only.has("engine")) {
  log("\nEngine (products index, 1,000-query mix, interleaved)");
  let pgUrl = process.env.DATABASE_URL_PG ?? null;
  let throwaway: string | null = null;
  if (!pgUrl) {
    try {
      const out = execFileSync("bash", ["scripts/pg-throwaway.sh", "start"], { encoding: "utf8" });
      pgUrl = /DATABASE_URL_PG='([^']+)'/.exec(out)?.[1] ?? null;
      throwaway = /PG_THROWAWAY_DIR='([^']+)'/.exec(out)?.[1] ?? null;
    } catch {
      log("  (no PostgreSQL: set DATABASE_URL_PG or install the server binaries to run the PostgreSQL peer)");
    }
  }
  try {
    const set = await loadDocuments(DB_FILE);
    const startLoad = loadavg();
    results.engine = { ...(await engineSection(set, { pgUrl, queries: Number(args.queries), log })), run: runInfo(startLoad) };
  } finally {
    if (throwaway) execFileSync("bash", ["scripts/pg-throwaway.sh", "stop", throwaway]);
  }
}

if (only.has("hostile")) {
  log("\nHostile form values (bounded validation)");
  const startLoad = loadavg();
  results.hostile = { ...(await hostileSection(log)), run: runInfo(startLoad) };
}

if (only.has("like")) {
  const like = likeSection(DB_FILE);
  results.baseline_like = like;
  log(`\nLIKE baseline (no index): ${like.p50} / ${like.p95} / ${like.p99} ms over ${like.queries} queries`);
}

if (only.has("workers")) {
  log("\nSearch workers (ready time and memory per process)");
  results.workers = await workersSection({
    env: { ...process.env, NODE_ENV: "development", DATABASE_URL: DB_URL, LOG_LEVEL: "warn" },
    snapshotDir: path.resolve("bench/.data/snapshot-workers"),
    log,
  });
}

if (only.has("server")) {
  log("\nServer (built app, bench database)");
  const snapshotDir = path.resolve("bench/.data/snapshot");
  results.server = await serverSection({
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: DB_URL,
      SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0000",
      PUBLIC_URL: `http://127.0.0.1:${args.port}`,
      SMTP_URL: process.env.SMTP_URL ?? "smtp://127.0.0.1:2525",
      SEARCH_SNAPSHOT_DIR: snapshotDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    },
    port: Number(args.port),
    seconds: Number(args.seconds),
    snapshotDir,
    log,
  });
}

if (only.has("http")) {
  // Per scale, so a run at one scale keeps the other's last figures.
  const http = { ...((previous.http as Record<string, unknown> | undefined) ?? {}) };
  for (const scale of scales) {
    log(`\nHTTP (built server, ${scale} seed)`);
    const startLoad = loadavg();
    const port = Number(args.port);
    const figures = await httpSection({
      sourceDb: dbFor(scale),
      scale,
      env: serverEnv(port),
      port,
      seconds: Number(args["http-seconds"]),
      connections: Number(args.connections),
      workers: Number(args.workers),
      log,
    });
    http[scale] = { ...figures, run: runInfo(startLoad) };
  }
  results.http = http;
}

if (only.has("lighthouse")) {
  const lighthouse = { ...((previous.lighthouse as Record<string, unknown> | undefined) ?? {}) };
  for (const scale of scales) {
    log(`\nLighthouse (mobile, simulated Slow 4G, ${scale} seed)`);
    const startLoad = loadavg();
    const port = Number(args.port);
    lighthouse[scale] = {
      ...(await lighthouseSection({ sourceDb: dbFor(scale), scale, env: serverEnv(port), port, log })),
      run: runInfo(startLoad),
    };
  }
  results.lighthouse = lighthouse;
}

// Opt-in (--only contracts): the 100,000-release import takes long on a loaded machine.
if (only.has("contracts")) {
  log("\nContracts register (OCDS import, /contracts and /radar)");
  results.contracts = await contractsSection({
    dbFile: DB_FILE,
    releases: Number(args["ocds-releases"]),
    contracts: Number(args.contracts),
    rounds: Number(args.rounds),
    env: { ...process.env },
    log,
  });
} else {
  log(
    "\nContracts register not run (opt-in, 10 minutes or more): npm run bench -- --only contracts [--ocds-releases 100000] [--contracts 100000] [--rounds 50]",
  );
}

// Sections not run this time keep their last figures.
const file = RESULTS_FILE;
// Read again now, not only at the start: another bench run (another section) may have written
// the file meanwhile, and its figures must not be lost. Per-scale sections merge their scales.
Object.assign(previous, fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {});
for (const key of ["http", "lighthouse"] as const) {
  if (results[key]) results[key] = { ...((previous[key] as Record<string, unknown> | undefined) ?? {}), ...(results[key] as object) };
}
// Keys of the single-section format before issue 17, replaced by engine / server.
for (const old of ["search", "speedup_p95", "index_build_s", "server_cold_start_s", "rss_mb", "targets"]) delete previous[old];
// The old single `http` object (before the per-scale HTTP section) has no scales in it.
if (previous.http && !("default" in (previous.http as object)) && !("bench" in (previous.http as object))) delete previous.http;
fs.writeFileSync(file, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
log(`\nwrote ${file}`);
process.exit(0);
