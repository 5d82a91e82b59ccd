// One zod schema per listing section, shared by the form (react-hook-form), the server
// action and the CSV import. The whole listing is all sections together.
import { z } from "zod";
import { isHttpsUrl } from "~/utils/forms";
import { poundsField } from "./money.schema";
import { ACCREDITATION_OPTIONS, DATA_FORMATS, valuesOf } from "~/utils/labels";

export { DATA_FORMATS };

export const LISTING_CATEGORIES = [
  "Adult social care case management",
  "CRM and customer portal",
  "Children's services case management",
  "Cloud hosting",
  "Committee and democratic services",
  "Cyber security",
  "Data and analytics",
  "Digital service design and delivery",
  "Document and records management",
  "Environmental health and licensing",
  "Finance and procurement",
  "GIS and mapping",
  "HR and payroll",
  "Highways and transport",
  "Housing management",
  "Library management",
  "Managed cloud and support services",
  "Payments and income management",
  "Planning and building control",
  "Public health services",
  "Revenues and benefits",
  "SEND and education",
  "Waste and recycling",
  "Other",
] as const;

export const PRICE_UNITS = [
  "per user per month",
  "per user per year",
  "per instance per month",
  "per licence per year",
  "per transaction",
  "per day",
  "per unit",
] as const;

export const DATA_LOCATIONS = [
  { value: "UK", label: "UK only" },
  { value: "EEA", label: "UK and European Economic Area" },
  { value: "other", label: "Other countries" },
] as const;

/** The accreditations a listing may claim (labels from the registry; ISO 9001 is a quality, not a security, standard). */
export const SECURITY_OPTIONS = ACCREDITATION_OPTIONS.filter((o) => o.value !== "iso-9001");

export const LIST_LIMITS = { features: 10, benefits: 10, standards: 15, integrations: 15, itemLength: 100 } as const;

function text(label: string, max: number, { required = true }: { required?: boolean } = {}) {
  let s = z
    .string({ invalid_type_error: `Enter ${label.toLowerCase()}` })
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`);
  if (required) s = s.min(1, `Enter ${label.toLowerCase()}`);
  return s;
}

/** A list entered one item per line (or as an array): trimmed, blank lines dropped, each item limited. */
function lineList(label: string, maxItems: number, { min = 0 } = {}) {
  return z.preprocess(
    (value) => {
      const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(/\r?\n|\s\|\s/) : [];
      return items.map((i) => String(i).trim()).filter(Boolean);
    },
    z
      .array(
        z
          .string()
          .max(
            LIST_LIMITS.itemLength,
            `Each ${label.toLowerCase().replace(/s$/, "")} must be ${LIST_LIMITS.itemLength} characters or fewer`,
          ),
      )
      .max(maxItems, `Enter no more than ${maxItems} ${label.toLowerCase()}`)
      .min(min, min === 1 ? `Enter at least one ${label.toLowerCase().replace(/s$/, "")}` : `Enter at least ${min} ${label.toLowerCase()}`),
  );
}

const httpsUrl = (label: string) =>
  z.preprocess(
    (v) => v ?? "",
    z
      .string()
      .trim()
      .max(500, `${label} must be 500 characters or fewer`)
      // Bounded time: too long is the max message alone, never a pattern run on it (issue 12 finding 6).
      .refine((v) => v === "" || v.length > 500 || isHttpsUrl(v, 500), `Enter ${label.toLowerCase()} starting with https://`)
      .transform((v) => (v === "" ? null : v)),
  );

const yesNo = (message: string) =>
  z.preprocess(
    (v) => (v === "yes" || v === true ? true : v === "no" || v === false ? false : v),
    z.boolean({ required_error: message, invalid_type_error: message }),
  );

export const aboutSectionSchema = z.object({
  name: text("Listing name", 100),
  summary: text("Summary", 300),
  description: text("Description", 4000),
  category: z.enum(LISTING_CATEGORIES, { errorMap: () => ({ message: "Select a category" }) }),
});

export const featuresSectionSchema = z.object({
  features: lineList("Features", LIST_LIMITS.features, { min: 1 }),
  benefits: lineList("Benefits", LIST_LIMITS.benefits, { min: 1 }),
});

/** £10,000,000: the most a listing's starting price may be (well inside the Int column). */
export const MAX_PRICE_FROM_PENCE = 1_000_000_000;

