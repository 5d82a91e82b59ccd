// The register's table of contracts (register, council, supplier and product pages).
import { Link } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { DataTable } from "~/components/data-table";
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
    <DataTable
      caption={caption}
      rows={contracts}
      rowKey={(c) => c.id}
      columns={[
        {
          header: "Contract",
          cell: (c) => (
            <>
              <Link className="govuk-link" to={`/contracts/${c.id}`}>
                {c.title}
              </Link>
              {c.visibility === "private" ? (
                <>
                  {" "}
                  <strong className="govuk-tag govuk-tag--grey">Private</strong>
                </>
              ) : null}
            </>
          ),
        },
        !hide.includes("council") && {
          header: "Buyer",
          cell: (c) =>
            c.council ? (
              <Link className="govuk-link" to={`/councils/${c.council.code}`}>
                {c.council.name}
              </Link>
            ) : (
              c.buyerName
            ),
        },
        !hide.includes("supplier") && {
          header: "Supplier",
          cell: (c) =>
            c.supplier ? (
              <Link className="govuk-link" to={`/suppliers/${c.supplier.slug}`}>
                {c.supplier.tradingName}
              </Link>
            ) : (
              c.supplierName || "Not stated"
            ),
        },
        {
          header: "Agreement",
          cell: (c) => (c.agreement ? `${c.agreement.shortName}${c.lot ? ` lot ${c.lot.number}` : ""}` : "Own procedure"),
        },
        { header: "Value", numeric: true, cell: (c) => formatPence(c.valuePence) },
        { header: "Ends", cell: (c) => (c.endDate ? formatDate(c.endDate) : "Not stated") },
      ]}
    />
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
          {total > contracts.length ? <LinkParagraph to={moreHref}>See all {total} contracts in the register</LinkParagraph> : null}
        </>
      ) : (
        <p className="govuk-body">No contracts in the register yet.</p>
      )}
    </section>
  );
}
