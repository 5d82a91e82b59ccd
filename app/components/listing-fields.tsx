// The listing form's fields, section by section. Lists are one item per line, which
// works without JavaScript and reads well to screen readers.
import type { UseFormRegister, FieldValues } from "react-hook-form";
import { ChoiceField, type FieldErrors } from "./forms";
import { FieldTable, fieldList, yesNoValue, YES_NO_OPTIONS, type FieldSpec } from "./field-table";
import {
  ACCESSIBILITY_LEVELS,
  AVAILABILITY_LEVELS,
  BACKUP_FREQUENCIES,
  DATA_FORMATS,
  DATA_LOCATIONS,
  SUPPORT_HOURS,
  SUPPORT_RESPONSE,
  LISTING_CATEGORIES,
  LIST_LIMITS,
  PRICE_UNITS,
  SECURITY_OPTIONS,
  type ListingSectionSlug,
} from "~/models/listing.schema";

export type ListingFormValues = {
  name?: string;
  summary?: string;
  description?: string;
  category?: string;
  features?: string[] | string;
  benefits?: string[] | string;
  /** Pounds, as typed (listingFormValues turns the stored pence back into pounds text). */
  priceFrom?: number | string;
  priceUnit?: string;
  vatIncluded?: boolean | string;
  freeTrial?: boolean | string;
  pricingDocumentUrl?: string | null;
  lotIds?: string[] | string;
  dataLocation?: string;
  security?: string[] | string;
  accessibilityStatementUrl?: string | null;
  standards?: string[] | string;
  integrations?: string[] | string;
  hasApi?: boolean | string | null;
  serviceId?: string | null;
  onboarding?: string;
  offboarding?: string;
  dataImportFormats?: string[] | string;
  dataExportFormats?: string[] | string;
  availability?: string;
  availabilityMeasurement?: string;
  supportHours?: string;
  supportResponse?: string;
  backupFrequency?: string;
  backupRecovery?: string;
  securityEvidence?: string;
  accessibilityLevel?: string;
};

const options = (items: readonly { value: string; label: string }[]) => items.map((i) => ({ value: i.value, label: i.label }));

/** The starting price as typed; a draft's placeholder 0 with no unit shows as blank. */
const priceText = (v: Record<string, unknown>) =>
  !v.priceUnit && (v.priceFrom === "0" || v.priceFrom === 0) ? "" : String((v.priceFrom as string | number | undefined) ?? "");
const yesNo = (name: string) => (v: Record<string, unknown>) => yesNoValue(v[name]);

