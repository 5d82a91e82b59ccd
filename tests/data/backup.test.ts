// A backup taken while the app writes restores with every write acknowledged before the backup
// began; restore refuses to replace newer data unless forced. SQLite and PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDir, testDatabaseKind, useTestDatabase, pgUrlFor } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

const db = useTestDatabase();

async function emptyTarget(): Promise<string> {
  const id = Math.random().toString(36).slice(2, 8);
  if (testDatabaseKind() === "postgresql") {
    const { default: pg } = await import("pg");
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL_PG });
    await admin.connect();
    await admin.query(`CREATE DATABASE cm_test_restore_${id}`);
    await admin.end();
    return pgUrlFor(`cm_test_restore_${id}`);
  }
  return `file:${path.join(runDir(), `restore-${id}.db`)}`;
}

async function savedSearchIds(url: string): Promise<Set<string>> {
  const { createPrismaClient } = await import("~/utils/db.server");
  const client = createPrismaClient(url);
  try {
    return new Set((await client.savedSearch.findMany({ select: { id: true } })).map((s) => s.id));
  } finally {
    await client.$disconnect();
  }
}

describe("backup and restore", () => {
  it("a backup taken during concurrent writes holds every write acknowledged before it began", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { saveSearch } = await import("~/models/project.server");
    const { backupDatabase, restoreDatabase } = await import("~/utils/backup.server");
    const newProject = await import("~/routes/projects.new");
    const form = {
      intent: "create",
      title: "Backup check",
      routeId: "framework-direct-award-rm1557-15",
      category: "cloud-software",
      value: "150000",
      contractMonths: "24",
      startDate: process.env.PORTAL_TODAY!,
      termsUnchanged: "yes",
      security: "OFFICIAL",
      nation: "England",
    };
    const cookie = await cookieFor(DEMO.buyerA);
    expect(
      (await responseOf(() => newProject.action({ request: makeRequest("/projects/new", { cookie, form }), params: {}, context }))).status,
    ).toBe(302);
    const project = await prisma.buyingProject.findFirstOrThrow({ where: { title: "Backup check" } });
    const actor = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerA } });

    const acknowledged: string[] = [];
    const refused: string[] = [];
    let stop = false;
    const writers = [0, 1, 2].map(async (w) => {
      for (let i = 0; !stop; i++) {
        const r = await saveSearch(
          project.id,
          { q: `backup ${w}-${i}`, type: "products", sort: "relevance", page: 1, pageSize: 20, frameworks: "live", filters: {} },
          { id: actor.id, ip: "127.0.0.1" } as never,
        );
        if (r.ok) acknowledged.push(r.value.savedSearchId);
        else if (refused.push(JSON.stringify(r)) > 5) stop = true;
        // Requests arrive as separate events; without this the SQLite driver's promises (all
        // microtasks) would never let the timer that starts the backup run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    for (let waited = 0; acknowledged.length < 20 && !stop && waited < 30_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    expect(refused).toEqual([]);
    const beforeBackup = [...acknowledged];
    const file = path.join(runDir(), `backup-${Date.now()}.${testDatabaseKind() === "postgresql" ? "dump" : "db"}`);
    await backupDatabase(db.url, file);
    const duringBackup = acknowledged.length - beforeBackup.length;
    stop = true;
    await Promise.all(writers);

    const target = await emptyTarget();
    await restoreDatabase(target, file, { force: true });
    const restored = await savedSearchIds(target);
    expect(beforeBackup.filter((id) => !restored.has(id))).toEqual([]);
    expect(beforeBackup.length).toBeGreaterThanOrEqual(20);
    // Writes carried on while the backup ran (so this was a backup under load).
    expect(duringBackup + (acknowledged.length - beforeBackup.length)).toBeGreaterThan(0);
    fs.rmSync(file, { force: true });
  });

  it("restore refuses to replace a database with newer changes unless forced", async () => {
    const { backupDatabase, restoreDatabase } = await import("~/utils/backup.server");
    const { prisma } = await import("~/utils/db.server");
    const { now } = await import("~/utils/clock.server");
    const file = path.join(runDir(), `backup-old-${Date.now()}.${testDatabaseKind() === "postgresql" ? "dump" : "db"}`);
    const target = await emptyTarget();
    await backupDatabase(db.url, file);
    await restoreDatabase(target, file, { force: true });
    // The restored copy moves on past the backup.
    const { createPrismaClient } = await import("~/utils/db.server");
    const client = createPrismaClient(target);
    await client.auditEvent.create({ data: { action: "test.newer", entityType: "test", createdAt: new Date(now().getTime() + 60_000) } });
    await client.$disconnect();
    await expect(restoreDatabase(target, file)).rejects.toThrow(/newer than the backup|already holds data/);
    await restoreDatabase(target, file, { force: true });
    expect(await prisma.council.count()).toBe(397);
    fs.rmSync(file, { force: true });
  });
});
