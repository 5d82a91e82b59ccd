// Presentation helpers shared by pages and exports (British formats). Money is formatted
// by formatPence in app/procurement/money.ts (integer pence), the one money formatter.
const dateFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});
const num = new Intl.NumberFormat("en-GB");

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "Not known";
  return dateFmt.format(typeof value === "string" ? new Date(value) : value);
}

export function formatDateTime(value: Date | string): string {
  return dateTimeFmt.format(typeof value === "string" ? new Date(value) : value);
}

export function formatNumber(value: number | null | undefined): string {
  return value == null ? "Not known" : num.format(value);
}

export const SIZE_LABELS: Record<string, string> = { micro: "Micro", small: "Small", medium: "Medium", large: "Large" };

export const ACCREDITATION_LABELS: Record<string, string> = {
  "cyber-essentials": "Cyber Essentials",
  "cyber-essentials-plus": "Cyber Essentials Plus",
  "iso-27001": "ISO/IEC 27001",
  "iso-9001": "ISO 9001",
  other: "Other",
};

export const FRAMEWORK_STATUS_LABELS: Record<string, { label: string; tag: string }> = {
  upcoming: { label: "Upcoming", tag: "govuk-tag--blue" },
  live: { label: "Live", tag: "govuk-tag--green" },
  expiring: { label: "Expiring soon", tag: "govuk-tag--yellow" },
  expired: { label: "Expired", tag: "govuk-tag--grey" },
  unknown: { label: "Start date unverified", tag: "govuk-tag--orange" },
};
