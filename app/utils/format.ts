// Presentation helpers shared by pages and exports (British formats). Money is formatted
// by formatPence in app/procurement/money.ts (integer pence), the one money formatter.
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hourCycle: "h12",
  timeZone: "Europe/London",
});
const num = new Intl.NumberFormat("en-GB");

// The one date formatter (pure, shared with the procurement explanations).
export { formatDate, formatDateRange } from "~/procurement/dates";

/**
 * "1 December 2026 at 9:30am", "at 9am", "at midday", "at midnight" (GOV.UK style: 12-hour clock,
 * no space before am or pm, no ":00" on the hour), in Europe/London.
 */
export function formatDateTime(value: Date | string): string {
  const parts = dateTimeFmt.formatToParts(typeof value === "string" ? new Date(value) : value);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = Number(part("hour"));
  const minute = part("minute");
  const pm = part("dayPeriod").toLowerCase().startsWith("p");
  const time =
    minute === "00" && hour === 12 ? (pm ? "midday" : "midnight") : `${hour}${minute === "00" ? "" : `:${minute}`}${pm ? "pm" : "am"}`;
  return `${part("day")} ${part("month")} ${part("year")} at ${time}`;
}

export function formatNumber(value: number | null | undefined): string {
  return value == null ? "Not known" : num.format(value);
}

// The labels moved to app/utils/labels.ts (the one label registry); re-exported only until the
// projects pages (app/routes/projects*) import them from there.
export { ACCREDITATION_LABELS, FRAMEWORK_STATUS_LABELS, SIZE_LABELS } from "./labels";

/** "Used by 3 councils, including 1 similar to yours." on a product page; in words when there are none (docs/content.md: never "0 councils"). */
export function usedBySentence(councils: number, similar: number | null | undefined): string {
  if (councils === 0) return "No council has published a case study or an award for this product yet.";
  const used = `Used by ${councils.toLocaleString("en-GB")} ${councils === 1 ? "council" : "councils"}`;
  if (similar == null) return `${used}.`;
  if (similar === 0) return councils === 1 ? `${used}, which is not similar to yours.` : `${used}, none of them similar to yours.`;
  return `${used}, including ${similar.toLocaleString("en-GB")} similar to yours.`;
}
