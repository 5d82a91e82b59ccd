// The built server at bench scale: worker ready time and memory per process and in total at
// 1 and 2 workers (the first start builds the index and writes the snapshot; the next restores
// it), and GET /api/search over the query mix with 20 connections.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import autocannon from "autocannon";
import { memory, start, stop } from "../lib/server-process";
import { round, summarise } from "../lib/stats";
import { queryMix, toQueryString } from "../queries";

export async function serverSection(options: {
  env: NodeJS.ProcessEnv;
  port: number;
  seconds: number;
  snapshotDir: string;
  log: (l: string) => void;
}) {
  const { env, port, log } = options;
  if (!fs.existsSync("build/index.js")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  fs.rmSync(options.snapshotDir, { recursive: true, force: true });
  const runs: Record<string, unknown>[] = [];
  // No snapshot yet (builds from the database), then with it (restores), at 1 and 2 workers.
  for (const [workers, label] of [
    [1, "1 worker, no snapshot (builds and writes it)"],
    [1, "1 worker, snapshot"],
    [2, "2 workers, snapshot"],
  ] as const) {
    const started = await start(env, port, workers);
    await new Promise((r) => setTimeout(r, 1_000));
    const mem = memory(started.server);
    runs.push({ label, workers, ready_s: started.readyS, worker_ready_ms: started.workerReadyMs, snapshot: started.sources, ...mem });
    log(
      `  ${label.padEnd(46)} ready ${started.readyS} s (workers ${started.workerReadyMs.join(", ")} ms)  RSS primary ${mem.primary_mb} MB, workers ${mem.workers_mb.join(" + ") || "-"} MB, total ${mem.total_mb} MB`,
    );
    await stop(started.server);
  }

  // HTTP over the mix, 2 workers (restored from the snapshot).
  const started = await start(env, port, 2);
  const mix = queryMix(1000);
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: 20,
        duration: options.seconds,
        requests: mix.map((q) => ({ method: "GET", path: `/api/search?${toQueryString(q)}` })),
      },
      (err: Error | null, res: autocannon.Result) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_c: unknown, _s: number, _b: number, responseTime: number) => times.push(responseTime));
  });
  const afterLoad = memory(started.server);
  await stop(started.server);
  const http = summarise(times);
  log(
    `  HTTP /api/search, 20 connections, 2 workers: ${http.p50} / ${http.p95} / ${http.p99} ms, ${round(result.requests.average, 1)} req/s, ${result.errors} errors, ${result.non2xx} non-2xx; RSS after ${afterLoad.total_mb} MB`,
  );
  return {
    starts: runs,
    http: {
      connections: 20,
      workers: 2,
      p50_ms: http.p50,
      p95_ms: http.p95,
      p99_ms: http.p99,
      rps: round(result.requests.average, 1),
      requests: result.requests.total,
      errors: result.errors,
      non2xx: result.non2xx,
      rss_after_mb: afterLoad,
    },
    targets: { worker_ready_s: 3, index_memory_mb: 400 },
  };
}
