// The outbox follower cannot skip or reorder: changes committed out of sequence order reach
// every embedded index, and two followers of one shared (Meilisearch-shaped) index leave each
// document in its final state. Runs on SQLite and on PostgreSQL.
import { beforeEach, describe, expect, it } from "vitest";
import { testDatabaseKind, useTestDatabase } from "../support/test-db";
import type { IndexName, SearchDocument, SearchEngine, SearchRequest, SearchResponse } from "~/search/types";

const db = useTestDatabase();

const params = (q: string) => ({
  q,
  type: "products" as const,
  sort: "relevance" as const,
  page: 1,
  pageSize: 50,
  frameworks: "all" as const,
  filters: {},
});

/** A raw connection holding its own transaction, as another app process would. */
interface RawWriter {
  begin(): Promise<void>;
  withdraw(productId: string): Promise<number>;
  commit(): Promise<void>;
  close(): Promise<void>;
}

async function rawWriter(): Promise<RawWriter> {
  const sql = {
    withdraw: `UPDATE "Product" SET "status" = 'withdrawn' WHERE "id" = $1`,
    outbox: `INSERT INTO "SearchOutbox" ("entityType", "entityId", "createdAt") VALUES ('product', $1, $2) RETURNING "seq"`,
  };
  if (testDatabaseKind() === "postgresql") {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    return {
      begin: async () => void (await client.query("BEGIN")),
      withdraw: async (id) => {
        await client.query(sql.withdraw, [id]);
        return (await client.query(sql.outbox, [id, new Date()])).rows[0].seq as number;
      },
      commit: async () => void (await client.query("COMMIT")),
      close: () => client.end(),
    };
  }
  const { default: Database } = await import("better-sqlite3");
  const conn = new Database(db.url.slice("file:".length), { timeout: 0 });
  const q = (s: string) => s.replace(/\$\d/g, "?");
  return {
    begin: async () => void conn.exec("BEGIN IMMEDIATE"),
    withdraw: async (id) => {
      conn.prepare(q(sql.withdraw)).run(id);
      return Number((conn.prepare(q(sql.outbox)).get(id, Date.now()) as { seq: number | bigint }).seq);
    },
    commit: async () => void conn.exec("COMMIT"),
    close: async () => void conn.close(),
  };
}

async function twoPublished() {
  const { prisma } = await import("~/utils/db.server");
  const products = await prisma.product.findMany({
    where: { status: "published" },
    include: { publishedVersion: true },
    take: 2,
    orderBy: { id: "asc" },
  });
  return products.map((p) => ({ id: p.id, name: p.publishedVersion!.name }));
}

async function indexed(id: string, name: string) {
  const { searchIndex } = await import("~/services/search.server");
  return (await searchIndex("products", params(name))).hits.some((h) => h.id === id);
}

