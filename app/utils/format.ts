// Presentation helpers shared by pages and exports (British formats). Money is formatted
// by formatPence in app/procurement/money.ts (integer pence), the one money formatter.
const dateTimeFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});
const num = new Intl.NumberFormat("en-GB");

// The one date formatter (pure, shared with the procurement explanations).
export { formatDate } from "~/procurement/dates";

export function formatDateTime(value: Date | string): string {
  return dateTimeFmt.format(typeof value === "string" ? new Date(value) : value);
}

export function formatNumber(value: number | null | undefined): string {
  return value == null ? "Not known" : num.format(value);
}

// The labels moved to app/utils/labels.ts (the one label registry); re-exported only until the
// projects pages (app/routes/projects*) import them from there.
export { ACCREDITATION_LABELS, FRAMEWORK_STATUS_LABELS, SIZE_LABELS } from "./labels";
