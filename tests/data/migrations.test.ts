// The migration runner (app/utils/migrate.server.ts) against its own throwaway databases and
// migration folders: a Prisma-style redefinition of a parent table keeps the child rows, a
// migration that breaks a foreign key is rolled back, and edited or unknown migrations are refused.
// Runs on SQLite, or on PostgreSQL with TEST_DATABASE=postgresql and DATABASE_URL_PG.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../app/utils/migrate.server";
import { pgUrlFor, runDir, testDatabaseKind, withPgClient as withPg } from "../support/db-paths";

const kind = testDatabaseKind();
type BothEngines = { sqlite: string; postgresql: string };

interface TestDb {
  url: string;
  exec(sql: string): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

async function createDb(): Promise<TestDb> {
  const id = crypto.randomBytes(4).toString("hex");
  if (kind === "postgresql") {
    // Not cm_test_*: global setup drops those at the start of any run.
    const name = `cm_migtest_${id}`;
    const admin = process.env.DATABASE_URL_PG!;
    await withPg(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = pgUrlFor(name);
    return {
      url,
      exec: (sql) => withPg(url, async (c) => void (await c.query(sql))),
      rows: <T>(sql: string) => withPg(url, async (c) => (await c.query(sql)).rows as T[]),
      drop: () => withPg(admin, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
    };
  }
  const file = path.join(runDir(), `migtest-${id}.db`);
  const { default: Database } = await import("better-sqlite3");
  const open = () => {
    const db = new Database(file);
    db.pragma("foreign_keys = ON");
    return db;
  };
  return {
    url: `file:${file}`,
    exec: async (sql) => {
      const db = open();
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    rows: async <T>(sql: string) => {
      const db = open();
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    },
    drop: async () => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

function createProject(): string {
  return fs.mkdtempSync(path.join(runDir(), "migtest-project-"));
}

function migrationFile(root: string, name: string): string {
  const folder = kind === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations";
  return path.join(root, folder, name, "migration.sql");
}

function writeMigration(root: string, name: string, sql: BothEngines): void {
  const file = migrationFile(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, sql[kind]);
}

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

async function count(db: TestDb, table: string): Promise<number> {
  const [row] = await db.rows<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${table}"`);
  return Number(row.n);
}

async function columns(db: TestDb, table: string): Promise<string[]> {
  const rows =
    kind === "postgresql"
      ? await db.rows<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${table}'`)
      : await db.rows<{ name: string }>(`PRAGMA table_info("${table}")`);
  return rows.map((r) => r.name).sort();
}

async function recorded(db: TestDb): Promise<{ name: string; checksum: string }[]> {
  return db.rows(`SELECT name, checksum FROM "_cm_migrations" ORDER BY name`);
}

// Migration 1: a parent and a child whose rows go when their parent goes.
const M1 = "20260101000000_parent_child";
const CREATE_PARENT_CHILD: BothEngines = {
  sqlite: `-- CreateTable
CREATE TABLE "Parent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "parentId" TEXT NOT NULL,
    CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
`,
  postgresql: `-- CreateTable
CREATE TABLE "Parent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Parent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL,
    "parentId" TEXT NOT NULL,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`,
};

const ROWS = `INSERT INTO "Parent" ("id", "name") VALUES ('p1', 'one'), ('p2', 'two');
INSERT INTO "Child" ("id", "parentId") VALUES ('c1', 'p1'), ('c2', 'p1'), ('c3', 'p2');`;

// Migration 2: what \`prisma migrate diff\` generates for "name becomes optional, add createdAt"
// on SQLite (a table redefinition), and for the same plus @db.VarChar(36) ids on PostgreSQL
// (drop the foreign key, alter the parent and its primary key, add the foreign key back).
const M2 = "20260102000000_redefine_parent";
// With loseP2 it also loses parent p2, which child c3 still refers to (a faulty migration).
const redefineParent = (loseP2 = false): BothEngines => ({
  sqlite: `-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Parent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Parent" ("id", "name") SELECT "id", "name" FROM "Parent"${loseP2 ? ` WHERE "id" <> 'p2'` : ""};
DROP TABLE "Parent";
ALTER TABLE "new_Parent" RENAME TO "Parent";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`,
  postgresql: `-- DropForeignKey
ALTER TABLE "Child" DROP CONSTRAINT "Child_parentId_fkey";

-- AlterTable
ALTER TABLE "Child" ALTER COLUMN "parentId" SET DATA TYPE VARCHAR(36);

-- AlterTable
ALTER TABLE "Parent" DROP CONSTRAINT "Parent_pkey",
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "id" SET DATA TYPE VARCHAR(36),
ALTER COLUMN "name" DROP NOT NULL,
ADD CONSTRAINT "Parent_pkey" PRIMARY KEY ("id");
${loseP2 ? `DELETE FROM "Parent" WHERE "id" = 'p2';\n` : ""}
-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`,
});

const M3 = "20260103000000_note";
const CREATE_NOTE: BothEngines = {
  sqlite: `CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n`,
  postgresql: `CREATE TABLE "Note" ("id" TEXT NOT NULL, CONSTRAINT "Note_pkey" PRIMARY KEY ("id"));\n`,
};

describe(`migrateDatabase on ${kind}`, () => {
  let db: TestDb | undefined;
  let root: string | undefined;

  afterEach(async () => {
    await db?.drop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
    db = undefined;
    root = undefined;
  });

  async function setUp(): Promise<{ db: TestDb; root: string }> {
    db = await createDb();
    root = createProject();
    return { db, root };
  }

  it("keeps every child row when a migration redefines the parent table", async () => {
    const { db, root } = await setUp();
    writeMigration(root, M1, CREATE_PARENT_CHILD);
    expect(await migrateDatabase(db.url, root)).toEqual([M1]);
    await db.exec(ROWS);
    const childrenBefore = await count(db, "Child");
    expect(childrenBefore).toBe(3);

    writeMigration(root, M2, redefineParent());
    expect(await migrateDatabase(db.url, root)).toEqual([M2]);

    expect(await count(db, "Child")).toBe(childrenBefore);
    expect(await count(db, "Parent")).toBe(2);
    expect(await columns(db, "Parent")).toEqual(["createdAt", "id", "name"]);
    // The foreign key still points at the new Parent and still cascades.
    await db.exec(`DELETE FROM "Parent" WHERE "id" = 'p1'`);
    expect(await db.rows<{ id: string }>(`SELECT "id" FROM "Child" ORDER BY "id"`)).toEqual([{ id: "c3" }]);
  });

  it("refuses and rolls back a migration that leaves a foreign key violation", async () => {
    const { db, root } = await setUp();
    writeMigration(root, M1, CREATE_PARENT_CHILD);
    await migrateDatabase(db.url, root);
    await db.exec(ROWS);

    writeMigration(root, M2, redefineParent(true));
    const refusal =
      kind === "postgresql"
        ? /Migration 20260102000000_redefine_parent failed and was rolled back: .*Child_parentId_fkey/
        : /Migration 20260102000000_redefine_parent was rolled back: it leaves 1 foreign key violation\(s\): "Child" rowid \d+ → "Parent"/;
    await expect(migrateDatabase(db.url, root)).rejects.toThrow(refusal);

    // Nothing of it stayed: the old table shape, every row, and no record of it.
    expect(await columns(db, "Parent")).toEqual(["id", "name"]);
    expect(await count(db, "Parent")).toBe(2);
    expect(await count(db, "Child")).toBe(3);
    expect((await recorded(db)).map((r) => r.name)).toEqual([M1]);

    // Not applied, so it may still be fixed in place.
    writeMigration(root, M2, redefineParent());
    expect(await migrateDatabase(db.url, root)).toEqual([M2]);
    expect(await count(db, "Child")).toBe(3);
  });

  it("applies nothing when the database is up to date", async () => {
    const { db, root } = await setUp();
    writeMigration(root, M1, CREATE_PARENT_CHILD);
    writeMigration(root, M2, redefineParent());
    expect(await migrateDatabase(db.url, root)).toEqual([M1, M2]);
    await db.exec(ROWS);
    const before = await db.rows(`SELECT name, checksum, applied_at FROM "_cm_migrations" ORDER BY name`);

    expect(await migrateDatabase(db.url, root)).toEqual([]);
    expect(await db.rows(`SELECT name, checksum, applied_at FROM "_cm_migrations" ORDER BY name`)).toEqual(before);
    expect(await count(db, "Child")).toBe(3);
  });

  it("stores the sha256 of each applied migration.sql", async () => {
    const { db, root } = await setUp();
    writeMigration(root, M1, CREATE_PARENT_CHILD);
    await migrateDatabase(db.url, root);
    expect(await recorded(db)).toEqual([{ name: M1, checksum: sha256(CREATE_PARENT_CHILD[kind]) }]);
  });

  it("refuses a migration edited after it was applied, and applies nothing else", async () => {
    const { db, root } = await setUp();
    writeMigration(root, M1, CREATE_PARENT_CHILD);
    await migrateDatabase(db.url, root);

    fs.appendFileSync(migrationFile(root, M1), `CREATE INDEX "Child_parentId_idx" ON "Child"("parentId");\n`);
    writeMigration(root, M3, CREATE_NOTE);
    await expect(migrateDatabase(db.url, root)).rejects.toThrow(
      /Migration 20260101000000_parent_child was edited after it was applied .*put the change in a new migration/,
    );
    expect((await recorded(db)).map((r) => r.name)).toEqual([M1]);
    expect(await columns(db, "Note")).toEqual([]);
  });

  it("refuses a database that records a migration the code does not have", async () => {
    const { db, root } = await setUp();
    writeMigration(root, M1, CREATE_PARENT_CHILD);
    writeMigration(root, M2, redefineParent());
    await migrateDatabase(db.url, root);

    // Older code: its folder stops at migration 1, but has a new migration of its own.
    fs.rmSync(path.dirname(migrationFile(root, M2)), { recursive: true });
    writeMigration(root, M3, CREATE_NOTE);
    await expect(migrateDatabase(db.url, root)).rejects.toThrow(
      /Unknown migration 20260102000000_redefine_parent: .*this database is newer than the code/,
    );
    expect(await columns(db, "Note")).toEqual([]);
  });

  it("adds and fills the checksum column of a _cm_migrations table made before checksums", async () => {
    const { db, root } = await setUp();
    writeMigration(root, M1, CREATE_PARENT_CHILD);
    writeMigration(root, M2, redefineParent());
    // What the previous runner left: its table shape, and migration 1 applied.
    const oldTable =
      kind === "postgresql"
        ? `CREATE TABLE "_cm_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());`
        : `CREATE TABLE "_cm_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);`;
    await db.exec(`${oldTable}\n${CREATE_PARENT_CHILD[kind]}\nINSERT INTO "_cm_migrations" (name) VALUES ('${M1}');\n${ROWS}`);
    expect(await columns(db, "_cm_migrations")).toEqual(["applied_at", "name"]);

    expect(await migrateDatabase(db.url, root)).toEqual([M2]);
    expect(await columns(db, "_cm_migrations")).toEqual(["applied_at", "checksum", "name"]);
    expect(await recorded(db)).toEqual([
      { name: M1, checksum: sha256(CREATE_PARENT_CHILD[kind]) },
      { name: M2, checksum: sha256(redefineParent()[kind]) },
    ]);
    expect(await count(db, "Child")).toBe(3);

    // The filled checksum is enforced from then on.
    fs.appendFileSync(migrationFile(root, M1), "-- edited\n");
    await expect(migrateDatabase(db.url, root)).rejects.toThrow(/Migration 20260101000000_parent_child was edited after it was applied/);
  });
});