describe("embedded index follower", () => {
  beforeEach(async () => {
    const { resetSearchState } = await import("~/services/search.server");
    const { EmbeddedEngine } = await import("~/search/embedded-engine.server");
    resetSearchState(new EmbeddedEngine());
  });

  it("applies a change whose transaction took an earlier sequence number but committed later", async () => {
    const { ensureSearchReady, syncSearch } = await import("~/services/search.server");
    await ensureSearchReady();
    const [first, second] = await twoPublished();
    expect(await indexed(first.id, first.name)).toBe(true);
    expect(await indexed(second.id, second.name)).toBe(true);

    const a = await rawWriter();
    const b = await rawWriter();
    try {
      await a.begin();
      const seqA = await a.withdraw(first.id);
      if (testDatabaseKind() === "postgresql") {
        // B takes a later number and commits first; the follower runs in between.
        await b.begin();
        const seqB = await b.withdraw(second.id);
        expect(seqB).toBeGreaterThan(seqA);
        await b.commit();
        // B's change waits while A (an older transaction) is still running: a follower reads
        // only what no running transaction can still precede.
        await syncSearch();
        expect(await indexed(first.id, first.name)).toBe(true); // A not committed yet
        await a.commit();
      } else {
        // SQLite: a second writer cannot even start while A holds its number, so commits
        // happen in sequence order; that is what makes seq a safe cursor here.
        await expect(b.begin()).rejects.toThrow(/locked|busy/i);
        await syncSearch();
        await a.commit();
        await b.begin();
        expect(await b.withdraw(second.id)).toBeGreaterThan(seqA);
        await b.commit();
      }
      await syncSearch();
      expect(await indexed(first.id, first.name)).toBe(false);
      expect(await indexed(second.id, second.name)).toBe(false);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("a rebuild started while a write is open still applies that write afterwards", async () => {
    const { rebuildSearch, syncSearch, ensureSearchReady } = await import("~/services/search.server");
    await ensureSearchReady();
    const [, ,] = await twoPublished();
    const { prisma } = await import("~/utils/db.server");
    const third = await prisma.product.findFirstOrThrow({
      where: { status: "published" },
      include: { publishedVersion: true },
      orderBy: { id: "desc" },
    });
    const writer = await rawWriter();
    try {
      await writer.begin();
      await writer.withdraw(third.id);
      if (testDatabaseKind() === "postgresql") {
        // The rebuild reads the old state (the withdrawal is not committed yet).
        const { resetSearchState } = await import("~/services/search.server");
        const { EmbeddedEngine } = await import("~/search/embedded-engine.server");
        resetSearchState(new EmbeddedEngine());
        await rebuildSearch();
        expect(await indexed(third.id, third.publishedVersion!.name)).toBe(true);
      }
      await writer.commit();
      await syncSearch();
      expect(await indexed(third.id, third.publishedVersion!.name)).toBe(false);
    } finally {
      await writer.close();
    }
  });
});

/** A shared index whose writes land after a delay, as Meilisearch's asynchronous tasks do. */
class SharedIndex implements SearchEngine {
  readonly kind = "meilisearch" as const;
  docs = new Map<string, SearchDocument>();
  writes: { id: string; name: unknown }[] = [];
  delays: number[] = [];
  async replaceAll() {}
  async upsert(_index: IndexName, documents: SearchDocument[]) {
    const delay = this.delays.shift() ?? 0;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    for (const d of documents) {
      this.docs.set(d.id, d);
      this.writes.push({ id: d.id, name: d.name });
    }
  }
  async remove(_index: IndexName, ids: string[]) {
    for (const id of ids) this.docs.delete(id);
  }
  async search(_index: IndexName, _request: SearchRequest): Promise<SearchResponse> {
    return { total: 0, hits: [], facets: {}, processingTimeMs: 0 };
  }
  async count() {
    return this.docs.size;
  }
  async suggest() {
    return null;
  }
}

describe("two followers of one shared index", () => {
  it("leave each document in its final state: a slow follower never writes an older state last", async () => {
    const { createSearchState, ensureSearchReady, syncSearch } = await import("~/services/search.server");
    const { prisma } = await import("~/utils/db.server");
    const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
    const shared = new SharedIndex();
    const workerA = createSearchState(shared);
    const workerB = createSearchState(shared);
    await ensureSearchReady(workerA);
    await ensureSearchReady(workerB);
    await prisma.searchOutbox.updateMany({ data: { processedAt: new Date() } }); // start from a clean backlog

    const supplier = await prisma.supplier.findFirstOrThrow({ orderBy: { id: "asc" } });
    const rename = (tradingName: string) =>
      prisma.$transaction(async (tx) => {
        await tx.supplier.update({ where: { id: supplier.id }, data: { tradingName } });
        await enqueueSearchUpdate(tx, [{ entityType: "supplier", entityId: supplier.id }]);
      });

    for (let trial = 0; trial < 5; trial++) {
      await rename(`Old name ${trial}`);
      shared.delays = [30]; // A's write of the old state is slow to land
      const slow = syncSearch(workerA);
      await new Promise((r) => setTimeout(r, 5)); // A has read the old state
      await rename(`New name ${trial}`);
      const fast = syncSearch(workerB);
      await Promise.all([slow, fast]);
      await Promise.all([syncSearch(workerA), syncSearch(workerB)]);
      expect(shared.docs.get(supplier.id)?.name).toBe(`New name ${trial}`);
      expect(await prisma.searchOutbox.count({ where: { processedAt: null } })).toBe(0);
    }
    // Never an older state written after a newer one.
    const names = shared.writes.filter((w) => w.id === supplier.id).map((w) => String(w.name));
    for (let i = 1; i < names.length; i++) {
      const [prev, next] = [names[i - 1], names[i]];
      const trialOf = (n: string) => Number(n.split(" ").at(-1));
      if (trialOf(prev) === trialOf(next)) expect([prev.startsWith("New") && next.startsWith("Old")]).toEqual([false]);
    }
  });

  it("a follower whose lease lapsed stops writing; the next holder finishes the backlog", async () => {
    const { createSearchState, ensureSearchReady, syncSearch, SHARED_INDEX_LEASE } = await import("~/services/search.server");
    const { claimJob } = await import("~/models/scheduled-job.server");
    const { prisma } = await import("~/utils/db.server");
    const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
    const shared = new SharedIndex();
    const worker = createSearchState(shared);
    await ensureSearchReady(worker);
    const supplier = await prisma.supplier.findFirstOrThrow({ orderBy: { id: "desc" } });
    await prisma.$transaction(async (tx) => {
      await tx.supplier.update({ where: { id: supplier.id }, data: { tradingName: "Lease check" } });
      await enqueueSearchUpdate(tx, [{ entityType: "supplier", entityId: supplier.id }]);
    });
    // Another process holds the lease: this follower writes nothing.
    const { now } = await import("~/utils/clock.server");
    expect(await claimJob(SHARED_INDEX_LEASE, "other-process", now(), 60_000, { whenDue: false })).not.toBeNull();
    expect(await syncSearch(worker)).toBe(0);
    expect(shared.docs.has(supplier.id)).toBe(false);
    // Its lease lapses (the process died): this follower takes over and applies the backlog.
    await prisma.scheduledJob.update({ where: { name: SHARED_INDEX_LEASE }, data: { lockedUntil: new Date(now().getTime() - 1) } });
    expect(await syncSearch(worker)).toBeGreaterThan(0);
    expect(shared.docs.get(supplier.id)?.name).toBe("Lease check");
  });
});
