// npm run bench — search at scale: 5,000 suppliers, 50,000 products, 10,000 case studies.
// Measures, in one run: embedded-engine latency over a fixed 1,000-query mix; the same mix
// through GET /api/search with 20 concurrent connections; a naive SQL LIKE baseline; index
// build time and memory; server cold start. Prints a table and writes bench/results.json.
// Targets (2-core machine): engine p95 ≤ 15 ms; HTTP p95 ≤ 60 ms at 20 connections;
// ≥ 10× faster than LIKE at p95. Reported, never asserted in tests.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { queryMix, toQueryString, type BenchQuery } from "./queries";

const { values: args } = parseArgs({
  options: {
    reseed: { type: "boolean", default: false },
    suppliers: { type: "string", default: "5000" },
    products: { type: "string", default: "50000" },
    "case-studies": { type: "string", default: "10000" },
    seconds: { type: "string", default: "20" },
  },
});

const DB_FILE = path.resolve("bench/.data/bench.db");
const DB_URL = `file:${DB_FILE}`;
process.env.DATABASE_URL = DB_URL;
process.env.PORTAL_TODAY ??= "2026-11-23";

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const summarise = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)) };
};

// 1. Data at scale (kept between runs; --reseed to make it again).
fs.mkdirSync(path.dirname(DB_FILE), { recursive: true });
if (args.reseed || !fs.existsSync(DB_FILE)) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(DB_FILE + suffix, { force: true });
  console.log(`Seeding ${args.suppliers} suppliers, ${args.products} products, ${args["case-studies"]} case studies…`);
  execFileSync(
    "npx",
    ["tsx", "seed/index.ts", "--suppliers", args.suppliers!, "--products", args.products!, "--case-studies", args["case-studies"]!],
    {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: DB_URL },
    },
  );
}

// 2. Index build time and memory, in this process.
const { rebuildSearch, searchIndex, resetSearchState } = await import("../app/services/search.server");
const { EmbeddedEngine } = await import("../app/search/embedded-engine.server");
resetSearchState(new EmbeddedEngine());
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const buildStart = performance.now();
const counts = await rebuildSearch();
const indexBuildS = (performance.now() - buildStart) / 1000;
const rssMb = (process.memoryUsage().rss - rssBefore) / 1_048_576;
const docs = Object.values(counts).reduce((a, b) => a + b, 0);

// 3. Engine latency over the fixed mix (after a short warm-up).
const mix = queryMix(1000);
const params = (q: BenchQuery) => ({
  q: q.q,
  type: "products" as const,
  sort: "relevance" as const,
  page: 1,
  pageSize: 20,
  frameworks: "live" as const,
  filters: q.filters,
});
for (const q of mix.slice(0, 50)) await searchIndex("products", params(q));
const engineTimes: number[] = [];
let zeroResults = 0;
for (const q of mix) {
  const t = performance.now();
  const r = await searchIndex("products", params(q));
  engineTimes.push(performance.now() - t);
  if (r.total === 0) zeroResults++;
}
const engine = summarise(engineTimes);

// 4. Naive SQL LIKE baseline on the same data: the query without an index.
const db = new Database(DB_FILE, { readonly: true });
const FACET_SQL: Record<string, string> = {
  supplierSize: "s.computedSize",
  dataLocation: "v.dataLocation",
  // The same bands as PRICE_BANDS in app/search/index-config.ts, in integer pence.
  priceBand:
    "CASE WHEN v.priceFromPence < 10000 THEN 'under-100' WHEN v.priceFromPence < 100000 THEN '100-1000' WHEN v.priceFromPence < 1000000 THEN '1000-10000' ELSE 'over-10000' END",
};
function likeQuery(q: BenchQuery) {
  const where = ["p.status = 'published'"];
  const bind: string[] = [];
  for (const word of q.q.split(/\s+/)) {
    where.push("(v.name LIKE ? OR v.summary LIKE ? OR v.description LIKE ? OR v.category LIKE ?)");
    bind.push(...Array(4).fill(`%${word}%`));
  }
  for (const [facet, values] of Object.entries(q.filters)) {
    if (facet === "accreditations") {
      where.push(`(${values.map(() => "v.security LIKE ?").join(" OR ")})`);
      bind.push(...values.map((v) => `%"${v}"%`));
    } else {
      where.push(`${FACET_SQL[facet]} IN (${values.map(() => "?").join(",")})`);
      bind.push(...values);
    }
  }
  const sql = `FROM Product p JOIN ProductVersion v ON v.id = p.publishedVersionId JOIN Supplier s ON s.id = p.supplierId WHERE ${where.join(" AND ")}`;
  db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...bind);
  db.prepare(`SELECT p.id, v.name ${sql} ORDER BY v.name LIMIT 20`).all(...bind);
}
const likeTimes: number[] = [];
for (const q of mix.slice(0, 300)) {
  const t = performance.now();
  likeQuery(q);
  likeTimes.push(performance.now() - t);
}
db.close();
const like = summarise(likeTimes);

