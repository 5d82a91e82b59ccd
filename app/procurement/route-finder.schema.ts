// The one schema for the buying-route guide's form: the web form (with
// react-hook-form's zodResolver) and the server action both use it. It takes
// what a form posts (strings) or plain values, and produces the input for
// eligibleRoutes(), with the value converted to integer pence.
// Error messages follow the GOV.UK Design System's error message style.
import { z } from "zod";
import { isIsoDate, toIsoDate } from "./dates";
import { parsePounds } from "./money";
import type { RouteFinderInput } from "./routes";
import { BUYING_CATEGORIES, CONTRACT_KINDS, NATIONS, SECURITY_CLASSIFICATIONS } from "./types";

/** Largest value the form accepts: £10,000,000,000 (in pence). */
export const MAX_VALUE_PENCE = 1_000_000_000_000;
export const MIN_CONTRACT_MONTHS = 1;
export const MAX_CONTRACT_MONTHS = 120;

export const ROUTE_FINDER_MESSAGES = {
  category: "Select what you are buying",
  valueMissing: "Enter the estimated value",
  valueNotNumber: "Enter the estimated value as a number, like 150000",
  valueNegative: "Estimated value must be £0.01 or more",
  valueZero: "Estimated value must be £0.01 or more",
  valueDecimals: "Estimated value must have no more than 2 decimal places, like 149999.99",
  valueTooLarge: "Estimated value must be £10,000,000,000 or less",
  monthsMissing: "Enter the contract length in months",
  monthsNotNumber: "Enter the contract length as a number of months, like 24",
  monthsNotWhole: "Contract length must be a whole number of months, like 24",
  monthsRange: `Contract length must be between ${MIN_CONTRACT_MONTHS} and ${MAX_CONTRACT_MONTHS} months`,
  startDateMissing: "Enter the date the procurement starts",
  startDateInvalid: "Date the procurement starts must be a real date, like 2026-11-23",
  termsUnchanged: "Select yes if the framework's terms can be used without changes",
  security: "Select the security classification",
  nation: "Select which nation the council is in",
  valueExVat: "Enter the value excluding VAT as an amount in pounds, like 125000, or leave it blank",
} as const;

const M = ROUTE_FINDER_MESSAGES;

function enumField<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.enum(values, { errorMap: () => ({ message }) });
}

/** Pounds (string from a form, or a number) → integer pence. */
const valueField = z.union([z.string(), z.number()], { errorMap: () => ({ message: M.valueMissing }) }).transform((raw, ctx) => {
  const parsed = parsePounds(raw);
  if (!parsed.ok) {
    const message = {
      empty: M.valueMissing,
      "not-a-number": M.valueNotNumber,
      negative: M.valueNegative,
      "too-many-decimals": M.valueDecimals,
      "too-large": M.valueTooLarge,
    }[parsed.reason];
    ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    return z.NEVER;
  }
  if (parsed.pence === 0) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.valueZero });
    return z.NEVER;
  }
  if (parsed.pence > MAX_VALUE_PENCE) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.valueTooLarge });
    return z.NEVER;
  }
  return parsed.pence;
});

const monthsField = z.union([z.string(), z.number()], { errorMap: () => ({ message: M.monthsMissing }) }).transform((raw, ctx) => {
  const text = String(raw).trim();
  if (text === "") {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.monthsMissing });
    return z.NEVER;
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.monthsNotNumber });
    return z.NEVER;
  }
  const months = Number(text);
  if (!Number.isInteger(months)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.monthsNotWhole });
    return z.NEVER;
  }
  if (months < MIN_CONTRACT_MONTHS || months > MAX_CONTRACT_MONTHS) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.monthsRange });
    return z.NEVER;
  }
  return months;
});

const startDateField = z.union([z.string(), z.date()], { errorMap: () => ({ message: M.startDateMissing }) }).transform((raw, ctx) => {
  if (typeof raw === "string") {
    const text = raw.trim();
    if (text === "") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.startDateMissing });
      return z.NEVER;
    }
    if (!isIsoDate(text)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.startDateInvalid });
      return z.NEVER;
    }
    return text;
  }
  if (Number.isNaN(raw.getTime())) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.startDateInvalid });
    return z.NEVER;
  }
  return toIsoDate(raw);
});

/** Radios post "yes"/"no"; JSON may send a boolean. */
const yesNoField = z
  .union([z.boolean(), z.enum(["yes", "no", "true", "false"])], { errorMap: () => ({ message: M.termsUnchanged }) })
  .transform((raw) => raw === true || raw === "yes" || raw === "true");

/**
 * Each question's field on its own, so a one-question-a-page form can validate
 * just its answer with exactly the rules (and messages) the whole form uses.
 */
export const routeFinderFields = {
  category: enumField(BUYING_CATEGORIES, M.category),
  /** Estimated whole-life value including VAT, in pounds, like 150000 or 149999.99. */
  value: valueField,
  contractMonths: monthsField,
  /** The date the procurement starts, YYYY-MM-DD. The form pre-fills today. */
  startDate: startDateField,
  termsUnchanged: yesNoField,
  security: enumField(SECURITY_CLASSIFICATIONS, M.security),
  nation: enumField(NATIONS, M.nation),
  contractKind: z.enum(CONTRACT_KINDS).default("goods-and-services"),
  /** Optional: the value excluding VAT, in pounds (Scotland's threshold is excluding VAT). Blank = worked out at 20%. */
  valueExVat: z
    .union([z.string(), z.number()])
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || String(raw).trim() === "") return undefined;
      const parsed = parsePounds(raw);
      if (!parsed.ok || parsed.pence > MAX_VALUE_PENCE) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: M.valueExVat });
        return z.NEVER;
      }
      return parsed.pence;
    }),
} as const;

export const routeFinderSchema = z.object(routeFinderFields).transform(({ value, valueExVat, ...rest }) => ({
  ...rest,
  valuePence: value,
  ...(valueExVat === undefined ? {} : { valueExcludingVatPence: valueExVat }),
}));

/** What the form holds (strings from inputs). */
export type RouteFinderFormValues = z.input<typeof routeFinderSchema>;
/** What the schema produces: ready for eligibleRoutes(). */
export type RouteFinderValues = z.output<typeof routeFinderSchema>;

// Compile-time check that the schema's output is a valid engine input.
const _outputIsEngineInput = (v: RouteFinderValues): RouteFinderInput => v;
void _outputIsEngineInput;
