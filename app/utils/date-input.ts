// The one GOV.UK date input on the server side (issue 11): three boxes posted as
// `<name>-day`, `<name>-month` and `<name>-year` (GOV.UK's convention), read by one parser
// with GOV.UK's messages. The component is DateInput in app/components/date-input.tsx.
//
//   const schema = z.preprocess(
//     collectDateInputs("expires"),
//     z.object({ expires: dateInputField("Expiry date") }),
//   );
//
// Errors are reported on `<name>`, which is the id of the day box, so the error summary's
// link lands on the first box.
import { z } from "zod";

export type DateParts = { day: string; month: string; year: string };

export interface DateInputOptions {
  /** Earliest and latest year accepted (inclusive). */
  minYear?: number;
  maxYear?: number;
  /** The message when all three boxes are blank (default "Enter the <label>"). */
  missing?: string;
}

export type DateInputCheck = { ok: true; date: Date | null } | { ok: false; message: string };

const EMPTY: DateParts = { day: "", month: "", year: "" };

/** The posted names of a date input's three boxes. */
export function dateInputNames(name: string): DateParts {
  return { day: `${name}-day`, month: `${name}-month`, year: `${name}-year` };
}

/**
 * Day, month and year as typed → a UTC-midnight Date (null when all three are blank), or the
 * GOV.UK message saying what is wrong.
 */
export function parseDateInput(parts: Partial<DateParts>, label: string, options: DateInputOptions = {}): DateInputCheck {
  const { minYear = 1900, maxYear = 2200 } = options;
  const day = (parts.day ?? "").trim();
  const month = (parts.month ?? "").trim();
  const year = (parts.year ?? "").trim();
  if (!day && !month && !year) return { ok: true, date: null };
  const missing = [!day && "day", !month && "month", !year && "year"].filter((p): p is string => Boolean(p));
  if (missing.length) return { ok: false, message: `${label} must include a ${missing.join(" and ")}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return { ok: false, message: `${label} must be a real date` };
  if (!/^\d{4}$/.test(year)) return { ok: false, message: "Year must include 4 numbers" };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `${label} must be a real date` };
  }
  if (y < minYear || y > maxYear) return { ok: false, message: `${label} must be between ${minYear} and ${maxYear}` };
  return { ok: true, date };
}

const part = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined ? "" : String(v).slice(0, 10)));
const partsShape = z.object({ day: part, month: part, year: part }).default({});

/** A required date input → Date (UTC midnight). Use on a key gathered by collectDateInputs. */
export function dateInputField(label: string, options: DateInputOptions = {}) {
  return partsShape.transform((parts, ctx): Date => {
    const result = parseDateInput(parts, label, options);
    if (result.ok && result.date) return result.date;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: result.ok ? (options.missing ?? `Enter the ${label.toLowerCase()}`) : result.message,
    });
    return z.NEVER;
  });
}

/** An optional date input → Date, or null when all three boxes are blank. */
export function optionalDateInputField(label: string, options: DateInputOptions = {}) {
  return partsShape.transform((parts, ctx): Date | null => {
    const result = parseDateInput(parts, label, options);
    if (result.ok) return result.date;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.message });
    return z.NEVER;
  });
}

/**
 * A zod preprocess step: gathers `<name>-day`, `<name>-month`, `<name>-year` of each named
 * date input into `<name>: { day, month, year }` (react-hook-form and a plain post both send
 * the flat names), leaving every other field as it is.
 */
export function collectDateInputs(...names: string[]) {
  return (input: unknown): unknown => {
    if (!input || typeof input !== "object" || Array.isArray(input)) return input;
    const source = input as Record<string, unknown>;
    const out: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, source);
    for (const name of names) {
      const keys = dateInputNames(name);
      out[name] = { day: source[keys.day], month: source[keys.month], year: source[keys.year] };
    }
    return out;
  };
}

/** A stored date (a Date, or an ISO date or timestamp) as the three boxes show it, unpadded. */
export function datePartsOf(value: Date | string | null | undefined): DateParts {
  if (!value) return EMPTY;
  const date = typeof value === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value;
  if (Number.isNaN(date.getTime())) return EMPTY;
  return { day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) };
}

/** What the three boxes show: the values posted back (after an error) if any, otherwise `fallback`. */
export function dateInputValues(name: string, posted: Record<string, unknown> | undefined, fallback?: Date | string | null): DateParts {
  const keys = dateInputNames(name);
  if (posted && (keys.day in posted || keys.month in posted || keys.year in posted)) {
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    return { day: text(posted[keys.day]), month: text(posted[keys.month]), year: text(posted[keys.year]) };
  }
  return datePartsOf(fallback);
}
