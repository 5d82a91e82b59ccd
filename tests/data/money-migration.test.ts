// The money migration (prisma/migrations/*_money_integer_pence and its PostgreSQL twin) on
// a database built only up to the migration before it: amounts stored as floats in pounds
// (and the route limits, already pence) come out as exact integer pence, in columns named
// for the unit, and no child row is lost to the SQLite table redefinitions.
// Runs on SQLite, or on PostgreSQL with TEST_DATABASE=postgresql and DATABASE_URL_PG.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../app/utils/migrate.server";
import { pgUrlFor, runDir, testDatabaseKind, withPgClient as withPg } from "../support/db-paths";

const kind = testDatabaseKind();
const MIGRATION = "money_integer_pence";
const FOLDER = kind === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations";
const migrations = fs
  .readdirSync(FOLDER)
  .filter((d) => fs.existsSync(path.join(FOLDER, d, "migration.sql")))
  .sort();
const ours = migrations.find((d) => d.endsWith(`_${MIGRATION}`))!;
const earlier = migrations.filter((d) => d < ours);

/** Pounds as the old Float columns held them → the pence the migration must produce. */
const POUNDS: [number, number][] = [
  [29_999.99, 2_999_999],
  [30_000, 3_000_000],
  [207_719.99, 20_771_999],
  [207_720, 20_772_000],
  [0.01, 1],
  [19.99, 1_999], // 19.99 * 100 is 1998.9999999999998 in floating point
  [1_234_567.89, 123_456_789], // and this one 123456788.99999999
  [0.1 + 0.2, 30], // 0.30000000000000004
  [0, 0],
];
/** Only for BigInt columns: more than 2^31 pence (£21,474,836.48). */
const LARGE_POUNDS: [number, number][] = [
  [21_474_836.48, 2_147_483_648],
  [25_000_000, 2_500_000_000],
];
/** Older forms let a case study cost have more decimals: to the nearest penny, halves away from zero, on both databases. */
const LEGACY_POUNDS: [number, number][] = [
  [1.005, 101],
  [0.125, 13],
  [2.675, 268],
];
/** LotRoute limits were pence already: the values stay, as integers. */
const ROUTE_PENCE: [number | null, number | null][] = [
  [2_999_999, 20_772_000],
  [null, 3_000_000],
  [1, null],
  [null, 1_000_000_000_000],
];

interface Db {
  url: string;
  run(sql: string, params?: unknown[]): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  columns(table: string): Promise<{ name: string; type: string; required: boolean }[]>;
  drop(): Promise<void>;
}

