// The case study form: one zod schema shared by react-hook-form in the browser and the
// action on the server. Inputs arrive as strings (dotted names such as "metrics.0.before"
// from a plain form post, already nested from react-hook-form); the output is clean,
// typed data for app/models/case-study.server.ts.
//
// "Save as draft" only needs a title and a service area (so a half-written story is never
// lost); "Submit for review" needs the whole story. Without an intent (react-hook-form
// validating before a submit) the strict rules apply.
import { z } from "zod";
import { nestFormFields } from "~/utils/forms";
import { parsePounds, poundsMessage } from "~/procurement/money";
import { COST_BANDS, costBandForPence, labelsOf, type CostBand } from "~/utils/labels";
import { collectDateInputs, parseDateInput } from "~/utils/date-input";

/** The years a case study's work may start or end in. */
const CASE_STUDY_YEARS = { minYear: 1990, maxYear: 2100 };

export const CASE_STUDY_STATUSES = ["draft", "submitted", "published", "rejected", "withdrawn"] as const;
export type CaseStudyStatus = (typeof CASE_STUDY_STATUSES)[number];

export const STATUS_LABELS: Record<string, { label: string; tag: string }> = {
  draft: { label: "Draft", tag: "govuk-tag--grey" },
  submitted: { label: "Awaiting review", tag: "govuk-tag--blue" },
  published: { label: "Published", tag: "govuk-tag--green" },
  rejected: { label: "Changes needed", tag: "govuk-tag--red" },
  withdrawn: { label: "Unpublished", tag: "govuk-tag--orange" },
};

export const ASSET_TYPES = ["code", "pattern", "service-design", "other"] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export const ASSET_TYPE_LABELS: Record<AssetType, string> = {
  code: "Code",
  pattern: "Design pattern",
  "service-design": "Service design",
  other: "Other",
};

/** £1 billion: the largest total cost a case study may state. */
export const MAX_COST_PENCE = 100_000_000_000;

export const BUYING_ROUTE_OPTIONS = [
  { value: "direct-award", label: "Direct award from a framework" },
  { value: "further-competition", label: "Further competition on a framework" },
  { value: "below-threshold", label: "Quotes or tender below the procurement threshold" },
  { value: "open-procedure", label: "Open procedure" },
  { value: "competitive-flexible", label: "Competitive flexible procedure" },
  { value: "direct-award-schedule-5", label: "Direct award outside a framework (Schedule 5)" },
] as const;
export const BUYING_ROUTE_LABELS = labelsOf(BUYING_ROUTE_OPTIONS);

/** Blank rows shown for repeatable groups, so they work without JavaScript. */
export const BLANK_ROWS = { metrics: 3, assets: 1, unlisted: 1 } as const;
export const MAX_ROWS = { metrics: 20, assets: 20, unlisted: 10, productIds: 20 } as const;
export type RepeatableGroup = keyof typeof BLANK_ROWS;

/** Submit buttons that only change the form (add a row, find products): nothing is saved. */
export const FORM_ONLY_INTENTS = ["add-metric", "add-asset", "add-unlisted", "find-products"] as const;
export const SAVE_INTENTS = ["save-draft", "submit"] as const;

const LIMITS = { title: 200, summary: 600, long: 8000, short: 200, url: 500 };

// ───────────────────────────── input shape ───────────────────────────────────

const text = z
  .preprocess((v) => (v == null || v === false ? "" : v), z.string({ invalid_type_error: "Enter text" }))
  .transform((s) => s.trim());
const checkbox = z.union([z.boolean(), z.string(), z.undefined(), z.null()]).transform((v) => v === true || v === "true" || v === "on");
const stringList = z.preprocess(
  (v) => (v == null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()).max(MAX_ROWS.productIds, `Choose ${MAX_ROWS.productIds} products or fewer`),
);
const rows = <T extends z.ZodTypeAny>(row: T, max: number, noun: string) =>
  z.preprocess(
    (v) =>
      v == null || v === false
        ? []
        : Array.isArray(v)
          ? Array.from(v, (r) => r ?? {})
          : typeof v === "object"
            ? Object.values(v as object)
            : [],
    z.array(row).max(max, `Add ${max} ${noun} or fewer`),
  );
const dateParts = z
  .preprocess(
    (v) => (v && typeof v === "object" ? v : {}),
    z.object({ day: text.optional(), month: text.optional(), year: text.optional() }),
  )
  .transform((d) => ({ day: d.day ?? "", month: d.month ?? "", year: d.year ?? "" }));

