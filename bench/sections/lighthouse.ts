// Lighthouse in the bench (issue 17 item 5): Lighthouse from npm with Debian's Chromium
// (CHROME_PATH, default /usr/bin/chromium, headless, no sandbox: the bench runs as root in a
// container), its default mobile settings (a Moto G Power-sized screen, simulated Slow 4G and a
// 4x CPU slowdown), against the built server on a copy of a seeded database. Six pages (issue 17
// item 5): home, and the heaviest product, framework, supplier, council and case study (picked as in
// ./http).
// Per page: performance score, LCP, CLS, TBT and total bytes transferred.
//
// Simulated throttling estimates load times from the trace the machine records, so on a loaded
// machine the CPU-bound figures (TBT, and LCP through it) come out worse than on a quiet one;
// transfer sizes and CLS do not depend on load.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { round } from "../lib/stats";
import { startOnCopy, stop } from "../lib/server-process";
import { pickPages } from "./http";

const PAGES = ["home", "product", "framework", "supplier", "council", "case study"];

export async function lighthouseSection(options: {
  sourceDb: string;
  scale: string;
  env: NodeJS.ProcessEnv;
  port: number;
  log: (l: string) => void;
}) {
  const { port, log } = options;
  const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  const started = await startOnCopy({
    sourceDb: options.sourceDb,
    name: `lighthouse-${options.scale}`,
    env: options.env,
    port,
    workers: 1,
  });
  const pages = pickPages(started.dbFile).filter((p) => PAGES.includes(p.name));
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const rows: Record<string, unknown>[] = [];
  try {
    for (const page of pages) {
      const url = `http://127.0.0.1:${port}${page.path}`;
      // A first, unmeasured load: the server's per-process lists are filled as after any start.
      await fetch(url);
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      const items = (id: string): unknown[] => {
        const details = lhr.audits[id]?.details as { items?: unknown[] } | undefined;
        return Array.isArray(details?.items) ? details.items : [];
      };
      const row = {
        page: page.name,
        path: page.path,
        score: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
        lcp_ms: round(audit("largest-contentful-paint"), 0),
        fcp_ms: round(audit("first-contentful-paint"), 0),
        cls: round(audit("cumulative-layout-shift"), 3),
        tbt_ms: round(audit("total-blocking-time"), 0),
        transfer_bytes: audit("total-byte-weight"),
        // What the bytes are (Lighthouse's resource summary).
        transfer_by_type: Object.fromEntries(
          (items("resource-summary") as { resourceType: string; transferSize: number }[])
            .filter((r) => r.resourceType !== "total" && r.transferSize > 0)
            .map((r) => [r.resourceType, r.transferSize]),
        ),
        runtime_error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
        benchmark_index: lhr.environment.benchmarkIndex,
        warnings: lhr.runWarnings,
      };
      rows.push(row);
      log(
        `  ${page.name.padEnd(14)} score ${String(row.score).padStart(3)}  LCP ${row.lcp_ms} ms  CLS ${row.cls}  TBT ${row.tbt_ms} ms  transfer ${round(row.transfer_bytes / 1024, 1)} kB  (CPU benchmark index ${row.benchmark_index})${row.runtime_error ? `  Lighthouse error ${row.runtime_error}` : ""}${row.warnings.length ? `  warnings: ${row.warnings.join("; ")}` : ""}`,
      );
    }
  } finally {
    chrome.kill();
    await stop(started.server);
  }
  return {
    scale: options.scale,
    settings: { formFactor: "mobile", throttling: "simulated Slow 4G (Lighthouse default)", chromium: chromePath },
    pages: rows,
  };
}
