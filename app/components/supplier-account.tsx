// Pieces shared by the supplier self-service pages: the organisation fields (registration
// and profile use the same questions), the size summary, and the section navigation.
import { Link, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { ChoiceField, SelectField, TextareaField, TextField } from "./forms";
import { UK_REGIONS } from "~/models/supplier-account.schema";
import { SIZE_LABELS, SUPPLIER_SIZE_OPTIONS } from "~/utils/labels";

type Values = Record<string, unknown> | undefined;

function text(values: Values, name: string): string | undefined {
  const v = values?.[name];
  return v == null ? undefined : String(v);
}

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
  return (
    <>
      <h2 className="govuk-heading-m">Your organisation</h2>
      <TextField
        name="legalName"
        label="Legal name"
        hint="As registered at Companies House, for example Kestrel Civic Software Ltd"
        autoComplete="organization"
        defaultValue={text(values, "legalName")}
        error={error("legalName")}
        registered={register("legalName")}
      />
      <TextField
        name="tradingName"
        label="Trading name"
        hint="The name buyers know you by. It is also the address of your public page."
        defaultValue={text(values, "tradingName")}
        error={error("tradingName")}
        registered={register("tradingName")}
      />
      {withCompanyNumber ? (
        <TextField
          name="companyNumber"
          label="Companies House number"
          width="10"
          spellCheck={false}
          hint="8 characters, for example 01234567, or SC123456 for a company registered in Scotland"
          defaultValue={text(values, "companyNumber")}
          error={error("companyNumber")}
          registered={register("companyNumber")}
        />
      ) : null}
      <SelectField
        name="region"
        label="Region or nation where you are based"
        options={[{ value: "", label: "Select a region or nation" }, ...UK_REGIONS.map((r) => ({ value: r, label: r }))]}
        defaultValue={text(values, "region")}
        error={error("region")}
        registered={register("region")}
      />
      <TextField
        name="website"
        label="Website (optional)"
        type="url"
        autoComplete="url"
        spellCheck={false}
        inputMode="url"
        hint="Starting with https://, for example https://www.example.co.uk"
        defaultValue={text(values, "website")}
        error={error("website")}
        registered={register("website")}
      />
      <TextareaField
        name="description"
        label="Description"
        hint="What you do and for which councils. Buyers see this on your public page."
        defaultValue={text(values, "description")}
        error={error("description")}
        registered={register("description")}
      />

      <h2 className="govuk-heading-m">Size</h2>
      <p className="govuk-body">
        Buyers see the size worked out from your staff and turnover using the UK definition of a small or medium-sized enterprise (SME), as
        framework agreements do.
      </p>
      <TextField
        name="staffCount"
        label="Number of staff"
        width="5"
        inputMode="numeric"
        hint="Full-time equivalent employees, including directors"
        defaultValue={text(values, "staffCount")}
        error={error("staffCount")}
        registered={register("staffCount")}
      />
      <TextField
        name="turnover"
        label="Annual turnover"
        width="10"
        inputMode="decimal"
        prefix="£"
        hint="From your latest accounts, in pounds, for example 1,250,000"
        defaultValue={text(values, "turnover")}
        error={error("turnover")}
        registered={register("turnover")}
      />
      <TextField
        name="balanceSheet"
        label="Balance sheet total (optional)"
        width="10"
        inputMode="decimal"
        prefix="£"
        hint="From your latest accounts, in pounds. With fewer than 250 staff, a balance sheet total of £38 million or less makes you an SME even if your turnover is over £44 million."
        defaultValue={text(values, "balanceSheet")}
        error={error("balanceSheet")}
        registered={register("balanceSheet")}
      />
      <ChoiceField
        type="radio"
        name="declaredSize"
        legend="What size do you consider your organisation to be?"
        options={[...SUPPLIER_SIZE_OPTIONS]}
        defaultValue={text(values, "declaredSize")}
        error={error("declaredSize")}
        registered={register("declaredSize")}
      />

      <h2 className="govuk-heading-m">Contact details for buyers</h2>
      <TextField
        name="contactName"
        label="Contact name"
        autoComplete="name"
        spellCheck={false}
        defaultValue={text(values, "contactName")}
        error={error("contactName")}
        registered={register("contactName")}
      />
      <TextField
        name="contactEmail"
        label="Contact email address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        hint="A shared address such as sales@ works best"
        defaultValue={text(values, "contactEmail")}
        error={error("contactEmail")}
        registered={register("contactEmail")}
      />
      <TextField
        name="contactPhone"
        label="Contact telephone number (optional)"
        type="tel"
        autoComplete="tel"
        width="20"
        hint="For international numbers include the country code"
        defaultValue={text(values, "contactPhone")}
        error={error("contactPhone")}
        registered={register("contactPhone")}
      />
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

const SECTIONS = [
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
    <nav aria-label="Your organisation" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link govuk-link--no-visited-state" to="/supplier">
            Supplier dashboard
          </Link>
          {SECTIONS.map((s) => (
            <span key={s.to}>
              {" · "}
              {pathname === s.to ? (
                <Link className="govuk-link govuk-link--no-visited-state govuk-!-font-weight-bold" to={s.to} aria-current="page">
                  {s.label}
                </Link>
              ) : (
                <Link className="govuk-link govuk-link--no-visited-state" to={s.to}>
                  {s.label}
                </Link>
              )}
            </span>
          ))}
        </li>
      </ul>
    </nav>
  );
}