const metricRow = z.object({
  name: text.optional(),
  before: text.optional(),
  after: text.optional(),
  unit: text.optional(),
  higherIsBetter: checkbox.optional(),
});
const assetRow = z.object({
  title: text.optional(),
  type: text.optional(),
  url: text.optional(),
  licence: text.optional(),
  description: text.optional(),
});
const unlistedRow = z.object({ name: text.optional(), supplierName: text.optional() });

const inputShape = z.object({
  intent: text.optional(),
  lockVersion: text.optional(),
  title: text.optional(),
  serviceAreaId: text.optional(),
  summary: text.optional(),
  problem: text.optional(),
  approach: text.optional(),
  metrics: rows(metricRow, MAX_ROWS.metrics, "measures"),
  outcomeNarrative: text.optional(),
  costExact: text.optional(),
  costBand: text.optional(),
  funding: text.optional(),
  startDate: dateParts.optional(),
  endDate: dateParts.optional(),
  productIds: stringList.optional(),
  productQuery: text.optional(),
  unlisted: rows(unlistedRow, MAX_ROWS.unlisted, "unlisted products"),
  lotId: text.optional(),
  buyingRoute: text.optional(),
  assets: rows(assetRow, MAX_ROWS.assets, "reusable assets"),
  lessons: text.optional(),
  contactName: text.optional(),
  contactEmail: text.optional(),
});

export type CaseStudyFormInput = z.input<typeof inputShape>;

// ───────────────────────────── output shape ──────────────────────────────────

export interface MetricInput {
  name: string;
  before: number;
  after: number;
  unit: string;
  higherIsBetter: boolean;
}
export interface AssetInput {
  title: string;
  type: AssetType;
  url: string;
  licence: string;
  description: string;
}
export interface UnlistedProductInput {
  name: string;
  supplierName: string;
}
export interface CaseStudyInput {
  intent: "save-draft" | "submit";
  lockVersion: number | null;
  title: string;
  serviceAreaId: string;
  summary: string;
  problem: string;
  approach: string;
  metrics: MetricInput[];
  outcomeNarrative: string;
  /** Whole-life cost including VAT, integer pence (the form field `costExact` takes pounds). */
  costExactPence: number | null;
  costBand: CostBand | null;
  funding: string;
  startDate: Date | null;
  endDate: Date | null;
  productIds: string[];
  unlisted: UnlistedProductInput[];
  lotId: string | null;
  buyingRoute: string | null;
  assets: AssetInput[];
  lessons: string;
  contactName: string;
  contactEmail: string;
}

// ───────────────────────────── helpers ───────────────────────────────────────

/**
 * A plain form post names nested fields with dots ("metrics.0.before"); react-hook-form
 * registers the same names but hands over nested objects. Turn the first into the second
 * so one schema serves both. Indexes are capped so a hostile post cannot allocate a huge array.
 */
export const unflattenFormValues = (input: unknown): unknown => nestFormFields(input, { maxIndex: 60, depth: 4 });