export const pricingSectionSchema = z.object({
  /** Typed in pounds; parsed to integer pence (stored as ProductVersion.priceFromPence). */
  priceFrom: poundsField({
    label: "Starting price",
    example: "12.50",
    maxPence: MAX_PRICE_FROM_PENCE,
    messages: {
      empty: "Enter the starting price",
      "not-a-number": "Enter the starting price as a number, like 12.50",
      negative: "The starting price must be £0 or more",
      "too-many-decimals": "The starting price can have at most 2 decimal places, like 12.50",
      "too-large": "The starting price must be £10,000,000 or less",
    },
  }),
  priceUnit: z.enum(PRICE_UNITS, { errorMap: () => ({ message: "Select what the price is for" }) }),
  vatIncluded: yesNo("Select whether the price includes VAT"),
  freeTrial: yesNo("Select whether there is a free trial"),
  pricingDocumentUrl: httpsUrl("The pricing document web address"),
});

export const lotsSectionSchema = z.object({
  lotIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.string().max(40)).min(1, "Select at least one framework lot").max(20, "Select no more than 20 lots"),
  ),
});

export const dataSecuritySectionSchema = z.object({
  dataLocation: z.enum(["UK", "EEA", "other"], { errorMap: () => ({ message: "Select where the data is stored" }) }),
  security: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(
      z.enum(["cyber-essentials", "cyber-essentials-plus", "iso-27001", "other"], {
        errorMap: () => ({ message: "Select security accreditations from the list" }),
      }),
    ),
  ),
  securityEvidence: text("The evidence for your security standards", 2000),
  accessibilityStatementUrl: httpsUrl("The accessibility statement web address").refine(
    (v) => v !== null,
    "Enter the accessibility statement web address starting with https://",
  ),
});

export const standardsSectionSchema = z.object({
  // Answered yes or no, so the section is complete only once the supplier has said (a listing
  // with no open standards to name is still a complete answer).
  hasApi: yesNo("Select whether the service has an API"),
  standards: lineList("Standards", LIST_LIMITS.standards),
  integrations: lineList("Integrations", LIST_LIMITS.integrations),
});

// ── the service definition sections (modelled on what the G-Cloud service questions ask) ──

export const DATA_FORMAT_VALUES: [string, ...string[]] = valuesOf(DATA_FORMATS);

/** The availability a supplier commits to, as a percentage of time each month. */
export const AVAILABILITY_LEVELS = [
  { value: "99.99", label: "99.99% (about 4 minutes down a month)" },
  { value: "99.95", label: "99.95% (about 22 minutes down a month)" },
  { value: "99.9", label: "99.9% (about 44 minutes down a month)" },
  { value: "99.5", label: "99.5% (about 3.6 hours down a month)" },
  { value: "99", label: "99% (about 7.3 hours down a month)" },
  { value: "none", label: "No availability commitment (for example, a consultancy service)" },
] as const;

export const SUPPORT_HOURS = [
  { value: "24-7", label: "24 hours a day, every day" },
  { value: "extended", label: "Extended hours (for example 7am to 10pm, weekdays and Saturdays)" },
  { value: "business-hours", label: "Working hours (9am to 5pm, Monday to Friday, not bank holidays)" },
] as const;

/** How soon the supplier first responds to a priority-one (service down) request. */
export const SUPPORT_RESPONSE = [
  { value: "1-hour", label: "Within 1 hour" },
  { value: "4-hours", label: "Within 4 hours" },
  { value: "next-working-day", label: "By the next working day" },
  { value: "2-working-days", label: "Within 2 working days" },
] as const;

export const BACKUP_FREQUENCIES = [
  { value: "continuous", label: "Continuously (replicated as it changes)" },
  { value: "hourly", label: "At least hourly" },
  { value: "daily", label: "Daily" },
  { value: "weekly", label: "Weekly" },
  { value: "not-applicable", label: "Not applicable: the service holds no buyer data" },
] as const;

export const ACCESSIBILITY_LEVELS = [
  { value: "wcag-2.2-aa", label: "Meets WCAG 2.2 AA" },
  { value: "wcag-2.1-aa", label: "Meets WCAG 2.1 AA" },
  { value: "partial", label: "Partly meets WCAG 2.2 AA (the statement lists what does not)" },
  { value: "not-applicable", label: "Not applicable: buyers' users do not use an interface of ours" },
] as const;

const choice = <T extends readonly { value: string }[]>(options: T, message: string) =>
  z.enum(valuesOf(options), { errorMap: () => ({ message }) });

const checkboxes = (message: string, min: number) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.enum(DATA_FORMAT_VALUES, { errorMap: () => ({ message: "Select formats from the list" }) })).min(min, message),
  );

export const onboardingSectionSchema = z.object({
  /** The supplier's own reference for the service, as on a framework's catalogue (optional). */
  serviceId: z.preprocess(
    (v) => v ?? "",
    z
      .string()
      .trim()
      .max(40, "The service ID must be 40 characters or fewer")
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ./_-]*$|^$/, "The service ID can only have letters, numbers, spaces, dots, dashes and slashes")
      .transform((v) => (v === "" ? null : v)),
  ),
  onboarding: text("How you help buyers start using the service", 2000),
  offboarding: text("How a buyer leaves the service and gets their data back", 2000),
});

