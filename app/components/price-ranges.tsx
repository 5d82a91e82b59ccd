// "What peers paid": ranges of public contract values, never one council's figure.
import { useId } from "react";
import { TableContainer } from "~/components/table-container";
import { formatPence } from "~/procurement/money";
import type { PriceRange, PriceRanges as Ranges } from "~/models/contract-prices.server";

const MIN = 3;

function Rows({ ranges }: { ranges: PriceRange[] }) {
  return (
    <>
      {ranges.map((r) => (
        <tr className="govuk-table__row" key={r.group}>
          <th scope="row" className="govuk-table__header">
            {r.group}
          </th>
          <td className="govuk-table__cell govuk-table__cell--numeric">{r.contracts}</td>
          <td className="govuk-table__cell">
            {formatPence(r.minPence)} to {formatPence(r.maxPence)} (median {formatPence(r.medianPence)})
          </td>
          <td className="govuk-table__cell">
            {r.perResident ? `${formatPence(r.perResident.minPence)} to ${formatPence(r.perResident.maxPence)}` : "Not enough known"}
          </td>
          <td className="govuk-table__cell">
            {r.unitPrice
              ? `${formatPence(r.unitPrice.minPence)} to ${formatPence(r.unitPrice.maxPence)}${r.unitPrice.units.length ? ` ${r.unitPrice.units.join(" or ")}` : ""}`
              : "Not enough known"}
          </td>
        </tr>
      ))}
    </>
  );
}

export function PriceRanges({ ranges, heading }: { ranges: Ranges; heading: string }) {
  // A page may show two (the product's and its category's): each needs its own heading id.
  const headingId = `price-ranges-${useId().replace(/:/g, "")}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>
        {heading}
      </h2>
      {ranges.overall ? (
        <TableContainer label={heading}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Values of public contracts, shown only for groups of {MIN} or more contracts
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Councils
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Contracts
                </th>
                <th scope="col" className="govuk-table__header">
                  Contract value
                </th>
                <th scope="col" className="govuk-table__header">
                  Per resident
                </th>
                <th scope="col" className="govuk-table__header">
                  Unit price
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              <Rows ranges={[ranges.overall, ...ranges.byType, ...ranges.bySize]} />
            </tbody>
          </table>
        </TableContainer>
      ) : (
        <p className="govuk-body">Fewer than {MIN} public contracts have a value here, so no range is shown.</p>
      )}
    </section>
  );
}
