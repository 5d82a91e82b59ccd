// Zod schemas for a supplier organisation's self-service forms (registration, profile,
// accreditations, team), shared by the browser (react-hook-form) and the server.
// Each form has a client schema (the visible fields) and, where the form carries hidden
// fields (supplierId, version), a server schema that adds them.
import { z } from "zod";
import { emailField, newPasswordField } from "./auth.schema";
import { poundsField } from "./money.schema";
import { requiredText } from "./text-field.schema";
import type { SupplierSize } from "./supplier-size";
import { ACCREDITATION_KINDS, SIZE_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";
import { collectDateInputs, dateInputField } from "~/utils/date-input";

export const UK_REGIONS = [
  "North East",
  "North West",
  "Yorkshire and The Humber",
  "East Midlands",
  "West Midlands",
  "East of England",
  "London",
  "South East",
  "South West",
  "Scotland",
  "Wales",
  "Northern Ireland",
] as const;

export const SUPPLIER_SIZES = ["micro", "small", "medium", "large"] as const satisfies readonly SupplierSize[];

// Size and accreditation labels live in the label registry (app/utils/labels.ts).

// ── Companies House number ───────────────────────────────────────────────

// 8 digits (England and Wales companies), or a 2-letter prefix and 6 digits (SC Scotland,
// NI Northern Ireland, OC/SO/NC LLPs, and so on), or R0 and 6 digits (old NI companies).
const COMPANY_NUMBER = /^(?:\d{8}|[A-Z]{2}\d{6}|R0\d{6})$/;

export const COMPANY_NUMBER_MESSAGES = {
  missing: "Enter your Companies House number",
  spaces: "Enter the Companies House number without spaces, like 01234567",
  length: "Companies House number must be 8 characters, like 01234567 or SC123456",
  format: "Companies House number must be 8 digits, like 01234567, or 2 letters followed by 6 digits, like SC123456",
} as const;

/** The message for a Companies House number that is not valid, or null if it is. */
export function companyNumberProblem(raw: string): string | null {
  const value = raw.trim().toUpperCase();
  if (!value) return COMPANY_NUMBER_MESSAGES.missing;
  if (/\s/.test(value)) return COMPANY_NUMBER_MESSAGES.spaces;
  if (value.length !== 8) return COMPANY_NUMBER_MESSAGES.length;
  if (!COMPANY_NUMBER.test(value)) return COMPANY_NUMBER_MESSAGES.format;
  return null;
}

export const companyNumberField = z
  .string({ required_error: COMPANY_NUMBER_MESSAGES.missing })
  .superRefine((value, ctx) => {
    const problem = companyNumberProblem(value);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  })
  .transform((value) => value.trim().toUpperCase());

// ── small field builders ─────────────────────────────────────────────────

/** An optional text field: absent or blank becomes null. */
function optionalText(label: string, max: number, check?: { test: (v: string) => boolean; message: string }) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine((v) => v === "" || !check || check.test(v), check?.message ?? "")
    .optional()
    .transform((v) => (v ? v : null));
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, "");
  return /^\+?[\d\s()-]+$/.test(value) && digits.length >= 10 && digits.length <= 15;
}

const WHOLE_NUMBER = /^\d+$/;

const staffCountField = z
  .string({ required_error: "Enter the number of staff" })
  .trim()
  .min(1, "Enter the number of staff")
  .transform((v) => v.replace(/,/g, ""))
  .refine((v) => WHOLE_NUMBER.test(v), "Number of staff must be a whole number, like 12")
  .transform(Number)
  .refine((n) => n >= 1, "Number of staff must be 1 or more")
  .refine((n) => n <= 10_000_000, "Number of staff must be 10,000,000 or fewer");

/** £1,000,000,000,000: the largest annual turnover the form accepts. */
export const MAX_TURNOVER_PENCE = 100_000_000_000_000;

/** Typed in pounds; parsed to integer pence (stored as Supplier.turnoverPence). */
const turnoverField = poundsField({
  label: "Annual turnover",
  example: "750000",
  maxPence: MAX_TURNOVER_PENCE,
  messages: {
    empty: "Enter your annual turnover",
    "not-a-number": "Annual turnover must be an amount in pounds, like 750000 or 1,250,000",
    "too-large": "Annual turnover must be £1,000,000,000,000 or less",
  },
});

/** Optional (the SME test's balance-sheet limb): blank means not given. Typed in pounds; stored as Supplier.balanceSheetPence. */
const balanceSheetMessage = "Balance sheet total must be an amount in pounds, like 30000000, or leave it blank";
const balanceSheetField = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((raw, ctx): number | null => {
    if (raw == null || String(raw).trim() === "") return null;
    const parsed = poundsField({ label: "Balance sheet total", example: "30000000", maxPence: MAX_TURNOVER_PENCE }).safeParse(raw);
    if (!parsed.success) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: balanceSheetMessage });
      return z.NEVER;
    }
    return parsed.data;
  });

const contactEmailField = z
  .string({ required_error: "Enter a contact email address" })
  .trim()
  .min(1, "Enter a contact email address")
  .max(254, "Contact email address must be 254 characters or fewer")
  .email("Enter a contact email address in the correct format, like name@example.co.uk");

// ── the organisation ─────────────────────────────────────────────────────

