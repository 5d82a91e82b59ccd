// A contract a council already holds, as entered on the form or in one CSV row. Both use this
// schema, so a CSV row's errors read exactly like the form's.
import { z } from "zod";
import { optionalPoundsField } from "./money.schema";
import { csvTemplateOf } from "./csv-file";

/** Where a contract came from, as its page says it (shared by pages and models, so not in a .server module). */
export const CONTRACT_SOURCES = {
  portal: "Recorded from a portal award",
  ocds: "Imported from a published notice",
  council: "Added by the council",
} as const;
export type ContractSource = keyof typeof CONTRACT_SOURCES;

/** The renewal radar's windows, in months. */
export const RADAR_HORIZONS = [6, 12, 18, 24] as const;
export type RadarHorizon = (typeof RADAR_HORIZONS)[number];

const MAX_CONTRACT_PENCE = 10_000_000_000_00; // £10bn: anything above is a typing mistake

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validIsoDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const dateField = (label: string) =>
  z
    .string({ required_error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .refine(validIsoDate, `Enter the ${label} as a real date, for example 2027-03-31`);

/** Optional pounds: "" → null; otherwise whole pence. */
const optionalPounds = (label: string) => optionalPoundsField({ label, example: "250000", maxPence: MAX_CONTRACT_PENCE });

const listOf = (raw: string | undefined) =>
  (raw ?? "")
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Each field on its own; the checks between fields follow (the CSV upload runs them even when another field is wrong). */
export const contractFieldsSchema = z.object({
  reference: z
    .string()
    .trim()
    .min(1, "Enter your reference for the contract")
    .max(100, "Your reference must be 100 characters or fewer")
    .regex(/^[\w./ -]+$/, "Your reference can only use letters, numbers, spaces and . / - _"),
  title: z.string().trim().min(1, "Enter what the contract is for").max(200, "The title must be 200 characters or fewer"),
  supplierName: z.string().trim().min(1, "Enter the supplier's name").max(200, "The supplier's name must be 200 characters or fewer"),
  supplierCompanyNumber: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[A-Z0-9]{8}$/.test(v), "Enter the Companies House number as 8 characters, for example 01234567"),
  agreement: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^RM[\w.]+(\/\w+)?$/i.test(v), "Enter the agreement as its number and lot, for example RM1557.15/2a"),
  procedure: z.string().trim().max(100, "The procedure must be 100 characters or fewer").optional().default(""),
  value: optionalPounds("Contract value including VAT"),
  valueExVat: optionalPounds("Contract value excluding VAT"),
  startDate: dateField("start date"),
  endDate: dateField("end date"),
  extensions: z
    .string()
    .optional()
    .transform(listOf)
    .refine((list) => list.every(validIsoDate), "Enter each extension's end date as a real date, separated by |, for example 2028-03-31"),
  cpvCodes: z
    .string()
    .optional()
    .transform(listOf)
    .refine((list) => list.every((c) => /^\d{8}$/.test(c)), "Enter CPV codes as 8 digits, separated by |, for example 72000000"),
  serviceArea: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null),
  noticeUrl: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https:\/\/\S{1,1990}$/.test(v), "Enter the notice's address starting https://"),
  visibility: z.enum(["public", "private"], { errorMap: () => ({ message: "Choose whether the contract is public or private" }) }),
});

type CrossChecked = Pick<z.infer<typeof contractFieldsSchema>, "startDate" | "endDate" | "extensions" | "value" | "valueExVat">;

/** The rules between fields: dates in order, and the value excluding VAT not above the value including it. */
export function checkContractFields(input: CrossChecked, ctx: z.RefinementCtx) {
  if (input.startDate && input.endDate && input.endDate < input.startDate)
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["endDate"], message: "The end date must be on or after the start date" });
  let previous = input.endDate;
  for (const e of input.extensions) {
    if (e <= previous) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["extensions"],
        message: "Each extension must end after the contract's end date and after the extension before it",
      });
      break;
    }
    previous = e;
  }
  if (input.value !== null && input.valueExVat !== null && input.valueExVat > input.value)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["valueExVat"],
      message: "The value excluding VAT cannot be more than the value including VAT",
    });
}

export const contractInputSchema = contractFieldsSchema.superRefine(checkContractFields);

export type ContractInput = z.infer<typeof contractInputSchema>;

export const CONTRACT_CSV_COLUMNS = [
  {
    column: "reference",
    field: "reference",
    help: "Your own reference, unique within your council (a second upload with it updates the contract)",
  },
  { column: "title", field: "title", help: "What the contract is for" },
  { column: "supplier_name", field: "supplierName", help: "The supplier's name" },
  { column: "supplier_company_number", field: "supplierCompanyNumber", help: "Optional: Companies House number, 8 characters" },
  { column: "agreement", field: "agreement", help: "Optional: framework and lot, e.g. RM1557.15/2a; empty for your own procedure" },
  { column: "procedure", field: "procedure", help: "Optional: your own procedure, e.g. open" },
  { column: "value_inc_vat", field: "value", help: "Optional: whole-life value in pounds including VAT" },
  { column: "value_ex_vat", field: "valueExVat", help: "Optional: whole-life value in pounds excluding VAT" },
  { column: "start_date", field: "startDate", help: "YYYY-MM-DD" },
  { column: "end_date", field: "endDate", help: "YYYY-MM-DD" },
  { column: "extension_end_dates", field: "extensions", help: "Optional: each extension option's end date, separated by |" },
  { column: "cpv_codes", field: "cpvCodes", help: "Optional: 8-digit CPV codes separated by |" },
  { column: "service_area", field: "serviceArea", help: "Optional: a service area's name as the portal lists it" },
  { column: "notice_url", field: "noticeUrl", help: "Optional: the published notice, https://" },
  { column: "visibility", field: "visibility", help: "public or private" },
] as const;

export function contractCsvTemplate(): string {
  return csvTemplateOf(CONTRACT_CSV_COLUMNS, [
    "REV-2022-01",
    "Revenues and benefits system",
    "Kestrel Civic Software Ltd",
    "",
    "RM1557.13/2",
    "",
    "480000",
    "400000",
    "2022-04-01",
    "2027-03-31",
    "2028-03-31|2029-03-31",
    "48000000",
    "Revenues and benefits",
    "",
    "public",
  ]);
}

/** The form posts dates as GOV.UK day/month/year boxes: joined into YYYY-MM-DD for the shared schema. */
function joinDateParts(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const source = input as Record<string, unknown>;
  const out: Record<string, unknown> = { ...source };
  for (const name of ["startDate", "endDate"]) {
    const [d, m, y] = ["day", "month", "year"].map((p) => String(source[`${name}-${p}`] ?? "").trim());
    if (!d && !m && !y) out[name] = "";
    else
      out[name] =
        /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) ? `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "not-a-date";
  }
  return out;
}

export const contractFormSchema = z.preprocess(joinDateParts, contractInputSchema);