async function createDb(): Promise<Db> {
  const id = crypto.randomBytes(4).toString("hex");
  if (kind === "postgresql") {
    // Not cm_test_*: global setup drops those when any run starts.
    const name = `cm_moneytest_${id}`;
    const admin = process.env.DATABASE_URL_PG!;
    await withPg(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = pgUrlFor(name);
    const numbered = (sql: string) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    return {
      url,
      run: (sql, params = []) => withPg(url, async (c) => void (await c.query(numbered(sql), params))),
      rows: <T>(sql: string, params: unknown[] = []) => withPg(url, async (c) => (await c.query(numbered(sql), params)).rows as T[]),
      columns: (table) =>
        withPg(
          url,
          async (c) =>
            (
              await c.query(
                "SELECT column_name AS name, data_type AS type, is_nullable = 'NO' AND column_default IS NULL AS required FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
                [table],
              )
            ).rows,
        ),
      drop: () => withPg(admin, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
    };
  }
  const file = path.join(runDir(), `moneytest-${id}.db`);
  const { default: Database } = await import("better-sqlite3");
  const use = async <T>(fn: (db: import("better-sqlite3").Database) => T): Promise<T> => {
    const db = new Database(file);
    db.pragma("foreign_keys = ON");
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  const bind = (params: unknown[]) => params.map((p) => (typeof p === "boolean" ? Number(p) : p));
  return {
    url: `file:${file}`,
    run: (sql, params = []) => use((db) => void db.prepare(sql).run(...bind(params))),
    rows: <T>(sql: string, params: unknown[] = []) => use((db) => db.prepare(sql).all(...bind(params)) as T[]),
    columns: (table) =>
      use((db) =>
        (
          db.prepare(`PRAGMA table_info("${table}")`).all() as {
            name: string;
            type: string;
            notnull: number;
            dflt_value: unknown;
            pk: number;
          }[]
        ).map((c) => ({
          name: c.name,
          type: c.type,
          required: c.notnull === 1 && c.dflt_value === null,
        })),
      ),
    drop: async () => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

/** A temporary project root holding copies of the given migration folders. */
function projectRootWith(names: string[]): string {
  const root = fs.mkdtempSync(path.join(runDir(), "money-migration-"));
  for (const name of names) {
    fs.mkdirSync(path.join(root, FOLDER, name), { recursive: true });
    fs.copyFileSync(path.join(FOLDER, name, "migration.sql"), path.join(root, FOLDER, name, "migration.sql"));
  }
  return root;
}

let filler = 0;
/** Inserts a row, filling any other required column (no default) with a harmless value of its type. */
async function insert(db: Db, table: string, values: Record<string, unknown>): Promise<void> {
  const row: Record<string, unknown> = { ...values };
  for (const c of await db.columns(table)) {
    if (!c.required || c.name in row) continue;
    const type = c.type.toLowerCase();
    filler++;
    if (/int|real|double|numeric|float/.test(type)) row[c.name] = 1;
    else if (/bool/.test(type)) row[c.name] = false;
    else if (/date|time/.test(type)) row[c.name] = kind === "postgresql" ? "2026-11-23 00:00:00" : "2026-11-23T00:00:00.000+00:00";
    else row[c.name] = `${table}-${c.name}-${filler}`;
  }
  const names = Object.keys(row);
  await db.run(
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`,
    Object.values(row),
  );
}

const TABLES = [
  "Council",
  "ServiceArea",
  "Agreement",
  "Lot",
  "LotRoute",
  "Supplier",
  "Product",
  "ProductVersion",
  "ProductVersionLot",
  "BuyingProject",
  "NoticeChecklistItem",
  "SavedSearch",
  "FrozenSearch",
  "FrozenResult",
  "ShortlistEntry",
  "ProjectOutcome",
  "CaseStudy",
  "CaseStudyMetric",
  "CaseStudyProduct",
  "CaseStudyRevision",
] as const;

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await db.rows<{ n: number | string }>(`SELECT COUNT(*) AS n FROM "${t}"`))[0].n);
  return out;
}

/** Reads a column as a JS number (PostgreSQL BIGINT arrives as text from pg). */
async function values(db: Db, table: string, column: string): Promise<Map<string, number | null>> {
  const rows = await db.rows<{ id: string; v: number | string | null }>(`SELECT "id" AS id, "${column}" AS v FROM "${table}"`);
  return new Map(rows.map((r) => [r.id, r.v === null ? null : Number(r.v)]));
}

describe(`money migration (${kind})`, () => {
  let db: Db;
  const roots: string[] = [];
  const expected = {
    supplier: new Map<string, number | null>(),
    version: new Map<string, number>(),
    frozen: new Map<string, number>(),
    project: new Map<string, number>(),
    outcome: new Map<string, number | null>(),
    caseStudy: new Map<string, number | null>(),
    route: new Map<string, [number | null, number | null]>(),
  };
  let before: Record<string, number>;

  beforeAll(async () => {
    expect(ours, `no *_${MIGRATION} migration in ${FOLDER}`).toBeTruthy();
    db = await createDb();
    const root = projectRootWith(earlier);
    roots.push(root);
    expect(await migrateDatabase(db.url, root)).toEqual(earlier);

    await insert(db, "Council", { id: "c1", code: "BNH" });
    await insert(db, "ServiceArea", { id: "sa1", slug: "housing" });
    await insert(db, "Agreement", { id: "a1", slug: "rm1557-15" });
    await insert(db, "Lot", { id: "l1", agreementId: "a1", number: "2a" });
    for (const [i, [min, max]] of ROUTE_PENCE.entries()) {
      await insert(db, "LotRoute", { id: `r${i}`, lotId: "l1", method: "direct-award", minValue: min, maxValue: max });
      expected.route.set(`r${i}`, [min, max]);
    }

    const money = [...POUNDS, ...LARGE_POUNDS];
    for (const [i, [pounds, pence]] of [...money, [null, null] as const].entries()) {
      await insert(db, "Supplier", { id: `s${i}`, slug: `s${i}`, turnover: pounds });
      expected.supplier.set(`s${i}`, pence);
    }
    await insert(db, "Product", { id: "p1", supplierId: "s0", status: "published" });
    await insert(db, "Product", { id: "p2", supplierId: "s1", status: "draft" });
    // Listing prices are capped at £10,000,000 (an Int column), so no LARGE_POUNDS here.
    for (const [i, [pounds, pence]] of POUNDS.entries()) {
      await insert(db, "ProductVersion", { id: `v${i}`, productId: "p1", versionNumber: i + 1, priceFrom: pounds });
      await insert(db, "ProductVersionLot", { versionId: `v${i}`, lotId: "l1" });
      expected.version.set(`v${i}`, pence);
    }
    await db.run(`UPDATE "Product" SET "publishedVersionId" = 'v0' WHERE "id" = 'p1'`);

    for (const [i, [pounds, pence]] of money.entries()) {
      await insert(db, "BuyingProject", { id: `b${i}`, councilId: "c1", estimatedValue: pounds });
      await insert(db, "NoticeChecklistItem", { id: `n${i}`, projectId: `b${i}` });
      await insert(db, "SavedSearch", { id: `ss${i}`, projectId: `b${i}` });
      expected.project.set(`b${i}`, pence);
    }
    await insert(db, "FrozenSearch", { id: "f1", projectId: "b0" });
    for (const [i, [pounds, pence]] of POUNDS.entries()) {
      await insert(db, "FrozenResult", {
        id: `fr${i}`,
        frozenSearchId: "f1",
        position: i + 1,
        productId: "p1",
        productVersionId: `v${i}`,
        priceFrom: pounds,
      });
      await insert(db, "ShortlistEntry", { id: `se${i}`, projectId: "b0", frozenResultId: `fr${i}` });
      expected.frozen.set(`fr${i}`, pence);
    }
    const outcomes: [number | null, number | null][] = [...money.slice(0, -1), [null, null]];
    for (const [i, [pounds, pence]] of outcomes.entries()) {
      await insert(db, "ProjectOutcome", {
        id: `o${i}`,
        projectId: `b${i}`,
        kind: pounds === null ? "cancelled" : "awarded",
        productVersionId: pounds === null ? null : "v0",
        value: pounds,
      });
      expected.outcome.set(`o${i}`, pence);
    }

    for (const [i, [pounds, pence]] of [...money, ...LEGACY_POUNDS, [null, null] as const].entries()) {
      await insert(db, "CaseStudy", { id: `cs${i}`, slug: `cs${i}`, councilId: "c1", serviceAreaId: "sa1", costExact: pounds });
      // Metrics are measures, not money: they keep their floats.
      await insert(db, "CaseStudyMetric", { id: `m${i}`, caseStudyId: `cs${i}`, before: 19.99, after: 0.1 + 0.2 });
      await insert(db, "CaseStudyProduct", { id: `csp${i}`, caseStudyId: `cs${i}`, productId: "p1" });
      await insert(db, "CaseStudyRevision", {
        id: `rev${i}`,
        caseStudyId: `cs${i}`,
        lockVersion: 1,
        snapshot: JSON.stringify({ costExact: pounds }),
      });
      expected.caseStudy.set(`cs${i}`, pence);
    }
    before = await counts(db);

    const after = projectRootWith([...earlier, ours]);
    roots.push(after);
    expect(await migrateDatabase(db.url, after)).toEqual([ours]);
  }, 120_000);

  afterAll(async () => {
    await db?.drop();
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it("keeps every row, in the converted tables and in their children", async () => {
    expect(before.Supplier).toBe(POUNDS.length + LARGE_POUNDS.length + 1);
    expect(await counts(db)).toEqual(before);
  });

  it("converts pounds to exact integer pence, NULL staying NULL", async () => {
    expect(await values(db, "Supplier", "turnoverPence")).toEqual(expected.supplier);
    expect(await values(db, "ProductVersion", "priceFromPence")).toEqual(expected.version);
    expect(await values(db, "FrozenResult", "priceFromPence")).toEqual(expected.frozen);
    expect(await values(db, "BuyingProject", "estimatedValuePence")).toEqual(expected.project);
    expect(await values(db, "ProjectOutcome", "valuePence")).toEqual(expected.outcome);
    expect(await values(db, "CaseStudy", "costExactPence")).toEqual(expected.caseStudy);
  });

  it("keeps the route limits, which were pence already, as integers", async () => {
    const rows = await db.rows<{ id: string; min: number | string | null; max: number | string | null }>(
      `SELECT "id" AS id, "minValuePence" AS min, "maxValuePence" AS max FROM "LotRoute"`,
    );
    expect(new Map(rows.map((r) => [r.id, [r.min === null ? null : Number(r.min), r.max === null ? null : Number(r.max)]]))).toEqual(
      expected.route,
    );
  });

  it("stores them as integers, in columns named for the unit, and leaves metrics alone", async () => {
    const money: [string, string, "integer" | "bigint"][] = [
      ["LotRoute", "minValuePence", "bigint"],
      ["LotRoute", "maxValuePence", "bigint"],
      ["Supplier", "turnoverPence", "bigint"],
      ["ProductVersion", "priceFromPence", "integer"],
      ["FrozenResult", "priceFromPence", "integer"],
      ["BuyingProject", "estimatedValuePence", "bigint"],
      ["ProjectOutcome", "valuePence", "bigint"],
      ["CaseStudy", "costExactPence", "bigint"],
    ];
    for (const [table, column, type] of money) {
      const columns = await db.columns(table);
      const names = columns.map((c) => c.name);
      expect(names, table).toContain(column);
      expect(names, table).not.toContain(column.replace(/Pence$/, ""));
      if (kind === "postgresql") expect(columns.find((c) => c.name === column)!.type, `${table}.${column}`).toBe(type);
      else {
        expect(columns.find((c) => c.name === column)!.type, `${table}.${column}`).toBe(type === "bigint" ? "BIGINT" : "INTEGER");
        const stored = await db.rows<{ t: string }>(
          `SELECT DISTINCT typeof("${column}") AS t FROM "${table}" WHERE "${column}" IS NOT NULL`,
        );
        expect(
          stored.map((r) => r.t),
          `${table}.${column}`,
        ).toEqual(["integer"]);
      }
    }
    const metrics = await db.rows<{ before: number; after: number }>(`SELECT "before", "after" FROM "CaseStudyMetric"`);
    for (const m of metrics) expect([m.before, m.after]).toEqual([19.99, 0.1 + 0.2]);
  });

  it("leaves revisions as written; the app reads their pounds as pence", async () => {
    const { parseSnapshot } = await import("../../app/models/case-study-snapshot");
    const revisions = await db.rows<{ id: string; snapshot: string }>(`SELECT "id" AS id, "snapshot" FROM "CaseStudyRevision"`);
    for (const r of revisions) expect(parseSnapshot(r.snapshot)?.costExactPence).toBe(expected.caseStudy.get(r.id.replace("rev", "cs")));
  });

  it("reads back through Prisma as bigint pence, which the models turn into numbers", async () => {
    const { createPrismaClient } = await import("../../app/utils/db.server");
    const { penceFromDb } = await import("../../app/models/pence");
    const prisma = createPrismaClient(db.url);
    try {
      const projects = await prisma.buyingProject.findMany({ select: { id: true, estimatedValuePence: true } });
      expect(new Map(projects.map((p) => [p.id, penceFromDb(p.estimatedValuePence)]))).toEqual(expected.project);
      expect(typeof projects[0].estimatedValuePence).toBe("bigint");
      // Explicit selects: later migrations may add columns this database (stopped at ours) lacks.
      const route = await prisma.lotRoute.findUniqueOrThrow({ where: { id: "r3" }, select: { maxValuePence: true } });
      expect(route.maxValuePence).toBe(1_000_000_000_000n);
      const version = await prisma.productVersion.findUniqueOrThrow({ where: { id: "v6" }, select: { priceFromPence: true } });
      expect(version.priceFromPence).toBe(123_456_789);
    } finally {
      await prisma.$disconnect();
    }
  });
});
