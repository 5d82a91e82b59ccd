// A listing's service definition as buyers read it: one row per question, with the stored
// codes turned into their labels. Shared by the product page, the supplier's preview and
// the moderation view, so all three say the same thing.
import {
  ACCESSIBILITY_LEVELS,
  AVAILABILITY_LEVELS,
  BACKUP_FREQUENCIES,
  DATA_FORMATS,
  SUPPORT_HOURS,
  SUPPORT_RESPONSE,
} from "./listing.schema";

export type ServiceDefinitionValues = {
  serviceId: string | null;
  onboarding: string;
  offboarding: string;
  dataImportFormats: string[];
  dataExportFormats: string[];
  availability: string;
  availabilityMeasurement: string;
  supportHours: string;
  supportResponse: string;
  backupFrequency: string;
  backupRecovery: string;
  securityEvidence: string;
  accessibilityLevel: string;
  hasApi: boolean | null;
};

const labelOf = (options: readonly { value: string; label: string }[], value: string) =>
  options.find((o) => o.value === value)?.label ?? value;

export type DefinitionRow = { key: string; label: string; value: string | string[] };

export type DefinitionGroup = { heading: string; rows: DefinitionRow[] };

const NOT_STATED = "Not stated";
const orNot = (v: string | null | undefined) => (v && v.trim() ? v : NOT_STATED);

/** The service definition in the order the listing form asks it. */
export function serviceDefinitionGroups(v: ServiceDefinitionValues): DefinitionGroup[] {
  return [
    {
      heading: "Onboarding, offboarding and exit",
      rows: [
        { key: "serviceId", label: "Service ID", value: orNot(v.serviceId) },
        { key: "onboarding", label: "Getting started", value: orNot(v.onboarding) },
        { key: "offboarding", label: "Leaving the service and getting data back", value: orNot(v.offboarding) },
      ],
    },
    {
      heading: "Data import and export",
      rows: [
        {
          key: "dataImportFormats",
          label: "Import formats",
          value: v.dataImportFormats.length ? v.dataImportFormats.map((f) => labelOf(DATA_FORMATS, f)) : NOT_STATED,
        },
        {
          key: "dataExportFormats",
          label: "Export formats",
          value: v.dataExportFormats.length ? v.dataExportFormats.map((f) => labelOf(DATA_FORMATS, f)) : NOT_STATED,
        },
      ],
    },
    {
      heading: "Availability and support",
      rows: [
        { key: "availability", label: "Availability", value: v.availability ? labelOf(AVAILABILITY_LEVELS, v.availability) : NOT_STATED },
        { key: "availabilityMeasurement", label: "How availability is measured", value: orNot(v.availabilityMeasurement) },
        { key: "supportHours", label: "Support hours", value: v.supportHours ? labelOf(SUPPORT_HOURS, v.supportHours) : NOT_STATED },
        {
          key: "supportResponse",
          label: "Response to an urgent request",
          value: v.supportResponse ? labelOf(SUPPORT_RESPONSE, v.supportResponse) : NOT_STATED,
        },
      ],
    },
    {
      heading: "Backup and recovery",
      rows: [
        {
          key: "backupFrequency",
          label: "Backups",
          value: v.backupFrequency ? labelOf(BACKUP_FREQUENCIES, v.backupFrequency) : NOT_STATED,
        },
        { key: "backupRecovery", label: "What is backed up and how it is restored", value: orNot(v.backupRecovery) },
      ],
    },
    {
      heading: "Security and accessibility",
      rows: [
        { key: "securityEvidence", label: "Evidence for security standards", value: orNot(v.securityEvidence) },
        {
          key: "accessibilityLevel",
          label: "Accessibility",
          value: v.accessibilityLevel ? labelOf(ACCESSIBILITY_LEVELS, v.accessibilityLevel) : NOT_STATED,
        },
        { key: "hasApi", label: "API for buyers", value: v.hasApi == null ? NOT_STATED : v.hasApi ? "Yes" : "No" },
      ],
    },
  ];
}

/**
 * Only the service definition's fields (loader data carries nothing else of the version). The
 * listing's values are built with it too, so keep the order: the content token hashes them in it.
 */
export function pickServiceDefinition(v: ServiceDefinitionValues): ServiceDefinitionValues {
  return {
    hasApi: v.hasApi,
    serviceId: v.serviceId,
    onboarding: v.onboarding,
    offboarding: v.offboarding,
    dataImportFormats: v.dataImportFormats,
    dataExportFormats: v.dataExportFormats,
    availability: v.availability,
    availabilityMeasurement: v.availabilityMeasurement,
    supportHours: v.supportHours,
    supportResponse: v.supportResponse,
    backupFrequency: v.backupFrequency,
    backupRecovery: v.backupRecovery,
    securityEvidence: v.securityEvidence,
    accessibilityLevel: v.accessibilityLevel,
  };
}

/** Each listing field's name as the forms and the moderation view call it. */
export const LISTING_FIELD_LABELS: Record<string, string> = {
  name: "Listing name",
  summary: "Summary",
  description: "Description",
  category: "Category",
  features: "Features",
  benefits: "Benefits",
  priceFrom: "Starting price",
  priceFromPence: "Starting price",
  priceUnit: "What the price is for",
  vatIncluded: "VAT included",
  freeTrial: "Free trial",
  pricingDocumentUrl: "Pricing document web address",
  lotIds: "Framework lots",
  serviceId: "Service ID",
  onboarding: "Getting started",
  offboarding: "Leaving the service and getting data back",
  dataImportFormats: "Import formats",
  dataExportFormats: "Export formats",
  availability: "Availability",
  availabilityMeasurement: "How availability is measured",
  supportHours: "Support hours",
  supportResponse: "Response to an urgent request",
  backupFrequency: "Backups",
  backupRecovery: "What is backed up and how it is restored",
  dataLocation: "Data location",
  security: "Security accreditations",
  securityEvidence: "Evidence for security standards",
  accessibilityLevel: "Accessibility",
  accessibilityStatementUrl: "Accessibility statement",
  hasApi: "API for buyers",
  standards: "Open standards",
  integrations: "APIs and integrations",
  documents: "Documents",
};
