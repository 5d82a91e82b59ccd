// Issue 12, against the real production server (node server.js on a copy of the seeded
// test database, built app in build/): a chunked oversized body (finding 7), the CSRF
// token (item 22), Cache-Control on private responses (finding 14) and the search budget
// with its per-IP limit (finding 9). Each is written as the attack and expects refusal.
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startServer, type ServerProcess } from "../support/server-process";
import { useTestDatabase } from "../support/test-db";

const db = useTestDatabase();

let server: ServerProcess;
let base = "";

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

beforeAll(async () => {
  server = await startServer(db);
  base = server.base;
}, 150_000);

afterAll(async () => {
  await server?.stop();
});

const browser = (ip: string) => new Browser(() => base, ip);

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe("finding 7: the body limit holds while the body streams in", () => {
  it("refuses a chunked 150 MB POST to /signup with 413 after 2 MB, stops reading, and memory stays flat", async () => {
    const before = rssKb(server.pid);
    const started = performance.now();
    const chunk = Buffer.alloc(64 * 1024, "a");
    const target = 150 * 1024 * 1024;
    const result = await new Promise<{ status: number | null; sent: number; error?: string }>((resolve) => {
      let sent = 0;
      let status: number | null = null;
      const req = http.request(`${base}/signup`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      });
      let done = false;
      const finish = (error?: string) => {
        if (done) return;
        done = true;
        resolve({ status, sent, error });
      };
      // The attacker keeps sending after the answer: the server must cut the connection.
      req.on("response", (res) => {
        status = res.statusCode ?? null;
        res.resume();
      });
      req.on("error", (e) => finish(e.message));
      req.on("close", () => finish("closed"));
      req.write("email=");
      const pump = () => {
        while (sent < target && !done && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (sent >= target) req.end();
      };
      pump();
    });
    const seconds = (performance.now() - started) / 1000;
    const after = rssKb(server.pid);
    console.log(
      `finding 7: chunked POST refused with ${result.status ?? result.error} after ${(result.sent / 1e6).toFixed(1)} MB sent (of 157 MB), ${seconds.toFixed(2)} s; server RSS ${(before / 1024).toFixed(0)} → ${(after / 1024).toFixed(0)} MB`,
    );
    // The server answers 413, then cuts the connection: the upload cannot go on. (On a busy
    // machine the client may notice the cut before it has read the answer.)
    if (result.status !== null) expect(result.status).toBe(413);
    expect(result.error).toMatch(/ECONNRESET|EPIPE|socket hang up|closed/);
    // About 6 MB at most is read (2 MB kept, up to 4 MB more thrown away); the rest sits in socket buffers.
    expect(result.sent).toBeLessThan(40 * 1024 * 1024);
    expect(after - before).toBeLessThan(60 * 1024);
    expect((await fetch(`${base}/healthz`)).ok).toBe(true);
  });

  it("refuses a declared oversized body at once, and a chunked body that lies under a small Content-Length cannot pass", async () => {
    const declared = await fetch(`${base}/signup`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": "3000000" },
      body: "x".repeat(3_000_000),
    }).catch((e: Error) => e);
    console.log(`finding 7: declared 3 MB body → ${declared instanceof Error ? declared.message : declared.status}`);
    if (declared instanceof Error) expect(declared.message).toMatch(/fetch failed|reset|closed/);
    else expect(declared.status).toBe(413);
    // A multipart upload just over the limit, streamed: 413 as well.
    const big = new FormData();
    big.set("file", new Blob([Buffer.alloc(2_100_000, "a")]), "listings.csv");
    const multipart = await fetch(`${base}/supplier/import`, { method: "POST", body: big }).catch((e: Error) => e);
    console.log(
      `finding 7: streamed 2.1 MB multipart → ${multipart instanceof Error ? `${multipart.message} ${String((multipart as Error & { cause?: unknown }).cause)}` : multipart.status}`,
    );
    if (multipart instanceof Error) expect(multipart.message).toMatch(/fetch failed|reset|closed/);
    else expect(multipart.status).toBe(413);
  });
});

