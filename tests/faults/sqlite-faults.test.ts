// Issue 14, "Done means": faults made to a running `node server.js` on SQLite, from outside the
// process, each followed by recovery without a restart. Figures (times) are printed as
// "FAULT …" lines for the closing note.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/test-db";
import { get, report, signUp, startServer, until, type Answer, type LogLine, type ServerProcess } from "./server-process";

const UNAVAILABLE = /Your last change may not have been saved/;
// As root, file modes do not bind (CAP_DAC_OVERRIDE): the server runs without that capability,
// so a read-only file is read-only to it, as it is to any unprivileged service account.
const asService = process.getuid?.() === 0 ? ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"] : [];

let file = "";
let server: ServerProcess;
let n = 0;
const email = () => `fault.${Date.now()}.${++n}@leeds.gov.uk`;

function usersWith(emails: string[]): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT email FROM "User" WHERE email IN (${emails.map(() => "?").join(",")})`).all(...emails);
    return rows.length;
  } finally {
    db.close();
  }
}

/** Log lines reach us through a pipe, a moment after the response: wait for the one expected. */
async function logged(match: (line: LogLine) => boolean): Promise<boolean> {
  return (await until(async () => server.logs.some(match), Boolean, 5_000)).value;
}

async function write(): Promise<Answer & { email: string }> {
  const address = email();
  return { ...(await signUp(server.base, address)), email: address };
}

beforeAll(async () => {
  file = (await createTestDatabase()).slice("file:".length);
  server = await startServer({ env: { DATABASE_URL: `file:${file}` }, wrap: asService });
  expect((await write()).status).toBe(302);
});

// A failed check must not leave its fault in place for the next test.
afterEach(() => {
  if (fs.existsSync(file)) fs.chmodSync(file, 0o644);
  if (fs.existsSync(`${file}.kept`) && !fs.existsSync(file)) fs.renameSync(`${file}.kept`, file);
  if (server?.child.exitCode === null) execFileSync("prlimit", ["--pid", String(server.pid), "--fsize=unlimited:unlimited"]);
});

afterAll(async () => {
  await server?.stop();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

describe("SQLite faults against the running server", () => {
  it("the file made read-only: writes get the 503 page with the request id, then work again once writable", async () => {
    fs.chmodSync(file, 0o444);
    const during = await write().catch((error: unknown) => {
      fs.chmodSync(file, 0o644);
      throw error;
    });
    expect(during.status).toBe(503);
    expect(during.body).toMatch(UNAVAILABLE);
    expect(during.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(during.body).toContain(`quote reference <span id="cm-request-id">${during.requestId}</span>`);
    expect(await logged((l) => l.level === "error" && l.msg === "database unavailable" && l.requestId === during.requestId)).toBe(true);
    const health = await get(server.base, "/healthz");
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body).failing).toContain("database");
    expect(usersWith([during.email])).toBe(0);

    fs.chmodSync(file, 0o644);
    const after = await until(write, (a) => a.status === 302);
    expect(after.value.status).toBe(302);
    expect(usersWith([after.value.email])).toBe(1);
    report("read-only file", {
      writeWhileReadOnly: during.status,
      answeredInMs: Math.round(during.ms),
      recoveredAfterWritableInMs: after.ms,
    });
  });

  it("disk full (a file-size limit on the server): writes get a 503, then work again once the limit is lifted", async () => {
    // RLIMIT_FSIZE on the running server: any write past 4 KiB into any file fails with EFBIG
    // (Node ignores SIGXFSZ), as writes fail on a full disk. Lifted again: space freed.
    execFileSync("prlimit", ["--pid", String(server.pid), "--fsize=4096:unlimited"]);
    const writes: Answer[] = [];
    for (let i = 0; i < 3; i++) writes.push(await write());
    expect(writes.map((w) => w.status)).toEqual([503, 503, 503]);
    expect(writes[0].body).toMatch(UNAVAILABLE);
    expect(server.child.exitCode).toBeNull();
    const health = await get(server.base, "/healthz");
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body).failing).toContain("database");
    const home = await get(server.base, "/");

    execFileSync("prlimit", ["--pid", String(server.pid), "--fsize=unlimited:unlimited"]);
    const after = await until(write, (a) => a.status === 302);
    expect(after.value.status).toBe(302);
    expect(usersWith([after.value.email])).toBe(1);
    expect((await get(server.base, "/healthz")).status).toBe(200);
    report("disk full (RLIMIT_FSIZE 4 KiB)", {
      writesWhileFull: writes.map((w) => `${w.status} in ${Math.round(w.ms)} ms`),
      homePageWhileFull: home.status,
      recoveredAfterFreedInMs: after.ms,
    });
  });

  it("the file deleted: writes refused with a 503 and a clear log line, health says why, no acknowledged write lost", async () => {
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const w = await write();
      expect(w.status).toBe(302);
      acknowledged.push(w.email);
    }
    // Folded into the main file so the kept link below holds every acknowledged write.
    const conn = new Database(file);
    conn.pragma("wal_checkpoint(TRUNCATE)");
    conn.close();
    const kept = `${file}.kept`;
    fs.linkSync(file, kept); // what an operator's backup would have: the same file
    fs.rmSync(file);
    const refused: (Answer & { email: string })[] = [];
    for (let i = 0; i < 3; i++) refused.push(await write());
    expect(refused.map((w) => w.status)).toEqual([503, 503, 503]);
    expect(refused[0].body).toMatch(UNAVAILABLE);
    expect(await logged((l) => l.level === "error" && /removed or replaced|missing/.test(JSON.stringify(l)))).toBe(true);
    const health = await get(server.base, "/healthz");
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body).database.problem).toMatch(/removed or replaced|missing/);
    expect(fs.existsSync(file)).toBe(false); // nothing created an empty database in its place

    fs.renameSync(kept, file); // put back
    const after = await until(write, (a) => a.status === 302);
    expect(after.value.status).toBe(302);
    expect(usersWith(acknowledged)).toBe(acknowledged.length);
    expect(usersWith(refused.map((w) => w.email))).toBe(0);
    expect(usersWith([after.value.email])).toBe(1);
    report("database file deleted", {
      writesAfterDelete: refused.map((w) => w.status),
      healthz: health.status,
      acknowledgedBeforeDelete: acknowledged.length,
      acknowledgedFound: usersWith(acknowledged),
      recoveredAfterPutBackInMs: after.ms,
    });
  });
});
