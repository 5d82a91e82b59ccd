// The register's table of contracts (register, council, supplier and product pages).
import { Link } from "@remix-run/react";
import { TableContainer } from "~/components/table-container";
import { formatPence } from "~/procurement/money";
import { formatDate } from "~/utils/format";

export interface ContractRow {
  id: string;
  title: string;
  buyerName: string;
  supplierName: string;
  valuePence: number | null;
  startDate: string | null;
  endDate: string | null;
  visibility: string;
  council: { code: string; name: string } | null;
  supplier: { slug: string; tradingName: string } | null;
  agreement: { number: string; shortName: string } | null;
  lot: { number: string } | null;
}

export function ContractTable({
  contracts,
  caption,
  hide = [],
}: {
  contracts: ContractRow[];
  caption: string;
  hide?: ("council" | "supplier")[];
}) {
  return (
    <TableContainer label={caption}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Contract
            </th>
            {hide.includes("council") ? null : (
              <th scope="col" className="govuk-table__header">
                Buyer
              </th>
            )}
            {hide.includes("supplier") ? null : (
              <th scope="col" className="govuk-table__header">
                Supplier
              </th>
            )}
            <th scope="col" className="govuk-table__header">
              Agreement
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Value
            </th>
            <th scope="col" className="govuk-table__header">
              Ends
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {contracts.map((c) => (
            <tr className="govuk-table__row" key={c.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/contracts/${c.id}`}>
                  {c.title}
                </Link>
                {c.visibility === "private" ? (
                  <>
                    {" "}
                    <strong className="govuk-tag govuk-tag--grey">Private</strong>
                  </>
                ) : null}
              </td>
              {hide.includes("council") ? null : (
                <td className="govuk-table__cell">
                  {c.council ? (
                    <Link className="govuk-link" to={`/councils/${c.council.code}`}>
                      {c.council.name}
                    </Link>
                  ) : (
                    c.buyerName
                  )}
                </td>
              )}
              {hide.includes("supplier") ? null : (
                <td className="govuk-table__cell">
                  {c.supplier ? (
                    <Link className="govuk-link" to={`/suppliers/${c.supplier.slug}`}>
                      {c.supplier.tradingName}
                    </Link>
                  ) : (
                    c.supplierName || "Not stated"
                  )}
                </td>
              )}
              <td className="govuk-table__cell">
                {c.agreement ? `${c.agreement.shortName}${c.lot ? ` lot ${c.lot.number}` : ""}` : "Own procedure"}
              </td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(c.valuePence)}</td>
              <td className="govuk-table__cell">{c.endDate ? formatDate(c.endDate) : "Not stated"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}

/** A council, supplier or product page's panel of contracts, with a link to the rest in the register. */
export function ContractsPanel({
  total,
  contracts,
  moreHref,
  heading = "Contracts",
  hide,
}: {
  total: number;
  contracts: ContractRow[];
  moreHref: string;
  heading?: string;
  hide?: ("council" | "supplier")[];
}) {
  return (
    <section aria-labelledby="contracts-panel">
      <h2 className="govuk-heading-m" id="contracts-panel">
        {heading}
      </h2>
      {contracts.length ? (
        <>
          <ContractTable contracts={contracts} caption={`${heading}: ${total} in the register`} hide={hide} />
          {total > contracts.length ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={moreHref}>
                See all {total} contracts in the register
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <p className="govuk-body">No contracts in the register yet.</p>
      )}
    </section>
  );
}
