// The default, in-process engine: MiniSearch (docs/decisions/0005-embedded-search-engine.md)
// with the behaviour of the Meilisearch path: typo tolerance (none on codes), prefix
// search on the last word, synonyms by query expansion, disjunctive facet counts,
// filters, sorting with fair tie-breaking, highlighting and pagination.
import MiniSearch, { type SearchResult } from "minisearch";
import { INDEX_DEFINITIONS } from "./index-config";
import { expandSynonyms } from "./synonyms";
import { highlightSegments, matchesFilters, searchSalt, tieRank, valuesOf } from "./shared";
import { processTerm, tokenize, typoBudget } from "./text";
import type { IndexName, SearchDocument, SearchEngine, SearchRequest, SearchResponse } from "./types";

interface EmbeddedIndex {
  mini: MiniSearch<SearchDocument>;
  docs: Map<string, SearchDocument>;
}

function createMini(index: IndexName): MiniSearch<SearchDocument> {
  const def = INDEX_DEFINITIONS[index];
  return new MiniSearch<SearchDocument>({
    idField: "id",
    fields: def.searchableAttributes,
    storeFields: [],
    tokenize,
    processTerm,
    extractField: (doc, field) => {
      const value = doc[field];
      return Array.isArray(value) ? value.join(" ") : value == null ? "" : String(value);
    },
  });
}

/** Field boosts from the weight order of searchableAttributes: first field weighs most. */
function boosts(index: IndexName): Record<string, number> {
  const fields = INDEX_DEFINITIONS[index].searchableAttributes;
  return Object.fromEntries(fields.map((f, i) => [f, Math.max(1, 3 - i * 0.4)]));
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class EmbeddedEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  private indexes = new Map<IndexName, EmbeddedIndex>();

  private get(index: IndexName): EmbeddedIndex {
    let idx = this.indexes.get(index);
    if (!idx) {
      idx = { mini: createMini(index), docs: new Map() };
      this.indexes.set(index, idx);
    }
    return idx;
  }

  async replaceAll(index: IndexName, documents: SearchDocument[], onProgress?: (done: number, total: number) => void) {
    // Build beside the live index and swap when complete: searches never see a partial index.
    const next: EmbeddedIndex = { mini: createMini(index), docs: new Map() };
    const chunk = 2_000;
    for (let i = 0; i < documents.length; i += chunk) {
      const slice = documents.slice(i, i + chunk);
      next.mini.addAll(slice);
      for (const d of slice) next.docs.set(d.id, d);
      onProgress?.(Math.min(i + chunk, documents.length), documents.length);
      await yieldToEventLoop();
    }
    this.indexes.set(index, next);
  }

  async upsert(index: IndexName, documents: SearchDocument[]) {
    const idx = this.get(index);
    for (const doc of documents) {
      if (idx.docs.has(doc.id)) idx.mini.discard(doc.id);
      idx.mini.add(doc);
      idx.docs.set(doc.id, doc);
    }
  }

  async remove(index: IndexName, ids: string[]) {
    const idx = this.get(index);
    for (const id of ids) {
      if (!idx.docs.has(id)) continue;
      idx.mini.discard(id);
      idx.docs.delete(id);
    }
  }

  async count(index: IndexName) {
    return this.get(index).docs.size;
  }

  suggest(index: IndexName, q: string): string | null {
    const [best] = this.get(index).mini.autoSuggest(q, { fuzzy: 0.34, maxFuzzy: 3, prefix: true, combineWith: "AND" });
    return best && best.suggestion !== q.toLowerCase().trim() ? best.suggestion : null;
  }

  private textMatches(index: IndexName, idx: EmbeddedIndex, q: string): Map<string, { score: number; terms: string[] }> {
    const matches = new Map<string, { score: number; terms: string[] }>();
    const options = {
      boost: boosts(index),
      prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
      fuzzy: (term: string) => typoBudget(term) || false,
      maxFuzzy: 2,
      weights: { fuzzy: 0.45, prefix: 0.75 },
    };
    const collect = (results: SearchResult[]) => {
      for (const r of results) {
        const existing = matches.get(String(r.id));
        if (!existing || r.score > existing.score) matches.set(String(r.id), { score: r.score, terms: r.terms });
      }
    };
    const alternatives = expandSynonyms(q);
    for (const alt of alternatives) collect(idx.mini.search(alt, { ...options, combineWith: "AND" }));
    // Like Meilisearch's "last" matching strategy: if every word cannot match, accept fewer.
    if (!matches.size) for (const alt of alternatives) collect(idx.mini.search(alt, { ...options, combineWith: "OR" }));
    return matches;
  }

  async search(index: IndexName, request: SearchRequest): Promise<SearchResponse> {
    const started = performance.now();
    const def = INDEX_DEFINITIONS[index];
    const idx = this.get(index);
    const q = request.q.trim();
    const matches = q ? this.textMatches(index, idx, q) : null;
    const candidates: { doc: SearchDocument; score: number; terms: string[] }[] = [];
    if (matches) {
      for (const [id, m] of matches) {
        const doc = idx.docs.get(id);
        if (doc) candidates.push({ doc, score: m.score, terms: m.terms });
      }
    } else {
      for (const doc of idx.docs.values()) candidates.push({ doc, score: 0, terms: [] });
    }

    const facetNames = def.facets.map((f) => f.name);
    const facets: Record<string, Record<string, number>> = Object.fromEntries(facetNames.map((f) => [f, {}]));
    const filtered: typeof candidates = [];
    for (const c of candidates) {
      const passesAll = matchesFilters(c.doc, request.filters);
      if (passesAll) filtered.push(c);
      for (const facet of facetNames) {
        // Disjunctive counts: a facet's own selection does not narrow its counts.
        if (passesAll || (request.filters[facet]?.length && matchesFilters(c.doc, request.filters, facet))) {
          for (const v of valuesOf(c.doc[facet])) facets[facet][v] = (facets[facet][v] ?? 0) + 1;
        }
      }
    }

    const salt = searchSalt(request);
    const sortDef = request.sort === "relevance" ? undefined : def.sortable[request.sort];
    const withRank = filtered.map((c) => ({ ...c, tie: tieRank(salt, c.doc.id) }));
    withRank.sort((a, b) => {
      if (sortDef) {
        const av = a.doc[sortDef.attribute] as string | number | null;
        const bv = b.doc[sortDef.attribute] as string | number | null;
        if (av !== bv) {
          if (av == null) return 1;
          if (bv == null) return -1;
          const cmp = typeof av === "number" && typeof bv === "number" ? av - bv : String(av).localeCompare(String(bv), "en-GB");
          if (cmp !== 0) return sortDef.direction === "asc" ? cmp : -cmp;
        }
      }
      return b.score - a.score || a.tie - b.tie;
    });

    const start = (request.page - 1) * request.pageSize;
    const page = withRank.slice(start, start + request.pageSize);
    const queryTerms = q ? tokenize(q).map(processTerm).filter((t): t is string => Boolean(t)) : [];
    return {
      total: filtered.length,
      hits: page.map((c) => ({
        id: c.doc.id,
        document: c.doc,
        highlights: Object.fromEntries(
          def.highlight.map((field) => [field, highlightSegments(String(c.doc[field] ?? ""), [...c.terms, ...queryTerms])]),
        ),
      })),
      facets,
      processingTimeMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}

/** "Did you mean": the closest indexed phrasing of a query that found nothing. */
export function suggestQuery(engine: SearchEngine, index: IndexName, q: string): string | null {
  if (!(engine instanceof EmbeddedEngine) || !q.trim()) return null;
  return engine.suggest(index, q);
}
