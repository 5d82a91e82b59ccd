// The MiniSearch engine this repository used until ADR 0014, kept only so the benchmark can run it side by side.
// The default, in-process engine: MiniSearch (docs/decisions/0005-embedded-search-engine.md)
// with the behaviour of the Meilisearch path: typo tolerance (none on codes), prefix
// search on the last word, synonyms by query expansion, disjunctive facet counts,
// filters, sorting with fair tie-breaking, highlighting and pagination.
import MiniSearch, { type SearchResult } from "minisearch";
import { INDEX_DEFINITIONS } from "../../app/search/index-config";
import { querySynonymTokens, synonymTokensIn, synonymWordsForToken } from "../../app/search/synonyms";
import { highlightSegments, searchSalt, tieRank } from "../../app/search/shared";
import { processTerm, tokenize, typoBudget } from "../../app/search/text";
import { MAX_FUZZY_TERMS, MAX_SUGGEST_TERMS, MIN_FUZZY_TERM_LENGTH } from "../../app/search/search-query.schema";
import type { IndexName, SearchDocument, SearchEngine, SearchRequest, SearchResponse } from "../../app/search/types";

interface EmbeddedIndex {
  mini: MiniSearch<SearchDocument>;
  /** Every indexed word: a query word found here is spelt right and is matched exactly. */
  vocabulary: Set<string>;
  docs: Map<string, SearchDocument>;
  /** Text matches by query, valid until the index next changes (most traffic repeats). */
  cache: Map<string, Map<string, { score: number; terms: string[] }>>;
}

const CACHE_SIZE = 500;

const SYNONYM_FIELD = "_synonyms";

function fieldText(doc: SearchDocument, field: string): string {
  const value = doc[field];
  return Array.isArray(value) ? value.join(" ") : value == null ? "" : String(value);
}

function createMini(index: IndexName, vocabulary: Set<string>): MiniSearch<SearchDocument> {
  const def = INDEX_DEFINITIONS[index];
  return new MiniSearch<SearchDocument>({
    idField: "id",
    fields: [...def.searchableAttributes, SYNONYM_FIELD],
    storeFields: [],
    tokenize,
    // Indexing records every word, so a query word can be told apart from a typo.
    processTerm: (term) => {
      const t = processTerm(term);
      if (t) vocabulary.add(t);
      return t;
    },
    searchOptions: { processTerm },
    extractField: (doc, field) =>
      field === SYNONYM_FIELD
        ? synonymTokensIn(def.searchableAttributes.map((f) => fieldText(doc, f)).join(" \n ")).join(" ")
        : fieldText(doc, field),
  });
}

/** Field boosts from the weight order of searchableAttributes: first field weighs most. */
function boosts(index: IndexName): Record<string, number> {
  const fields = INDEX_DEFINITIONS[index].searchableAttributes;
  return { ...Object.fromEntries(fields.map((f, i) => [f, Math.max(1, 3 - i * 0.4)])), [SYNONYM_FIELD]: 1.5 };
}

