import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BackLink, InsetText, SummaryList } from "~/components/buying";
import { getContract } from "~/models/contract.server";
import { CONTRACT_SOURCES } from "~/models/contract.schema";
import { contractViewer } from "~/auth/contract-policy.server";
import { formatPence } from "~/procurement/money";
import { formatDate, formatDateTime } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { cpvCodeText } from "~/utils/cpv";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.contract.title : "Contract not found");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = String(params.id);
  if (!/^[a-z0-9]{10,40}$/i.test(id)) throw notFound();
  const { viewer } = await contractViewer(request);
  // A private contract is "not found" to anyone but its council's buyers: the two look alike.
  const contract = await getContract(id, viewer);
  if (!contract) throw notFound();
  return { contract };
}

export default function ContractPage() {
  const { contract: c } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/contracts">Back to the register</BackLink>
      <span className="govuk-caption-l">{c.council ? c.council.officialName : c.buyerName}</span>
      <h1 className="govuk-heading-l">{c.title}</h1>
      {c.visibility === "private" ? (
        <InsetText>Private to your council: other councils, suppliers and the public cannot see this contract.</InsetText>
      ) : null}
      <SummaryList
        rows={[
          {
            key: "Buyer",
            value: c.council ? (
              <Link className="govuk-link" to={`/councils/${c.council.code}`}>
                {c.council.officialName}
              </Link>
            ) : (
              c.buyerName
            ),
          },
          {
            key: "Supplier",
            value: (
              <>
                {c.supplier ? (
                  <Link className="govuk-link" to={`/suppliers/${c.supplier.slug}`}>
                    {c.supplier.tradingName}
                  </Link>
                ) : (
                  c.supplierName || "Not stated"
                )}
                {c.supplierCompanyNumber ? ` (Companies House ${c.supplierCompanyNumber})` : ""}
              </>
            ),
          },
          ...(c.products.length
            ? [
                {
                  key: "Products",
                  value: (
                    <ul className="govuk-list">
                      {c.products.map((p) => (
                        <li key={p.id}>
                          <Link className="govuk-link" to={`/products/${p.id}`}>
                            {p.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          {
            key: "Agreement",
            value: c.agreement ? (
              <Link className="govuk-link" to={`/frameworks/${c.agreement.slug}`}>
                {c.agreement.name} ({c.agreement.number}){c.lot ? `, lot ${c.lot.number}: ${c.lot.name}` : ""}
              </Link>
            ) : (
              `Own procedure${c.procedure ? `: ${c.procedure}` : ""}`
            ),
          },
          { key: "Value including VAT", value: formatPence(c.valuePence) },
          { key: "Value excluding VAT", value: formatPence(c.valueExVatPence) },
          ...(c.unitPricePence !== null
            ? [
                {
                  key: "Unit price",
                  value: (
                    <>
                      {formatPence(c.unitPricePence)} {c.priceUnit ?? ""}
                    </>
                  ),
                },
              ]
            : []),
          { key: "Starts", value: formatDate(c.startDate, "Not stated") },
          { key: "Ends", value: formatDate(c.endDate, "Not stated") },
          {
            key: "Extension options",
            value: c.extensions.length ? (
              <ul className="govuk-list">
                {c.extensions.map((e, i) => (
                  <li key={e.endDate}>
                    Extension {i + 1}: to {formatDate(e.endDate)}
                  </li>
                ))}
              </ul>
            ) : (
              "None recorded"
            ),
          },
          { key: "Service area", value: c.serviceArea?.name ?? "Not recorded" },
          { key: "CPV codes", value: c.cpvCodes.length ? c.cpvCodes.map(cpvCodeText).join("; ") : "None recorded" },
          {
            key: "Notices",
            value: c.notices.length ? (
              <ul className="govuk-list">
                {c.notices.map((n) => (
                  <li key={n.url}>
                    <a className="govuk-link" href={n.url} rel="noreferrer">
                      {n.id === "awardNotice" ? "Award notice" : n.id === "notice" ? "Notice" : n.id}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              "None published"
            ),
          },
          {
            key: "Source",
            value: (
              <>
                {CONTRACT_SOURCES[c.source]}
                {c.ocid ? ` (${c.ocid})` : ""}
              </>
            ),
          },
        ]}
      />
      <h2 className="govuk-heading-m">History</h2>
      <ol className="govuk-list govuk-list--number">
        {c.revisions.map((r) => (
          <li key={r.sequence}>
            {formatDateTime(r.at)}: {r.reason}
          </li>
        ))}
      </ol>
    </>
  );
}