/** A measure's number as people type it: "14", "1,250", "95.1%", "£212,000", "-3". */
export function parseMetricNumber(value: string): number | null {
  const cleaned = value
    .replace(/,/g, "")
    .replace(/%\s*$/, "")
    .trim()
    .replace(/^(-?)\s*£\s*/, "$1");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const NO_ANGLE = /[<>]/;

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && Boolean(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}

function blank(row: Record<string, unknown>, keys: string[]): boolean {
  return keys.every((k) => !row[k]);
}

// ───────────────────────────── the schema ────────────────────────────────────

export const caseStudyFormSchema = z.preprocess(
  (input) => collectDateInputs("startDate", "endDate")(unflattenFormValues(input)),
  inputShape.transform((v, ctx): CaseStudyInput => {
    const strict = v.intent !== "save-draft";
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    const required = (field: keyof typeof v, value: string | undefined, message: string, max: number, name: string) => {
      if (strict && !value) issue([field], message);
      if (value && value.length > max) issue([field], `${name} must be ${max.toLocaleString("en-GB")} characters or fewer`);
    };

    const title = v.title ?? "";
    if (!title) issue(["title"], "Enter a title for the case study");
    else if (title.length > LIMITS.title) issue(["title"], `Title must be ${LIMITS.title} characters or fewer`);
    else if (NO_ANGLE.test(title)) issue(["title"], "Title must not contain < or >");
    if (!v.serviceAreaId) issue(["serviceAreaId"], "Select the service area");

    required("summary", v.summary, "Enter a short summary of the case study", LIMITS.summary, "Summary");
    required("problem", v.problem, "Enter the problem you set out to solve", LIMITS.long, "Problem");
    required("approach", v.approach, "Enter how you approached it", LIMITS.long, "Approach");

    const metrics: MetricInput[] = [];
    v.metrics.forEach((row, i) => {
      if (blank(row, ["name", "before", "after", "unit"])) return;
      const name = row.name ?? "";
      if (!name) issue(["metrics", i, "name"], "Enter what you measured, like days to process a new claim");
      else if (name.length > LIMITS.short) issue(["metrics", i, "name"], `Measure must be ${LIMITS.short} characters or fewer`);
      // Which measure, when it has a name: a case study can have several.
      const of = name ? ` for “${name.slice(0, 60)}”` : "";
      const before = parseMetricNumber(row.before ?? "");
      if (!row.before) issue(["metrics", i, "before"], `Enter the value before${of}, like 14`);
      else if (before == null) issue(["metrics", i, "before"], `Enter the value before${of} as a number, like 14`);
      const after = parseMetricNumber(row.after ?? "");
      if (!row.after) issue(["metrics", i, "after"], `Enter the value after${of}, like 9`);
      else if (after == null) issue(["metrics", i, "after"], `Enter the value after${of} as a number, like 9`);
      // "£212,000" says the unit: pounds, when none is given.
      const unit = row.unit || (/£/.test(`${row.before ?? ""}${row.after ?? ""}`) ? "£" : "");
      if (unit.length > 40) issue(["metrics", i, "unit"], "Unit must be 40 characters or fewer");
      if (name && before != null && after != null) metrics.push({ name, before, after, unit, higherIsBetter: Boolean(row.higherIsBetter) });
    });
    if (strict && metrics.length === 0 && !v.metrics.some((row) => !blank(row, ["name", "before", "after", "unit"]))) {
      issue(["metrics", 0, "name"], "Add at least one outcome you measured, with its value before and after");
    }
    required("outcomeNarrative", v.outcomeNarrative, "Enter what happened as a result", LIMITS.long, "Outcome");

    let costExactPence: number | null = null;
    let costBand: CostBand | null = null;
    if (v.costExact) {
      const cost = parsePounds(v.costExact);
      if (!cost.ok) {
        issue(
          ["costExact"],
          cost.reason === "not-a-number"
            ? "Enter the total cost as an amount in pounds, like 45000"
            : poundsMessage(cost.reason, "Total cost", "45000", MAX_COST_PENCE),
        );
      } else if (cost.pence > MAX_COST_PENCE) issue(["costExact"], "Total cost must be £1 billion or less");
      else costExactPence = cost.pence;
    }
    if (v.costBand) {
      if (!COST_BANDS.some((b) => b.value === v.costBand)) issue(["costBand"], "Select a cost band from the list");
      else costBand = v.costBand as CostBand;
    }
    if (costExactPence != null) {
      const derived = costBandForPence(costExactPence);
      if (costBand && costBand !== derived)
        issue(["costBand"], "The cost band does not match the exact cost: leave the band blank or correct it");
      costBand = derived;
    }
    if (strict && !v.costExact && !v.costBand) issue(["costExact"], "Enter the total cost, or choose a cost band");
    required("funding", v.funding, "Enter how it was funded, like 'transformation budget'", 1000, "Funding");

    const start = parseDateInput(v.startDate ?? {}, "Start date", CASE_STUDY_YEARS);
    const end = parseDateInput(v.endDate ?? {}, "End date", CASE_STUDY_YEARS);
    const startDate = start.ok ? start.date : null;
    const endDate = end.ok ? end.date : null;
    if (!start.ok) issue(["startDate"], start.message);
    else if (strict && !startDate) issue(["startDate"], "Enter the date the work started");
    if (!end.ok) issue(["endDate"], end.message);
    if (startDate && endDate && endDate < startDate) issue(["endDate"], "End date must be the same as or after the start date");

    const productIds = [...new Set(v.productIds ?? [])];
    if (productIds.some((id) => !/^[A-Za-z0-9_-]{1,40}$/.test(id))) issue(["productIds"], "Choose products from the list");
    const unlisted: UnlistedProductInput[] = [];
    v.unlisted.forEach((row, i) => {
      if (blank(row, ["name", "supplierName"])) return;
      if (!row.name) issue(["unlisted", i, "name"], "Enter the name of the product that is not listed");
      else if (row.name.length > LIMITS.short) issue(["unlisted", i, "name"], `Product name must be ${LIMITS.short} characters or fewer`);
      if ((row.supplierName ?? "").length > LIMITS.short)
        issue(["unlisted", i, "supplierName"], `Supplier name must be ${LIMITS.short} characters or fewer`);
      if (row.name) unlisted.push({ name: row.name, supplierName: row.supplierName ?? "" });
    });
    if (strict && productIds.length === 0 && unlisted.length === 0) {
      issue(["productIds"], "Choose at least one product from the catalogue, or enter one that is not listed");
    }

    if (v.buyingRoute && !BUYING_ROUTE_OPTIONS.some((o) => o.value === v.buyingRoute))
      issue(["buyingRoute"], "Select a buying route from the list");
    if (v.lotId && !/^[A-Za-z0-9_.-]{1,60}$/.test(v.lotId)) issue(["lotId"], "Select a framework lot from the list");

    const assets: AssetInput[] = [];
    v.assets.forEach((row, i) => {
      if (blank(row, ["title", "type", "url", "licence", "description"])) return;
      if (!row.title) issue(["assets", i, "title"], "Enter the title of the reusable asset");
      else if (row.title.length > LIMITS.short) issue(["assets", i, "title"], `Asset title must be ${LIMITS.short} characters or fewer`);
      if (!row.type || !ASSET_TYPES.includes(row.type as AssetType)) issue(["assets", i, "type"], "Select the type of asset");
      if (!row.url) issue(["assets", i, "url"], "Enter the web address of the asset, starting with https://");
      else if (row.url.length > LIMITS.url || !isHttpsUrl(row.url))
        issue(["assets", i, "url"], "Enter a web address that starts with https://, like https://github.com/your-council/my-account");
      if (!row.licence) issue(["assets", i, "licence"], "Enter the licence, like MIT or OGL v3.0");
      else if (row.licence.length > 100) issue(["assets", i, "licence"], "Licence must be 100 characters or fewer");
      if ((row.description ?? "").length > 2000) issue(["assets", i, "description"], "Description must be 2,000 characters or fewer");
      if (row.title && row.type && row.url && row.licence) {
        assets.push({
          title: row.title,
          type: row.type as AssetType,
          url: row.url,
          licence: row.licence,
          description: row.description ?? "",
        });
      }
    });

    if ((v.lessons ?? "").length > LIMITS.long)
      issue(["lessons"], `Lessons learned must be ${LIMITS.long.toLocaleString("en-GB")} characters or fewer`);
    required("contactName", v.contactName, "Enter the name of someone other councils can contact", LIMITS.short, "Contact name");
    if (v.contactName && NO_ANGLE.test(v.contactName)) issue(["contactName"], "Contact name must not contain < or >");
    if (strict && !v.contactEmail) issue(["contactEmail"], "Enter a contact email address");
    else if (v.contactEmail && (v.contactEmail.length > 254 || !EMAIL.test(v.contactEmail))) {
      issue(["contactEmail"], "Enter an email address in the correct format, like name@example.gov.uk");
    }

    const lockVersion = v.lockVersion && /^\d{1,9}$/.test(v.lockVersion) ? Number(v.lockVersion) : null;
    return {
      intent: strict ? "submit" : "save-draft",
      lockVersion,
      title,
      serviceAreaId: v.serviceAreaId ?? "",
      summary: v.summary ?? "",
      problem: v.problem ?? "",
      approach: v.approach ?? "",
      metrics,
      outcomeNarrative: v.outcomeNarrative ?? "",
      costExactPence,
      costBand,
      funding: v.funding ?? "",
      startDate,
      endDate,
      productIds,
      unlisted,
      lotId: v.lotId || null,
      buyingRoute: v.buyingRoute || null,
      assets,
      lessons: v.lessons ?? "",
      contactName: v.contactName ?? "",
      contactEmail: (v.contactEmail ?? "").toLowerCase(),
    };
  }),
);

/** Which rows each repeatable group shows: the submitted rows, at least the blank minimum, plus one when "add another" was pressed. */
export function rowCount(group: RepeatableGroup, values: Record<string, unknown> | undefined, adding: boolean): number {
  const nested = (unflattenFormValues(values ?? {}) as Record<string, unknown>)[group];
  const submitted = Array.isArray(nested) ? nested.length : nested && typeof nested === "object" ? Object.keys(nested).length : 0;
  return Math.min(MAX_ROWS[group], Math.max(BLANK_ROWS[group], submitted) + (adding ? 1 : 0));
}

// ───────────────────────────── moderation and responses ──────────────────────

// The fingerprint of the content the moderator was shown (caseStudyContentToken), beside lockVersion.
const contentToken = z
  .string({ required_error: "The page is out of date. Reload it and try again." })
  .regex(/^[0-9a-f]{64}$/, "The page is out of date. Reload it and try again.");

export const moderationSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("approve"), lockVersion: z.coerce.number().int().min(1), contentToken }),
    z.object({
      intent: z.literal("reject"),
      lockVersion: z.coerce.number().int().min(1),
      contentToken,
      reason: z
        .string({ required_error: "Enter the reason, so the council knows what to change" })
        .trim()
        .min(1, "Enter the reason, so the council knows what to change")
        .max(2000, "Reason must be 2,000 characters or fewer"),
    }),
    z.object({
      intent: z.literal("unpublish"),
      lockVersion: z.coerce.number().int().min(1),
      contentToken: contentToken.optional(),
      reason: z
        .string({ required_error: "Enter why you are unpublishing it" })
        .trim()
        .min(1, "Enter why you are unpublishing it")
        .max(2000, "Reason must be 2,000 characters or fewer"),
    }),
  ],
  { errorMap: () => ({ message: "Choose approve, reject or unpublish" }) },
);
export type ModerationInput = z.infer<typeof moderationSchema>;

