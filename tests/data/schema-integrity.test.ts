// The schema as the database holds it: every foreign key has an index that starts with its
// columns (pages filter on them and cascades scan them), and the audit table cannot be
// rewritten by replacement any more than by update or delete. SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/test-db";

const db = useTestDatabase();

interface ForeignKey {
  table: string;
  columns: string[];
}

async function foreignKeysAndIndexes(): Promise<{ foreignKeys: ForeignKey[]; indexes: Map<string, string[][]> }> {
  const indexes = new Map<string, string[][]>();
  const foreignKeys: ForeignKey[] = [];
  if (testDatabaseKind() === "postgresql") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const fks = await client.query(`
        SELECT c.conrelid::regclass::text AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
        FROM pg_constraint c
        CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        GROUP BY c.oid, c.conrelid`);
      for (const r of fks.rows) foreignKeys.push({ table: String(r.table).replace(/"/g, ""), columns: r.columns });
      const idx = await client.query(`
        SELECT i.indrelid::regclass::text AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
        FROM pg_index i
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        JOIN pg_class t ON t.oid = i.indrelid AND t.relnamespace = 'public'::regnamespace
        GROUP BY i.indexrelid, i.indrelid`);
      for (const r of idx.rows) {
        const table = String(r.table).replace(/"/g, "");
        indexes.set(table, [...(indexes.get(table) ?? []), r.columns]);
      }
    } finally {
      await client.end();
    }
    return { foreignKeys, indexes };
  }
  const { default: Database } = await import("better-sqlite3");
  const conn = new Database(db.url.slice("file:".length), { readonly: true });
  try {
    const tables = (
      conn.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]
    ).map((t) => t.name);
    for (const table of tables) {
      const fkRows = conn.prepare(`SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(table) as { id: number; from: string }[];
      const byId = new Map<number, string[]>();
      for (const r of fkRows) byId.set(r.id, [...(byId.get(r.id) ?? []), r.from]);
      for (const columns of byId.values()) foreignKeys.push({ table, columns });
      const list = conn.prepare(`SELECT name FROM pragma_index_list(?)`).all(table) as { name: string }[];
      indexes.set(
        table,
        list.map((i) =>
          (conn.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(i.name) as { name: string }[]).map((c) => c.name),
        ),
      );
      // A rowid table's INTEGER PRIMARY KEY is its own index.
      const pk = (conn.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(table) as { name: string }[]).map(
        (c) => c.name,
      );
      if (pk.length) indexes.set(table, [...(indexes.get(table) ?? []), pk]);
    }
  } finally {
    conn.close();
  }
  return { foreignKeys, indexes };
}

describe("indexes", () => {
  it("every foreign key is the leading columns of some index", async () => {
    const { foreignKeys, indexes } = await foreignKeysAndIndexes();
    expect(foreignKeys.length).toBeGreaterThan(30);
    const unindexed = foreignKeys
      .filter((fk) => !(indexes.get(fk.table) ?? []).some((cols) => fk.columns.every((c, i) => cols[i] === c)))
      .map((fk) => `${fk.table}(${fk.columns.join(", ")})`);
    expect(unindexed).toEqual([]);
  });

  it("the columns retention and expiry jobs filter on are indexed", async () => {
    const { indexes } = await foreignKeysAndIndexes();
    const leading = (table: string) => (indexes.get(table) ?? []).map((cols) => cols[0]);
    expect(leading("Session")).toContain("expiresAt");
    expect(leading("LoginAttempt")).toContain("createdAt");
    expect(leading("Accreditation")).toContain("expiresAt");
    expect(leading("SearchOutbox")).toContain("processedAt");
  });
});

describe("audit trail", () => {
  it("refuses replacing an event over its id, as well as update and delete", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { now } = await import("~/utils/clock.server");
    const event = await prisma.auditEvent.create({ data: { action: "test.original", entityType: "test", createdAt: now() } });
    if (testDatabaseKind() === "postgresql") {
      await expect(
        prisma.$executeRawUnsafe(
          `INSERT INTO "AuditEvent" ("id", "action", "entityType", "createdAt") VALUES ($1, 'tampered', 'x', now())
           ON CONFLICT ("id") DO UPDATE SET "action" = 'tampered'`,
          event.id,
        ),
      ).rejects.toThrow(/append-only/);
    } else {
      await expect(
        prisma.$executeRawUnsafe(
          `INSERT OR REPLACE INTO "AuditEvent" ("id", "action", "entityType", "createdAt") VALUES (?, 'tampered', 'x', 0)`,
          event.id,
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        prisma.$executeRawUnsafe(
          `REPLACE INTO "AuditEvent" ("id", "action", "entityType", "createdAt") VALUES (?, 'tampered', 'x', 0)`,
          event.id,
        ),
      ).rejects.toThrow(/append-only/);
    }
    const after = await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(after.action).toBe(event.action);
    // New events are still written.
    const created = await prisma.auditEvent.create({ data: { action: "test.appended", entityType: "test" } });
    expect(created.id).not.toBe(event.id);
  });
});
