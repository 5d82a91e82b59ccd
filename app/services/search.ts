// The search service's shared face (issue 11): what routes, components, jobs and models may know
// of search — the query schema, the index configuration, result types and text helpers — with no
// engine and no state. Queries, rebuilds and sync go through ./search.server.ts; nothing outside
// app/search and this service imports app/search directly (an ESLint rule holds it).
export {
  budgetQuery,
  engineRequest,
  parseSearchParams,
  searchCost,
  type ParsedSearch,
  type SearchParams,
} from "~/search/search-query.schema";
export { INDEX_DEFINITIONS, PRICE_BANDS, priceBand, type FacetDefinition, type IndexDefinition } from "~/search/index-config";
export {
  INDEX_NAMES,
  type HighlightSegment,
  type IndexName,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchRequest,
  type SearchResponse,
  type SortOption,
} from "~/search/types";
export { expandSynonyms, SYNONYM_GROUPS } from "~/search/synonyms";
export { processTerm, tokenize } from "~/search/text";