export const supplierResponseSchema = z.object({
  response: z
    .string({ required_error: "Enter your response" })
    .trim()
    .min(1, "Enter your response")
    .max(3000, "Response must be 3,000 characters or fewer"),
  respondedAt: z.string().max(40).optional(),
});
export type SupplierResponseInput = z.infer<typeof supplierResponseSchema>;

export const caseStudyIndexSchema = z.object({
  serviceArea: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z0-9-]*$/, "Choose a service area from the list")
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

export const reuseQuerySchema = z.object({
  q: z.string().trim().max(200).catch("").default(""),
  serviceArea: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z0-9-]*$/)
    .catch("")
    .default(""),
  type: z
    .enum(["", ...ASSET_TYPES])
    .catch("")
    .default(""),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type ReuseQuery = z.infer<typeof reuseQuerySchema>;

// ───────────────────────────── reading a post ────────────────────────────────

/** Field names the case study form repeats (read as arrays even with one value). */
export const CASE_STUDY_ARRAY_KEYS = ["productIds"];

/** The product finder's words and the chosen products, from a posted (or echoed) form. */
export function pickerInputs(values: Record<string, unknown>): { productQuery: string; productIds: string[] } {
  const ids = Array.isArray(values.productIds) ? values.productIds : typeof values.productIds === "string" ? [values.productIds] : [];
  return {
    productQuery: typeof values.productQuery === "string" ? values.productQuery.slice(0, 100) : "",
    productIds: ids
      .filter((id): id is string => typeof id === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(id))
      .slice(0, MAX_ROWS.productIds * 2),
  };
}

export type FormOnlyPost = {
  intent: (typeof FORM_ONLY_INTENTS)[number];
  /** The group that gets one more row, if any. */
  adding: RepeatableGroup | null;
  values: Record<string, unknown>;
};

/**
 * "Add a row" and "find products" only show the form again with the answers kept: nothing is
 * checked or saved. null for a post that saves (it goes through the write pipeline).
 */
export function readFormOnlyPost(values: Record<string, unknown>): FormOnlyPost | null {
  const intent = typeof values.intent === "string" ? values.intent : "";
  if (!(FORM_ONLY_INTENTS as readonly string[]).includes(intent)) return null;
  const posted = intent as (typeof FORM_ONLY_INTENTS)[number];
  return { intent: posted, adding: ADDING_FOR_INTENT[posted] ?? null, values };
}

export const ADDING_FOR_INTENT: Record<string, RepeatableGroup | null> = {
  "add-metric": "metrics",
  "add-asset": "assets",
  "add-unlisted": "unlisted",
  "find-products": null,
};
