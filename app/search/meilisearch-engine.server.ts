// Meilisearch through the official client: settings applied and awaited before documents
// are added; full rebuilds go into a temporary index that is then swapped in, so search
// is never empty or half-built.
import { Meilisearch, type Index } from "meilisearch";
import { INDEX_DEFINITIONS, meilisearchSettings } from "./index-config";
import { fnv1a, segmentsFromTagged } from "./shared";
import type { IndexName, SearchDocument, SearchEngine, SearchRequest, SearchResponse } from "./types";

const PRE = "\u0001";
const POST = "\u0002";
const BATCH = 5_000;
const TASK_TIMEOUT_MS = 120_000;

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function filterExpression(filters: Record<string, string[]>, except?: string): string[] {
  return Object.entries(filters)
    .filter(([facet, values]) => facet !== except && values.length)
    .map(([facet, values]) => `(${values.map((v) => `${facet} = ${quote(v)}`).join(" OR ")})`);
}

export class MeilisearchEngine implements SearchEngine {
  readonly kind = "meilisearch" as const;
  private client: Meilisearch;
  private prefix: string;

  constructor({ host, apiKey, indexPrefix = "cm_" }: { host: string; apiKey?: string; indexPrefix?: string }) {
    // A hung Meilisearch gives an error within seconds, never a hung page.
    this.client = new Meilisearch({ host, apiKey, timeout: Number(process.env.MEILI_TIMEOUT_MS ?? 5_000) });
    this.prefix = indexPrefix;
  }

  /** Start-up check: answers within the request timeout, or throws. */
  async checkReachable(): Promise<void> {
    await this.client.health();
  }

  uid(index: IndexName): string {
    return `${this.prefix}${index.replace("-", "_")}`;
  }

  private index(index: IndexName): Index<SearchDocument> {
    return this.client.index<SearchDocument>(this.uid(index));
  }

  /** Creates the index if missing and applies its settings, waiting for each task. */
  private async prepareIndex(uid: string, index: IndexName): Promise<void> {
    try {
      await this.client.getIndex(uid);
    } catch {
      await this.client.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: TASK_TIMEOUT_MS });
    }
    const task = await this.client.index(uid).updateSettings(meilisearchSettings(index)).waitTask({ timeout: TASK_TIMEOUT_MS });
    if (task.status !== "succeeded") throw new Error(`Meilisearch settings for ${uid} failed: ${task.error?.message ?? task.status}`);
  }

  private withTieBreaker(documents: SearchDocument[]): SearchDocument[] {
    return documents.map((d) => ({ ...d, tieBreaker: fnv1a(`tie#${d.id}`) }));
  }

  async replaceAll(index: IndexName, documents: SearchDocument[], onProgress?: (done: number, total: number) => void) {
    const live = this.uid(index);
    const temp = `${live}_rebuild_${Date.now()}`;
    await this.prepareIndex(live, index);
    await this.prepareIndex(temp, index);
    const docs = this.withTieBreaker(documents);
    for (let i = 0; i < docs.length; i += BATCH) {
      const task = await this.client
        .index(temp)
        .addDocuments(docs.slice(i, i + BATCH), { primaryKey: "id" })
        .waitTask({ timeout: TASK_TIMEOUT_MS });
      if (task.status !== "succeeded") throw new Error(`Indexing ${temp} failed: ${task.error?.message ?? task.status}`);
      onProgress?.(Math.min(i + BATCH, docs.length), docs.length);
    }
    await this.client.swapIndexes([{ indexes: [live, temp], rename: false }]).waitTask({ timeout: TASK_TIMEOUT_MS });
    await this.client.deleteIndex(temp).waitTask({ timeout: TASK_TIMEOUT_MS });
  }

  async upsert(index: IndexName, documents: SearchDocument[]) {
    if (!documents.length) return;
    await this.prepareIndexOnce(index);
    const task = await this.index(index)
      .addDocuments(this.withTieBreaker(documents), { primaryKey: "id" })
      .waitTask({ timeout: TASK_TIMEOUT_MS });
    if (task.status !== "succeeded") throw new Error(`Meilisearch upsert failed: ${task.error?.message ?? task.status}`);
  }

  async remove(index: IndexName, ids: string[]) {
    if (!ids.length) return;
    await this.prepareIndexOnce(index);
    await this.index(index).deleteDocuments(ids).waitTask({ timeout: TASK_TIMEOUT_MS });
  }

  private prepared = new Set<IndexName>();
  private async prepareIndexOnce(index: IndexName) {
    if (this.prepared.has(index)) return;
    await this.prepareIndex(this.uid(index), index);
    this.prepared.add(index);
  }

  /** Meilisearch has no query-suggestion API: no "did you mean", consistently (ADR 0012). */
  async suggest(_index: IndexName, _q: string): Promise<string | null> {
    return null;
  }

  async count(index: IndexName) {
    const stats = await this.index(index).getStats();
    return stats.numberOfDocuments;
  }

  async search(index: IndexName, request: SearchRequest): Promise<SearchResponse> {
    const def = INDEX_DEFINITIONS[index];
    const started = performance.now();
    const sortDef = request.sort === "relevance" ? undefined : def.sortable[request.sort];
    const sort = sortDef ? [`${sortDef.attribute}:${sortDef.direction}`, "tieBreaker:asc"] : ["tieBreaker:asc"];
    const facetNames = def.facets.map((f) => f.name);
    const activeFacets = facetNames.filter((f) => request.filters[f]?.length);
    const uid = this.uid(index);
    const main = {
      indexUid: uid,
      q: request.q,
      filter: filterExpression(request.filters),
      facets: facetNames.filter((f) => !activeFacets.includes(f)),
      sort,
      hitsPerPage: request.pageSize,
      page: request.page,
      attributesToHighlight: def.highlight,
      highlightPreTag: PRE,
      highlightPostTag: POST,
    };
    // Disjunctive facets: each active facet is counted without its own filter.
    const facetQueries = activeFacets.map((facet) => ({
      indexUid: uid,
      q: request.q,
      filter: filterExpression(request.filters, facet),
      facets: [facet],
      hitsPerPage: 0,
      page: 1,
    }));
    const { results } = await this.client.multiSearch({ queries: [main, ...facetQueries] });
    const [first, ...rest] = results as unknown as {
      hits: (SearchDocument & { _formatted?: Record<string, string> })[];
      totalHits: number;
      facetDistribution?: Record<string, Record<string, number>>;
    }[];
    const facets: Record<string, Record<string, number>> = { ...(first.facetDistribution ?? {}) };
    rest.forEach((r, i) => Object.assign(facets, { [activeFacets[i]]: r.facetDistribution?.[activeFacets[i]] ?? {} }));
    return {
      total: first.totalHits,
      hits: first.hits.map(({ _formatted, ...doc }) => ({
        id: String(doc.id),
        document: doc as SearchDocument,
        highlights: Object.fromEntries(
          def.highlight.map((field) => [field, segmentsFromTagged(String(_formatted?.[field] ?? doc[field] ?? ""), PRE, POST)]),
        ),
      })),
      facets,
      processingTimeMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  /** For tests: removes this engine's indexes (only those with its prefix). */
  async dropAll() {
    const { results } = await this.client.getIndexes({ limit: 1000 });
    for (const idx of results)
      if (idx.uid.startsWith(this.prefix)) await this.client.deleteIndex(idx.uid).waitTask({ timeout: TASK_TIMEOUT_MS });
  }
}
