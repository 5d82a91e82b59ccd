// The built server as a child process (node server.js): started on its own port, ready once
// every worker has logged "search ready" and /healthz answers; memory per process from /proc.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { round } from "./stats";

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, 1);
  } catch {
    return 0;
  }
}

/** The processes a server process started (its cluster workers and search process). */
export function childPids(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter(Boolean);
  } catch {
    return [];
  }
}

export interface Started {
  server: ChildProcess;
  readyS: number;
  workerReadyMs: number[];
  sources: string[];
}

export async function start(env: NodeJS.ProcessEnv, port: number, workers: number): Promise<Started> {
  const began = performance.now();
  const server = spawn("node", ["server.js"], {
    env: { ...env, PORT: String(port), WEB_CONCURRENCY: String(workers) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 300_000;
  const readyLines = () => output.split("\n").filter((l) => l.includes('"search ready"'));
  while (readyLines().length < workers) {
    if (Date.now() > deadline || server.exitCode !== null) {
      // Given up: stop it too, or a server of ~1 GB keeps running after the bench has moved on.
      if (server.exitCode === null) server.kill("SIGTERM"); // the primary stops its workers and search process
      throw new Error(`server did not start:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const readyS = round((performance.now() - began) / 1000);
  const workerReadyMs = readyLines().map((l) => Number((JSON.parse(l) as { ms: number }).ms));
  const sources = output
    .split("\n")
    .filter((l) => l.includes("search snapshot"))
    .map((l) => (JSON.parse(l) as { msg: string }).msg);
  return { server, readyS, workerReadyMs, sources };
}

export async function stop(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

export function memory(server: ChildProcess) {
  const primary = server.pid!;
  const workers = childPids(primary);
  const perWorker = workers.map(rssMb);
  const primaryMb = rssMb(primary);
  return { primary_mb: primaryMb, workers_mb: perWorker, total_mb: round(primaryMb + perWorker.reduce((a, b) => a + b, 0), 1) };
}

/**
 * The built server on a fresh copy of `sourceDb` (the copy is made every time, so a run's
 * sessions and logs never change the kept database), with its own search snapshot directory.
 */
export async function startOnCopy(options: { sourceDb: string; name: string; env: NodeJS.ProcessEnv; port: number; workers: number }) {
  if (!fs.existsSync("build/index.js")) throw new Error("No build: run npm run build first (the bench measures the built server).");
  const copy = path.resolve(`bench/.data/${options.name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(copy + suffix, { force: true });
  const source = new Database(options.sourceDb, { readonly: true });
  await source.backup(copy);
  source.close();
  const started = await start(
    { ...options.env, DATABASE_URL: `file:${copy}`, SEARCH_SNAPSHOT_DIR: path.resolve(`bench/.data/snapshot-${options.name}`) },
    options.port,
    options.workers,
  );
  return { ...started, dbFile: copy };
}
