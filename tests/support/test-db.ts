// Each test file gets its own database, copied from a seeded template made once per run
// (tests/support/global-setup.ts): a SQLite file copy, or a PostgreSQL CREATE DATABASE … TEMPLATE.
// TEST_DATABASE=postgresql (with DATABASE_URL_PG) runs the same tests on PostgreSQL.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { asAppRole, runDir, pgUrlFor, testDatabaseKind } from "./db-paths";

export { runDir, pgUrlFor, testDatabaseKind };

export async function createTestDatabase(template: "seeded" | "empty" = "seeded"): Promise<string> {
  const id = crypto.randomBytes(4).toString("hex");
  if (testDatabaseKind() === "postgresql") {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL_PG });
    await admin.connect();
    const name = `cm_test_${id}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE cm_template_${template}`);
    await admin.end();
    return pgUrlFor(name);
  }
  const file = path.join(runDir(), `test-${id}.db`);
  fs.copyFileSync(path.join(runDir(), `template-${template}.db`), file);
  return `file:${file}`;
}

/** Points this test file at a fresh copy of the seeded (or empty, migrated) database. */
export function useTestDatabase(template: "seeded" | "empty" = "seeded") {
  // url: as the app connects (on PostgreSQL, the app role when one is set up); ownerUrl: as the
  // owner role, for a test that changes the database itself (ALTER DATABASE, ending connections).
  const state = { url: "", ownerUrl: "" };
  beforeAll(async () => {
    state.ownerUrl = await createTestDatabase(template);
    state.url = asAppRole(state.ownerUrl);
    process.env.DATABASE_URL = state.url;
  });
  afterAll(async () => {
    const { prisma } = await import("~/utils/db.server");
    await prisma.$disconnect();
    if (state.url.startsWith("file:")) {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(state.url.slice(5) + suffix, { force: true });
    }
  });
  return state;
}
