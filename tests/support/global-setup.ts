// Builds the template databases once per test run: "empty" (migrated) and "seeded"
// (migrated + the deterministic seed at small counts).
import fs from "node:fs";
import path from "node:path";
import { TMP_ROOT, pgUrlFor, testDatabaseKind, withPgClient } from "./db-paths";

export const TEST_SEED_COUNTS = { suppliers: 24, products: 80, caseStudies: 40 };

async function prepare(url: string, seeded: boolean) {
  const { migrateDatabase } = await import("../../app/utils/migrate.server");
  const { createPrismaClient } = await import("../../app/utils/db.server");
  await migrateDatabase(url);
  if (!seeded) return;
  const { seedDatabase } = await import("../../seed/index");
  const prisma = createPrismaClient(url);
  await seedDatabase(prisma, TEST_SEED_COUNTS);
  await prisma.$disconnect();
}

export default async function setup() {
  process.env.PORTAL_TODAY ??= "2026-11-23";
  fs.mkdirSync(TMP_ROOT, { recursive: true });
  // Runs older than an hour are leftovers; this run gets a folder of its own.
  for (const f of fs.readdirSync(TMP_ROOT)) {
    const full = path.join(TMP_ROOT, f);
    if (f.startsWith("run-") && Date.now() - fs.statSync(full).mtimeMs > 3_600_000) fs.rmSync(full, { recursive: true, force: true });
  }
  const dir = fs.mkdtempSync(path.join(TMP_ROOT, "run-"));
  process.env.CM_TEST_RUN_DIR = dir;
  if (testDatabaseKind() === "postgresql") {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL_PG });
    await admin.connect();
    const stale = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'cm_test_%' OR datname LIKE 'cm_template_%'");
    for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    for (const template of ["empty", "seeded"]) {
      await admin.query(`CREATE DATABASE cm_template_${template}`);
      await prepare(pgUrlFor(`cm_template_${template}`), template === "seeded");
      // The app role's privileges, as in production; copies made from the template keep them.
      if (process.env.DATABASE_URL_PG_APP) {
        const grants = fs.readFileSync("docs/deploy/postgresql-grants.sql", "utf8");
        await withPgClient(pgUrlFor(`cm_template_${template}`), (client) => client.query(grants));
      }
    }
    await admin.end();
    return;
  }
  for (const template of ["empty", "seeded"] as const) {
    const file = path.join(dir, `template-${template}.db`);
    await prepare(`file:${file}`, template === "seeded");
    // Fold the WAL into the main file so a plain copy is complete.
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(file);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.pragma("journal_mode = DELETE");
    db.close();
  }
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
