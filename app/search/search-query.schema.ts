// The search query string, validated the same way for the page and the JSON API.
import { z } from "zod";
import { INDEX_DEFINITIONS } from "./index-config";
import { INDEX_NAMES, type IndexName, type SearchRequest, type SortOption } from "./types";

/** Longer queries are cut to this many characters (documented in docs/search.md). */
export const MAX_QUERY_LENGTH = 200;
/**
 * The cost budget of one query (issue 12 finding 9): at most this many words are searched
 * (the rest are dropped), typo tolerance (fuzzy matching, the expensive part) applies to
 * the first MAX_FUZZY_TERMS words only and to words of at least MIN_FUZZY_TERM_LENGTH
 * letters, and "did you mean" is only worked out for short queries.
 */
export const MAX_QUERY_TERMS = 10;
export const MAX_FUZZY_TERMS = 4;
export const MIN_FUZZY_TERM_LENGTH = 5;
export const MAX_SUGGEST_TERMS = 4;

/** What a query costs against the per-IP search budget: 1, plus 1 for each word that may be matched fuzzily. */
export function searchCost(q: string | null): number {
  const fuzzy = budgetQuery(q ?? "")
    .split(" ")
    .slice(0, MAX_FUZZY_TERMS)
    .filter((w) => w.length >= MIN_FUZZY_TERM_LENGTH);
  return 1 + fuzzy.length;
}

/** Control characters out, whitespace collapsed, cut to MAX_QUERY_LENGTH characters and MAX_QUERY_TERMS words. */
export function budgetQuery(q: string): string {
  const words = q
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .slice(0, MAX_QUERY_LENGTH * 4)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.slice(0, MAX_QUERY_TERMS).join(" ").slice(0, MAX_QUERY_LENGTH).trim();
}
export const MAX_FILTER_VALUES = 50;
export const DEFAULT_PAGE_SIZE = 20;

const SORTS = ["relevance", "name", "price-asc", "price-desc", "newest", "most-used"] as const satisfies readonly SortOption[];

export const searchParamsSchema = z.object({
  q: z.string().default("").transform(budgetQuery),
  type: z
    .enum(["all", ...INDEX_NAMES], { errorMap: () => ({ message: "type must be one of all, products, suppliers, case-studies" }) })
    .default("all"),
  sort: z.enum(SORTS, { errorMap: () => ({ message: `sort must be one of ${SORTS.join(", ")}` }) }).default("relevance"),
  page: z.coerce
    .number({ invalid_type_error: "page must be a whole number from 1" })
    .int("page must be a whole number from 1")
    .min(1, "page must be a whole number from 1")
    .max(500, "page must be 500 or less")
    .default(1),
  pageSize: z.coerce
    .number({ invalid_type_error: "pageSize must be a whole number from 1 to 100" })
    .int("pageSize must be a whole number from 1 to 100")
    .min(1, "pageSize must be a whole number from 1 to 100")
    .max(100, "pageSize must be a whole number from 1 to 100")
    .default(DEFAULT_PAGE_SIZE),
  frameworks: z.enum(["live", "all"], { errorMap: () => ({ message: "frameworks must be live or all" }) }).default("live"),
});

export type SearchParams = z.infer<typeof searchParamsSchema> & { filters: Record<string, string[]> };

export type ParsedSearch = { success: true; data: SearchParams } | { success: false; errors: string[] };

const RESERVED = new Set(["q", "type", "sort", "page", "pageSize", "frameworks", "_data", "index"]);

/** URLSearchParams → validated search; facet parameters are checked against the chosen index. */
export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const single: Record<string, string> = {};
  const errors: string[] = [];
  for (const key of RESERVED) {
    const all = params.getAll(key);
    if (all.length > 1) errors.push(`${key} must be given once`);
    if (all.length && key !== "_data" && key !== "index") single[key] = all[0];
  }
  const parsed = searchParamsSchema.safeParse(single);
  if (!parsed.success) errors.push(...parsed.error.issues.map((i) => i.message));
  if (errors.length || !parsed.success) return { success: false, errors };

  const filters: Record<string, string[]> = {};
  const facetNames = new Set(
    (parsed.data.type === "all" ? INDEX_NAMES : [parsed.data.type]).flatMap((i) =>
      INDEX_DEFINITIONS[i as IndexName].facets.map((f) => f.name),
    ),
  );
  for (const key of new Set(params.keys())) {
    if (RESERVED.has(key)) continue;
    if (!facetNames.has(key)) {
      errors.push(`${key.slice(0, 40)} is not a filter for ${parsed.data.type === "all" ? "this search" : parsed.data.type}`);
      continue;
    }
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length > MAX_FILTER_VALUES) errors.push(`${key} accepts at most ${MAX_FILTER_VALUES} values`);
    if (values.some((v) => v.length > 200)) errors.push(`${key} values must be 200 characters or fewer`);
    if (values.length) filters[key] = values;
  }
  if (errors.length) return { success: false, errors };
  return { success: true, data: { ...parsed.data, filters } };
}

/** The engine request for one index: its own facets only, plus default filters. */
export function engineRequest(index: IndexName, params: SearchParams, overrides: Partial<SearchRequest> = {}): SearchRequest {
  const def = INDEX_DEFINITIONS[index];
  const own = new Set(def.facets.map((f) => f.name));
  const filters = Object.fromEntries(Object.entries(params.filters).filter(([k]) => own.has(k)));
  if (index === "products" && params.frameworks === "live") Object.assign(filters, def.defaultFilters);
  const sort = params.sort === "relevance" || def.sortable[params.sort] ? params.sort : "relevance";
  return { q: params.q, filters, sort, page: params.page, pageSize: params.pageSize, ...overrides };
}
