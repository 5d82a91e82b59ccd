// Database faults give the request a clear 503 (never a 500 or a hang), nothing half-written,
// and the next request works once the cause is gone, without a restart.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/test-db";
import { context, makeRequest, responseOf } from "../support/session";

const db = useTestDatabase();

let n = 0;
async function signUp() {
  const signup = await import("~/routes/signup");
  const email = `fault.check.${++n}@leeds.gov.uk`;
  const form = { name: "Fault Check", email, password: "correct horse battery staple", confirmPassword: "correct horse battery staple" };
  const res = await responseOf(() => signup.action({ request: makeRequest("/signup", { form }), params: {}, context }));
  return { res, email };
}

async function userExists(email: string) {
  const { prisma } = await import("~/utils/db.server");
  return (await prisma.user.count({ where: { email } })) === 1;
}

describe("database faults", () => {
  it("a full disk is a 503 that opens a fresh connection; an unrelated error is not", async () => {
    const { isDatabaseUnavailable, needsFreshConnection } = await import("~/utils/db-errors.server");
    // A real SQLITE_FULL from the driver: a database capped at its current size, then grown.
    const { default: Database } = await import("better-sqlite3");
    const { runDir } = await import("../support/test-db");
    const conn = new Database(`${runDir()}/full-${Date.now()}.db`);
    conn.exec("CREATE TABLE t (x BLOB)");
    const pages = Number(conn.pragma("page_count", { simple: true }));
    conn.pragma(`max_page_count = ${pages}`);
    let full: unknown;
    try {
      conn.prepare("INSERT INTO t VALUES (randomblob(100000))").run();
    } catch (error) {
      full = error;
    }
    conn.close();
    expect((full as { code?: string }).code).toBe("SQLITE_FULL");
    expect(isDatabaseUnavailable(full)).toBe(true);
    expect(needsFreshConnection(full)).toBe(true);
    const unique = Object.assign(new Error("Unique constraint failed on the fields: (`email`)"), { code: "P2002" });
    expect(isDatabaseUnavailable(unique)).toBe(false);
    expect(isDatabaseUnavailable(new Response("Not Found", { status: 404 }))).toBe(false);

    if (testDatabaseKind() === "postgresql") {
      // The nearest fault a test can cause here: the server ends this app's connections.
      const { prisma } = await import("~/utils/db.server");
      const { default: pg } = await import("pg");
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await prisma.council.count(); // the app holds a pooled connection
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'council-marketplace'`,
      );
      await admin.end();
      const during = await signUp();
      expect([302, 503]).toContain(during.res.status);
      if (during.res.status === 503) expect(await during.res.text()).toMatch(/may not have been saved/);
    }
    const after = await signUp();
    expect(after.res.status).toBe(302);
    expect(await userExists(after.email)).toBe(true);
  });

  it("a read-only database gives a 503, then recovers without a restart", async () => {
    if (testDatabaseKind() === "postgresql") {
      // A read-only transaction default is the PostgreSQL analogue of a read-only file (set as
      // the owner: the app's role may not alter the database).
      const { default: pg } = await import("pg");
      const admin = new pg.Client({ connectionString: db.ownerUrl });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${new URL(db.url).pathname.slice(1)}" SET default_transaction_read_only = on`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'council-marketplace'`,
      );
      // Reads first, so the terminated connections are replaced by read-only ones and the write
      // below meets the read-only default itself (SQLSTATE 25006), not a terminated connection.
      const { prisma } = await import("~/utils/db.server");
      for (let i = 0; i < 3; i++) await prisma.council.count().catch(() => 0);
      const during = await signUp();
      expect(during.res.status).toBe(503);
      expect(await during.res.text()).toMatch(/may not have been saved/);
      expect(await userExists(during.email)).toBe(false);
      await admin.query(`SET default_transaction_read_only = off`);
      await admin.query(`ALTER DATABASE "${new URL(db.url).pathname.slice(1)}" SET default_transaction_read_only = off`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'council-marketplace'`,
      );
      await admin.end();
      const first = await signUp();
      const after = first.res.status === 302 ? first : await signUp();
      expect(after.res.status).toBe(302);
      return;
    }
    const { prisma } = await import("~/utils/db.server");
    await prisma.$queryRawUnsafe("PRAGMA query_only = ON");
    const during = await signUp();
    expect(during.res.status).toBe(503);
    expect(await userExists(during.email)).toBe(false);
    const after = await signUp();
    expect(after.res.status).toBe(302);
  });

  it("the database file removed while running: writes refused with a 503 and health says why; back in place, writes resume", async () => {
    const { loader: health } = await import("~/routes/healthz");
    if (testDatabaseKind() === "postgresql") {
      // No file to remove: health still reports the database's read and write checks.
      const res = await health();
      expect(res.status).toBe(200);
      expect((await res.json()).database.writable).toBe(true);
      return;
    }
    const file = db.url.slice("file:".length);
    await signUp(); // the app has the file open
    fs.renameSync(file, `${file}.moved`);
    try {
      const during = await signUp();
      expect(during.res.status).toBe(503);
      const res = await health();
      expect(res.status).toBe(503);
      expect((await res.json()).database.problem).toMatch(/removed or replaced/);
    } finally {
      fs.renameSync(`${file}.moved`, file);
    }
    const after = await signUp();
    expect(after.res.status).toBe(302);
    expect(await userExists(after.email)).toBe(true);
    expect((await health()).status).toBe(200);
  });
});
