// The public lists filtered by place (the contracts register, the pipeline) read their query
// string and filter by service area and council the same way.

/** A reader of the query string: a value trimmed to `max` characters, or undefined when empty. */
export function queryText(search: URLSearchParams) {
  return (key: string, max = 100) => {
    const v = (search.get(key) ?? "").trim().slice(0, max);
    return v || undefined;
  };
}

/** The page asked for: a whole number up to 10,000, else the first. */
export function queryPage(search: URLSearchParams): number {
  const page = Number.parseInt(search.get("page") ?? "1", 10);
  return Number.isSafeInteger(page) && page > 0 && page <= 10_000 ? page : 1;
}

export interface PlaceFilters {
  serviceArea?: string; // slug
  councilType?: string;
  region?: string;
  council?: string; // code
}

type PlaceClause =
  { serviceArea: { slug: string } } | { council: { type: string } } | { council: { region: string } } | { council: { code: string } };

/** The where clauses for the place filters chosen, on rows that have a service area and a council. */
export function placeWhere(filters: PlaceFilters): PlaceClause[] {
  const and: PlaceClause[] = [];
  if (filters.serviceArea) and.push({ serviceArea: { slug: filters.serviceArea } });
  if (filters.councilType) and.push({ council: { type: filters.councilType } });
  if (filters.region) and.push({ council: { region: filters.region } });
  if (filters.council) and.push({ council: { code: filters.council.toUpperCase() } });
  return and;
}