/** The first k items in order, without sorting everything (k is small next to n). */
function topK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (items.length <= k * 4) return items.sort(compare).slice(0, k);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === k && compare(item, kept[k - 1]) >= 0) continue;
    // Insert in order (binary search); k is at most a few hundred.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(kept[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, item);
    if (kept.length > k) kept.pop();
  }
  return kept;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class MiniSearchEngine implements SearchEngine {
  readonly kind = "embedded" as const;
  private indexes = new Map<IndexName, EmbeddedIndex>();
  /** `cache: false` measures a first-time query (the cold figure). */
  constructor(private readonly options: { cache: boolean } = { cache: true }) {}

  private get(index: IndexName): EmbeddedIndex {
    let idx = this.indexes.get(index);
    if (!idx) {
      const vocabulary = new Set<string>();
      idx = { mini: createMini(index, vocabulary), vocabulary, docs: new Map(), cache: new Map() };
      this.indexes.set(index, idx);
    }
    return idx;
  }

  async replaceAll(index: IndexName, documents: SearchDocument[], onProgress?: (done: number, total: number) => void) {
    // Build beside the live index and swap when complete: searches never see a partial index.
    const vocabulary = new Set<string>();
    const next: EmbeddedIndex = { mini: createMini(index, vocabulary), vocabulary, docs: new Map(), cache: new Map() };
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
    idx.cache.clear();
    for (const doc of documents) {
      if (idx.docs.has(doc.id)) idx.mini.discard(doc.id);
      idx.mini.add(doc);
      idx.docs.set(doc.id, doc);
    }
  }

  async remove(index: IndexName, ids: string[]) {
    const idx = this.get(index);
    idx.cache.clear();
    for (const id of ids) {
      if (!idx.docs.has(id)) continue;
      idx.mini.discard(id);
      idx.docs.delete(id);
    }
  }

  async count(index: IndexName) {
    return this.get(index).docs.size;
  }

  async suggest(index: IndexName, q: string): Promise<string | null> {
    // Fuzzy suggestions cost most of all: only for short queries (the cost budget).
    if (!q.trim() || q.trim().split(/\s+/).length > MAX_SUGGEST_TERMS) return null;
    const [best] = this.get(index).mini.autoSuggest(q, { fuzzy: 0.34, maxFuzzy: 3, prefix: true, combineWith: "AND" });
    return best && best.suggestion !== q.toLowerCase().trim() ? best.suggestion : null;
  }

  private textMatches(index: IndexName, idx: EmbeddedIndex, q: string): Map<string, { score: number; terms: string[] }> {
    const key = q.toLowerCase();
    if (!this.options.cache) return this.computeTextMatches(index, idx, q);
    const cached = idx.cache.get(key);
    if (cached) {
      // Refresh its place in the least-recently-used order.
      idx.cache.delete(key);
      idx.cache.set(key, cached);
      return cached;
    }
    const matches = this.computeTextMatches(index, idx, q);
    idx.cache.set(key, matches);
    if (idx.cache.size > CACHE_SIZE) idx.cache.delete(idx.cache.keys().next().value!);
    return matches;
  }

  private computeTextMatches(index: IndexName, idx: EmbeddedIndex, q: string): Map<string, { score: number; terms: string[] }> {
    const matches = new Map<string, { score: number; terms: string[] }>();
    const options = {
      boost: boosts(index),
      prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
      // Typo tolerance only for words the index does not know (a known word is spelt right),
      // with up to two edits from 5 letters: MiniSearch counts a swapped pair as two. Within
      // the cost budget: the first MAX_FUZZY_TERMS words only (search-query.schema.ts).
      fuzzy: (term: string, i: number) =>
        i >= MAX_FUZZY_TERMS || term.length < MIN_FUZZY_TERM_LENGTH || idx.vocabulary.has(term) ? false : typoBudget(term) || false,
      maxFuzzy: 2,
      weights: { fuzzy: 0.45, prefix: 0.75 },
    };
    const collect = (results: SearchResult[]) => {
      for (const r of results) {
        const existing = matches.get(String(r.id));
        if (!existing || r.score > existing.score) matches.set(String(r.id), { score: r.score, terms: r.terms });
      }
    };
    // The query as typed, and (if it names a synonym group) with the group's token instead.
    const withTokens = querySynonymTokens(q);
    const alternatives = withTokens ? [q, withTokens] : [q];
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
    const active = Object.entries(request.filters)
      .filter(([, values]) => values.length)
      .map(([facet, values]) => ({ facet, accepted: new Set(values) }));
    const filtered: typeof candidates = [];
    // Disjunctive facet counts in one pass: a document failing no filter counts in every
    // facet; failing exactly one, it counts only in that facet (its own selection must not
    // narrow its own counts); failing more, nowhere.
    for (const c of candidates) {
      let failed = 0;
      let failedFacet = "";
      for (const { facet, accepted } of active) {
        const value = c.doc[facet];
        const ok = Array.isArray(value) ? value.some((v) => accepted.has(v)) : value != null && accepted.has(String(value));
        if (!ok) {
          failed++;
          failedFacet = facet;
          if (failed > 1) break;
        }
      }
      if (failed > 1) continue;
      if (failed === 0) filtered.push(c);
      for (const facet of failed === 0 ? facetNames : [failedFacet]) {
        const value = c.doc[facet];
        if (value == null) continue;
        const counts = facets[facet];
        if (!counts) continue;
        if (Array.isArray(value)) for (const v of value) counts[v] = (counts[v] ?? 0) + 1;
        else {
          const v = String(value);
          counts[v] = (counts[v] ?? 0) + 1;
        }
      }
    }

    const salt = searchSalt(request);
    const sortDef = request.sort === "relevance" ? undefined : def.sortable[request.sort];
    type Ranked = (typeof candidates)[number] & { tie: number };
    const compare = (a: Ranked, b: Ranked) => {
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
      return b.score - a.score;
    };
    const start = (request.page - 1) * request.pageSize;
    // The tie-break hash is only needed when scores are equal: work it out on demand.
    const ranked = filtered as Ranked[];
    for (const c of ranked) c.tie = -1;
    const tieOf = (c: Ranked) => (c.tie === -1 ? (c.tie = tieRank(salt, c.doc.id)) : c.tie);
    const page = topK(ranked, start + request.pageSize, (a, b) => compare(a, b) || tieOf(a) - tieOf(b)).slice(start);
    const queryTerms = q
      ? tokenize(q)
          .map(processTerm)
          .filter((t): t is string => Boolean(t))
      : [];
    return {
      total: filtered.length,
      hits: page.map((c) => ({
        id: c.doc.id,
        document: c.doc,
        highlights: Object.fromEntries(
          def.highlight.map((field) => [field, highlightSegments(String(c.doc[field] ?? ""), highlightTerms(c.terms, queryTerms))]),
        ),
      })),
      facets,
      processingTimeMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }
}

/** Matched terms to mark, with synonym-group tokens turned back into their words. */
function highlightTerms(matched: string[], queryTerms: string[]): string[] {
  return [...matched, ...queryTerms].flatMap((t) => (t.startsWith("xsyn") ? synonymWordsForToken(t) : [t]));
}
