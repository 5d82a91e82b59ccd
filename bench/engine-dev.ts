// Engine-only measurement for development: new engine vs MiniSearch (cold), interleaved.
// DATABASE_URL=file:bench/.data/bench.db npx tsx bench/engine-dev.ts [--mini] [--n 1000]
import path from "node:path";
import { parseArgs } from "node:util";
import { EmbeddedEngine } from "../app/search/embedded-engine.server";
import { engineRequest } from "../app/search/search-query.schema";
import type { SearchEngine } from "../app/search/types";
import { MiniSearchEngine } from "./engine-comparison/minisearch-engine";
import { loadDocuments } from "./lib/documents";
import { fmt, summarise } from "./lib/stats";
import { queryMix } from "./queries";

const { values: args } = parseArgs({ options: { mini: { type: "boolean", default: false }, n: { type: "string", default: "1000" } } });
process.env.DATABASE_URL ??= `file:${path.resolve("bench/.data/bench.db")}`;
const set = await loadDocuments(path.resolve("bench/.data/bench.db"));
console.log("docs", set.products.length, set.suppliers.length, set["case-studies"].length);
const engines: [string, SearchEngine][] = [];
for (const [name, make] of [
  ["own", () => new EmbeddedEngine()],
  ...(args.mini ? ([["minisearch-cold", () => new MiniSearchEngine({ cache: false })]] as const) : []),
] as const) {
  global.gc?.();
  const heap = process.memoryUsage().heapUsed;
  const t = performance.now();
  const e = make();
  for (const [index, docs] of Object.entries(set)) await e.replaceAll(index as never, docs);
  global.gc?.();
  console.log(
    name,
    "build",
    Math.round(performance.now() - t),
    "ms heap Δ",
    Math.round((process.memoryUsage().heapUsed - heap) / 1048576),
    "MB",
  );
  engines.push([name, e]);
}
const mix = queryMix(Number(args.n));
const times = new Map<string, number[]>(engines.map(([n]) => [n, []]));
const totals = new Map<string, number[]>(engines.map(([n]) => [n, []]));
for (const q of mix) {
  const req = engineRequest("products", {
    q: q.q,
    type: "products",
    sort: "relevance",
    page: 1,
    pageSize: 20,
    frameworks: "live",
    filters: q.filters,
  });
  for (const [name, e] of engines) {
    const t = performance.now();
    const r = await e.search("products", req);
    times.get(name)!.push(performance.now() - t);
    totals.get(name)!.push(r.total);
  }
}
for (const [name] of engines)
  console.log(name.padEnd(18), fmt(summarise(times.get(name)!)), "zero", totals.get(name)!.filter((t) => t === 0).length);
if (engines.length > 1) {
  const a = totals.get("own")!;
  const b = totals.get("minisearch-cold")!;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  console.log("queries with different totals", diff);
}
