// npm run bench — search at scale: 5,000 suppliers, 50,000 products, 10,000 case studies.
// Sections (each a module in bench/sections, run in this order; --only to pick some):
//   engine  our embedded engine cold and warm, MiniSearch (the previous engine) and PostgreSQL
//           full-text + pg_trgm side by side, interleaved; the growth curve 5k/20k/65k/150k
//   like    a naive SQL LIKE baseline
//   workers search start-up alone: ready time, source (build or snapshot) and RSS of 1 and 2
//           worker processes started together (one builds, the other restores)
//   server  worker ready time and RSS per process and in total at 1 and 2 workers (index
//           built once, then restored from its snapshot), and GET /api/search at 20 connections
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
import { likeSection } from "./sections/like";
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
    only: { type: "string", default: "engine,like,workers,server" },
    port: { type: "string", default: "3290" },
    "ocds-releases": { type: "string", default: "100000" },
    queries: { type: "string", default: "1000" },
  },
});
const only = new Set(args.only!.split(","));

const DB_FILE = path.resolve("bench/.data/bench.db");
const DB_URL = `file:${DB_FILE}`;
process.env.DATABASE_URL = DB_URL;
process.env.PORTAL_TODAY ??= "2026-11-23";
const log = (line: string) => console.log(line);

// Data at scale (kept between runs; --reseed to make it again). Migrations first, so a kept
// database follows the schema.
fs.mkdirSync(path.dirname(DB_FILE), { recursive: true });
if (args.reseed || !fs.existsSync(DB_FILE)) {
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

const results: Record<string, unknown> = {
  generatedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, loadavg_at_start: os.loadavg().map((l) => Math.round(l * 100) / 100) },
};

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
    results.engine = await engineSection(set, { pgUrl, queries: Number(args.queries), log });
  } finally {
    if (throwaway) execFileSync("bash", ["scripts/pg-throwaway.sh", "stop", throwaway]);
  }
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

// Opt-in (--only contracts): the 100,000-release import takes long on a loaded machine.
if (only.has("contracts")) {
  log("\nContracts register (OCDS import, /contracts and /radar)");
  results.contracts = contractsSection({ dbFile: DB_FILE, releases: Number(args["ocds-releases"]), env: { ...process.env }, log });
}

// Sections not run this time keep their last figures.
const file = "bench/results.json";
const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
// Keys of the single-section format before issue 17, replaced by engine / server.
for (const old of ["search", "http", "speedup_p95", "index_build_s", "server_cold_start_s", "rss_mb", "targets"]) delete previous[old];
fs.writeFileSync(file, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
log(`\nwrote ${file}`);
process.exit(0);
