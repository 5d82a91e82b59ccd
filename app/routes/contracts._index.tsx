import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilteredList, filterQuery, FilterRange, FilterSelect, FilterText, ServiceAreaSelect } from "~/components/filter-form";
import { ContractTable } from "~/components/contract-table";
import { contractFacetOptions, listContracts, parseContractFilters } from "~/models/contract.server";
import { contractPriceRanges } from "~/models/contract-prices.server";
import { PriceRanges } from "~/components/price-ranges";
import { hasPermission } from "~/auth/permissions.server";
import { contractViewer } from "~/auth/contract-policy.server";
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

export default function ContractsRegister() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  const exportQuery = filterQuery(f);
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
      <FilteredList
        path="/contracts"
        noun={["contract", "contracts"]}
        filters={f}
        page={d.page}
        pageSize={d.pageSize}
        total={d.total}
        shown={d.contracts.length}
        controls={
          <>
            <FilterText name="q" label="Words" type="search" value={f.q} />
            <ServiceAreaSelect areas={d.options.serviceAreas} value={f.serviceArea} any="Any" />
            <FilterSelect name="councilType" label="Council type" value={f.councilType} options={d.options.councilTypes} />
            <FilterSelect name="region" label="Region" value={f.region} options={d.options.regions.map((r) => ({ value: r, label: r }))} />
            <FilterText
              name="supplier"
              label="Supplier"
              value={f.supplier}
              hint="As in the supplier page's address, for example kestrel-civic-software"
            />
            <FilterSelect
              name="agreement"
              label="Agreement"
              value={f.agreement}
              options={d.options.agreements.map((a) => ({ value: a.number, label: `${a.shortName} (${a.number})` }))}
            />
            <FilterRange
              legend="Ending between"
              format="YYYY-MM-DD"
              from={{ name: "endFrom", value: f.endFrom }}
              to={{ name: "endTo", value: f.endTo }}
            />
          </>
        }
        after={
          <>
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
            <p className="govuk-body-s">
              Contracts imported from Contracts Finder and Find a Tender contain public sector information licensed under the{" "}
              <a className="govuk-link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">
                Open Government Licence v3.0
              </a>
              .
            </p>
          </>
        }
      >
        <ContractTable contracts={d.contracts} caption="Contracts, soonest ending first" />
      </FilteredList>
    </>
  );
}
