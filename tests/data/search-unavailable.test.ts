// Meilisearch down: start-up says so in one line (or falls back when configured), searches are
// a clear 503 while the rest keeps working, and a committed write is never an error page.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import type { SearchEngine } from "~/search/types";

useTestDatabase();

const closedPort = "http://127.0.0.1:9"; // discard port: nothing listens
const params = {
  q: "housing",
  type: "products" as const,
  sort: "relevance" as const,
  page: 1,
  pageSize: 20,
  frameworks: "all" as const,
  filters: {},
};

describe("search engine unavailable", () => {
  it("start-up refuses with a clear message when MEILI_URL does not answer", async () => {
    const { resetSearchState, prepareSearchEngine } = await import("~/services/search.server");
    const { MeilisearchEngine } = await import("~/search/meilisearch-engine.server");
    resetSearchState(new MeilisearchEngine({ host: closedPort }));
    await expect(prepareSearchEngine(undefined)).rejects.toThrow(/Meilisearch \(MEILI_URL\) is not reachable.*SEARCH_FALLBACK=embedded/);
  });

  it("falls back to the embedded engine when SEARCH_FALLBACK=embedded", async () => {
    const { resetSearchState, prepareSearchEngine, searchEngine, searchIndex } = await import("~/services/search.server");
    const { MeilisearchEngine } = await import("~/search/meilisearch-engine.server");
    resetSearchState(new MeilisearchEngine({ host: closedPort }));
    await prepareSearchEngine("embedded");
    expect(searchEngine().kind).toBe("embedded");
    expect((await searchIndex("products", params)).total).toBeGreaterThan(0);
  });

  it("a search while the engine is down is a 503 page; a listing withdrawal still commits and redirects", async () => {
    const { resetSearchState, searchIndex, ensureSearchReady } = await import("~/services/search.server");
    const { EmbeddedEngine } = await import("~/search/embedded-engine.server");
    const healthy = new EmbeddedEngine();
    let down = false;
    const flaky: SearchEngine = {
      kind: "embedded",
      replaceAll: (...a) => healthy.replaceAll(...a),
      upsert: async (...a) => (down ? Promise.reject(new Error("connect ECONNREFUSED")) : healthy.upsert(...a)),
      remove: async (...a) => (down ? Promise.reject(new Error("connect ECONNREFUSED")) : healthy.remove(...a)),
      search: async (...a) => (down ? Promise.reject(new Error("connect ECONNREFUSED")) : healthy.search(...a)),
      count: (...a) => healthy.count(...a),
      suggest: async (...a) => (down ? Promise.reject(new Error("connect ECONNREFUSED")) : healthy.suggest(...a)),
    };
    resetSearchState(flaky);
    await ensureSearchReady();
    down = true;
    const refused = await searchIndex("products", params).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(503);
    expect(await (refused as Response).text()).toMatch(/Search is unavailable/);

    const { prisma } = await import("~/utils/db.server");
    const { withdrawListing } = await import("~/models/listing.server");
    const product = await prisma.product.findFirstOrThrow({ where: { status: "published" } });
    const owner = await prisma.user.findFirst({ where: { supplierId: product.supplierId } });
    await withdrawListing({
      productId: product.id,
      userId: owner?.id ?? (await prisma.user.findFirstOrThrow()).id,
      lockVersion: product.lockVersion,
    });
    const { syncSearchAfterCommit } = await import("~/services/search.server");
    await expect(syncSearchAfterCommit()).resolves.toBeUndefined();
    expect((await prisma.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("withdrawn");
    expect(await prisma.searchOutbox.count({ where: { entityId: product.id, processedAt: null } })).toBeGreaterThan(0);
  });
});