export const dataFormatsSectionSchema = z.object({
  dataImportFormats: checkboxes("Select at least one format buyers can import data in", 1),
  dataExportFormats: checkboxes("Select at least one format buyers can export their data in", 1),
});

export const availabilitySectionSchema = z.object({
  availability: choice(AVAILABILITY_LEVELS, "Select the availability you commit to"),
  availabilityMeasurement: text("How availability is measured and reported", 1000),
  supportHours: choice(SUPPORT_HOURS, "Select when support is available"),
  supportResponse: choice(SUPPORT_RESPONSE, "Select how soon you respond to an urgent request"),
});

export const backupSectionSchema = z.object({
  backupFrequency: choice(BACKUP_FREQUENCIES, "Select how often buyer data is backed up"),
  backupRecovery: text("What is backed up and how it is restored", 2000),
});

export const accessibilitySectionSchema = z.object({
  accessibilityLevel: choice(ACCESSIBILITY_LEVELS, "Select how accessible the service is"),
});

export const LISTING_SECTIONS = [
  { slug: "about", title: "About the product or service", schema: aboutSectionSchema },
  { slug: "features", title: "Features and benefits", schema: featuresSectionSchema },
  { slug: "pricing", title: "Pricing", schema: pricingSectionSchema },
  { slug: "lots", title: "Framework lots", schema: lotsSectionSchema },
  { slug: "onboarding", title: "Service ID, onboarding and exit", schema: onboardingSectionSchema },
  { slug: "data-formats", title: "Data import and export", schema: dataFormatsSectionSchema },
  { slug: "availability", title: "Availability and support", schema: availabilitySectionSchema },
  { slug: "backup", title: "Backup and recovery", schema: backupSectionSchema },
  { slug: "data-security", title: "Data, security and accessibility", schema: dataSecuritySectionSchema.merge(accessibilitySectionSchema) },
  { slug: "standards", title: "Standards and integrations", schema: standardsSectionSchema },
] as const;

/** Checkbox fields of each section: posted as repeated names, always read as arrays. */
export const SECTION_ARRAY_KEYS: Partial<Record<(typeof LISTING_SECTIONS)[number]["slug"], string[]>> = {
  lots: ["lotIds"],
  "data-security": ["security"],
  "data-formats": ["dataImportFormats", "dataExportFormats"],
};

export type ListingSectionSlug = (typeof LISTING_SECTIONS)[number]["slug"];

export function sectionBySlug(slug: string) {
  return LISTING_SECTIONS.find((s) => s.slug === slug);
}

/**
 * The fields a CSV row carries (the first sections, as before the service definition was
 * added). An imported listing is a draft: its supplier completes the rest before submitting.
 */
export const listingSchema = aboutSectionSchema
  .merge(featuresSectionSchema)
  .merge(pricingSectionSchema)
  .merge(lotsSectionSchema)
  .merge(dataSecuritySectionSchema.omit({ securityEvidence: true }))
  .merge(standardsSectionSchema.omit({ hasApi: true }));

export type ListingInput = z.infer<typeof listingSchema>;

/** The whole listing: every section's fields. A listing is submitted for review only when it passes this. */
export const completeListingSchema = aboutSectionSchema
  .merge(featuresSectionSchema)
  .merge(pricingSectionSchema)
  .merge(lotsSectionSchema)
  .merge(onboardingSectionSchema)
  .merge(dataFormatsSectionSchema)
  .merge(availabilitySectionSchema)
  .merge(backupSectionSchema)
  .merge(dataSecuritySectionSchema)
  .merge(accessibilitySectionSchema)
  .merge(standardsSectionSchema);

export type CompleteListingInput = z.infer<typeof completeListingSchema>;

/** Hidden fields every section form carries: the listing's version when the form was opened. */
export const lockSchema = z.object({
  lockVersion: z.coerce.number({ invalid_type_error: "The form is out of date. Reload the page" }).int().min(1),
});

// The fingerprint of the content the administrator was shown (listingContentToken).
const contentToken = z
  .string({ required_error: "The page is out of date. Reload it and try again." })
  .regex(/^[0-9a-f]{64}$/, "The page is out of date. Reload it and try again.");

export const moderationDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), contentToken }),
  z.object({
    decision: z.literal("reject"),
    contentToken,
    reason: z
      .string()
      .trim()
      .min(1, "Enter the reason for rejecting, so the supplier can fix it")
      .max(2000, "The reason must be 2,000 characters or fewer"),
  }),
]);
