// The real production server (node server.js, built app in build/, started as the fault tests
// start it) on a test database, for data tests that must go through Express as a browser does
// (tests/data/http-server.test.ts, tests/data/page-cache.test.ts), and a cookie-keeping browser.
import { startServer as startServerProcess, until, type ServerProcess } from "../faults/server-process";

export type { ServerProcess };

/** Starts node server.js (tests/faults/server-process.ts) on `db` (its url and ownerUrl) and waits until /healthz is ok. */
export async function startServer(db: { url: string; ownerUrl: string }, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess({
    env: {
      DATABASE_URL: db.url,
      // On PostgreSQL the test connects as the app role; migrations need the owner's.
      ...(db.ownerUrl.startsWith("postgres") ? { DATABASE_MIGRATION_URL: db.ownerUrl } : {}),
      ...env,
    },
  });
  // /healthz answers 503 until the app is ready (on PostgreSQL, a while after it listens).
  const { value: health } = await until(
    () => fetch(`${server.base}/healthz`),
    (res) => res.ok,
    120_000,
  );
  if (!health.ok) {
    await server.stop();
    throw new Error(`server.js is not healthy (${health.status}): ${server.stderr()}`);
  }
  return server;
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
