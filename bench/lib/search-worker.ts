// One app worker's search start-up, alone: makes the search service ready (restore the snapshot
// or build and write it), prints its ready time, source and memory as one JSON line, then waits
// to be stopped so its neighbours' memory can be read while it is alive.
import { ensureSearchReady, searchIndex } from "../../app/services/search.server";

const started = performance.now();
await ensureSearchReady();
const readyMs = Math.round(performance.now() - started);
await searchIndex("products", {
  q: "housing",
  type: "products",
  sort: "relevance",
  page: 1,
  pageSize: 20,
  frameworks: "live",
  filters: {},
});
const source = globalThis.__cmSearch?.source ?? "unknown";
const m = process.memoryUsage();
console.log(JSON.stringify({ readyMs, source, rssMb: Math.round(m.rss / 1_048_576), heapMb: Math.round(m.heapUsed / 1_048_576) }));
setInterval(() => undefined, 60_000);
