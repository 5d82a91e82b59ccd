// Issue 17 item 2: with several workers, one search process per machine holds the index and
// follows the outbox (ADR 0014). Against a real `node server.js` with two workers: a change
// written to the database reaches the one index without any worker's help; the search process
// killed is a clear 503 for searches (the rest of the portal keeps serving), it is restarted and
// the workers recover by themselves, with the changes made while it was down; paused, a search
// is answered within the socket deadline, never left hanging. Figures are printed as "FAULT …" lines.
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/test-db";
import { get, report, startServer, until, type ServerProcess } from "./server-process";

const SOCKET_TIMEOUT_MS = 2_000;
let file = "";
let server: ServerProcess;
let clients = 0;

function workersOf(pid: number): number[] {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return children ? children.split(/\s+/).map(Number) : [];
}

/** Two published products on any framework, as the database has them. */
function publishedProducts(n: number): { id: string; name: string }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT p."id" AS id, v."name" AS name FROM "Product" p JOIN "ProductVersion" v ON v."id" = p."publishedVersionId"
         WHERE p."status" = 'published' ORDER BY p."id" LIMIT ?`,
      )
      .all(n) as { id: string; name: string }[];
  } finally {
    db.close();
  }
}

/** Another process withdraws a product (and writes its outbox row), as a worker's transaction would. */
function withdrawDirectly(id: string) {
  const db = new Database(file, { fileMustExist: true, timeout: 5_000 });
  try {
    db.transaction(() => {
      db.prepare(`UPDATE "Product" SET "status" = 'withdrawn' WHERE "id" = ?`).run(id);
      db.prepare(`INSERT INTO "SearchOutbox" ("entityType", "entityId", "createdAt") VALUES ('product', ?, ?)`).run(id, Date.now());
    })();
  } finally {
    db.close();
  }
}

async function search(q: string): Promise<{ status: number; ids: string[]; ms: number; body: string }> {
  // Each search from its own client address: the polling below must not meet the search rate limit.
  const ip = `10.17.${Math.floor(++clients / 250) % 250}.${(clients % 250) + 1}`;
  const started = performance.now();
  const res = await fetch(`${server.base}/api/search?type=products&frameworks=all&pageSize=50&q=${encodeURIComponent(q)}`, {
    headers: { "X-Forwarded-For": ip },
  });
  const answer = { status: res.status, body: await res.text(), ms: performance.now() - started };
  let ids: string[] = [];
  if (answer.status === 200) ids = (JSON.parse(answer.body) as { hits: { id: string }[] }).hits.map((h) => h.id);
  return { status: answer.status, ids, ms: Math.round(answer.ms), body: answer.body };
}

const searchProcessPid = () => {
  const ready = server.logs.filter((l) => l.msg === "search process ready");
  return ready.length ? (ready[ready.length - 1].pid as number) : 0;
};
const listeningWorkers = () => {
  const alive = new Set(workersOf(server.pid));
  return server.logs.filter((l) => /^Council Marketplace on/.test(l.msg) && alive.has(l.pid as number)).map((l) => l.pid as number);
};

beforeAll(async () => {
  file = (await createTestDatabase()).slice("file:".length);
  server = await startServer({
    env: { DATABASE_URL: `file:${file}`, WEB_CONCURRENCY: "2", SEARCH_SOCKET_TIMEOUT_MS: String(SOCKET_TIMEOUT_MS) },
  });
  const up = await until(
    async () => listeningWorkers().length,
    (n) => n === 2,
    120_000,
  );
  expect(up.value).toBe(2);
});

afterAll(async () => {
  const pid = searchProcessPid();
  if (pid) {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // already gone
    }
  }
  await server?.stop();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

describe("one search process per machine", () => {
  it("is one process beside the workers, and a change another process commits reaches its index by the outbox", async () => {
    const pid = searchProcessPid();
    expect(pid).toBeGreaterThan(0);
    const children = workersOf(server.pid);
    expect(children).toContain(pid);
    expect(children).toHaveLength(3); // two workers and the search process
    // No worker builds or restores an index of its own.
    const workerPids = new Set(listeningWorkers());
    expect(server.logs.some((l) => workerPids.has(l.pid as number) && /search snapshot/.test(l.msg))).toBe(false);

    const [product] = publishedProducts(1);
    expect((await search(product.name)).ids).toContain(product.id);
    withdrawDirectly(product.id);
    const gone = await until(
      async () => (await search(product.name)).ids.includes(product.id),
      (found) => !found,
      15_000,
    );
    expect(gone.value).toBe(false);
    report("search process follows the outbox", { workers: workerPids.size, searchProcessPid: pid, withdrawnGoneFromSearchInMs: gone.ms });
  });

  it("killed: searches are a clear 503 at once, pages keep serving, and it is restarted with the changes made meanwhile", async () => {
    const [, , product] = publishedProducts(3);
    expect((await search(product.name)).ids).toContain(product.id);
    const victim = searchProcessPid();
    const workersBefore = listeningWorkers().sort();
    process.kill(victim, "SIGKILL");
    await until(
      async () => workersOf(server.pid).includes(victim),
      (alive) => !alive,
      5_000,
    );

    const during = await search(product.name);
    expect(during.status).toBe(503);
    expect(during.body).toMatch(/Search is unavailable at the moment/);
    expect((await get(server.base, "/")).status).toBe(200);
    const health = await get(server.base, "/healthz");
    expect(health.status).toBe(503);
    expect((JSON.parse(health.body) as { failing: string[] }).failing).toContain("search");
    // A change while no index is running: the restarted process replays it from the outbox.
    withdrawDirectly(product.id);

    const back = await until(
      async () => (await search(product.name)).status,
      (status) => status === 200,
      60_000,
    );
    expect(back.value).toBe(200);
    expect(server.logs.some((l) => l.msg === "search process exited; restarting")).toBe(true);
    expect(searchProcessPid()).not.toBe(victim);
    expect((await search(product.name)).ids).not.toContain(product.id);
    // The workers were not restarted: they reconnected by themselves.
    expect(listeningWorkers().sort()).toEqual(workersBefore);
    expect((await get(server.base, "/healthz")).status).toBe(200);
    const restored = server.logs.filter((l) => l.msg === "search process ready").at(-1);
    report("search process killed", {
      searchStatusDuring: during.status,
      searchAnsweredDuringMs: during.ms,
      searchBackInMs: back.ms,
      restartedFrom: restored?.source,
      restartReadyMs: restored?.ms,
      workersRestarted: 0,
    });
  });

  it("paused: a search is answered 503 within the socket deadline, and searches work again once it resumes", async () => {
    const [product] = publishedProducts(5).slice(4);
    expect((await search(product.name)).status).toBe(200);
    const pid = searchProcessPid();
    process.kill(pid, "SIGSTOP");
    let during: Awaited<ReturnType<typeof search>>;
    try {
      during = await search(product.name);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    expect(during.status).toBe(503);
    expect(during.ms).toBeGreaterThanOrEqual(SOCKET_TIMEOUT_MS - 100);
    expect(during.ms).toBeLessThan(SOCKET_TIMEOUT_MS + 5_000); // the deadline, not a hang
    const back = await until(
      async () => (await search(product.name)).status,
      (status) => status === 200,
      20_000,
    );
    expect(back.value).toBe(200);
    expect((await search(product.name)).ids).toContain(product.id);
    expect(searchProcessPid()).toBe(pid); // the same process: it was paused, not restarted
    report("search process paused", { searchStatusDuring: during.status, answeredAfterMs: during.ms, backInMs: back.ms });
  });
});
