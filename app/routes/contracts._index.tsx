import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageLinks } from "~/components/case-study-list";
import { ContractTable } from "~/components/contract-table";
import { contractFacetOptions, listContracts, parseContractFilters, type ContractFilters } from "~/models/contract.server";
import { contractPriceRanges } from "~/models/contract-prices.server";
import { PriceRanges } from "~/components/price-ranges";
import { hasPermission } from "~/auth/permissions.server";
import { contractViewer } from "~/auth/contract-policy.server";
import { formatNumber } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Contracts register");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = parseContractFilters(url.searchParams);
  const { user, viewer } = await contractViewer(request);
  const [result, options, prices] = await Promise.all([
    listContracts(filters, viewer),
    contractFacetOptions(),
    filters.serviceArea ? contractPriceRanges({ serviceAreaSlug: filters.serviceArea }) : Promise.resolve(null),
  ]);
  const canAdd = Boolean(user?.councilId && hasPermission(user, "create", "contract", "own"));
  return { filters, ...result, options, canAdd, prices, query: url.searchParams.toString() };
}

function withPage(filters: ContractFilters, page: number): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (k !== "page" && v) sp.set(k, String(v));
  if (page > 1) sp.set("page", String(page));
  const qs = sp.toString();
  return qs ? `?${qs}` : "";
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="govuk-select" id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function ContractsRegister() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  const exportQuery = withPage({ ...f, page: 1 }, 1);
  return (
    <>
      <h1 className="govuk-heading-xl">Contracts register</h1>
      <p className="govuk-body-l">Councils' contracts: who supplies what, on which agreement, and when each one ends.</p>
      {d.canAdd ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/contracts/new">
            Add a contract your council holds
          </Link>{" "}
          or{" "}
          <Link className="govuk-link" to="/contracts/upload">
            upload them as a CSV file
          </Link>
          .
        </p>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form method="get" action="/contracts" aria-label="Filter contracts">
            <h2 className="govuk-heading-m">Filter</h2>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="filter-q">
                Words
              </label>
              <input className="govuk-input" id="filter-q" name="q" type="search" defaultValue={f.q ?? ""} />
            </div>
            <Select
              name="serviceArea"
              label="Service area"
              value={f.serviceArea}
              options={d.options.serviceAreas.map((a) => ({ value: a.slug, label: a.name }))}
            />
            <Select name="councilType" label="Council type" value={f.councilType} options={d.options.councilTypes} />
            <Select name="region" label="Region" value={f.region} options={d.options.regions.map((r) => ({ value: r, label: r }))} />
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="filter-supplier">
                Supplier
              </label>
              <div className="govuk-hint" id="filter-supplier-hint">
                As in the supplier page's address, for example kestrel-civic-software
              </div>
              <input
                className="govuk-input"
                id="filter-supplier"
                name="supplier"
                defaultValue={f.supplier ?? ""}
                aria-describedby="filter-supplier-hint"
                spellCheck={false}
              />
            </div>
            <Select
              name="agreement"
              label="Agreement"
              value={f.agreement}
              options={d.options.agreements.map((a) => ({ value: a.number, label: `${a.shortName} (${a.number})` }))}
            />
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Ending between</legend>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="filter-endFrom">
                  From (YYYY-MM-DD)
                </label>
                <input className="govuk-input govuk-input--width-10" id="filter-endFrom" name="endFrom" defaultValue={f.endFrom ?? ""} />
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="filter-endTo">
                  To (YYYY-MM-DD)
                </label>
                <input className="govuk-input govuk-input--width-10" id="filter-endTo" name="endTo" defaultValue={f.endTo ?? ""} />
              </div>
            </fieldset>
            <button type="submit" className="govuk-button govuk-button--secondary">
              Apply filters
            </button>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" role="status">
            {formatNumber(d.total)} {d.total === 1 ? "contract" : "contracts"}
          </p>
          {d.contracts.length ? (
            <ContractTable contracts={d.contracts} caption="Contracts, soonest ending first" />
          ) : (
            <p className="govuk-body">No contracts match these filters.</p>
          )}
          <PageLinks
            page={d.page}
            pageSize={d.pageSize}
            total={d.total}
            href={(p) => `/contracts${withPage(f, p)}`}
            label="Pages of contracts"
          />
          {d.prices ? <PriceRanges ranges={d.prices} heading="What councils paid in this service area" /> : null}
          <h2 className="govuk-heading-s">Download</h2>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={`/contracts.csv${exportQuery}`} download>
                These contracts as CSV
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`/contracts.json${exportQuery}`} download>
                These contracts as an OCDS 1.1 release package
              </a>
            </li>
          </ul>
        </div>
      </div>
    </>
  );
}
