// Saved searches with email alerts (issue 15): the forms' schemas and the canonical form of a
// search, shared by the routes and the server.
import { z } from "zod";
import { parseSearchParams, type SearchParams } from "~/services/search";

export const ALERT_FREQUENCIES = ["none", "daily", "weekly"] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<AlertFrequency, string> = {
  none: "No emails",
  daily: "Daily email",
  weekly: "Weekly email",
};
export const MAX_ALERTS_PER_USER = 50;

const name = z
  .string({ required_error: "Enter a name for this search" })
  .trim()
  .min(1, "Enter a name for this search")
  .max(100, "The name must be 100 characters or fewer");
const frequency = z.enum(ALERT_FREQUENCIES, { errorMap: () => ({ message: "Select how often to email you" }) });
const alertId = z.string().trim().min(1, "Select a saved search").max(64);
const version = z.coerce.number().int().min(1);

export const createAlertSchema = z.object({
  name,
  frequency,
  search: z.string().max(4000, "This search is too long to save").default(""),
});
export type CreateAlertInput = z.infer<typeof createAlertSchema>;

export const updateAlertSchema = z.object({ alertId, version, name, frequency });
export type UpdateAlertInput = z.infer<typeof updateAlertSchema>;

export const deleteAlertSchema = z.object({ alertId });

/** The parts of a search an alert keeps (no page or page size), in one stable order. */
export function canonicalSearch(params: SearchParams): string {
  const sp = new URLSearchParams();
  if (params.q) sp.set("q", params.q);
  if (params.type !== "all") sp.set("type", params.type);
  for (const facet of Object.keys(params.filters).sort()) for (const value of [...params.filters[facet]].sort()) sp.append(facet, value);
  if (params.frameworks !== "live") sp.set("frameworks", params.frameworks);
  return sp.toString();
}

/** A stored or posted search string → validated params (page and size dropped), or the reasons it is not a search. */
export function parseAlertSearch(search: string): { ok: true; params: SearchParams; canonical: string } | { ok: false; errors: string[] } {
  const sp = new URLSearchParams(search.replace(/^\?/, ""));
  sp.delete("page");
  sp.delete("pageSize");
  sp.delete("sort");
  const parsed = parseSearchParams(sp);
  if (!parsed.success) return { ok: false, errors: parsed.errors };
  return { ok: true, params: parsed.data, canonical: canonicalSearch(parsed.data) };
}

/** "housing; Show: Products and services; Category: …" for lists and emails. */
export function describeAlertSearch(params: SearchParams): string {
  const parts = [params.q ? `“${params.q}”` : "Any words"];
  if (params.type !== "all") parts.push(`Show: ${TYPE_LABELS[params.type]}`);
  for (const [facet, values] of Object.entries(params.filters)) parts.push(`${facet}: ${values.join(", ")}`);
  if (params.frameworks === "all") parts.push("including products only on expired frameworks");
  return parts.join("; ");
}

const TYPE_LABELS: Record<Exclude<SearchParams["type"], "all">, string> = {
  products: "Products and services",
  suppliers: "Suppliers",
  "case-studies": "Case studies",
};
