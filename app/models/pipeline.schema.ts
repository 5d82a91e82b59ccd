// A council's forward plan (issue 16 item 5) as typed on /pipeline/new and its edit page, and the
// pipeline list's filters. Shared by pages and models, so not in a .server module.
import { z } from "zod";
import { optionalPoundsField } from "./money.schema";
import { ROUTE_KINDS } from "./project.schema";

/** What a council may say it is considering: one of the guide's route kinds, or not decided yet. */
export const ROUTE_CONSIDERED_LABELS: Record<string, string> = {
  undecided: "Not decided yet",
  "framework-direct-award": "Direct award from a framework",
  "framework-further-competition": "Further competition on a framework",
  "own-rules-under-30k": "The council's contract procedure rules (under £30,000)",
  "notifiable-below-threshold": "Below-threshold procurement",
  "open-procedure": "Open procedure",
  "competitive-flexible-procedure": "Competitive flexible procedure",
  "direct-award-schedule-5": "Direct award outside a framework (Schedule 5)",
  "scotland-below-regulated": "Standing orders (Scotland, below the regulated procurement threshold)",
  "scotland-regulated-procurement": "Regulated procurement on Public Contracts Scotland",
};
export const ROUTE_CONSIDERED = ["undecided", ...ROUTE_KINDS] as const;

/** An imported notice says its route in its own words: show those, or the label of ours. */
export function routeConsideredLabel(value: string): string {
  return ROUTE_CONSIDERED_LABELS[value] ?? (value || "Not stated");
}

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "2027-04-01" → "April 2027": a plan says the month it expects to start, not the day. */
export function formatMonth(isoDate: string | null): string {
  return isoDate ? MONTH.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)) : "Not stated";
}

export const PIPELINE_STAGES = { planned: "Planned", open: "Open for tenders", closed: "Closed" } as const;

/** Value bands for the list's filter, in pence (upper bound exclusive). */
export const VALUE_BANDS = [
  { value: "under-30k", label: "Under £30,000", min: 0, max: 30_000_00 },
  { value: "30k-250k", label: "£30,000 to £250,000", min: 30_000_00, max: 250_000_00 },
  { value: "250k-1m", label: "£250,000 to £1 million", min: 250_000_00, max: 1_000_000_00 },
  { value: "1m-5m", label: "£1 million to £5 million", min: 1_000_000_00, max: 5_000_000_00 },
  { value: "over-5m", label: "£5 million or more", min: 5_000_000_00, max: null },
] as const;
export type ValueBandKey = (typeof VALUE_BANDS)[number]["value"];

const MAX_PIPELINE_PENCE = 10_000_000_000_00; // £10bn: anything above is a typing mistake

const listOf = (raw: string | undefined) =>
  (raw ?? "")
    .split(/[|\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The revision the editor saw, posted back so a change made meanwhile is a conflict. */
export const revisionField = z.coerce
  .number({ invalid_type_error: "The page is out of date: reload it and try again" })
  .int()
  .min(1, "The page is out of date: reload it and try again");

/** Month and year boxes → "YYYY-MM" (errors on the month box, which the error summary links to). */
/** Month and year boxes → "YYYY-MM"; the message goes on the month box, which the error summary links to. */
const expectedStartField = z.object({ month: z.string(), year: z.string() }).transform(({ month: m, year: y }, ctx) => {
  const fail = (message: string) => {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    return z.NEVER;
  };
  if (!m && !y) return fail("Enter when you expect to start");
  if (!/^\d{1,2}$/.test(m) || Number(m) < 1 || Number(m) > 12) return fail("Expected start must include a month from 1 to 12");
  if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100) return fail("Expected start must include a year, like 2027");
  return `${y}-${m.padStart(2, "0")}`;
});

const pipelineFields = z.object({
  title: z.string().trim().min(1, "Enter what you plan to buy").max(200, "What you plan to buy must be 200 characters or fewer"),
  description: z.string().trim().max(4000, "The description must be 4,000 characters or fewer").optional().default(""),
  serviceArea: z.string({ required_error: "Choose a service area" }).trim().min(1, "Choose a service area"),
  cpvCodes: z
    .string()
    .optional()
    .transform(listOf)
    .refine((list) => list.every((c) => /^\d{8}$/.test(c)), "Enter CPV codes as 8 digits, separated by |, for example 72000000")
    .refine((list) => list.length <= 20, "Enter 20 CPV codes or fewer"),
  expectedStartMonth: expectedStartField,
  estimatedValue: optionalPoundsField({ label: "Estimated value", example: "250000", maxPence: MAX_PIPELINE_PENCE }),
  routeConsidered: z.enum(ROUTE_CONSIDERED, { errorMap: () => ({ message: "Choose the route you are considering" }) }),
  contactName: z.string().trim().min(1, "Enter a contact's name").max(100, "The contact's name must be 100 characters or fewer"),
  contactEmail: z
    .string()
    .trim()
    .min(1, "Enter a contact's email address")
    .max(254, "The email address must be 254 characters or fewer")
    .email("Enter an email address in the correct format, like name@example.gov.uk"),
});

/** The two boxes are checked as one field, so its message shows beside the other fields' (not after them). */
function joinExpectedStart(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const r = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === "string" ? v.trim().slice(0, 10) : "");
  return { ...r, expectedStartMonth: { month: text(r.expectedStartMonth), year: text(r.expectedStartYear) } };
}

const withStart = <T extends { expectedStartMonth: string }>(input: T) => ({ ...input, expectedStart: input.expectedStartMonth });

export const pipelineInputSchema = z.preprocess(joinExpectedStart, pipelineFields.transform(withStart));

export type PipelineInput = z.infer<typeof pipelineInputSchema>;

export const pipelineEditSchema = z.preprocess(joinExpectedStart, pipelineFields.extend({ revision: revisionField }).transform(withStart));

export const pipelineWithdrawSchema = z.object({
  revision: revisionField,
  reason: z.string().trim().min(1, "Enter why the plan is withdrawn").max(500, "The reason must be 500 characters or fewer"),
});

export const pipelineLinkSchema = z.object({
  revision: revisionField,
  projectId: z.string({ required_error: "Choose one of your council's projects" }).trim().min(1, "Choose one of your council's projects"),
});
