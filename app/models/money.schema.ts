// A money field on a form or CSV row: pounds-and-pence text in ("£1,234.56", "1234.5"),
// integer pence out, parsed by string arithmetic (parsePounds in app/procurement/money.ts).
// The field keeps the form's name (e.g. `priceFrom`); its parsed value is pence, and the
// model stores it in the column named for its unit (e.g. `priceFromPence`).
import { z } from "zod";
import { parsePounds, poundsMessage, type PoundsParseFailure } from "~/procurement/money";

export interface PoundsFieldOptions {
  /** As it starts a sentence in a message: "Starting price". */
  label: string;
  /** A typical amount, for messages: "12.50" or "750000". */
  example: string;
  /** The most the field accepts, in pence (at most Number.MAX_SAFE_INTEGER; a column of type Int at most 2^31 - 1). */
  maxPence: number;
  /** Messages to use instead of the standard ones. */
  messages?: Partial<Record<PoundsParseFailure, string>>;
}

/** A required amount in pounds → integer pence, 0 or more, at most `maxPence`. */
export function poundsField({ label, example, maxPence, messages = {} }: PoundsFieldOptions) {
  if (!Number.isSafeInteger(maxPence) || maxPence < 0)
    throw new RangeError(`maxPence must be a safe whole number of pence (got ${maxPence})`);
  const message = (reason: PoundsParseFailure) => messages[reason] ?? poundsMessage(reason, label, example, maxPence);
  return z
    .union([z.string(), z.number()], { errorMap: () => ({ message: message("empty") }) })
    .transform((raw, ctx) => toPence(raw, ctx, maxPence, message));
}

/** An optional amount in pounds: left blank → null; otherwise integer pence as `poundsField` takes it. */
export function optionalPoundsField({ label, example, maxPence }: Omit<PoundsFieldOptions, "messages">) {
  const message = (reason: PoundsParseFailure) => poundsMessage(reason, label, example, maxPence);
  return z
    .union([z.string(), z.number()])
    .optional()
    .transform((raw, ctx) => (raw === undefined || String(raw).trim() === "" ? null : toPence(raw, ctx, maxPence, message)));
}

function toPence(raw: string | number, ctx: z.RefinementCtx, maxPence: number, message: (reason: PoundsParseFailure) => string) {
  const parsed = parsePounds(raw);
  if (!parsed.ok || parsed.pence > maxPence) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: message(parsed.ok ? "too-large" : parsed.reason) });
    return z.NEVER;
  }
  return parsed.pence;
}
