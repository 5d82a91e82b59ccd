// Pieces shared by the supplier self-service pages: the organisation fields (registration
// and profile use the same questions), the size summary, and the section navigation.
import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { SectionNav } from "./admin-nav";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { emailQuestion, FieldTable, nameQuestion, type FieldSpec } from "./field-table";
import { UK_REGIONS } from "~/models/supplier-account.schema";
import { SIZE_LABELS, SUPPLIER_SIZE_OPTIONS } from "~/utils/labels";

type Values = Record<string, unknown> | undefined;

/** Orders field errors as the fields appear on the page, so the error summary reads top to bottom. */
export function orderErrors(errors: Record<string, string[] | undefined>, order: readonly string[]) {
  const rank = (k: string) => {
    const i = order.findIndex((name) => k === name || k.startsWith(`${name}.`));
    return i === -1 ? order.length : i;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

export const ORGANISATION_FIELD_ORDER = [
  "legalName",
  "tradingName",
  "companyNumber",
  "region",
  "website",
  "description",
  "staffCount",
  "turnover",
  "balanceSheet",
  "declaredSize",
  "contactName",
  "contactEmail",
  "contactPhone",
] as const;

const ORGANISATION_QUESTIONS: readonly FieldSpec[] = [
  {
    kind: "text",
    name: "legalName",
    label: "Legal name",
    hint: "As registered at Companies House, for example Kestrel Civic Software Ltd",
    autoComplete: "organization",
  },
  {
    kind: "text",
    name: "tradingName",
    label: "Trading name",
    hint: "The name buyers know you by. It is also the address of your public page.",
  },
  {
    kind: "text",
    name: "companyNumber",
    label: "Companies House number",
    width: "10",
    spellCheck: false,
    hint: "8 characters, for example 01234567, or SC123456 for a company registered in Scotland",
  },
  {
    kind: "select",
    name: "region",
    label: "Region or nation where you are based",
    options: [{ value: "", label: "Select a region or nation" }, ...UK_REGIONS.map((r) => ({ value: r, label: r }))],
  },
  {
    kind: "text",
    name: "website",
    label: "Website (optional)",
    type: "url",
    autoComplete: "url",
    spellCheck: false,
    inputMode: "url",
    hint: "Starting with https://, for example https://www.example.co.uk",
  },
  {
    kind: "textarea",
    name: "description",
    label: "Description",
    hint: "What you do and for which councils. Buyers see this on your public page.",
  },
];

const SIZE_QUESTIONS: readonly FieldSpec[] = [
  {
    kind: "text",
    name: "staffCount",
    label: "Number of staff",
    width: "5",
    inputMode: "numeric",
    hint: "Full-time equivalent employees, including directors",
  },
  {
    kind: "text",
    name: "turnover",
    label: "Annual turnover",
    width: "10",
    inputMode: "decimal",
    prefix: "£",
    hint: "From your latest accounts, in pounds, for example 1,250,000",
  },
  {
    kind: "text",
    name: "balanceSheet",
    label: "Balance sheet total (optional)",
    width: "10",
    inputMode: "decimal",
    prefix: "£",
    hint: "From your latest accounts, in pounds. With fewer than 250 staff, a balance sheet total of £38 million or less makes you an SME even if your turnover is over £44 million.",
  },
  {
    kind: "radio",
    name: "declaredSize",
    legend: "What size do you consider your organisation to be?",
    options: [...SUPPLIER_SIZE_OPTIONS],
  },
];

const CONTACT_QUESTIONS: readonly FieldSpec[] = [
  nameQuestion("contactName", "Contact name"),
  emailQuestion("contactEmail", "Contact email address", "A shared address such as sales@ works best"),
  {
    kind: "text",
    name: "contactPhone",
    label: "Contact telephone number (optional)",
    type: "tel",
    autoComplete: "tel",
    width: "20",
    hint: "For international numbers include the country code",
  },
];

/** The organisation's questions (registration asks the Companies House number too; the profile shows it read-only). */
export function OrganisationFields({
  values,
  error,
  register,
  withCompanyNumber,
}: {
  values: Values;
  error: (name: string) => string | undefined;
  register: UseFormRegister<FieldValues>;
  withCompanyNumber: boolean;
}) {
  const table = { values, error, register };
  return (
    <>
      <h2 className="govuk-heading-m">Your organisation</h2>
      <FieldTable
        fields={withCompanyNumber ? ORGANISATION_QUESTIONS : ORGANISATION_QUESTIONS.filter((q) => q.name !== "companyNumber")}
        {...table}
      />

      <h2 className="govuk-heading-m">Size</h2>
      <p className="govuk-body">
        Buyers see the size worked out from your staff and turnover using the UK definition of a small or medium-sized enterprise (SME), as
        framework agreements do.
      </p>
      <FieldTable fields={SIZE_QUESTIONS} {...table} />

      <h2 className="govuk-heading-m">Contact details for buyers</h2>
      <FieldTable fields={CONTACT_QUESTIONS} {...table} />
    </>
  );
}

export function SizeSummary({
  computedSize,
  declaredSize,
  sme,
  explanation,
}: {
  computedSize: string;
  declaredSize: string;
  sme: boolean;
  explanation: string | null;
}) {
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Size buyers see</dt>
          <dd className="govuk-summary-list__value">
            {SIZE_LABELS[computedSize] ?? computedSize}{" "}
            {sme ? (
              <strong className="govuk-tag govuk-tag--green">SME</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--grey">Not an SME</strong>
            )}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Size you declared</dt>
          <dd className="govuk-summary-list__value">{SIZE_LABELS[declaredSize] ?? declaredSize}</dd>
        </div>
      </dl>
      {explanation ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">{explanation}</p>
          <p className="govuk-body">If your figures are out of date, update your staff and turnover below.</p>
        </div>
      ) : null}
    </>
  );
}

// The dashboard comes first and is never marked as the current page; the sections are.
const SECTIONS = [
  { to: "/supplier", label: "Supplier dashboard" },
  { to: "/supplier/profile", label: "Organisation profile" },
  { to: "/supplier/accreditations", label: "Accreditations" },
  { to: "/supplier/awards", label: "Framework awards" },
  { to: "/supplier/team", label: "Team" },
];

/** What the supplier area's layout (app/routes/supplier.tsx) loads once for every page in it. */
export type SupplierAreaData = { organisation: { id: string; tradingName: string } | null };

/** The organisation the supplier area is for, as the layout loaded it (null for an admin reading a listing). */
export function useSupplierOrganisation() {
  return (useRouteLoaderData("routes/supplier") as SupplierAreaData | undefined)?.organisation ?? null;
}

export function SupplierAccountNav() {
  const { pathname } = useLocation();
  return (
    <SectionNav label="Your organisation" links={SECTIONS} current={(to) => (to === pathname && to !== "/supplier" ? "page" : undefined)} />
  );
}
