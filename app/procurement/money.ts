// Money is integer pence including VAT everywhere inside the rules, so a
// boundary such as £29,999.99 against £30,000 is an exact integer comparison.
// Pounds (with at most 2 decimal places) are accepted only at the edge.

export type PoundsParseResult =
  | { ok: true; pence: number }
  | { ok: false; reason: "empty" | "not-a-number" | "negative" | "too-many-decimals" | "too-large" };

/** Whole pounds above which a value is refused (keeps pence well inside Number.MAX_SAFE_INTEGER). */
const MAX_WHOLE_POUND_DIGITS = 13;

/**
 * Parse an amount in pounds, like "150000", "£150,000" or "149999.99", into
 * pence without going through floating point. Commas, spaces and a leading £
 * are allowed; more than 2 decimal places is refused rather than rounded.
 */
export function parsePounds(raw: string | number): PoundsParseResult {
  const text = (typeof raw === "number" ? String(raw) : raw).trim();
  if (text === "") return { ok: false, reason: "empty" };
  const negative = text.startsWith("-");
  const cleaned = (negative ? text.slice(1) : text).trim().replace(/^£/, "").replace(/[,\s]/g, "");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return { ok: false, reason: "not-a-number" };
  const [, whole, fraction = ""] = match;
  if (negative && /[1-9]/.test(whole + fraction)) return { ok: false, reason: "negative" };
  if (fraction.length > 2) return { ok: false, reason: "too-many-decimals" };
  const wholeDigits = whole.replace(/^0+(?=\d)/, "");
  if (wholeDigits.length > MAX_WHOLE_POUND_DIGITS) return { ok: false, reason: "too-large" };
  return { ok: true, pence: Number(wholeDigits) * 100 + Number(fraction.padEnd(2, "0")) };
}

/** Convert pounds (at most 2 decimal places) to integer pence; throws RangeError otherwise. */
export function poundsToPence(pounds: number | string): number {
  const result = parsePounds(pounds);
  if (!result.ok) throw new RangeError(`Cannot convert ${JSON.stringify(pounds)} to pence: ${result.reason}`);
  return result.pence;
}

/** "£207,720" for whole pounds, "£29,999.99" otherwise. */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  const pennies = abs % 100;
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}£${grouped}${pennies === 0 ? "" : `.${String(pennies).padStart(2, "0")}`}`;
}

export function assertPence(value: number, name = "value"): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number of pence, 0 or more (got ${value})`);
  }
}
