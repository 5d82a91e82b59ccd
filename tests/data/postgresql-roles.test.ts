// Issue 14 item 7: the app connects as a role that cannot alter tables or switch off the audit
// triggers, so the audit trail holds against the app itself (docs/deploy/postgresql-roles.sql).
// On PostgreSQL the data tests connect as that role (scripts/pg-throwaway.sh makes it); on
// SQLite, which has no roles, the audit triggers are checked through the same client.
import { describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/test-db";

useTestDatabase();

async function auditEvent() {
  const { prisma } = await import("~/utils/db.server");
  const { now } = await import("~/utils/clock.server");
  return prisma.auditEvent.create({ data: { action: "test.roles", entityType: "test", createdAt: now() } });
}

describe("the app's database role", () => {
  it("cannot update or delete audit events", async () => {
    const { prisma } = await import("~/utils/db.server");
    const event = await auditEvent();
    // (Prisma's SQLite adapter reports a trigger's RAISE under another name; the raw statements show the message.)
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(prisma.auditEvent.deleteMany({ where: { id: event.id } })).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = '${event.id}'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = '${event.id}'`)).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("test.roles");
  });

  if (testDatabaseKind() === "postgresql") {
    it("is not the owner and cannot alter tables, switch off triggers or lift the audit rule", async () => {
      expect(process.env.DATABASE_URL_PG_APP, "DATABASE_URL_PG_APP (scripts/pg-throwaway.sh) names the app role").toBeTruthy();
      const { prisma } = await import("~/utils/db.server");
      const [who] = await prisma.$queryRawUnsafe<{ user: string; superuser: boolean }[]>(
        `SELECT current_user::text AS "user", rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`,
      );
      expect(who).toEqual({ user: new URL(process.env.DATABASE_URL_PG_APP!).username, superuser: false });
      const refused = [
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"`,
        `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`,
        `DROP TRIGGER "AuditEvent_no_update_or_delete" ON "AuditEvent"`,
        `ALTER TABLE "Council" ADD COLUMN "tampered" TEXT`,
        `DROP TABLE "AuditEvent"`,
        `CREATE TABLE "Tampered" ("id" TEXT)`,
        `SET session_replication_role = replica`,
      ];
      for (const sql of refused) await expect(prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/must be owner|permission denied/);
      await expect(prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied|append-only/);
      // The maintenance row that lifts the audit rule (seeding only) is out of the app's reach.
      await expect(prisma.$executeRawUnsafe(`INSERT INTO "_cm_maintenance" ("reason") VALUES ('tamper')`)).rejects.toThrow(
        /permission denied/,
      );
      const event = await auditEvent();
      await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = '${event.id}'`)).rejects.toThrow(
        /append-only/,
      );
      // Rows are still the app's to write.
      expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("test.roles");
    });
  }

  if (testDatabaseKind() === "postgresql") {
    it("runs SEARCH_ENGINE=postgres on the migrated search tables without any DDL of its own", async () => {
      const { createEngine, createSearchState, rebuildSearch } = await import("~/services/search.server");
      const { prisma } = await import("~/utils/db.server");
      const previous = process.env.SEARCH_ENGINE;
      process.env.SEARCH_ENGINE = "postgres";
      const engine = createEngine();
      try {
        expect(engine.kind).toBe("postgres");
        const s = createSearchState(engine);
        // The app role may not create tables (above): a rebuild that needed DDL would fail here.
        await rebuildSearch(undefined, s);
        const product = await prisma.product.findFirstOrThrow({
          where: { status: "published" },
          select: { id: true, publishedVersion: { select: { name: true } } },
        });
        const found = await engine.search("products", {
          q: product.publishedVersion!.name,
          filters: {},
          sort: "relevance",
          page: 1,
          pageSize: 20,
        });
        expect(found.hits.map((h) => h.id)).toContain(product.id);
      } finally {
        if (previous === undefined) delete process.env.SEARCH_ENGINE;
        else process.env.SEARCH_ENGINE = previous;
        await (engine as { close?: () => Promise<void> }).close?.();
      }
    });
  }
});
