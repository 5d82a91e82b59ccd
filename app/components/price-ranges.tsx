// "What peers paid": ranges of public contract values, never one council's figure.
import { useId } from "react";
import { DataTable } from "~/components/data-table";
import { formatPence } from "~/procurement/money";
import type { PriceRanges as Ranges } from "~/models/contract-prices.server";

const MIN = 3;

/** "£1,000 to £5,000": the lowest and highest of a group. */
const span = (r: { minPence: number; maxPence: number }) => `${formatPence(r.minPence)} to ${formatPence(r.maxPence)}`;

export function PriceRanges({ ranges, heading }: { ranges: Ranges; heading: string }) {
  // A page may show two (the product's and its category's): each needs its own heading id.
  const headingId = `price-ranges-${useId().replace(/:/g, "")}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>
        {heading}
      </h2>
      {ranges.overall ? (
        <DataTable
          caption={`Values of public contracts, shown only for groups of ${MIN} or more contracts`}
          label={heading}
          captionSize="s"
          rows={[ranges.overall, ...ranges.byType, ...ranges.bySize]}
          rowKey={(r) => r.group}
          columns={[
            { header: "Councils", rowHeader: true, cell: (r) => r.group },
            { header: "Contracts", numeric: true, cell: (r) => r.contracts },
            { header: "Contract value", cell: (r) => `${span(r)} (median ${formatPence(r.medianPence)})` },
            { header: "Per resident", cell: (r) => (r.perResident ? span(r.perResident) : "Not enough known") },
            {
              header: "Unit price",
              cell: (r) =>
                r.unitPrice
                  ? `${span(r.unitPrice)}${r.unitPrice.units.length ? ` ${r.unitPrice.units.join(" or ")}` : ""}`
                  : "Not enough known",
            },
          ]}
        />
      ) : (
        <p className="govuk-body">Fewer than {MIN} public contracts have a value here, so no range is shown.</p>
      )}
    </section>
  );
}
