// The listing form's fields, section by section. Lists are one item per line, which
// works without JavaScript and reads well to screen readers.
import type { UseFormRegister, FieldValues } from "react-hook-form";
import { ChoiceField, SelectField, TextareaField, TextField, type FieldErrors } from "./forms";
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

const lines = (v: string[] | string | undefined) => (Array.isArray(v) ? v.join("\n") : (v ?? ""));
const list = (v: string[] | string | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const yesNo = (v: boolean | string | undefined | null) =>
  v === true || v === "yes" ? "yes" : v === false || v === "no" ? "no" : undefined;

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
  const e = (name: string) => errors[name]?.[0];
  switch (section) {
    case "about":
      return (
        <>
          <TextField name="name" label="Listing name" defaultValue={values.name} error={e("name")} registered={register("name")} />
          <TextareaField
            name="summary"
            label="Summary"
            hint="One or two sentences buyers see in search results (300 characters or fewer)"
            rows={3}
            defaultValue={values.summary}
            error={e("summary")}
            registered={register("summary")}
          />
          <TextareaField
            name="description"
            label="Description"
            hint="What it does and who it is for (4,000 characters or fewer)"
            rows={8}
            defaultValue={values.description}
            error={e("description")}
            registered={register("description")}
          />
          <SelectField
            name="category"
            label="Category"
            defaultValue={values.category}
            error={e("category")}
            registered={register("category")}
            options={[{ value: "", label: "Select a category" }, ...LISTING_CATEGORIES.map((c) => ({ value: c, label: c }))]}
          />
        </>
      );
    case "features":
      return (
        <>
          <TextareaField
            name="features"
            label="Features"
            hint={`Enter each feature on a new line: up to ${LIST_LIMITS.features}, each ${LIST_LIMITS.itemLength} characters or fewer`}
            rows={8}
            defaultValue={lines(values.features)}
            error={e("features")}
            registered={register("features")}
          />
          <TextareaField
            name="benefits"
            label="Benefits"
            hint={`Enter each benefit on a new line: up to ${LIST_LIMITS.benefits}, each ${LIST_LIMITS.itemLength} characters or fewer`}
            rows={8}
            defaultValue={lines(values.benefits)}
            error={e("benefits")}
            registered={register("benefits")}
          />
        </>
      );
    case "pricing":
      return (
        <>
          <TextField
            name="priceFrom"
            label="Starting price"
            hint="The lowest price a council would pay, in pounds"
            prefix="£"
            width="10"
            inputMode="decimal"
            defaultValue={!values.priceUnit && (values.priceFrom === "0" || values.priceFrom === 0) ? "" : String(values.priceFrom ?? "")}
            error={e("priceFrom")}
            registered={register("priceFrom")}
          />
          <SelectField
            name="priceUnit"
            label="What the price is for"
            defaultValue={values.priceUnit}
            error={e("priceUnit")}
            registered={register("priceUnit")}
            options={[{ value: "", label: "Select a unit" }, ...PRICE_UNITS.map((u) => ({ value: u, label: u }))]}
          />
          <ChoiceField
            type="radio"
            name="vatIncluded"
            legend="Does the price include VAT?"
            inline
            defaultValue={yesNo(values.vatIncluded)}
            error={e("vatIncluded")}
            registered={register("vatIncluded")}
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <ChoiceField
            type="radio"
            name="freeTrial"
            legend="Is there a free trial?"
            inline
            defaultValue={yesNo(values.freeTrial)}
            error={e("freeTrial")}
            registered={register("freeTrial")}
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <TextField
            name="pricingDocumentUrl"
            label="Pricing document web address (optional)"
            type="url"
            spellCheck={false}
            defaultValue={values.pricingDocumentUrl ?? ""}
            error={e("pricingDocumentUrl")}
            registered={register("pricingDocumentUrl")}
          />
        </>
      );
    case "lots":
      return lots.length ? (
        <ChoiceField
          type="checkbox"
          name="lotIds"
          legend="Which framework lots is it offered on?"
          hint="Only lots your organisation holds a verified award on, on live frameworks"
          defaultValue={list(values.lotIds)}
          error={e("lotIds")}
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
    case "data-security":
      return (
        <>
          <ChoiceField
            type="radio"
            name="dataLocation"
            legend="Where is buyers' data stored and processed?"
            defaultValue={values.dataLocation}
            error={e("dataLocation")}
            registered={register("dataLocation")}
            options={DATA_LOCATIONS.map((d) => ({ value: d.value, label: d.label }))}
          />
          <ChoiceField
            type="checkbox"
            name="security"
            legend="Security accreditations that cover this service"
            hint="Select all that apply"
            defaultValue={list(values.security)}
            error={e("security")}
            registered={register("security")}
            options={SECURITY_OPTIONS.map((s) => ({ value: s.value, label: s.label }))}
          />
          <TextareaField
            name="securityEvidence"
            label="Evidence for your security standards"
            hint="Certificate numbers and who issued them, the scope they cover, and your latest penetration test (who ran it and when)"
            rows={5}
            defaultValue={values.securityEvidence}
            error={e("securityEvidence")}
            registered={register("securityEvidence")}
          />
          <ChoiceField
            type="radio"
            name="accessibilityLevel"
            legend="How accessible is the service to the people who use it?"
            defaultValue={values.accessibilityLevel}
            error={e("accessibilityLevel")}
            registered={register("accessibilityLevel")}
            options={options(ACCESSIBILITY_LEVELS)}
          />
          <TextField
            name="accessibilityStatementUrl"
            label="Accessibility statement web address"
            type="url"
            spellCheck={false}
            defaultValue={values.accessibilityStatementUrl ?? ""}
            error={e("accessibilityStatementUrl")}
            registered={register("accessibilityStatementUrl")}
          />
        </>
      );
    case "onboarding":
      return (
        <>
          <TextField
            name="serviceId"
            label="Service ID (optional)"
            hint="Your reference for the service on a framework's catalogue, for example its G-Cloud service ID"
            width="20"
            spellCheck={false}
            defaultValue={values.serviceId ?? ""}
            error={e("serviceId")}
            registered={register("serviceId")}
          />
          <TextareaField
            name="onboarding"
            label="How you help buyers start using the service"
            hint="Training, set-up, data migration and how long it usually takes (2,000 characters or fewer)"
            rows={6}
            defaultValue={values.onboarding}
            error={e("onboarding")}
            registered={register("onboarding")}
          />
          <TextareaField
            name="offboarding"
            label="How a buyer leaves the service and gets their data back"
            hint="What happens at the end of the contract: how data is handed back, in what time, at what cost, and when it is deleted (2,000 characters or fewer)"
            rows={6}
            defaultValue={values.offboarding}
            error={e("offboarding")}
            registered={register("offboarding")}
          />
        </>
      );
    case "data-formats":
      return (
        <>
          <ChoiceField
            type="checkbox"
            name="dataImportFormats"
            legend="Which formats can buyers import data in?"
            hint="Select all that apply"
            defaultValue={list(values.dataImportFormats)}
            error={e("dataImportFormats")}
            registered={register("dataImportFormats")}
            options={options(DATA_FORMATS)}
          />
          <ChoiceField
            type="checkbox"
            name="dataExportFormats"
            legend="Which formats can buyers export their data in?"
            hint="Select all that apply: buyers can filter by these"
            defaultValue={list(values.dataExportFormats)}
            error={e("dataExportFormats")}
            registered={register("dataExportFormats")}
            options={options(DATA_FORMATS)}
          />
        </>
      );
    case "availability":
      return (
        <>
          <ChoiceField
            type="radio"
            name="availability"
            legend="What availability do you commit to?"
            hint="The share of each month the service is up, as in your service level agreement"
            defaultValue={values.availability}
            error={e("availability")}
            registered={register("availability")}
            options={options(AVAILABILITY_LEVELS)}
          />
          <TextareaField
            name="availabilityMeasurement"
            label="How availability is measured and reported"
            hint="What counts as down, how it is monitored, how buyers see it and any service credits (1,000 characters or fewer)"
            rows={4}
            defaultValue={values.availabilityMeasurement}
            error={e("availabilityMeasurement")}
            registered={register("availabilityMeasurement")}
          />
          <ChoiceField
            type="radio"
            name="supportHours"
            legend="When is support available?"
            defaultValue={values.supportHours}
            error={e("supportHours")}
            registered={register("supportHours")}
            options={options(SUPPORT_HOURS)}
          />
          <ChoiceField
            type="radio"
            name="supportResponse"
            legend="How soon do you respond to an urgent request?"
            hint="The first response to a request that stops the service working"
            defaultValue={values.supportResponse}
            error={e("supportResponse")}
            registered={register("supportResponse")}
            options={options(SUPPORT_RESPONSE)}
          />
        </>
      );
    case "backup":
      return (
        <>
          <ChoiceField
            type="radio"
            name="backupFrequency"
            legend="How often is buyers' data backed up?"
            defaultValue={values.backupFrequency}
            error={e("backupFrequency")}
            registered={register("backupFrequency")}
            options={options(BACKUP_FREQUENCIES)}
          />
          <TextareaField
            name="backupRecovery"
            label="What is backed up and how it is restored"
            hint="What the backups cover, where they are kept, how long for, how a restore is asked for and how long it takes (2,000 characters or fewer)"
            rows={6}
            defaultValue={values.backupRecovery}
            error={e("backupRecovery")}
            registered={register("backupRecovery")}
          />
        </>
      );
    case "standards":
      return (
        <>
          <ChoiceField
            type="radio"
            name="hasApi"
            legend="Does the service have an API buyers can use?"
            inline
            defaultValue={yesNo(values.hasApi)}
            error={e("hasApi")}
            registered={register("hasApi")}
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <TextareaField
            name="standards"
            label="Open standards (optional)"
            hint="One per line, for example Open Referral UK, OpenAPI 3, BS 7666"
            rows={6}
            defaultValue={lines(values.standards)}
            error={e("standards")}
            registered={register("standards")}
          />
          <TextareaField
            name="integrations"
            label="APIs and integrations (optional)"
            hint="One per line, for example GOV.UK Notify, GOV.UK Pay, REST API"
            rows={6}
            defaultValue={lines(values.integrations)}
            error={e("integrations")}
            registered={register("integrations")}
          />
        </>
      );
  }
}
