// Issue 14, "Done means": Meilisearch at a closed port at start-up, and six worker crashes spread
// over time, against a real `node server.js`. Figures are printed as "FAULT …" lines.
import fs from "node:fs";
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/test-db";
import { freePort, get, report, startServer, until, type ServerProcess } from "./server-process";

const started: ServerProcess[] = [];
afterAll(async () => {
  for (const s of started) await s.stop();
});

function workersOf(pid: number): number[] {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return children ? children.split(/\s+/).map(Number) : [];
}

/** A status on a new connection (a kept-alive one may be to the worker just killed). */
function freshStatus(base: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on("error", reject);
  });
}

describe("process faults", () => {
  it("MEILI_URL at a closed port: start-up refuses with one line, or falls back with SEARCH_FALLBACK=embedded", async () => {
    const url = await createTestDatabase();
    const closed = `http://127.0.0.1:${await freePort()}`;
    const t0 = performance.now();
    const refused = await startServer({ env: { DATABASE_URL: url, MEILI_URL: closed }, waitUntilUp: false });
    started.push(refused);
    const code = await refused.exited;
    const refusedInMs = Math.round(performance.now() - t0);
    expect(code).toBe(1);
    const lines = refused.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Council Marketplace could not start: Meilisearch \(MEILI_URL\) is not reachable/);
    expect(lines[0]).toContain("SEARCH_FALLBACK=embedded");

    const fallback = await startServer({ env: { DATABASE_URL: url, MEILI_URL: closed, SEARCH_FALLBACK: "embedded" } });
    started.push(fallback);
    expect(fallback.logs.some((l) => l.level === "warn" && /using the embedded search engine/.test(l.msg))).toBe(true);
    const search = await get(fallback.base, "/search?q=cloud");
    expect(search.status).toBe(200);
    expect((await get(fallback.base, "/healthz")).status).toBe(200);
    await fallback.stop();
    report("Meilisearch at a closed port", {
      exitCode: code,
      refusedAfterMs: refusedInMs,
      message: lines[0].slice(0, 120),
      fallbackSearchStatus: search.status,
    });
  });

  it("six worker crashes spread over time: the site keeps serving and every worker comes back", async () => {
    const url = await createTestDatabase();
    const server = await startServer({ env: { DATABASE_URL: url, WEB_CONCURRENCY: "2" } });
    started.push(server);
    const ready = await until(
      async () => server.logs.filter((l) => /^Council Marketplace on/.test(l.msg)).length,
      (n) => n >= 2,
      120_000,
    );
    expect(ready.value).toBe(2);
    // Workers alive and listening (each logs "Council Marketplace on …" once it listens).
    const listening = () => {
      const alive = new Set(workersOf(server.pid));
      return server.logs.filter((l) => /^Council Marketplace on/.test(l.msg) && alive.has(l.pid as number)).map((l) => l.pid as number);
    };
    const during: number[] = [];
    for (let crash = 1; crash <= 6; crash++) {
      // Both workers up before each crash, so each is a crash of a serving site, not a burst.
      const up = await until(
        async () => listening().length,
        (n) => n === 2,
        60_000,
      );
      expect(up.value).toBe(2);
      await until(
        async () => (await get(server.base, "/healthz")).status,
        (s) => s === 200,
        60_000,
      );
      const [victim] = listening();
      process.kill(victim, "SIGKILL");
      await new Promise((r) => setTimeout(r, 300));
      during.push(await freshStatus(server.base, "/"));
    }
    expect(during).toEqual([200, 200, 200, 200, 200, 200]);
    const back = await until(
      async () => listening().length,
      (n) => n === 2,
      60_000,
    );
    expect(back.value).toBe(2);
    expect(await freshStatus(server.base, "/")).toBe(200);
    const restarts = server.logs.filter((l) => l.msg === "worker exited; restarting");
    expect(restarts).toHaveLength(6);
    report("six worker crashes", {
      homePageAfterEachCrash: during,
      restartDelaysMs: restarts.map((l) => l.restartInMs),
      allWorkersBackInMs: back.ms,
    });
  });
});