/** Each section's questions, in page order (the lots section is built from the supplier's awards). */
export const LISTING_SECTION_FIELDS: Record<Exclude<ListingSectionSlug, "lots">, readonly FieldSpec[]> = {
  about: [
    { kind: "text", name: "name", label: "Listing name" },
    {
      kind: "textarea",
      name: "summary",
      label: "Summary",
      hint: "One or two sentences buyers see in search results (300 characters or fewer)",
      rows: 3,
    },
    {
      kind: "textarea",
      name: "description",
      label: "Description",
      hint: "What it does and who it is for (4,000 characters or fewer)",
      rows: 8,
    },
    {
      kind: "select",
      name: "category",
      label: "Category",
      options: [{ value: "", label: "Select a category" }, ...LISTING_CATEGORIES.map((c) => ({ value: c, label: c }))],
    },
  ],
  features: [
    {
      kind: "textarea",
      name: "features",
      label: "Features",
      hint: `Enter each feature on a new line: up to ${LIST_LIMITS.features}, each ${LIST_LIMITS.itemLength} characters or fewer`,
      rows: 8,
    },
    {
      kind: "textarea",
      name: "benefits",
      label: "Benefits",
      hint: `Enter each benefit on a new line: up to ${LIST_LIMITS.benefits}, each ${LIST_LIMITS.itemLength} characters or fewer`,
      rows: 8,
    },
  ],
  pricing: [
    {
      kind: "text",
      name: "priceFrom",
      label: "Starting price",
      hint: "The lowest price a council would pay, in pounds",
      prefix: "£",
      width: "10",
      inputMode: "decimal",
      value: priceText,
    },
    {
      kind: "select",
      name: "priceUnit",
      label: "What the price is for",
      options: [{ value: "", label: "Select a unit" }, ...PRICE_UNITS.map((u) => ({ value: u, label: u }))],
    },
    {
      kind: "radio",
      name: "vatIncluded",
      legend: "Does the price include VAT?",
      inline: true,
      options: YES_NO_OPTIONS,
      value: yesNo("vatIncluded"),
    },
    {
      kind: "radio",
      name: "freeTrial",
      legend: "Is there a free trial?",
      inline: true,
      options: YES_NO_OPTIONS,
      value: yesNo("freeTrial"),
    },
    { kind: "text", name: "pricingDocumentUrl", label: "Pricing document web address (optional)", type: "url", spellCheck: false },
  ],
  "data-security": [
    { kind: "radio", name: "dataLocation", legend: "Where is buyers' data stored and processed?", options: options(DATA_LOCATIONS) },
    {
      kind: "checkbox",
      name: "security",
      legend: "Security accreditations that cover this service",
      hint: "Select all that apply",
      options: options(SECURITY_OPTIONS),
    },
    {
      kind: "textarea",
      name: "securityEvidence",
      label: "Evidence for your security standards",
      hint: "Certificate numbers and who issued them, the scope they cover, and your latest penetration test (who ran it and when)",
      rows: 5,
    },
    {
      kind: "radio",
      name: "accessibilityLevel",
      legend: "How accessible is the service to the people who use it?",
      options: options(ACCESSIBILITY_LEVELS),
    },
    { kind: "text", name: "accessibilityStatementUrl", label: "Accessibility statement web address", type: "url", spellCheck: false },
  ],
  onboarding: [
    {
      kind: "text",
      name: "serviceId",
      label: "Service ID (optional)",
      hint: "Your reference for the service on a framework's catalogue, for example its G-Cloud service ID",
      width: "20",
      spellCheck: false,
    },
    {
      kind: "textarea",
      name: "onboarding",
      label: "How you help buyers start using the service",
      hint: "Training, set-up, data migration and how long it usually takes (2,000 characters or fewer)",
      rows: 6,
    },
    {
      kind: "textarea",
      name: "offboarding",
      label: "How a buyer leaves the service and gets their data back",
      hint: "What happens at the end of the contract: how data is handed back, in what time, at what cost, and when it is deleted (2,000 characters or fewer)",
      rows: 6,
    },
  ],
  "data-formats": [
    {
      kind: "checkbox",
      name: "dataImportFormats",
      legend: "Which formats can buyers import data in?",
      hint: "Select all that apply",
      options: options(DATA_FORMATS),
    },
    {
      kind: "checkbox",
      name: "dataExportFormats",
      legend: "Which formats can buyers export their data in?",
      hint: "Select all that apply: buyers can filter by these",
      options: options(DATA_FORMATS),
    },
  ],
  availability: [
    {
      kind: "radio",
      name: "availability",
      legend: "What availability do you commit to?",
      hint: "The share of each month the service is up, as in your service level agreement",
      options: options(AVAILABILITY_LEVELS),
    },
    {
      kind: "textarea",
      name: "availabilityMeasurement",
      label: "How availability is measured and reported",
      hint: "What counts as down, how it is monitored, how buyers see it and any service credits (1,000 characters or fewer)",
      rows: 4,
    },
    { kind: "radio", name: "supportHours", legend: "When is support available?", options: options(SUPPORT_HOURS) },
    {
      kind: "radio",
      name: "supportResponse",
      legend: "How soon do you respond to an urgent request?",
      hint: "The first response to a request that stops the service working",
      options: options(SUPPORT_RESPONSE),
    },
  ],
  backup: [
    { kind: "radio", name: "backupFrequency", legend: "How often is buyers' data backed up?", options: options(BACKUP_FREQUENCIES) },
    {
      kind: "textarea",
      name: "backupRecovery",
      label: "What is backed up and how it is restored",
      hint: "What the backups cover, where they are kept, how long for, how a restore is asked for and how long it takes (2,000 characters or fewer)",
      rows: 6,
    },
  ],
  standards: [
    {
      kind: "radio",
      name: "hasApi",
      legend: "Does the service have an API buyers can use?",
      inline: true,
      options: YES_NO_OPTIONS,
      value: yesNo("hasApi"),
    },
    {
      kind: "textarea",
      name: "standards",
      label: "Open standards (optional)",
      hint: "One per line, for example Open Referral UK, OpenAPI 3, BS 7666",
      rows: 6,
    },
    {
      kind: "textarea",
      name: "integrations",
      label: "APIs and integrations (optional)",
      hint: "One per line, for example GOV.UK Notify, GOV.UK Pay, REST API",
      rows: 6,
    },
  ],
};

export function ListingSectionFields({
  section,
  values,
  errors,
  register,
  lots,
}: {
  section: ListingSectionSlug;
  values: ListingFormValues;
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
  lots: { id: string; label: string }[];
}) {
  const error = (name: string) => errors[name]?.[0];
  if (section !== "lots") return <FieldTable fields={LISTING_SECTION_FIELDS[section]} values={values} error={error} register={register} />;
  return lots.length ? (
    <ChoiceField
      type="checkbox"
      name="lotIds"
      legend="Which framework lots is it offered on?"
      hint="Only lots your organisation holds a verified award on, on live frameworks"
      defaultValue={fieldList(values.lotIds)}
      error={error("lotIds")}
      registered={register("lotIds")}
      options={lots.map((l) => ({ value: l.id, label: l.label }))}
    />
  ) : (
    <div className="govuk-inset-text">
      Your organisation has no verified awards on live frameworks yet.{" "}
      <a className="govuk-link" href="/supplier/awards">
        Declare a framework award
      </a>
      ; an administrator verifies it before it can carry listings.
    </div>
  );
}
