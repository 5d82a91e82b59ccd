// New passwords are checked with a maintained strength estimator (zxcvbn-ts: common and
// breached passwords, English words and names, keyboard patterns, dates, repeats,
// l33t substitutions), server-side only so its dictionaries never reach the browser.
// A password must need at least 10^10 guesses (zxcvbn score 4): strong enough against
// an offline attack on a bcrypt hash. The message says why a password was refused.
import { ZxcvbnFactory, type ZxcvbnResult } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { z, type ZodTypeAny } from "zod";
import { MIN_PASSWORD_LENGTH } from "~/models/auth.schema";

export const MIN_GUESSES_LOG10 = 10;
/** Longer passwords are refused by the schema's length rule before this runs (bounded time). */
const MAX_CHECKED_LENGTH = 200;
/** Words anyone would try against this portal first. */
const SITE_WORDS = [
  "council",
  "councils",
  "marketplace",
  "councilmarketplace",
  "procurement",
  "buyer",
  "supplier",
  "gov",
  "govuk",
  "brighton",
  "leeds",
];

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
  return estimator;
}

function reason(result: ZxcvbnResult): string {
  const patterns = new Set(
    result.sequence.map((m) =>
      m.pattern === "dictionary" && "dictionaryName" in m ? `dictionary:${String(m.dictionaryName)}` : m.pattern,
    ),
  );
  if ([...patterns].some((p) => p === "dictionary:passwords-common")) return "it is, or is close to, a commonly used password";
  if (patterns.has("dictionary:userInputs")) return "it is based on your name, email address or the name of this service";
  if (patterns.has("date") || patterns.has("regex")) return "it is a common word with a year or date";
  if (patterns.has("repeat")) return "it repeats characters or words";
  if (patterns.has("sequence") || patterns.has("spatial")) return "it uses a sequence or keyboard pattern";
  if ([...patterns].some((p) => p.startsWith("dictionary:"))) return "it is made from common words or names";
  return "it could be guessed too quickly";
}

/** null when strong enough; otherwise the GOV.UK-style message saying why. */
export function passwordWeakness(password: string, userInputs: (string | undefined | null)[] = []): string | null {
  if (password.length > MAX_CHECKED_LENGTH) return null; // the length rule reports this one
  const inputs = [...SITE_WORDS];
  for (const input of userInputs) {
    if (!input) continue;
    const value = input.toLowerCase().slice(0, 200);
    inputs.push(value, ...value.split(/[^a-z0-9]+/).filter((w) => w.length >= 3));
  }
  const result = zxcvbn().check(password, inputs);
  if (result.guessesLog10 >= MIN_GUESSES_LOG10) return null;
  return `Choose a password that is harder to guess: ${reason(result)}. Try 3 or more random words, like ‘kettle orbit lantern’`;
}

/**
 * The schema with a strength check on one password field, using the other named fields
 * (email, name) as words an attacker would try. For actions only: never sent to the browser.
 */
export function withStrongPassword<S extends ZodTypeAny>(
  schema: S,
  field: string,
  { fields = ["email", "name"], inputs = [] }: { fields?: string[]; inputs?: (string | null | undefined)[] } = {},
): z.ZodEffects<S> {
  return schema.superRefine((value: Record<string, unknown>, ctx) => {
    const password = value?.[field];
    // Too short or too long: the length rule's message is the one to show.
    if (typeof password !== "string" || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_CHECKED_LENGTH) return;
    const why = passwordWeakness(password, [
      ...inputs,
      ...fields.map((f) => (typeof value[f] === "string" ? (value[f] as string) : undefined)),
    ]);
    if (why) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: why });
  });
}
