// HTTP figures per page (issue 17 items 4 and 6): the built server (node server.js, built
// beforehand: this section builds nothing) on a fresh copy of a seeded database, and autocannon
// at 50 connections against each page in turn. For each page: req/s, latency p50/p97.5/p99,
// errors, timeouts, non-2xx answers and the HTML's size (as sent with and without gzip).
//
// Pages are the heaviest of their kind in the database (the framework with the most awards, the
// council with the most case studies, and so on), so "bounded whatever the data size" is tested
// where it is hardest. Every request carries its own client address from a pool of 1,000
// (X-Forwarded-For with TRUST_PROXY=true), as 50 connections stand for many visitors: the
// per-address search limit (app/utils/search-rate-limit.server.ts) would otherwise answer one
// address's flood with 429s and the figures would measure the limiter.
import http from "node:http";
import os from "node:os";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { memory, startOnCopy, stop } from "../lib/server-process";
import { round } from "../lib/stats";

export interface PageTarget {
  name: string;
  path: string;
}

/** The heaviest page of each kind in the database at `file`. */
export function pickPages(file: string): PageTarget[] {
  const db = new Database(file, { readonly: true });
  const one = (sql: string) => (db.prepare(sql).get() as { v: string } | undefined)?.v;
  try {
    const framework = one(
      `SELECT a.number AS v FROM LotAward w JOIN Lot l ON l.id = w.lotId JOIN Agreement a ON a.id = l.agreementId
       GROUP BY a.id ORDER BY COUNT(*) DESC, a.number LIMIT 1`,
    );
    const product = one(
      `SELECT p.id AS v FROM Product p JOIN Supplier s ON s.id = p.supplierId
       LEFT JOIN CaseStudyProduct c ON c.productId = p.id
       WHERE p.status = 'published' AND p.publishedVersionId IS NOT NULL AND s.verifiedAt IS NOT NULL
       GROUP BY p.id ORDER BY COUNT(c.id) DESC, p.id LIMIT 1`,
    );
    const supplier = one(
      `SELECT s.slug AS v FROM Supplier s JOIN Product p ON p.supplierId = s.id
       WHERE s.verifiedAt IS NOT NULL AND p.status = 'published' GROUP BY s.id ORDER BY COUNT(*) DESC, s.slug LIMIT 1`,
    );
    const council = one(
      `SELECT c.code AS v FROM Council c JOIN CaseStudy s ON s.councilId = c.id
       WHERE s.status = 'published' GROUP BY c.id ORDER BY COUNT(*) DESC, c.code LIMIT 1`,
    );
    const caseStudy = one(
      `SELECT s.slug AS v FROM CaseStudy s LEFT JOIN CaseStudyProduct p ON p.caseStudyId = s.id
       WHERE s.status = 'published' GROUP BY s.id ORDER BY COUNT(p.id) DESC, s.slug LIMIT 1`,
    );
    return [
      { name: "home", path: "/" },
      { name: "search (HTML)", path: "/search?q=crm" },
      { name: "api search", path: "/api/search?q=crm" },
      { name: "product", path: `/products/${product}` },
      { name: "framework", path: `/frameworks/${encodeURIComponent(framework ?? "")}` },
      { name: "supplier", path: `/suppliers/${supplier}` },
      { name: "council", path: `/councils/${council?.toLowerCase()}` },
      { name: "case study", path: `/case-studies/${caseStudy}` },
    ];
  } finally {
    db.close();
  }
}

/** One GET: status, time and the body's bytes as sent, with and without gzip. */
function fetchSizes(port: number, pathname: string) {
  const get = (gzip: boolean) =>
    new Promise<{ status: number; bytes: number; ms: number }>((resolve, reject) => {
      const began = performance.now();
      const req = http.get(
        {
          host: "127.0.0.1",
          port,
          path: pathname,
          headers: { "accept-encoding": gzip ? "gzip" : "identity", "x-forwarded-for": "10.9.9.9" },
        },
        (res) => {
          let bytes = 0;
          res.on("data", (d: Buffer) => (bytes += d.length));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, ms: round(performance.now() - began, 1) }));
        },
      );
      req.on("error", reject);
    });
  return Promise.all([get(false), get(true)]);
}

function clientAddress(n: number) {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function load(port: number, pathname: string, seconds: number, connections: number) {
  let n = 0;
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        timeout: 10,
        headers: { "accept-encoding": "gzip" },
        requests: [
          {
            method: "GET",
            path: pathname,
            setupRequest: (req) => ({ ...req, headers: { ...req.headers, "x-forwarded-for": clientAddress(n++ % 1000) } }),
          },
        ],
      },
      (err: Error | null, res: autocannon.Result) => (err ? reject(err) : resolve(res)),
    );
  });
}

const loadavg = () => os.loadavg().map((l) => round(l, 2));

export async function httpSection(options: {
  /** The seeded database to copy (it is never written). */
  sourceDb: string;
  scale: string;
  env: NodeJS.ProcessEnv;
  port: number;
  seconds: number;
  connections: number;
  workers: number;
  log: (l: string) => void;
}) {
  const { port, log } = options;
  // TRUST_PROXY: each request's X-Forwarded-For is its client address (see the top of this file).
  const started = await startOnCopy({
    sourceDb: options.sourceDb,
    name: `http-${options.scale}`,
    env: { ...options.env, TRUST_PROXY: "true" },
    port,
    workers: options.workers,
  });
  const pages = pickPages(started.dbFile);
  log(
    `  ${options.scale} seed, ${options.workers} workers, ${options.connections} connections, ${options.seconds} s a page; ready in ${started.readyS} s`,
  );
  const results: Record<string, unknown>[] = [];
  try {
    for (const page of pages) {
      // The first view after a start fills per-process lists (./app/models/peers.server.ts): timed
      // apart, then the load measures the steady state.
      const [plain, gzip] = await fetchSizes(port, page.path);
      const before = loadavg();
      const r = await load(port, page.path, options.seconds, options.connections);
      const row = {
        page: page.name,
        path: page.path,
        status: plain.status,
        first_ms: plain.ms,
        html_bytes: plain.bytes,
        gzip_bytes: gzip.bytes,
        rps: round(r.requests.average, 1),
        p50_ms: r.latency.p50,
        p97_5_ms: r.latency.p97_5,
        p99_ms: r.latency.p99,
        requests: r.requests.total,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        loadavg_before: before,
      };
      results.push(row);
      log(
        `  ${page.name.padEnd(14)} ${String(row.rps).padStart(7)} req/s  p50 ${row.p50_ms} / p97.5 ${row.p97_5_ms} / p99 ${row.p99_ms} ms  errors ${row.errors}, timeouts ${row.timeouts}, non-2xx ${row.non2xx}  HTML ${round(row.html_bytes / 1024, 1)} kB (gzip ${round(row.gzip_bytes / 1024, 1)} kB)  load ${before[0]}`,
      );
    }
  } finally {
    const mem = memory(started.server);
    await stop(started.server);
    log(`  RSS at the end: ${mem.total_mb} MB in total`);
  }
  return {
    scale: options.scale,
    workers: options.workers,
    connections: options.connections,
    seconds: options.seconds,
    ready_s: started.readyS,
    pages: results,
  };
}
