import type { LoaderFunctionArgs } from "@remix-run/node";
import { searchIndex } from "~/services/search.server";
import { parseSearchParams, searchCost, INDEX_NAMES } from "~/services/search";
import { clientIp } from "~/utils/http.server";
import { SEARCH_LIMITED_MESSAGE, takeSearchToken } from "~/utils/search-rate-limit.server";

// GET /api/search — the same parameters as /search, answered as JSON.
export async function loader({ request, context }: LoaderFunctionArgs) {
  // Per-IP budget before any work (issue 12 finding 9).
  const limited = takeSearchToken(clientIp(context, request), searchCost(new URL(request.url).searchParams.get("q")));
  if (!limited.ok) {
    return Response.json({ error: SEARCH_LIMITED_MESSAGE }, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  const parsed = parseSearchParams(new URL(request.url).searchParams);
  if (!parsed.success) {
    return Response.json({ error: "Invalid search parameters", details: parsed.errors }, { status: 400 });
  }
  const params = parsed.data;
  if (params.type === "all") {
    const results = await Promise.all(INDEX_NAMES.map((index) => searchIndex(index, params)));
    return Response.json({
      query: params.q,
      type: "all",
      total: results.reduce((sum, r) => sum + r.total, 0),
      page: params.page,
      pageSize: params.pageSize,
      results: Object.fromEntries(INDEX_NAMES.map((index, i) => [index, { total: results[i].total, hits: results[i].hits.map(toApiHit) }])),
      hits: results.flatMap((r, i) => r.hits.map((h) => ({ type: INDEX_NAMES[i], ...toApiHit(h) }))),
      facets: {},
      processingTimeMs: Math.max(...results.map((r) => r.processingTimeMs)),
    });
  }
  const result = await searchIndex(params.type, params);
  return Response.json({
    query: params.q,
    type: params.type,
    total: result.total,
    page: params.page,
    pageSize: params.pageSize,
    hits: result.hits.map(toApiHit),
    facets: result.facets,
    processingTimeMs: result.processingTimeMs,
  });
}

// Long text stays out of result lists (it is on each item's page): smaller, faster responses.
const LONG_FIELDS = new Set(["description", "features", "standards", "problem", "approach", "outcome"]);

function toApiHit(hit: { id: string; document: Record<string, unknown>; highlights: Record<string, { text: string; mark: boolean }[]> }) {
  const fields = Object.fromEntries(Object.entries(hit.document).filter(([key]) => !LONG_FIELDS.has(key)));
  return { ...fields, id: hit.id, _highlights: hit.highlights };
}
