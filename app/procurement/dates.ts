// Calendar dates as `YYYY-MM-DD` strings. Comparing two such strings with < and
// > compares the dates, so the rules never do time-zone arithmetic on Date
// objects. A Date passed in is read as its calendar date in the UK
// (Europe/London), which is what "the day the procurement starts" means here.
import type { IsoDate } from "./types";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const londonDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** True if `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Normalise a Date or `YYYY-MM-DD` string to `YYYY-MM-DD`; throws RangeError if it is not a real date. */
export function toIsoDate(value: Date | string): IsoDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("Invalid Date");
    return londonDate.format(value);
  }
  if (!isIsoDate(value)) throw new RangeError(`Not a real date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
  return value;
}

function dayNumber(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Whole days from `from` to `to` (negative if `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * The one date formatter, GOV.UK style: "28 October 2026". Takes a `YYYY-MM-DD` date, a Date
 * or a timestamp (read as its UK calendar date); `missing` (default "Not known") for none.
 * Pages import it from ~/utils/format beside formatDateTime.
 */
export function formatDate(value: IsoDate | Date | null | undefined, missing = "Not known"): string {
  if (value == null || value === "") return missing;
  const iso = typeof value === "string" && !ISO_DATE.test(value) ? toIsoDate(new Date(value)) : toIsoDate(value);
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * "1 May 2024 to 30 April 2028" for an agreement's or a lot's dates; where one or both are not
 * recorded it says so once ("Not known", "From …, end not known"), never "Not known to Not known".
 */
export function formatDateRange(start: IsoDate | Date | null | undefined, end: IsoDate | Date | null | undefined): string {
  if (!start && !end) return "Not known";
  if (!end) return `From ${formatDate(start)}, end not known`;
  if (!start) return `Start not known, until ${formatDate(end)}`;
  return `${formatDate(start)} to ${formatDate(end)}`;
}