describe("item 22: a CSRF token on every non-GET form", () => {
  it("refuses a POST with neither Origin nor Sec-Fetch-Site and no token (403, GOV.UK page), and changes nothing", async () => {
    const { prisma } = await import("~/utils/db.server");
    const users = await prisma.user.count();
    const anonymous = browser("203.0.113.1");
    const res = await anonymous.post(
      "/signup",
      form({
        name: "Csrf Victim",
        email: "victim@brighton-hove.gov.uk",
        password: "heather kettle orbit lantern",
        confirmPassword: "heather kettle orbit lantern",
      }),
      {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "text/html",
      },
    );
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('class="govuk-heading-l"');
    expect(html).toContain("Sorry, this form could not be sent");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await prisma.user.count()).toBe(users);
  });

  it("refuses a token from another browser, a forged token, and a token without its cookie", async () => {
    const victim = browser("203.0.113.2");
    const attacker = browser("203.0.113.3");
    const attackerToken = await attacker.token("/login");
    await victim.get("/login");
    const login = (b: Browser, token: string) =>
      b.post("/login", form({ _csrf: token, email: "nobody@brighton-hove.gov.uk", password: "not-the-password" }), {
        "Content-Type": "application/x-www-form-urlencoded",
      });
    expect((await login(victim, attackerToken)).status).toBe(403);
    expect((await login(victim, "A".repeat(43))).status).toBe(403);
    const cookieless = browser("203.0.113.4");
    expect((await login(cookieless, attackerToken)).status).toBe(403);
    // The real token of the victim's own page goes through (and reaches the form's own checks).
    const own = await victim.token("/login");
    expect((await login(victim, own)).status).toBe(400);
  });

  it("accepts the token in a multipart form and in the X-CSRF-Token header", async () => {
    const b = browser("203.0.113.5");
    const token = await b.token("/login");
    const multipart = new FormData();
    multipart.set("_csrf", token);
    multipart.set("email", "nobody@brighton-hove.gov.uk");
    multipart.set("password", "not-the-password");
    expect((await b.post("/login", multipart)).status).toBe(400);
    expect(
      (
        await b.post("/login", form({ email: "nobody@brighton-hove.gov.uk", password: "x" }), {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-CSRF-Token": token,
        })
      ).status,
    ).toBe(400);
  });

  it("the Origin check still refuses a cross-site post that carries a valid token", async () => {
    const b = browser("203.0.113.6");
    const token = await b.token("/login");
    const res = await b.post("/login", form({ _csrf: token, email: "x@y.example", password: "x" }), {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: "https://evil.example",
      "Sec-Fetch-Site": "cross-site",
    });
    expect(res.status).toBe(403);
  });
});

describe("finding 14: Cache-Control: no-store on every response to a signed-in user", () => {
  it("marks signed-in pages, .data responses and exports no-store; the sign-in response too", async () => {
    const buyer = browser("203.0.113.7");
    const token = await buyer.token("/login");
    const signIn = await buyer.post(
      "/login",
      form({ _csrf: token, email: "buyer@brighton-hove.gov.uk", password: "Council-Marketplace-2026", redirectTo: "/projects" }),
      { "Content-Type": "application/x-www-form-urlencoded" },
    );
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("cache-control")).toBe("no-store");
    for (const path of ["/projects", "/projects.data", "/account", "/account.data", "/", "/search?q=housing", "/_root.data"]) {
      const res = await buyer.get(path);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      await res.arrayBuffer();
    }
  });
});

describe("finding 9: expensive anonymous searches cannot starve the server", () => {
  const words = ["hosuing", "mangement", "repiars", "licensng", "parkng", "wastte", "benifits", "plannig", "cemetry", "libary", "transprt"];
  const query = (i: number) => Array.from({ length: 33 }, (_, w) => `${words[(w + i) % words.length]}${w % 3 ? "" : "x"}`).join(" ");

  const loadPage = async () => {
    const res = await fetch(`${base}/frameworks`, { headers: { "X-Forwarded-For": "192.0.2.77" } });
    await res.arrayBuffer();
    return res.status;
  };

  // How fast the unrelated page stays during the flood is a benchmark figure, not asserted here.
  it("refuses a flood of 33-word fuzzy queries from one address (429 with Retry-After) while an unrelated page and another address are still served", async () => {
    // Six clients, 25 queries each: more than the burst however slowly they are answered.
    let flooding = true;
    const counts = { ok: 0, limited: 0, other: 0 };
    const retryAfter: string[] = [];
    const attacker = async (client: number) => {
      for (let i = 0; i < 25; i++) {
        const path =
          i % 2 ? `/api/search?q=${encodeURIComponent(query(client * 7 + i))}` : `/search?q=${encodeURIComponent(query(client * 5 + i))}`;
        const res = await fetch(`${base}${path}`, { headers: { "X-Forwarded-For": "192.0.2.66" } });
        await res.arrayBuffer();
        if (res.status === 200) counts.ok += 1;
        else if (res.status === 429) {
          counts.limited += 1;
          retryAfter.push(res.headers.get("retry-after") ?? "");
        } else counts.other += 1;
      }
    };
    const pageStatuses: number[] = [];
    const bystander = async () => {
      while (flooding) {
        pageStatuses.push(await loadPage());
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const watching = bystander();
    await Promise.all(Array.from({ length: 6 }, (_, c) => attacker(c)));
    flooding = false;
    await watching;
    expect(counts.other).toBe(0);
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.limited).toBeGreaterThan(0);
    // Every refusal, of the HTML page and of the API alike, says how long to wait.
    for (const wait of retryAfter) expect(Number(wait)).toBeGreaterThanOrEqual(1);
    expect(pageStatuses.length).toBeGreaterThan(0);
    expect(new Set(pageStatuses)).toEqual(new Set([200]));
    // Another address still searches.
    const other = await fetch(`${base}/api/search?q=housing`, { headers: { "X-Forwarded-For": "192.0.2.88" } });
    expect(other.status).toBe(200);
  }, 120_000);
});
