// The search contract both engines must meet. The embedded engine always runs; the
// Meilisearch adapter runs against a real server whenever MEILI_URL is set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedEngine } from "~/search/embedded-engine.server";
import { MeilisearchEngine } from "~/search/meilisearch-engine.server";
import { PostgresEngine } from "~/search/postgres-engine.server";
import { serveEngine, SocketEngine } from "~/search/socket-engine.server";
import type { IndexName, SearchDocument, SearchEngine, SearchRequest } from "~/search/types";
import fs from "node:fs";
import type net from "node:net";
import os from "node:os";
import path from "node:path";

function product(id: string, name: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    name,
    summary: `${name} for councils`,
    description: "",
    features: [],
    standards: [],
    category: "Other",
    supplierId: `sup-${id}`,
    supplierName: "Example Ltd",
    supplierSize: "small",
    framework: ["G-Cloud 15"],
    frameworkNumbers: ["RM1557.15"],
    lot: ["G-Cloud 15 lot 2a"],
    dataLocation: "UK",
    accreditations: ["cyber-essentials"],
    priceFromPence: 10_000,
    priceUnit: "per month",
    priceBand: "100-1000",
    councilsUsing: 0,
    liveFramework: "true",
    versionId: `v-${id}`,
    versionNumber: 1,
    publishedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

const DOCS: SearchDocument[] = [
  product("p1", "Revenues and Benefits Cloud", {
    category: "Revenues and benefits",
    supplierSize: "micro",
    priceFromPence: 5_000,
    priceBand: "under-100",
  }),
  product("p2", "Council Tax Revenues Online", {
    category: "Revenues and benefits",
    supplierSize: "medium",
    dataLocation: "EEA",
    accreditations: ["iso-27001"],
  }),
  product("p3", "Housing Management Suite", {
    category: "Housing management",
    supplierSize: "small",
    priceFromPence: 200_000,
    priceBand: "1000-10000",
  }),
  product("p4", "Citizen Portal Starter", {
    category: "Citizen portal",
    supplierSize: "large",
    accreditations: ["cyber-essentials-plus", "iso-27001"],
  }),
  product("p5", "Waste Round Optimiser", {
    category: "Waste and recycling",
    supplierSize: "small",
    framework: ["G-Cloud 14"],
    frameworkNumbers: ["RM1557.14"],
    lot: ["G-Cloud 14 lot 2"],
    liveFramework: "false",
  }),
  product("p6", "Planning Portal Connector", { category: "Planning", supplierSize: "micro" }),
  product("p7", "Hosting for Local Government", { category: "Cloud hosting", supplierSize: "small", frameworkNumbers: ["RM1557.15"] }),
  product("p8", "Grants Hosting Service", { category: "Cloud hosting", supplierSize: "small", frameworkNumbers: ["RM1557.16"] }),
  ...Array.from({ length: 25 }, (_, i) =>
    product(`q${String(i).padStart(2, "0")}`, `Records Archive ${i}`, { category: "Document management (EDRMS)" }),
  ),
];

function request(partial: Partial<SearchRequest>): SearchRequest {
  return { q: "", filters: {}, sort: "relevance", page: 1, pageSize: 10, ...partial };
}

/** The embedded engine as a worker sees it after loading a snapshot: every build goes through bytes. */
class RestoredFromSnapshot extends EmbeddedEngine {
  override async replaceAll(index: IndexName, documents: SearchDocument[]) {
    const built = new EmbeddedEngine();
    await built.replaceAll(index, documents);
    this.restore(built.serialize());
  }
}

/**
 * The embedded engine as a worker of a multi-worker server sees it: in the search process, over
 * its Unix socket (ADR 0014). Served from this process, so every call crosses the socket and the
 * protocol, as it does between processes.
 */
const servers: net.Server[] = [];
const socketDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "cm-contract-"));
function overSocket(): SearchEngine {
  const socketPath = path.join(socketDirectory, `search-${servers.length}.sock`);
  const client = new SocketEngine({ socketPath });
  let served: Promise<unknown> | null = null;
  const serving = () => (served ??= serveEngine(socketPath, { engine: new EmbeddedEngine() }).then((server) => servers.push(server)));
  // Served on first use (describe.each makes engines synchronously).
  return new Proxy(client, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        await serving();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  fs.rmSync(socketDirectory, { recursive: true, force: true });
});

const engines: [string, () => SearchEngine][] = [
  ["embedded", () => new EmbeddedEngine()],
  ["embedded, restored from a snapshot", () => new RestoredFromSnapshot()],
  ["embedded, in the search process over its Unix socket", overSocket],
];
// PostgreSQL full-text + pg_trgm (SEARCH_ENGINE=postgres) whenever a PostgreSQL is given.
if (process.env.DATABASE_URL_PG) {
  engines.push([
    "postgres",
    () => new PostgresEngine({ connectionString: process.env.DATABASE_URL_PG!, tablePrefix: `cmtest_${process.pid}_${Date.now()}` }),
  ]);
}
if (process.env.MEILI_URL) {
  engines.push([
    "meilisearch",
    () =>
      new MeilisearchEngine({ host: process.env.MEILI_URL!, apiKey: process.env.MEILI_MASTER_KEY, indexPrefix: `cmtest_${Date.now()}_` }),
  ]);
}

