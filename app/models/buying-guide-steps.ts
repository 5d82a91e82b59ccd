// The buying-route guide's wizard: its steps (one question a page), their schemas and the answers. Answers travel in
// the query string (no server session), so every page re-validates every answer
// it relies on with the same zod rules as the whole form (routeFinderSchema).
import { z } from "zod";
import {
  BUYING_CATEGORIES,
  CATEGORY_LABELS,
  NATIONS,
  ROUTE_FINDER_MESSAGES,
  type SECURITY_CLASSIFICATIONS,
  formatDate,
  formatPence,
  isIsoDate,
  penceToPounds,
  routeFinderFields,
  routeFinderSchema,
  type RouteFinderValues,
} from "~/procurement";

export const ANSWER_KEYS = ["category", "value", "contractMonths", "startDate", "termsUnchanged", "security", "nation"] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];
export type RawAnswers = Partial<Record<AnswerKey, string>>;

export interface GuideStep {
  slug: string;
  field: AnswerKey;
  /** The question, used as the page heading and the check-answers row key. */
  question: string;
  /** Short label for the check-answers page. */
  label: string;
}

export const GUIDE_STEPS: readonly GuideStep[] = [
  { slug: "category", field: "category", question: "What are you buying?", label: "What you are buying" },
  {
    slug: "value",
    field: "value",
    question: "What is the estimated whole-life value of the contract, including VAT?",
    label: "Estimated whole-life value (including VAT)",
  },
  {
    slug: "contract-length",
    field: "contractMonths",
    question: "How long will the contract last, including any extensions?",
    label: "Contract length",
  },
  { slug: "start-date", field: "startDate", question: "When does the procurement start?", label: "Procurement start date" },
  {
    slug: "terms",
    field: "termsUnchanged",
    question: "Can you use the framework's call-off terms without changes?",
    label: "Framework terms used unchanged",
  },
  {
    slug: "security",
    field: "security",
    question: "What is the security classification of the information involved?",
    label: "Security classification",
  },
  { slug: "nation", field: "nation", question: "Which nation is your council in?", label: "Council's nation" },
];

export function stepBySlug(slug: string | undefined): GuideStep | undefined {
  return GUIDE_STEPS.find((s) => s.slug === slug);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const CATEGORY_OPTIONS = BUYING_CATEGORIES.map((value) => ({ value, label: capitalise(CATEGORY_LABELS[value]) }));
export const SECURITY_OPTIONS: { value: (typeof SECURITY_CLASSIFICATIONS)[number]; label: string; hint: string }[] = [
  { value: "OFFICIAL", label: "OFFICIAL", hint: "Most council information, including personal data, is OFFICIAL." },
  { value: "ABOVE_OFFICIAL", label: "Above OFFICIAL", hint: "SECRET or TOP SECRET information." },
];
export const NATION_OPTIONS = NATIONS.map((value) => ({ value, label: value }));
export const YES_NO_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No, they would need to change" },
];

// ── the start date, asked as a GOV.UK date input (day, month, year) ──────────

export const DATE_MESSAGES = {
  missing: ROUTE_FINDER_MESSAGES.startDateMissing,
  invalid: "Date the procurement starts must be a real date",
  year: "Year must include 4 numbers",
  include: (parts: string[]) => `Date the procurement starts must include a ${parts.join(" and ")}`,
} as const;

const datePart = z
  .union([z.string(), z.number()])
  .optional()
  .transform((v) => (v === undefined ? "" : String(v).trim()));

export interface DateMessages {
  missing: string;
  invalid: string;
  year: string;
  include: (parts: string[]) => string;
}

/** Day, month and year as typed → YYYY-MM-DD, or the GOV.UK message saying what is wrong. */
export function isoFromDateParts(
  day: string,
  month: string,
  year: string,
  messages: DateMessages,
): { ok: true; iso: string } | { ok: false; message: string } {
  if (!day && !month && !year) return { ok: false, message: messages.missing };
  const missing = [!day && "day", !month && "month", !year && "year"].filter((p): p is string => Boolean(p));
  if (missing.length) return { ok: false, message: messages.include(missing) };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return { ok: false, message: messages.invalid };
  if (!/^\d{4}$/.test(year)) return { ok: false, message: messages.year };
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isIsoDate(iso) ? { ok: true, iso } : { ok: false, message: messages.invalid };
}

/** The three boxes of a date input named `name` (name-day, name-month, name-year), as schema fields. */
export function datePartFields<N extends string>(name: N) {
  return { [`${name}-day`]: datePart, [`${name}-month`]: datePart, [`${name}-year`]: datePart } as {
    [K in `${N}-day` | `${N}-month` | `${N}-year`]: typeof datePart;
  };
}

