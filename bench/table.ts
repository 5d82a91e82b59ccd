// `npm run bench -- --table`: bench/results.json as Markdown (the README's "Performance"
// section is pasted from it). Every table says when, at which commit and under what load its
// figures were taken: on a shared machine the load average is part of the figure.

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const rows = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const num = (v: unknown, digits = 0) =>
  typeof v === "number" && Number.isFinite(v) ? v.toLocaleString("en-GB", { maximumFractionDigits: digits }) : "–";
const kb = (v: unknown) => (typeof v === "number" ? `${(v / 1024).toLocaleString("en-GB", { maximumFractionDigits: 1 })} kB` : "–");

function runLine(run: unknown): string {
  const r = obj(run);
  if (!r.date) return "";
  const load = (l: unknown) => (Array.isArray(l) ? l.join(" / ") : "?");
  return `_${String(r.date).slice(0, 16).replace("T", " ")} UTC, commit ${String(r.commit)}, ${String(r.cores)} cores, load average (1/5/15 min) ${load(r.loadavg_start)} at the start and ${load(r.loadavg_end)} at the end._`;
}

function table(head: string[], body: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...body.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function resultsTable(results: Json): string {
  const out: string[] = [];
  for (const [scale, value] of Object.entries(obj(results.http))) {
    const h = obj(value);
    if (!Array.isArray(h.pages)) continue;
    out.push(
      `#### HTTP, ${scale} seed: ${num(h.connections)} connections, ${num(h.seconds)} s a page, ${num(h.workers)} workers (autocannon)`,
      "",
      runLine(h.run),
      "",
      table(
        ["page", "req/s", "p50 ms", "p97.5 ms", "p99 ms", "errors", "timeouts", "non-2xx", "HTML", "gzip", "load at start"],
        rows(h.pages).map((p) => [
          `${String(p.page)} (\`${String(p.path)}\`)`,
          num(p.rps, 1),
          num(p.p50_ms),
          num(p.p97_5_ms),
          num(p.p99_ms),
          num(p.errors),
          num(p.timeouts),
          num(p.non2xx),
          kb(p.html_bytes),
          kb(p.gzip_bytes),
          Array.isArray(p.loadavg_before) ? num(p.loadavg_before[0], 1) : "–",
        ]),
      ),
      "",
    );
  }
  for (const [scale, value] of Object.entries(obj(results.lighthouse))) {
    const l = obj(value);
    if (!Array.isArray(l.pages)) continue;
    out.push(
      `#### Lighthouse, ${scale} seed: mobile, simulated Slow 4G (Lighthouse defaults), Debian Chromium`,
      "",
      runLine(l.run),
      "",
      table(
        ["page", "score", "LCP ms", "FCP ms", "CLS", "TBT ms", "transferred"],
        rows(l.pages).map((p) => [
          `${String(p.page)} (\`${String(p.path)}\`)`,
          num(p.score),
          num(p.lcp_ms),
          num(p.fcp_ms),
          num(p.cls, 3),
          num(p.tbt_ms),
          kb(p.transfer_bytes),
        ]),
      ),
      "",
    );
  }
  const engine = obj(results.engine);
  const cold = obj(engine.cold);
  if (Object.keys(cold).length) {
    out.push(
      `#### Search engine: ${num(engine.docs)} documents, ${num(engine.queries)}-query mix, engines interleaved (ms)`,
      "",
      runLine(engine.run),
      "",
      table(
        ["engine", "cold p50", "cold p95", "cold p99", "warm p95", "build s"],
        Object.entries(cold).map(([name, c]) => [
          name,
          num(obj(c).p50, 2),
          num(obj(c).p95, 2),
          num(obj(c).p99, 2),
          num(obj(obj(engine.warm)[name]).p95, 2),
          num(obj(engine.build_s)[name], 1),
        ]),
      ),
      "",
    );
  }
  const growth = rows(engine.growth);
  if (growth.length) {
    out.push(
      "#### Search engine growth: the same mix, cold (no cache), on a prefix of the documents (ms)",
      "",
      table(
        ["documents", "p50", "p95", "p99", "build s"],
        growth.map((g) => [num(g.docs), num(g.p50, 2), num(g.p95, 2), num(g.p99, 2), num(g.build_s, 1)]),
      ),
      "",
    );
  }
  const workers = obj(results.workers);
  if (Array.isArray(workers.runs)) {
    const mb = (v: unknown) => num(v, 0);
    out.push(
      `#### Search start-up and memory: ${num(obj(workers.database).products)} products, snapshot ${num(workers.snapshot_mb)} MB (built server, RSS in MB)`,
      "",
      runLine(workers.run),
      "",
      table(
        ["start", "index from", "ready s", "search process", "workers", "total", "/api/search p95 ms", "worker restart s"],
        rows(workers.runs).map((r) => {
          const memory = obj(r.memory_after_200_searches);
          const ready = rows(r.worker_ready).map((w) => Number(w.ready_s));
          return [
            String(r.label),
            Array.isArray(r.index_source) ? r.index_source.join(", ") : "–",
            ready.length ? num(Math.max(...ready), 2) : "–",
            memory.search_mb === undefined ? "– (in each worker)" : mb(memory.search_mb),
            Array.isArray(memory.workers_mb) ? memory.workers_mb.map(mb).join(" + ") : "–",
            mb(memory.total_mb),
            num(obj(r.api_search_ms).p95, 1),
            num(obj(r.worker_restart).ready_after_fork_s, 2),
          ];
        }),
      ),
      "",
    );
  }
  return out.join("\n") || "bench/results.json has no HTTP, Lighthouse or engine figures yet.";
}
