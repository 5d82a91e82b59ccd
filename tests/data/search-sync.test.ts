// Search kept true to the database: facet counts, unpublished listings, the outbox after a crash.
import { beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";

useTestDatabase();

async function fresh() {
  const search = await import("~/services/search.server");
  const { EmbeddedEngine } = await import("~/search/embedded-engine.server");
  search.resetSearchState(new EmbeddedEngine());
  return search;
}

const params = (q: string, filters: Record<string, string[]> = {}, extra = {}) => ({
  q,
  type: "products" as const,
  sort: "relevance" as const,
  page: 1,
  pageSize: 50,
  frameworks: "all" as const,
  filters,
  ...extra,
});

describe("search over the seeded database", () => {
  beforeEach(async () => {
    await fresh();
  });

  it("facet counts match the database", async () => {
    const { searchIndex } = await import("~/services/search.server");
    const { prisma } = await import("~/utils/db.server");
    const result = await searchIndex("products", params(""));
    const published = await prisma.product.findMany({
      where: { status: "published" },
      select: { supplier: { select: { computedSize: true } }, publishedVersion: { select: { dataLocation: true, category: true } } },
    });
    expect(result.total).toBe(published.length);
    const bySize: Record<string, number> = {};
    const byLocation: Record<string, number> = {};
    for (const p of published) {
      bySize[p.supplier.computedSize] = (bySize[p.supplier.computedSize] ?? 0) + 1;
      byLocation[p.publishedVersion!.dataLocation] = (byLocation[p.publishedVersion!.dataLocation] ?? 0) + 1;
    }
    expect(result.facets.supplierSize).toEqual(bySize);
    expect(result.facets.dataLocation).toEqual(byLocation);
  });

  it("shows only live-framework products by default", async () => {
    const { searchIndex } = await import("~/services/search.server");
    const live = await searchIndex("products", params("", {}, { frameworks: "live" }));
    const all = await searchIndex("products", params(""));
    expect(live.total).toBeLessThanOrEqual(all.total);
    expect(live.hits.every((h) => h.document.liveFramework === "true")).toBe(true);
  });

  it("finds revenues products with a typo and with jargon", async () => {
    const { searchIndex } = await import("~/services/search.server");
    const typo = await searchIndex("products", params("revnues"));
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.hits.slice(0, 5).every((h) => /revenue/i.test(`${h.document.name} ${h.document.summary} ${h.document.category}`))).toBe(
      true,
    );
    const jargon = await searchIndex("products", params("revs and bens"));
    expect(jargon.hits.map((h) => h.id)).toEqual(expect.arrayContaining(typo.hits.slice(0, 3).map((h) => h.id)));
  });

  it("never shows an unpublished listing, and drops a withdrawn one at once", async () => {
    const { searchIndex, syncSearch } = await import("~/services/search.server");
    const { prisma } = await import("~/utils/db.server");
    const draft = await prisma.product.findFirstOrThrow({ where: { status: { in: ["draft", "submitted"] } }, include: { versions: true } });
    const draftName = draft.versions[0].name;
    const found = await searchIndex("products", params(draftName));
    expect(found.hits.map((h) => h.id)).not.toContain(draft.id);

    const published = await prisma.product.findFirstOrThrow({ where: { status: "published" }, include: { publishedVersion: true } });
    const before = await searchIndex("products", params(published.publishedVersion!.name));
    expect(before.hits.map((h) => h.id)).toContain(published.id);
    const { withdrawListing } = await import("~/models/listing.server");
    const admin = await prisma.user.findFirstOrThrow({ where: { supplierId: published.supplierId } }).catch(() => null);
    await withdrawListing({
      productId: published.id,
      userId: admin?.id ?? (await prisma.user.findFirstOrThrow()).id,
      lockVersion: published.lockVersion,
    });
    await syncSearch();
    const after = await searchIndex("products", params(published.publishedVersion!.name));
    expect(after.hits.map((h) => h.id)).not.toContain(published.id);
  });

  it("converges after a crash between the database write and the index update", async () => {
    const search = await fresh();
    const { prisma } = await import("~/utils/db.server");
    const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
    await search.ensureSearchReady();
    const product = await prisma.product.findFirstOrThrow({ where: { status: "published" }, include: { publishedVersion: true } });
    // The write and its outbox row commit together; the process "dies" before syncing.
    await prisma.$transaction(async (tx) => {
      await tx.productVersion.update({ where: { id: product.publishedVersionId! }, data: { name: "Zebracorn Renamed Listing" } });
      await enqueueSearchUpdate(tx, [{ entityType: "product", entityId: product.id }]);
    });
    expect((await search.searchIndex("products", params("zebracorn"))).total).toBe(0);
    expect(await prisma.searchOutbox.count({ where: { processedAt: null } })).toBeGreaterThan(0);

    // Restart: a new process state builds from the database and applies the backlog.
    const restarted = await fresh();
    const result = await restarted.searchIndex("products", params("zebracorn"));
    expect(result.hits.map((h) => h.id)).toEqual([product.id]);
    expect(await prisma.searchOutbox.count({ where: { processedAt: null } })).toBe(0);
  });

  it("applies outbox entries written by another process on the next sync", async () => {
    const search = await fresh();
    const { prisma } = await import("~/utils/db.server");
    const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
    await search.ensureSearchReady();
    const product = await prisma.product.findFirstOrThrow({ where: { status: "published" }, skip: 3 });
    await prisma.$transaction(async (tx) => {
      await tx.productVersion.update({ where: { id: product.publishedVersionId! }, data: { name: "Quokkaware Listing" } });
      await enqueueSearchUpdate(tx, [{ entityType: "product", entityId: product.id }]);
    });
    expect(await search.syncSearch()).toBe(1);
    expect((await search.searchIndex("products", params("quokkaware"))).hits.map((h) => h.id)).toEqual([product.id]);
  });

  it("combines filters: OR within a facet, AND across facets", async () => {
    const { searchIndex } = await import("~/services/search.server");
    const micro = await searchIndex("products", params("", { supplierSize: ["micro"] }));
    const small = await searchIndex("products", params("", { supplierSize: ["small"] }));
    const either = await searchIndex("products", params("", { supplierSize: ["micro", "small"] }));
    expect(either.total).toBe(micro.total + small.total);
    const uk = await searchIndex("products", params("", { supplierSize: ["micro", "small"], dataLocation: ["UK"] }));
    expect(uk.total).toBeLessThanOrEqual(either.total);
    expect(uk.hits.every((h) => ["micro", "small"].includes(String(h.document.supplierSize)) && h.document.dataLocation === "UK")).toBe(
      true,
    );
  });
});