/** Day, month and year boxes → YYYY-MM-DD, with GOV.UK date-input messages on `name`. */
export function dateInputSchema(name: string, messages: DateMessages) {
  return z.object(datePartFields(name)).transform((parts, ctx) => {
    const get = (part: string) => (parts as Record<string, string>)[`${name}-${part}`] ?? "";
    const result = isoFromDateParts(get("day"), get("month"), get("year"), messages);
    if (!result.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: result.message, path: [name] });
      return z.NEVER;
    }
    return result.iso;
  });
}

export const startDateStepSchema = dateInputSchema("startDate", DATE_MESSAGES).transform((startDate) => ({ startDate }));

/** Splits YYYY-MM-DD into the three boxes of a date input (unpadded, as people type them). */
export function dateParts(iso: string | undefined | null): { day: string; month: string; year: string } {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return { day: "", month: "", year: "" };
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

// ── one schema per question ────────────────────────────────────────────────

export const STEP_SCHEMAS = {
  category: z.object({ category: routeFinderFields.category }),
  value: z.object({ value: routeFinderFields.value }),
  contractMonths: z.object({ contractMonths: routeFinderFields.contractMonths }),
  startDate: startDateStepSchema,
  termsUnchanged: z.object({ termsUnchanged: routeFinderFields.termsUnchanged }),
  security: z.object({ security: routeFinderFields.security }),
  nation: z.object({ nation: routeFinderFields.nation }),
} as const;

/** The validated answer in the canonical form it takes in the query string. */
export function canonicalAnswer(field: AnswerKey, parsed: Record<string, unknown>): string {
  const value = parsed[field];
  switch (field) {
    case "value":
      return penceToPounds(value as number);
    case "termsUnchanged":
      return value ? "yes" : "no";
    default:
      return String(value);
  }
}

// ── the answers in the query string ─────────────────────────────────────────

const MAX_ANSWER_LENGTH = 100;

/** Only the guide's own keys, first value each, trimmed and length-capped. */
export function readAnswers(params: URLSearchParams): RawAnswers {
  const raw: RawAnswers = {};
  for (const key of ANSWER_KEYS) {
    const value = params.get(key);
    if (value !== null) raw[key] = value.trim().slice(0, MAX_ANSWER_LENGTH);
  }
  return raw;
}

export function answersQuery(raw: RawAnswers, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ANSWER_KEYS) if (raw[key] !== undefined) params.set(key, raw[key]!);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

export type AnswerCheck = { ok: true } | { ok: false; message: string } | { ok: false; missing: true; message: string };

/** Validates one answer from the query string with its question's own rules. */
export function checkAnswer(field: AnswerKey, raw: RawAnswers): AnswerCheck {
  const value = raw[field];
  const step = GUIDE_STEPS.find((s) => s.field === field)!;
  if (value === undefined || value === "") return { ok: false, missing: true, message: `Answer “${step.question}”` };
  const input = field === "startDate" ? { startDate: value } : { [field]: value };
  const schema = field === "startDate" ? z.object({ startDate: routeFinderFields.startDate }) : STEP_SCHEMAS[field];
  const result = schema.safeParse(input);
  return result.success ? { ok: true } : { ok: false, message: result.error.issues[0]?.message ?? "Check this answer" };
}

/** The first question before `upTo` (exclusive; all when omitted) whose answer is missing or invalid. */
export function firstUnanswered(raw: RawAnswers, upTo?: AnswerKey): GuideStep | null {
  for (const step of GUIDE_STEPS) {
    if (step.field === upTo) return null;
    if (!checkAnswer(step.field, raw).ok) return step;
  }
  return null;
}

export type ParsedAnswers = { success: true; data: RouteFinderValues } | { success: false; errors: Record<string, string[]> };

export function parseAnswers(raw: RawAnswers): ParsedAnswers {
  const result = routeFinderSchema.safeParse({ ...raw });
  if (result.success) return { success: true, data: result.data };
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return { success: false, errors };
}

/** How each answer reads on the check-answers page. */
export function displayAnswer(field: AnswerKey, raw: RawAnswers): string {
  const value = raw[field] ?? "";
  switch (field) {
    case "category":
      return CATEGORY_OPTIONS.find((o) => o.value === value)?.label ?? value;
    case "value": {
      const parsed = routeFinderFields.value.safeParse(value);
      return parsed.success ? formatPence(parsed.data) : value;
    }
    case "contractMonths":
      return value === "1" ? "1 month" : `${value} months`;
    case "startDate":
      return isIsoDate(value) ? formatDate(value) : value;
    case "termsUnchanged":
      return value === "yes" ? "Yes" : value === "no" ? "No" : value;
    case "security":
      return SECURITY_OPTIONS.find((o) => o.value === value)?.label ?? value;
    default:
      return value;
  }
}