const organisationShape = {
  legalName: requiredText("Legal name", 160, "Enter your organisation's legal name"),
  tradingName: requiredText("Trading name", 120, "Enter your trading name"),
  staffCount: staffCountField,
  turnover: turnoverField,
  balanceSheet: balanceSheetField,
  declaredSize: z.enum(SUPPLIER_SIZES, { errorMap: () => ({ message: "Select the size of your organisation" }) }),
  region: z.enum(UK_REGIONS, { errorMap: () => ({ message: "Select the region or nation where your organisation is based" }) }),
  website: optionalText("Website", 200, {
    test: isHttpsUrl,
    message: "Enter a website address that starts with https://, like https://www.example.co.uk",
  }),
  contactName: requiredText("Contact name", 100, "Enter the name of the person buyers should contact"),
  contactEmail: contactEmailField,
  contactPhone: optionalText("Contact telephone number", 30, {
    test: isPhoneNumber,
    message: "Enter a telephone number, like 01632 960 001 or +44 808 157 0192",
  }),
  description: requiredText("Description", 2000, "Enter a description of your organisation"),
};

export const supplierProfileSchema = z.object(organisationShape);

/** The profile form as the server reads it: also the version the user opened (the organisation is the session's). */
export const supplierProfileServerSchema = supplierProfileSchema.extend({
  version: z.coerce.number().int().min(1),
});

const registrationBase = z.object({
  ...organisationShape,
  companyNumber: companyNumberField,
  name: requiredText("Your full name", 100, "Enter your full name"),
  email: emailField,
  password: newPasswordField,
  confirmPassword: z.string({ required_error: "Confirm your password" }).min(1, "Confirm your password"),
});

export const supplierRegistrationSchema = registrationBase.superRefine((value, ctx) => {
  if (value.password !== value.confirmPassword) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "Passwords must match" });
  }
});

export type SupplierProfileInput = z.infer<typeof supplierProfileSchema>;
export type SupplierRegistrationInput = z.infer<typeof supplierRegistrationSchema>;

/** Form labels, for the error summary and for "your value / saved value" comparisons. */
export const ORGANISATION_LABELS: Record<keyof SupplierProfileInput | "companyNumber", string> = {
  legalName: "Legal name",
  tradingName: "Trading name",
  companyNumber: "Companies House number",
  staffCount: "Number of staff",
  turnover: "Annual turnover",
  balanceSheet: "Balance sheet total",
  declaredSize: "Size you declare",
  region: "Region or nation",
  website: "Website",
  contactName: "Contact name",
  contactEmail: "Contact email address",
  contactPhone: "Contact telephone number",
  description: "Description",
};

export type ProfileDifference = { field: keyof SupplierProfileInput; label: string; yours: string; saved: string };

const PROFILE_KEYS = Object.keys(organisationShape) as (keyof SupplierProfileInput)[];

/** A profile answer as its field reads it (turnover in pence, blanks as null), or the trimmed text if it does not parse. */
function normalised(field: keyof SupplierProfileInput, raw: unknown): unknown {
  const parsed = organisationShape[field].safeParse(typeof raw === "number" ? String(raw) : (raw ?? undefined));
  if (parsed.success) return parsed.data ?? null;
  const text = raw == null ? "" : String(raw).trim();
  return text === "" ? null : text;
}

function shown(field: keyof SupplierProfileInput, value: unknown): string {
  if (value == null || value === "") return "Not given";
  if ((field === "turnover" || field === "balanceSheet") && typeof value === "number") return formatPence(value);
  if (field === "declaredSize") return SIZE_LABELS[String(value)] ?? String(value);
  return String(value as string | number);
}

/**
 * The questions where what the user posted differs from the saved profile (both as the form
 * shows them), for the "what changed" table after a stale edit: each field compared as its
 * schema reads it, so "1,500,000" and "1500000" are the same answer.
 */
export function profileDifferences(yours: Record<string, unknown>, saved: Record<string, unknown>): ProfileDifference[] {
  return PROFILE_KEYS.flatMap((field) => {
    const mine = normalised(field, yours[field]);
    const theirs = normalised(field, saved[field]);
    if (mine === theirs) return [];
    return [{ field, label: ORGANISATION_LABELS[field], yours: shown(field, mine), saved: shown(field, theirs) }];
  });
}

// ── accreditations ───────────────────────────────────────────────────────

// The organisation is the signed-in user's (app/auth/supplier-policy.server.ts), never a form field.
const accreditationShape = {
  kind: z.enum(ACCREDITATION_KINDS, { errorMap: () => ({ message: "Select the type of accreditation" }) }),
  certificateNumber: requiredText("Certificate number", 60, "Enter the certificate number"),
  expires: dateInputField("Expiry date"),
};

/** The "add an accreditation" form (browser and server). */
export const accreditationSchema = z.preprocess(collectDateInputs("expires"), z.object(accreditationShape));

/** Both forms on the accreditations page: add (the default intent) and remove. */
export const accreditationActionSchema = z.preprocess(
  (input) => collectDateInputs("expires")(withDefaultIntent(input, "add")),
  z.discriminatedUnion("intent", [
    z.object({ intent: z.literal("add"), ...accreditationShape }),
    z.object({
      intent: z.literal("remove"),
      accreditationId: z
        .string({ required_error: "Choose an accreditation to remove" })
        .min(1, "Choose an accreditation to remove")
        .max(50),
    }),
  ]),
);

/** A form whose main button may post no intent (Enter in a text box): the intent it means. */
export function withDefaultIntent(input: unknown, intent: string): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const value = (input as Record<string, unknown>).intent;
  return value === undefined || value === "" ? { ...input, intent } : input;
}

// ── team ─────────────────────────────────────────────────────────────────

export const inviteColleagueSchema = z.object({
  email: requiredText("Email address", 254, "Enter your colleague's email address").email(
    "Enter an email address in the correct format, like name@example.co.uk",
  ),
});

export const acceptInvitationSchema = z
  .object({
    name: requiredText("Your full name", 100, "Enter your full name"),
    password: newPasswordField,
    confirmPassword: z.string({ required_error: "Confirm your password" }).min(1, "Confirm your password"),
  })
  .superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirmPassword"], message: "Passwords must match" });
    }
  });
