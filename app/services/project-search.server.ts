// A buying project's searches, run through the search service (issue 11: models reach search
// only through a service, and app/models/project.server.ts no longer imports it).
import type { SearchParams } from "~/services/search";
import { savedSearchParams, type RunProductSearch } from "~/models/project.server";
import { searchIndex, syncSearch } from "./search.server";

/** The products search as published right now (changes committed a moment ago included), for freezing. */
export const runProductSearchNow: RunProductSearch = async (params: SearchParams, pageSize: number) => {
  await syncSearch().catch((error: unknown) => console.error("search sync before freezing failed", error));
  const response = await searchIndex("products", params, { page: 1, pageSize });
  return { total: response.total, ids: response.hits.map((h) => h.id) };
};

/** How many results each saved search has now (so the officer knows before freezing). */
export async function countSavedSearchResults(
  saved: { id: string; query: string; filters: string }[],
): Promise<Record<string, number | null>> {
  const counts: Record<string, number | null> = {};
  for (const s of saved) {
    const params = savedSearchParams(s);
    counts[s.id] = params ? (await searchIndex("products", params, { page: 1, pageSize: 1 })).total : null;
  }
  return counts;
}
