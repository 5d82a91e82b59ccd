// One zod schema per listing section, shared by the form (react-hook-form), the server
// action and the CSV import. The whole listing is all sections together.
import { z } from "zod";
import { isHttpsUrl } from "~/utils/forms";
import { poundsField } from "./money.schema";
import { ACCREDITATION_OPTIONS } from "~/utils/labels";

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
  accessibilityStatementUrl: httpsUrl("The accessibility statement web address").refine(
    (v) => v !== null,
    "Enter the accessibility statement web address starting with https://",
  ),
});

export const standardsSectionSchema = z.object({
  standards: lineList("Standards", LIST_LIMITS.standards),
  integrations: lineList("Integrations", LIST_LIMITS.integrations),
});

export const LISTING_SECTIONS = [
  { slug: "about", title: "About the product or service", schema: aboutSectionSchema },
  { slug: "features", title: "Features and benefits", schema: featuresSectionSchema },
  { slug: "pricing", title: "Pricing", schema: pricingSectionSchema },
  { slug: "lots", title: "Framework lots", schema: lotsSectionSchema },
  { slug: "data-security", title: "Data, security and accessibility", schema: dataSecuritySectionSchema },
  { slug: "standards", title: "Standards and integrations", schema: standardsSectionSchema },
] as const;

export type ListingSectionSlug = (typeof LISTING_SECTIONS)[number]["slug"];

export function sectionBySlug(slug: string) {
  return LISTING_SECTIONS.find((s) => s.slug === slug);
}

/** The whole listing: every section's fields. Used to submit for review and for CSV rows. */
export const listingSchema = aboutSectionSchema
  .merge(featuresSectionSchema)
  .merge(pricingSectionSchema)
  .merge(lotsSectionSchema)
  .merge(dataSecuritySectionSchema)
  .merge(standardsSectionSchema);

export type ListingInput = z.infer<typeof listingSchema>;

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
