// The one search interface every engine implements (embedded, Meilisearch, PostgreSQL).
export const INDEX_NAMES = ["products", "suppliers", "case-studies"] as const;
export type IndexName = (typeof INDEX_NAMES)[number];

export type SearchDocument = { id: string } & Record<string, string | number | boolean | string[] | null>;

export type SortOption = "relevance" | "name" | "price-asc" | "price-desc" | "newest" | "most-used";

export interface SearchRequest {
  q: string;
  /** Facet name → accepted values: OR within one facet, AND across facets. */
  filters: Record<string, string[]>;
  sort: SortOption;
  page: number;
  pageSize: number;
}

/** A piece of a highlighted field: text, marked when it matched the query. */
export interface HighlightSegment {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  id: string;
  document: SearchDocument;
  highlights: Record<string, HighlightSegment[]>;
}

export interface SearchResponse {
  total: number;
  hits: SearchHit[];
  /** Facet name → value → count, each facet counted with the other facets' filters applied. */
  facets: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

export interface SearchEngine {
  readonly kind: "embedded" | "meilisearch" | "postgres";
  /** Replaces an index's whole contents; searches keep answering from the old data until the swap. */
  replaceAll(index: IndexName, documents: SearchDocument[], onProgress?: (done: number, total: number) => void): Promise<void>;
  upsert(index: IndexName, documents: SearchDocument[]): Promise<void>;
  remove(index: IndexName, ids: string[]): Promise<void>;
  search(index: IndexName, request: SearchRequest): Promise<SearchResponse>;
  count(index: IndexName): Promise<number>;
  /**
   * "Did you mean": a closer indexed phrasing of a query that found nothing, or null. Part of
   * the contract so every engine answers the same way: the embedded engine suggests from its
   * own terms; the Meilisearch adapter has no suggestion API and always answers null.
   */
  suggest(index: IndexName, q: string): Promise<string | null>;
}