// 5. HTTP: the built app on this machine's loopback, 20 connections, the same mix.
if (!fs.existsSync("build/index.js")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
const port = 3290;
const coldStart = performance.now();
const server = spawn("node", ["server.js"], {
  env: {
    ...process.env,
    PORT: String(port),
    NODE_ENV: "production",
    DATABASE_URL: DB_URL,
    SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0000",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
let serverLog = "";
server.stdout.on("data", (d) => (serverLog += d));
server.stderr.on("data", (d) => (serverLog += d));
const deadline = Date.now() + 240_000;
for (;;) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (res.ok) break;
  } catch {
    /* not up yet */
  }
  if (Date.now() > deadline) throw new Error(`server did not start:\n${serverLog}`);
  await new Promise((r) => setTimeout(r, 250));
}
const coldStartS = (performance.now() - coldStart) / 1000;
const httpTimes: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${port}`,
      connections: 20,
      duration: Number(args.seconds),
      requests: mix.map((q) => ({ method: "GET", path: `/api/search?${toQueryString(q)}` })),
    },
    (err: Error | null, res: autocannon.Result) => (err ? reject(err) : resolve(res)),
  );
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => httpTimes.push(responseTime));
});
server.kill("SIGTERM");
const http = summarise(httpTimes);

const results = {
  generatedAt: new Date().toISOString(),
  machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
  search: {
    docs,
    products: counts.products,
    p50_ms: engine.p50,
    p95_ms: engine.p95,
    p99_ms: engine.p99,
    queries: mix.length,
    zero_result_queries: zeroResults,
  },
  http: {
    connections: 20,
    p50_ms: http.p50,
    p95_ms: http.p95,
    p99_ms: http.p99,
    rps: round(result.requests.average, 1),
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  },
  baseline_like: { p50_ms: like.p50, p95_ms: like.p95, p99_ms: like.p99, queries: likeTimes.length },
  speedup_p95: round(like.p95 / engine.p95, 1),
  index_build_s: round(indexBuildS, 2),
  server_cold_start_s: round(coldStartS, 2),
  rss_mb: round(rssMb, 1),
  targets: { engine_p95_ms: 15, http_p95_ms: 60, speedup_p95: 10 },
};
fs.writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ["documents indexed", `${docs} (${counts.products} products)`, ""],
  ["index build", `${results.index_build_s} s`, ""],
  ["index memory (RSS growth)", `${results.rss_mb} MB`, ""],
  ["server cold start (to healthy)", `${results.server_cold_start_s} s`, ""],
  [
    "engine p50 / p95 / p99",
    `${engine.p50} / ${engine.p95} / ${engine.p99} ms`,
    `target p95 ≤ 15 ms: ${engine.p95 <= 15 ? "met" : "MISSED"}`,
  ],
  [
    "HTTP p50 / p95 / p99 (20 conns)",
    `${http.p50} / ${http.p95} / ${http.p99} ms`,
    `target p95 ≤ 60 ms: ${http.p95 <= 60 ? "met" : "MISSED"}`,
  ],
  ["HTTP throughput", `${results.http.rps} req/s (${results.http.errors} errors, ${results.http.non2xx} non-2xx)`, ""],
  [
    "LIKE baseline p50 / p95 / p99",
    `${like.p50} / ${like.p95} / ${like.p99} ms`,
    `speed-up at p95: ${results.speedup_p95}× (target ≥ 10×: ${results.speedup_p95 >= 10 ? "met" : "MISSED"})`,
  ],
];
console.log("\nSearch benchmark");
for (const [k, v, note] of rows) console.log(`  ${k.padEnd(34)} ${v.padEnd(34)} ${note}`);
console.log("\nwrote bench/results.json");
process.exit(0);
