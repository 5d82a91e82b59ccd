// A real `node server.js` for fault tests: its own port and database, JSON log lines kept, a
// browser-like client (CSRF cookie and token, its own client address) for writes.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export type LogLine = { level: string; msg: string; requestId?: string; [key: string]: unknown };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  base: string;
  child: ChildProcess;
  pid: number;
  logs: LogLine[];
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

/**
 * Starts server.js; `wrap` runs it under another command (setpriv, prlimit). Resolves once
 * /healthz answers (unless `waitUntilUp` is false, for a server expected to refuse to start).
 */
export async function startServer({
  env,
  wrap = [],
  waitUntilUp = true,
}: {
  env: Record<string, string | undefined>;
  wrap?: string[];
  waitUntilUp?: boolean;
}): Promise<ServerProcess> {
  if (!fs.existsSync("build/index.js")) throw new Error("build/index.js is missing: run npm run build first (scripts/test-all.sh does)");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const command = [...wrap, process.execPath, "server.js"];
  const child = spawn(command[0], command.slice(1), {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      SESSION_SECRET: "fault-test-session-secret-0123456789abcdef",
      PUBLIC_URL: `http://localhost:${port}`,
      COOKIE_SECURE: "false",
      TRUST_PROXY: "true",
      WEB_CONCURRENCY: "1",
      LOG_LEVEL: "info",
      // Production requires a mail server; nothing listens here, so mail waits in the queue.
      SMTP_URL: "smtp://127.0.0.1:9",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const logs: LogLine[] = [];
  let partial = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    partial += chunk.toString();
    const lines = partial.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // not a log line
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server: ServerProcess = {
    base,
    child,
    pid: child.pid!,
    logs,
    stdout: () => out,
    stderr: () => err,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
      if (!done) child.kill("SIGKILL");
    },
  };
  if (!waitUntilUp) return server;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server.js exited with ${child.exitCode}: ${err}`);
    try {
      if ((await fetch(`${base}/healthz`)).status > 0) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server.js did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return server;
}

let clients = 0;

export interface Answer {
  status: number;
  body: string;
  requestId: string | null;
  ms: number;
}

/** A buyer signs up (one write: a user, a verification token, an audit event), as a browser would. */
export async function signUp(base: string, email: string): Promise<Answer> {
  const ip = `10.14.${Math.floor(++clients / 250)}.${(clients % 250) + 1}`;
  const started = performance.now();
  const page = await fetch(`${base}/signup`, { headers: { "X-Forwarded-For": ip } });
  const html = await page.text();
  const cookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) {
    return { status: page.status, body: html, requestId: page.headers.get("x-request-id"), ms: performance.now() - started };
  }
  const form = new URLSearchParams({
    _csrf: token,
    name: "Fault Check",
    email,
    password: "correct horse battery staple",
    confirmPassword: "correct horse battery staple",
  });
  const res = await fetch(`${base}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": ip, Origin: base },
    body: form,
  });
  return { status: res.status, body: await res.text(), requestId: res.headers.get("x-request-id"), ms: performance.now() - started };
}

export async function get(base: string, path: string): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`);
  return { status: res.status, body: await res.text(), requestId: res.headers.get("x-request-id"), ms: performance.now() - started };
}

/** Repeats `fn` until `done` holds or `timeoutMs` passes; returns the last answer and how long it took. */
export async function until<T>(fn: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  for (;;) {
    const value = await fn();
    if (done(value) || performance.now() - started > timeoutMs) return { value, ms: Math.round(performance.now() - started) };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Figures for the closing note: printed as one line per fault. */
export function report(fault: string, figures: Record<string, unknown>) {
  console.log(`FAULT ${fault}: ${JSON.stringify(figures)}`);
}