describe("search parameters", () => {
  it("validates query strings with clear messages", async () => {
    const { parseSearchParams, MAX_QUERY_LENGTH } = await import("~/search/search-query.schema");
    const bad = parseSearchParams(new URLSearchParams("page=abc&type=widgets&sort=random&colour=red"));
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.errors).toEqual(
        expect.arrayContaining(["page must be a whole number from 1", "type must be one of all, products, suppliers, case-studies"]),
      );
    }
    const long = parseSearchParams(new URLSearchParams({ q: "a".repeat(5000) }));
    expect(long.success && long.data.q.length).toBe(MAX_QUERY_LENGTH);
    const unknownFacet = parseSearchParams(new URLSearchParams("type=products&colour=red"));
    expect(unknownFacet.success).toBe(false);
  });

  it("answers the API with 400 for nonsense and JSON in the documented shape otherwise", async () => {
    await fresh();
    const api = await import("~/routes/api.search");
    const bad = await api.loader({
      request: new Request("http://localhost/api/search?page=-1"),
      params: {},
      context: { nonce: "", ip: "" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).details[0]).toMatch(/page/);
    const ok = await api.loader({
      request: new Request("http://localhost/api/search?q=housing&type=products&pageSize=5"),
      params: {},
      context: { nonce: "", ip: "" },
    });
    const body = await ok.json();
    expect(Object.keys(body).sort()).toEqual(["facets", "hits", "page", "pageSize", "processingTimeMs", "query", "total", "type"]);
    expect(body.hits.length).toBeLessThanOrEqual(5);
    expect(body.facets.supplierSize).toBeTypeOf("object");
  });
});

describe("fair ordering", () => {
  it("orders relevance ties by a salted hash: not by id, not by date, stable for the same search", async () => {
    const { searchIndex } = await fresh();
    const browse = (filters: Record<string, string[]> = {}) => searchIndex("products", params("", filters, { pageSize: 100 }));
    const first = (await browse()).hits.map((h) => ({ id: h.id, publishedAt: String(h.document.publishedAt) }));
    const again = (await browse()).hits.map((h) => h.id);
    expect(again).toEqual(first.map((h) => h.id));
    const ids = first.map((h) => h.id);
    expect(ids).not.toEqual([...ids].sort());
    expect(ids).not.toEqual([...ids].sort().reverse());
    const dates = first.map((h) => h.publishedAt);
    expect(dates).not.toEqual([...dates].sort());
    expect(dates).not.toEqual([...dates].sort().reverse());
    // A different search shuffles the ties differently.
    const other = (await browse({ dataLocation: ["UK", "EEA", "other"] })).hits.map((h) => h.id);
    expect(other).not.toEqual(ids);
  });
});
