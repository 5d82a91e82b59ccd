// A case study's saved state as plain JSON (stored in CaseStudyRevision.snapshot) and the
// field-by-field comparison used by moderation ("what changed since it was last
// published") and by the stale-edit message ("what changed since you opened it").
// Pure: no database, so it is shared by the server and unit tests.
import { formatPence } from "~/procurement/money";
import { formatMeasureValue } from "./case-study-measure";

export interface CaseStudySnapshot {
  title: string;
  status: string;
  serviceArea: string;
  summary: string;
  problem: string;
  approach: string;
  metrics: { name: string; before: number; after: number; unit: string; higherIsBetter: boolean }[];
  outcomeNarrative: string;
  /** Integer pence. Revisions saved before money was pence have `costExact` in pounds instead (see parseSnapshot). */
  costExactPence: number | null;
  costBand: string | null;
  funding: string;
  startDate: string | null;
  endDate: string | null;
  products: { productId: string | null; name: string; supplierName: string }[];
  lot: string | null;
  buyingRoute: string | null;
  assets: { title: string; type: string; url: string; licence: string; description: string }[];
  lessons: string;
  contactName: string;
  contactEmail: string;
}

export const SNAPSHOT_LABELS: Record<keyof CaseStudySnapshot, string> = {
  title: "Title",
  status: "Status",
  serviceArea: "Service area",
  summary: "Summary",
  problem: "Problem",
  approach: "Approach",
  metrics: "Outcome measures",
  outcomeNarrative: "Outcome",
  costExactPence: "Total cost",
  costBand: "Cost band",
  funding: "Funding",
  startDate: "Start date",
  endDate: "End date",
  products: "Products used",
  lot: "Framework lot",
  buyingRoute: "Buying route",
  assets: "Reusable assets",
  lessons: "Lessons learned",
  contactName: "Contact name",
  contactEmail: "Contact email",
};

const ORDER = Object.keys(SNAPSHOT_LABELS) as (keyof CaseStudySnapshot)[];

/** One field as readable text, for the side-by-side view. */
export function describeField(snapshot: Partial<CaseStudySnapshot> | null, field: keyof CaseStudySnapshot): string {
  if (!snapshot) return "";
  const value = snapshot[field];
  if (value == null || value === "") return "";
  switch (field) {
    case "metrics":
      return (snapshot.metrics ?? [])
        .map(
          (m) =>
            `${m.name}: ${formatMeasureValue(m.before, m.unit)} to ${formatMeasureValue(m.after, m.unit)} (${m.higherIsBetter ? "higher" : "lower"} is better)`,
        )
        .join("\n");
    case "products":
      return (snapshot.products ?? [])
        .map((p) => `${p.name}${p.supplierName ? ` from ${p.supplierName}` : ""}${p.productId ? "" : " (not listed)"}`)
        .join("\n");
    case "assets":
      return (snapshot.assets ?? [])
        .map((a) => `${a.title} (${a.type}, ${a.licence}): ${a.url}${a.description ? ` – ${a.description}` : ""}`)
        .join("\n");
    case "costExactPence":
      return formatPence(Number(value));
    default:
      return String(value);
  }
}

export interface FieldChange {
  field: keyof CaseStudySnapshot;
  label: string;
  before: string;
  after: string;
}

/** Fields whose readable text differs, in form order. A null `before` means everything is new. */
export function diffSnapshots(
  before: Partial<CaseStudySnapshot> | null,
  after: Partial<CaseStudySnapshot>,
  options: { ignore?: (keyof CaseStudySnapshot)[] } = {},
): FieldChange[] {
  const ignore = new Set(options.ignore ?? []);
  const changes: FieldChange[] = [];
  for (const field of ORDER) {
    if (ignore.has(field)) continue;
    const a = describeField(before, field);
    const b = describeField(after, field);
    if (a !== b) changes.push({ field, label: SNAPSHOT_LABELS[field], before: a, after: b });
  }
  return changes;
}

/** Every field with whether it changed: the moderation view shows them all, changes marked. */
export function compareSnapshots(before: Partial<CaseStudySnapshot> | null, after: Partial<CaseStudySnapshot>) {
  return ORDER.filter((f) => f !== "status").map((field) => {
    const a = describeField(before, field);
    const b = describeField(after, field);
    return { field, label: SNAPSHOT_LABELS[field], before: a, after: b, changed: a !== b };
  });
}

export function parseSnapshot(text: string | null | undefined): Partial<CaseStudySnapshot> | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text);
    return value && typeof value === "object" ? upgradeLegacySnapshot(value as Partial<CaseStudySnapshot> & { costExact?: unknown }) : null;
  } catch {
    return null;
  }
}

/**
 * Revisions are history and stay as they were written; one saved before money was pence
 * has `costExact` in pounds. It reads as pence the way the money migration converted the
 * column: the double as the decimal it was typed as (15 significant digits), to the penny.
 */
function upgradeLegacySnapshot(snapshot: Partial<CaseStudySnapshot> & { costExact?: unknown }): Partial<CaseStudySnapshot> {
  if (!("costExact" in snapshot)) return snapshot;
  const { costExact, ...rest } = snapshot;
  const pounds = typeof costExact === "number" && Number.isFinite(costExact) ? costExact : null;
  return { ...rest, costExactPence: pounds === null ? null : Math.round(Number((pounds * 100).toPrecision(15))) };
}
