// One index build per machine (ADR 0014): the first process builds from the database and writes a
// snapshot; the next restores it, replays the outbox from the snapshot's position, and answers
// the same; a snapshot that is no longer true (other settings, a database changed underneath)
// is rebuilt, never served. Runs on SQLite and on PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";

useTestDatabase();

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "cm-snapshot-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

const params = (q: string) => ({
  q,
  type: "products" as const,
  sort: "relevance" as const,
  page: 1,
  pageSize: 50,
  frameworks: "all" as const,
  filters: {},
});

/** A new process: a fresh state whose snapshots live in this test's directory. */
async function startProcess() {
  const search = await import("~/services/search.server");
  const { EmbeddedEngine } = await import("~/search/embedded-engine.server");
  const s = search.createSearchState(new EmbeddedEngine());
  s.snapshotDir = directory;
  await search.ensureSearchReady(s);
  return s;
}

async function snapshotFile() {
  const { snapshotPath } = await import("~/services/search-snapshot.server");
  return snapshotPath(directory, process.env.DATABASE_URL!);
}

describe("embedded index snapshot", () => {
  it("the first process builds and writes it; the next restores it and answers the same", async () => {
    const first = await startProcess();
    expect(first.source).toBe("rebuild");
    expect(fs.existsSync(await snapshotFile())).toBe(true);

    const second = await startProcess();
    expect(second.source).toBe("snapshot");
    for (const q of ["", "housing", "revnues", "crm"]) {
      const request = { q, filters: {}, sort: "relevance" as const, page: 1, pageSize: 20 };
      const a = await first.engine.search("products", request);
      const b = await second.engine.search("products", request);
      expect(b.total).toBe(a.total);
      expect(b.hits.map((h) => h.id)).toEqual(a.hits.map((h) => h.id));
      expect(b.facets).toEqual(a.facets);
    }
    expect(await second.engine.count("suppliers")).toBe(await first.engine.count("suppliers"));
    expect(await second.engine.count("case-studies")).toBe(await first.engine.count("case-studies"));
  });

  it("replays changes committed after the snapshot was written", async () => {
    await startProcess();
    const { prisma } = await import("~/utils/db.server");
    const { withdrawListing } = await import("~/models/listing.server");
    const product = await prisma.product.findFirstOrThrow({ where: { status: "published" }, include: { publishedVersion: true } });
    const user = await prisma.user.findFirstOrThrow();
    // The supplier's withdrawal, as another process would commit it (outbox rows in the same transaction).
    await withdrawListing({ productId: product.id, userId: user.id, lockVersion: product.lockVersion });

    const restarted = await startProcess();
    expect(restarted.source).toBe("snapshot");
    const { engineRequest } = await import("~/search/search-query.schema");
    const found = await restarted.engine.search("products", engineRequest("products", params(product.publishedVersion!.name)));
    expect(found.hits.map((h) => h.id)).not.toContain(product.id);
  });

  it("rebuilds when the snapshot was made with other settings", async () => {
    await startProcess();
    const { readSnapshot, writeSnapshot } = await import("~/services/search-snapshot.server");
    const file = await snapshotFile();
    const snapshot = readSnapshot(file)!;
    writeSnapshot(file, { ...snapshot.header, fingerprint: "an older engine" }, snapshot.body);
    expect((await startProcess()).source).toBe("rebuild");
  });

  it("rebuilds when the database changed underneath without the outbox (restored or reseeded)", async () => {
    await startProcess();
    const { prisma } = await import("~/utils/db.server");
    await prisma.productVersion.updateMany({ data: { summary: "Replaced by a reseed" } });
    const restarted = await startProcess();
    expect(restarted.source).toBe("rebuild");
    const { engineRequest } = await import("~/search/search-query.schema");
    const found = await restarted.engine.search("products", engineRequest("products", params("reseed")));
    expect(found.total).toBeGreaterThan(0);
  });
});