describe.each(engines)("search contract: %s", (_name, make) => {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = make();
    await engine.replaceAll("products", DOCS);
  });
  afterAll(async () => {
    if (engine instanceof MeilisearchEngine || engine instanceof PostgresEngine) await engine.dropAll();
  });

  const ids = async (r: Partial<SearchRequest>) => (await engine.search("products", request({ pageSize: 50, ...r }))).hits.map((h) => h.id);

  it("tolerates a typo: 'revnues' finds revenues products", async () => {
    const found = await ids({ q: "revnues" });
    expect(found).toEqual(expect.arrayContaining(["p1", "p2"]));
    expect(found).not.toContain("p3");
  });

  it("expands local-government synonyms: 'revs and bens' finds revenues and benefits", async () => {
    expect(await ids({ q: "revs and bens" })).toContain("p1");
    expect(await ids({ q: "customer portal" })).toContain("p4");
  });

  it("matches a prefix as you type", async () => {
    expect(await ids({ q: "housi" })).toEqual(["p3"]);
  });

  it("never applies typo tolerance to framework numbers", async () => {
    const found = await ids({ q: "RM1557.16" });
    expect(found).toContain("p8");
    expect(found).not.toContain("p7");
  });

  it("counts facets, each facet counted with the other facets' filters (OR within, AND across)", async () => {
    const all = await engine.search("products", request({ q: "revenues" }));
    expect(all.total).toBe(2);
    expect(all.facets.supplierSize).toEqual({ micro: 1, medium: 1 });

    const micro = await engine.search("products", request({ filters: { supplierSize: ["micro"] } }));
    expect(micro.hits.map((h) => h.id).sort()).toEqual(["p1", "p6"]);
    // The size facet still counts the other sizes so the officer can widen the search.
    expect(micro.facets.supplierSize.small).toBe(29);

    const either = await ids({ filters: { supplierSize: ["micro", "medium"] } });
    expect(either.sort()).toEqual(["p1", "p2", "p6"]);

    const both = await ids({ filters: { supplierSize: ["micro", "medium"], category: ["Revenues and benefits"] } });
    expect(both.sort()).toEqual(["p1", "p2"]);
    const andAcross = await ids({ filters: { supplierSize: ["medium"], dataLocation: ["UK"] } });
    expect(andAcross).toEqual([]);
  });

  it("filters on array attributes such as accreditations", async () => {
    expect((await ids({ filters: { accreditations: ["iso-27001"] } })).sort()).toEqual(["p2", "p4"]);
  });

  it("sorts by price with ties ordered fairly, not by id", async () => {
    const sorted = await engine.search("products", request({ sort: "price-asc", pageSize: 50 }));
    const prices = sorted.hits.map((h) => Number(h.document.priceFromPence));
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it("paginates stably: pages do not overlap and together cover every result", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const r = await engine.search("products", request({ q: "records", page, pageSize: 10 }));
      expect(r.total).toBe(25);
      seen.push(...r.hits.map((h) => h.id));
    }
    expect(new Set(seen).size).toBe(25);
    const again = await engine.search("products", request({ q: "records", page: 2, pageSize: 10 }));
    expect(again.hits.map((h) => h.id)).toEqual(seen.slice(10, 20));
  });

  it("orders relevance ties by a salted hash: not by id, stable for the same query", async () => {
    const first = await ids({ q: "records" });
    const second = await ids({ q: "records" });
    expect(second).toEqual(first);
    expect(first).not.toEqual([...first].sort());
    expect(first).not.toEqual([...first].sort().reverse());
  });

  it("answers 'did you mean' through the interface: the embedded engine from its own terms, Meilisearch never", async () => {
    // Meilisearch has no suggestion API; the adapter answers null every time rather than sometimes.
    const expected: Record<SearchEngine["kind"], string | null> = { embedded: "housing", meilisearch: null, postgres: "housing" };
    expect(await engine.suggest("products", "hosuing")).toBe(expected[engine.kind]);
    if (expected[engine.kind]) expect(await ids({ q: expected[engine.kind]! })).toContain("p3");
    // Nothing to suggest for a query already in the index's words, or for no query.
    expect(await engine.suggest("products", "housing management")).toBeNull();
    expect(await engine.suggest("products", "")).toBeNull();
  });

  it("highlights the matched words", async () => {
    const r = await engine.search("products", request({ q: "housing" }));
    const marked = r.hits[0].highlights.name.filter((s) => s.mark).map((s) => s.text.toLowerCase());
    expect(marked).toContain("housing");
  });

  it("updates and removes documents", async () => {
    await engine.upsert("products", [product("p9", "Libraries Management Cloud", { category: "Libraries" })]);
    expect(await ids({ q: "libraries" })).toEqual(["p9"]);
    await engine.upsert("products", [product("p9", "Museum Collections Cloud", { category: "Heritage" })]);
    expect(await ids({ q: "libraries" })).toEqual([]);
    const museum = await engine.search("products", request({ q: "museum" }));
    expect(museum.hits.map((h) => h.document.name)).toEqual(["Museum Collections Cloud"]);
    await engine.remove("products", ["p9"]);
    expect(await ids({ q: "museum" })).toEqual([]);
  });

  it("keeps answering from the old index during a full rebuild", async () => {
    const rebuild = engine.replaceAll("products", DOCS.slice(0, 3));
    expect((await engine.search("products", request({ q: "housing" }))).total).toBe(1);
    await rebuild;
    expect(await engine.count("products")).toBe(3);
    await engine.replaceAll("products", DOCS);
  });
});
