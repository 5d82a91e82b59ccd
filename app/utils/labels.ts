// The one label registry (issue 11): the words shown for stored codes (supplier sizes,
// accreditations, case-study cost bands, framework status), defined once for forms, pages,
// search facets and exports. Pure data: imported by app/search, app/models and the routes.

export const SUPPLIER_SIZE_OPTIONS = [
  { value: "micro", label: "Micro", hint: "Fewer than 10 staff and turnover of £2 million or less" },
  { value: "small", label: "Small", hint: "Fewer than 50 staff and turnover of £10 million or less" },
  {
    value: "medium",
    label: "Medium",
    hint: "Fewer than 250 staff and turnover of £44 million or less, or a balance sheet total of £38 million or less",
  },
  { value: "large", label: "Large", hint: "250 staff or more, or turnover over £44 million and a balance sheet total over £38 million" },
] as const;

export const SUPPLIER_SIZE_ORDER: string[] = SUPPLIER_SIZE_OPTIONS.map((o) => o.value);

export const SIZE_LABELS: Record<string, string> = Object.fromEntries(SUPPLIER_SIZE_OPTIONS.map((o) => [o.value, o.label]));

export const ACCREDITATION_OPTIONS = [
  { value: "cyber-essentials", label: "Cyber Essentials" },
  { value: "cyber-essentials-plus", label: "Cyber Essentials Plus" },
  { value: "iso-27001", label: "ISO/IEC 27001" },
  { value: "iso-9001", label: "ISO 9001" },
  { value: "other", label: "Other" },
] as const;

export type AccreditationKind = (typeof ACCREDITATION_OPTIONS)[number]["value"];

export const ACCREDITATION_KINDS = ACCREDITATION_OPTIONS.map((o) => o.value) as [AccreditationKind, ...AccreditationKind[]];

export const ACCREDITATION_LABELS: Record<string, string> = Object.fromEntries(ACCREDITATION_OPTIONS.map((o) => [o.value, o.label]));

/** A case study's whole-life cost band: the form's options and the search facet. */
export const COST_BANDS = [
  { value: "under-30k", label: "Under £30,000" },
  { value: "30k-100k", label: "£30,000 to £100,000" },
  { value: "100k-250k", label: "£100,000 to £250,000" },
  { value: "250k-1m", label: "£250,000 to £1 million" },
  { value: "over-1m", label: "Over £1 million" },
] as const;

export type CostBand = (typeof COST_BANDS)[number]["value"];

export const COST_BAND_LABELS: Record<string, string> = Object.fromEntries(COST_BANDS.map((b) => [b.value, b.label]));

/** The cost band for a whole-life cost in integer pence (the bands' upper limits are exclusive). */
export function costBandForPence(pence: number): CostBand {
  if (pence < 3_000_000) return "under-30k";
  if (pence < 10_000_000) return "30k-100k";
  if (pence < 25_000_000) return "100k-250k";
  if (pence < 100_000_000) return "250k-1m";
  return "over-1m";
}

export const FRAMEWORK_STATUS_LABELS: Record<string, { label: string; tag: string }> = {
  upcoming: { label: "Upcoming", tag: "govuk-tag--blue" },
  live: { label: "Live", tag: "govuk-tag--green" },
  expiring: { label: "Expiring soon", tag: "govuk-tag--yellow" },
  expired: { label: "Expired", tag: "govuk-tag--grey" },
  unknown: { label: "Start date unverified", tag: "govuk-tag--orange" },
};

/** Formats a listing says buyers can bring data in and take it out in (listing form and search facet). */
export const DATA_FORMATS = [
  { value: "csv", label: "CSV" },
  { value: "json", label: "JSON" },
  { value: "xml", label: "XML" },
  { value: "xlsx", label: "Excel (XLSX)" },
  { value: "ods", label: "OpenDocument spreadsheet (ODS)" },
  { value: "pdf", label: "PDF" },
  { value: "sql", label: "Database dump (SQL)" },
  { value: "api", label: "Through the API" },
  { value: "other", label: "Other" },
] as const;

export const DATA_FORMAT_LABELS: Record<string, string> = Object.fromEntries(DATA_FORMATS.map((f) => [f.value, f.label]));

/** A listing's committed availability, shortest first as a facet reads it (highest commitment first). */
export const AVAILABILITY_FACET = [
  { value: "99.99", label: "99.99%" },
  { value: "99.95", label: "99.95%" },
  { value: "99.9", label: "99.9%" },
  { value: "99.5", label: "99.5%" },
  { value: "99", label: "99%" },
  { value: "none", label: "No availability commitment" },
] as const;

export const AVAILABILITY_LABELS: Record<string, string> = Object.fromEntries(AVAILABILITY_FACET.map((a) => [a.value, a.label]));
