// Engine figures on the bench's own documents and the fixed 1,000-query mix: our embedded
// engine (no cache: every query is a first-time query), MiniSearch as it was (cache off = cold,
// cache on = warm), and PostgreSQL full-text + pg_trgm (SEARCH_ENGINE=postgres), interleaved
// query by query so load on a shared machine hits every engine alike. Then the growth curve.
import { EmbeddedEngine } from "../../app/search/embedded-engine.server";
import { PostgresEngine } from "../../app/search/postgres-engine.server";
import { engineRequest } from "../../app/search/search-query.schema";
import type { SearchDocument, SearchEngine, SearchRequest } from "../../app/search/types";
import { MiniSearchEngine } from "../engine-comparison/minisearch-engine";
import { scaled, type DocumentSet } from "../lib/documents";
import { fmt, round, summarise, type Summary } from "../lib/stats";
import { queryMix, type BenchQuery } from "../queries";

const request = (q: BenchQuery): SearchRequest =>
  engineRequest("products", { q: q.q, type: "products", sort: "relevance", page: 1, pageSize: 20, frameworks: "live", filters: q.filters });

const KINDS = ["one word", "two words", "typo", "prefix"] as const;

interface Peer {
  name: string;
  engine: SearchEngine;
  times: number[];
  zero: number;
}

async function interleaved(peers: Peer[], mix: BenchQuery[]) {
  for (const peer of peers) peer.times = [];
  for (const peer of peers) peer.zero = 0;
  for (const [i, q] of mix.entries()) {
    // Rotate who goes first, so no engine always runs right after another's garbage.
    for (let k = 0; k < peers.length; k++) {
      const peer = peers[(i + k) % peers.length];
      const t = performance.now();
      const r = await peer.engine.search("products", request(q));
      peer.times.push(performance.now() - t);
      if (r.total === 0) peer.zero++;
    }
  }
}

function byClass(times: number[], mix: BenchQuery[]) {
  const classes: Record<string, Summary> = {};
  for (const [k, kind] of KINDS.entries()) classes[kind] = summarise(times.filter((_t, i) => i % 4 === k));
  // The target query shape: two filters (besides live frameworks) and the index's facets.
  classes["two or more filters"] = summarise(times.filter((_t, i) => Object.keys(mix[i].filters).length >= 2));
  return classes;
}

async function build(engine: SearchEngine, set: DocumentSet) {
  const t = performance.now();
  for (const [index, docs] of Object.entries(set)) await engine.replaceAll(index as never, docs);
  return round((performance.now() - t) / 1000);
}

/** More documents than the seed has: copies of the products under new ids. */
function enlarged(set: DocumentSet, total: number): DocumentSet {
  const products: SearchDocument[] = [...set.products];
  const others = set.suppliers.length + set["case-studies"].length;
  for (let copy = 1; products.length + others < total; copy++) {
    for (const d of set.products) {
      if (products.length + others >= total) break;
      products.push({ ...d, id: `${d.id}~${copy}` });
    }
  }
  return { ...set, products };
}

export async function engineSection(set: DocumentSet, options: { pgUrl: string | null; queries: number; log: (line: string) => void }) {
  const { log } = options;
  const mix = queryMix(options.queries);
  const coldMix = queryMix(options.queries, 4242);
  const docs = set.products.length + set.suppliers.length + set["case-studies"].length;

  global.gc?.();
  const heapBefore = process.memoryUsage();
  const own = new EmbeddedEngine();
  const ownBuildS = await build(own, set);
  global.gc?.();
  const heapAfter = process.memoryUsage();
  const ownIndexMb = round((heapAfter.heapUsed - heapBefore.heapUsed + heapAfter.arrayBuffers - heapBefore.arrayBuffers) / 1_048_576, 1);
  log(`  embedded engine: ${docs} documents built in ${ownBuildS} s; index ${ownIndexMb} MB beyond the documents`);

  const miniCold = new MiniSearchEngine({ cache: false });
  const miniBuildS = await build(miniCold, set);
  log(`  MiniSearch (previous engine): built in ${miniBuildS} s`);
  const peers: Peer[] = [
    { name: "embedded", engine: own, times: [], zero: 0 },
    { name: "minisearch", engine: miniCold, times: [], zero: 0 },
  ];
  let pg: PostgresEngine | null = null;
  let pgBuildS: number | null = null;
  if (options.pgUrl) {
    pg = new PostgresEngine({ connectionString: options.pgUrl, tablePrefix: "bench_search" });
    const t = performance.now();
    await pg.replaceAll("products", set.products);
    pgBuildS = round((performance.now() - t) / 1000);
    log(`  PostgreSQL FTS: ${set.products.length} products loaded and indexed in ${pgBuildS} s`);
    peers.push({ name: "postgres", engine: pg, times: [], zero: 0 });
  }

  for (const q of mix.slice(0, 30)) for (const p of peers) await p.engine.search("products", request(q));
  // Cold: each engine meets each query for the first time (MiniSearch with its cache off).
  await interleaved(peers, coldMix);
  const cold = Object.fromEntries(
    peers.map((p) => [p.name, { ...summarise(p.times), zero_result_queries: p.zero, classes: byClass(p.times, coldMix) }]),
  );
  log("  cold pass done");
  // Warm: the same mix again (MiniSearch now with its repeat-query cache; ours has none).
  const miniWarm = new MiniSearchEngine({ cache: true });
  await build(miniWarm, { products: set.products, suppliers: [], "case-studies": [] });
  peers[1] = { name: "minisearch", engine: miniWarm, times: [], zero: 0 };
  await interleaved(peers, mix);
  await interleaved(peers, mix);
  const warm = Object.fromEntries(peers.map((p) => [p.name, summarise(p.times)]));
  await pg?.dropAll();

  for (const p of peers) log(`  ${p.name.padEnd(11)} cold ${fmt(cold[p.name])}   warm ${fmt(warm[p.name])}`);
  const ratio = (peer: string) => (cold[peer] ? round(cold[peer].p95 / cold.embedded.p95, 1) : null);

  // Growth: cold figures at each size (the mix against a fresh build).
  const growth: { docs: number; build_s: number; p50: number; p95: number; p99: number }[] = [];
  for (const size of [5_000, 20_000, docs, 150_000]) {
    const subset = size <= docs ? scaled(set, size) : enlarged(set, size);
    const engine = new EmbeddedEngine();
    const buildS = await build(engine, subset);
    const times: number[] = [];
    for (const q of queryMix(options.queries, 99)) {
      const t = performance.now();
      await engine.search("products", request(q));
      times.push(performance.now() - t);
    }
    const n = subset.products.length + subset.suppliers.length + subset["case-studies"].length;
    const s = summarise(times);
    growth.push({ docs: n, build_s: buildS, p50: s.p50, p95: s.p95, p99: s.p99 });
    log(
      `  growth: ${String(n).padStart(7)} documents  build ${buildS} s  ${fmt(s)}${size > docs ? " (products copied under new ids)" : ""}`,
    );
  }

  return {
    docs,
    products: set.products.length,
    queries: mix.length,
    build_s: { embedded: ownBuildS, minisearch: miniBuildS, postgres: pgBuildS },
    index_mb_beyond_documents: ownIndexMb,
    cold,
    warm,
    postgres_over_embedded_p95: ratio("postgres"),
    minisearch_over_embedded_p95: ratio("minisearch"),
    growth,
    targets: { cold_p95_ms: 10, cold_p99_ms: 25, faster_than_postgres_p95: 3 },
  };
}
