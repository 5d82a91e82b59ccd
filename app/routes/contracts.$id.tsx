import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
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

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export default function ContractPage() {
  const { contract: c } = useLoaderData<typeof loader>();
  return (
    <>
      <Link className="govuk-back-link" to="/contracts">
        Back to the register
      </Link>
      <span className="govuk-caption-l">{c.council ? c.council.officialName : c.buyerName}</span>
      <h1 className="govuk-heading-l">{c.title}</h1>
      {c.visibility === "private" ? (
        <div className="govuk-inset-text">Private to your council: other councils, suppliers and the public cannot see this contract.</div>
      ) : null}
      <dl className="govuk-summary-list">
        <Row label="Buyer">
          {c.council ? (
            <Link className="govuk-link" to={`/councils/${c.council.code}`}>
              {c.council.officialName}
            </Link>
          ) : (
            c.buyerName
          )}
        </Row>
        <Row label="Supplier">
          {c.supplier ? (
            <Link className="govuk-link" to={`/suppliers/${c.supplier.slug}`}>
              {c.supplier.tradingName}
            </Link>
          ) : (
            c.supplierName || "Not stated"
          )}
          {c.supplierCompanyNumber ? ` (Companies House ${c.supplierCompanyNumber})` : ""}
        </Row>
        {c.products.length ? (
          <Row label="Products">
            <ul className="govuk-list">
              {c.products.map((p) => (
                <li key={p.id}>
                  <Link className="govuk-link" to={`/products/${p.id}`}>
                    {p.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        <Row label="Agreement">
          {c.agreement ? (
            <Link className="govuk-link" to={`/frameworks/${c.agreement.slug}`}>
              {c.agreement.name} ({c.agreement.number}){c.lot ? `, lot ${c.lot.number}: ${c.lot.name}` : ""}
            </Link>
          ) : (
            `Own procedure${c.procedure ? `: ${c.procedure}` : ""}`
          )}
        </Row>
        <Row label="Value including VAT">{formatPence(c.valuePence)}</Row>
        <Row label="Value excluding VAT">{formatPence(c.valueExVatPence)}</Row>
        {c.unitPricePence !== null ? (
          <Row label="Unit price">
            {formatPence(c.unitPricePence)} {c.priceUnit ?? ""}
          </Row>
        ) : null}
        <Row label="Starts">{formatDate(c.startDate, "Not stated")}</Row>
        <Row label="Ends">{formatDate(c.endDate, "Not stated")}</Row>
        <Row label="Extension options">
          {c.extensions.length ? (
            <ul className="govuk-list">
              {c.extensions.map((e, i) => (
                <li key={e.endDate}>
                  Extension {i + 1}: to {formatDate(e.endDate)}
                </li>
              ))}
            </ul>
          ) : (
            "None recorded"
          )}
        </Row>
        <Row label="Service area">{c.serviceArea?.name ?? "Not recorded"}</Row>
        <Row label="CPV codes">{c.cpvCodes.length ? c.cpvCodes.map(cpvCodeText).join("; ") : "None recorded"}</Row>
        <Row label="Notices">
          {c.notices.length ? (
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
          )}
        </Row>
        <Row label="Source">
          {CONTRACT_SOURCES[c.source]}
          {c.ocid ? ` (${c.ocid})` : ""}
        </Row>
      </dl>
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
