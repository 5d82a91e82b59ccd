// The real production server (node server.js, built app in build/) on a test database, for tests
// that must go through Express as a browser does (tests/data/http-server.test.ts,
// tests/data/page-cache.test.ts), and a cookie-keeping browser to drive it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

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
  process: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** Starts node server.js on `db` (its url and ownerUrl) and waits for /healthz. */
export async function startServer(db: { url: string; ownerUrl: string }, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!fs.existsSync("build/index.js")) throw new Error("build/index.js is missing: run npm run build first (scripts/test-all.sh does)");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let stderr = "";
  const server = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: "production",
      DATABASE_URL: db.url,
      // On PostgreSQL the test connects as the app role; migrations need the owner's.
      ...(db.ownerUrl.startsWith("postgres") ? { DATABASE_MIGRATION_URL: db.ownerUrl } : {}),
      SESSION_SECRET: "http-server-test-session-secret-0123456789abcdef",
      PUBLIC_URL: `http://localhost:${port}`,
      // Production requires a mail server; nothing listens here, so mail waits in the queue.
      SMTP_URL: "smtp://127.0.0.1:9",
      COOKIE_SECURE: "false",
      TRUST_PROXY: "true",
      WEB_CONCURRENCY: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  server.stderr!.on("data", (chunk) => (stderr = (stderr + chunk).slice(-4_000)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server.js exited with ${server.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server.js did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    process: server,
    stderr: () => stderr,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 12_000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    },
  };
}

/** A browser-like visitor: keeps cookies, reads the CSRF token from a page. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(
    readonly base: () => string,
    readonly ip: string,
  ) {}

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      const value = pair.slice(eq + 1);
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || !value) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base()}${path}`, {
      redirect: "manual",
      headers: { Cookie: this.header(), "X-Forwarded-For": this.ip, ...headers },
    });
    this.remember(res);
    return res;
  }

  async token(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error(`no CSRF field on ${path}`);
    return match[1];
  }

  async post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base()}${path}`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { Cookie: this.header(), "X-Forwarded-For": this.ip, ...headers },
    });
    this.remember(res);
    return res;
  }

  /** Signs in through /login with the demo password. */
  async signIn(email: string, password = "Council-Marketplace-2026") {
    const token = await this.token("/login");
    const res = await this.post("/login", new URLSearchParams({ _csrf: token, email, password }), {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    if (res.status !== 302) throw new Error(`sign-in as ${email} answered ${res.status}`);
  }
}
