// Money is integer pence (including VAT where the field says so) everywhere in the app:
// in the database (columns named ...Pence), in the rules, and in pages until it is shown.
// So a boundary such as £29,999.99 against £30,000 is an exact integer comparison.
// This module is the one place that turns pounds text into pence (forms, CSV import) and
// pence into text (pages, CSV and OCDS exports), always by string arithmetic, never by
// multiplying a float by 100. docs/decisions/0011-money-integer-pence.md.

export type PoundsParseFailure = "empty" | "not-a-number" | "negative" | "too-many-decimals" | "too-large";
export type PoundsParseResult = { ok: true; pence: number } | { ok: false; reason: PoundsParseFailure };

/** Whole pounds above which a value is refused (keeps pence well inside Number.MAX_SAFE_INTEGER). */
const MAX_WHOLE_POUND_DIGITS = 13;

/** Digits, optionally grouped in thousands with commas ("1,234,567"), then up to any decimals (checked below). */
const POUNDS = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * Parse an amount in pounds, like "150000", "£150,000", "1234.5" or "149999.99", into
 * integer pence without going through floating point. A leading £ and spaces are allowed;
 * commas only as thousands separators. Exponents ("1e3"), negative amounts and more than
 * 2 decimal places are refused rather than rounded. A number is read as the decimal text
 * JavaScript prints for it, so 0.1 + 0.7 (0.7999999999999999) is refused too.
 */
export function parsePounds(raw: string | number): PoundsParseResult {
  const text = (typeof raw === "number" ? String(raw) : raw).trim();
  if (text === "") return { ok: false, reason: "empty" };
  const negative = text.startsWith("-");
  const cleaned = (negative ? text.slice(1) : text).trim().replace(/^£/, "").replace(/\s/g, "");
  const match = POUNDS.exec(cleaned);
  if (!match) return { ok: false, reason: "not-a-number" };
  const [, grouped, fraction = ""] = match;
  const whole = grouped.replace(/,/g, "");
  if (negative && /[1-9]/.test(whole + fraction)) return { ok: false, reason: "negative" };
  if (fraction.length > 2) return { ok: false, reason: "too-many-decimals" };
  const wholeDigits = whole.replace(/^0+(?=\d)/, "");
  if (wholeDigits.length > MAX_WHOLE_POUND_DIGITS) return { ok: false, reason: "too-large" };
  const pence = Number(wholeDigits) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(pence)) return { ok: false, reason: "too-large" };
  return { ok: true, pence };
}

/** Convert pounds (at most 2 decimal places) to integer pence; throws RangeError otherwise. */
export function poundsToPence(pounds: number | string): number {
  const result = parsePounds(pounds);
  if (!result.ok) throw new RangeError(`Cannot convert ${JSON.stringify(pounds)} to pence: ${result.reason}`);
  return result.pence;
}

/** GOV.UK-style error messages for a money field, e.g. poundsMessages("Annual turnover", "750000"). */
export function poundsMessage(reason: PoundsParseFailure, label: string, example: string, maxPence?: number): string {
  switch (reason) {
    case "empty":
      return `Enter the ${label.toLowerCase()}`;
    case "not-a-number":
      return `${label} must be an amount in pounds, like ${example}`;
    case "negative":
      return `${label} must be £0 or more`;
    case "too-many-decimals":
      return `${label} must have no more than 2 decimal places (pence), like ${example}.50`;
    case "too-large":
      return `${label} must be ${maxPence === undefined ? "smaller" : `${formatPence(maxPence)} or less`}`;
  }
}

function splitPence(pence: number): { sign: string; pounds: string; pennies: string } {
  assertSafeInteger(pence);
  const abs = Math.abs(pence);
  return { sign: pence < 0 ? "-" : "", pounds: String(Math.floor(abs / 100)), pennies: String(abs % 100).padStart(2, "0") };
}

/**
 * "£207,720" for whole pounds, "£29,999.99" otherwise; `missing` (default "Not stated")
 * for null or undefined. The one money formatter for pages.
 */
export function formatPence(pence: number): string;
export function formatPence(pence: number | null | undefined, missing?: string): string;
export function formatPence(pence: number | null | undefined, missing = "Not stated"): string {
  if (pence == null) return missing;
  const { sign, pounds, pennies } = splitPence(pence);
  const grouped = pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}£${grouped}${pennies === "00" ? "" : `.${pennies}`}`;
}

/**
 * Pence as a plain decimal amount of pounds, exactly, as a form or query string shows it
 * back: 123456789 → "1234567.89", 15000000 → "150000" (or "150000.00" with
 * `wholePounds: "with-pence"`, as the CSV exports write every amount).
 */
export function penceToPounds(pence: number, options: { wholePounds?: "short" | "with-pence" } = {}): string {
  const { sign, pounds, pennies } = splitPence(pence);
  return options.wholePounds !== "with-pence" && pennies === "00" ? `${sign}${pounds}` : `${sign}${pounds}.${pennies}`;
}

/**
 * Pence as a JSON number of pounds (OCDS amounts): the decimal text is exact, and the
 * number is the double that prints as it, so JSON.stringify writes 1234567.89, never 1234567.8900000001.
 */
export function penceToPoundsNumber(pence: number): number {
  return Number(penceToPounds(pence));
}

/** A loosely typed value (a search document field, a JSON body) as pence, or null if it is not a safe whole number. */
export function asPence(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}

function assertSafeInteger(value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Money must be a whole number of pence (got ${value})`);
}

export function assertPence(value: number, name = "value"): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of pence, 0 or more (got ${value})`);
  }
}
