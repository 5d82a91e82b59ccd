// Search memory and ready time per worker, independent of the built app: 1 and then 2 worker
// processes start together against the bench database and one snapshot directory. The first of
// a machine builds the index and writes the snapshot; the others wait for it and restore it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { round } from "../lib/stats";

interface WorkerReport {
  readyMs: number;
  source: string;
  rssMb: number;
  heapMb: number;
}

function startWorker(env: NodeJS.ProcessEnv): { child: ChildProcess; report: Promise<WorkerReport> } {
  const child = spawn("node", ["--import", "tsx", "bench/lib/search-worker.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith('{"readyMs"'));
      if (line) resolve(JSON.parse(line) as WorkerReport);
    });
    child.stderr!.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`search worker exited (${code}):\n${out.slice(-2000)}`)));
  });
  return { child, report };
}

export async function workersSection(options: { env: NodeJS.ProcessEnv; snapshotDir: string; log: (l: string) => void }) {
  const runs: Record<string, unknown>[] = [];
  const plan: [number, boolean, string][] = [
    [1, true, "1 worker, no snapshot on disk"],
    [1, false, "1 worker, snapshot on disk"],
    [2, true, "2 workers start together, no snapshot"],
    [2, false, "2 workers, snapshot on disk"],
  ];
  for (const [count, fresh, label] of plan) {
    if (fresh) fs.rmSync(options.snapshotDir, { recursive: true, force: true });
    const workers = Array.from({ length: count }, () => startWorker({ ...options.env, SEARCH_SNAPSHOT_DIR: options.snapshotDir }));
    try {
      const reports = await Promise.all(workers.map((w) => w.report));
      const total = reports.reduce((a, r) => a + r.rssMb, 0);
      runs.push({ label, workers: count, reports, total_rss_mb: total });
      options.log(
        `  ${label.padEnd(40)} ${reports.map((r) => `${r.source} in ${round(r.readyMs / 1000)} s, RSS ${r.rssMb} MB`).join("; ")}; total ${total} MB`,
      );
    } finally {
      for (const w of workers) w.child.kill("SIGTERM");
    }
  }
  return { runs, targets: { worker_ready_s: 3, index_memory_mb: 400 } };
}
