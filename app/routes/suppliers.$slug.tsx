import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SummaryList } from "~/components/buying";
import { CaseStudyList } from "~/components/case-study-list";
import { getSupplierBySlug } from "~/models/supplier.server";
import { formatDate } from "~/utils/format";
import { ACCREDITATION_LABELS, FRAMEWORK_STATUS_LABELS, SIZE_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { getSessionUser } from "~/auth/session.server";
import { supplierContractsPanel } from "~/models/contract.server";
import { contractViewerFor } from "~/auth/contract-policy.server";
import { ContractsPanel } from "~/components/contract-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.supplier.tradingName : "Supplier not found");

export async function loader({ params, request }: LoaderFunctionArgs) {
  // Not verified by an admin yet: a 404 to everyone but its own users and admins.
  const user = await getSessionUser(request);
  const supplier = await getSupplierBySlug(String(params.slug).slice(0, 120), user);
  if (!supplier) throw notFound();
  const contracts = await supplierContractsPanel(supplier.id, contractViewerFor(user));
  return { supplier, contracts };
}

export default function SupplierPage() {
  const { supplier, contracts } = useLoaderData<typeof loader>();
  const isSme = supplier.computedSize !== "large";
  return (
    <>
      <span className="govuk-caption-l">Supplier</span>
      <h1 className="govuk-heading-xl">{supplier.tradingName}</h1>
      {supplier.verified ? null : (
        <div className="govuk-inset-text">
          An administrator has not verified this organisation yet. Until then only its own users and administrators can see this page, and
          it does not appear in search.
        </div>
      )}
      <p className="govuk-body">
        <strong className="govuk-tag govuk-tag--blue">{SIZE_LABELS[supplier.computedSize]} business</strong>{" "}
        {isSme ? <strong className="govuk-tag govuk-tag--green">SME</strong> : null}
      </p>
      {supplier.description ? <p className="govuk-body">{supplier.description}</p> : null}
      <SummaryList
        rows={[
          { key: "Legal name", value: supplier.legalName },
          { key: "Companies House number", value: supplier.companyNumber ?? "Not registered" },
          { key: "Region", value: supplier.region },
          {
            key: "Size",
            value: (
              <>
                {SIZE_LABELS[supplier.computedSize]} (declared: {SIZE_LABELS[supplier.declaredSize] ?? supplier.declaredSize})
              </>
            ),
          },
          {
            key: "Contact",
            value: (
              <>
                {supplier.contactName},{" "}
                <a className="govuk-link" href={`mailto:${supplier.contactEmail}`}>
                  {supplier.contactEmail}
                </a>
              </>
            ),
          },
        ]}
      />
      <h2 className="govuk-heading-m">Accreditations</h2>
      {supplier.accreditations.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {supplier.accreditations.map((a) => (
            <li key={a.id}>
              {ACCREDITATION_LABELS[a.kind] ?? a.kind}
              {a.expiresAt ? `, expires ${formatDate(a.expiresAt)}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">None declared.</p>
      )}
      <h2 className="govuk-heading-m">Framework awards (verified)</h2>
      {supplier.awards.length ? (
        <ul className="govuk-list">
          {supplier.awards.map((a) => (
            <li key={a.id}>
              <Link className="govuk-link" to={`/frameworks/${a.lot.agreement.number}`}>
                {a.lot.agreement.shortName}
              </Link>
              , lot {a.lot.number}: {a.lot.name}{" "}
              <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[a.status].tag}`}>{FRAMEWORK_STATUS_LABELS[a.status].label}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No verified awards.</p>
      )}
      <h2 className="govuk-heading-m">Products and services</h2>
      {supplier.products.length ? (
        <ul className="govuk-list">
          {supplier.products.map((p) => (
            <li key={p.id} className="govuk-!-margin-bottom-3">
              <Link className="govuk-link govuk-!-font-weight-bold" to={`/products/${p.id}`}>
                {p.publishedVersion!.name}
              </Link>
              <br />
              <span className="govuk-body-s">
                {p.publishedVersion!.category} · from {formatPence(p.publishedVersion!.priceFromPence)} {p.publishedVersion!.priceUnit}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No published products.</p>
      )}
      <ContractsPanel
        heading="Contracts with councils"
        total={contracts.total}
        contracts={contracts.contracts}
        moreHref={`/contracts?supplier=${supplier.slug}`}
        hide={["supplier"]}
      />
      <h2 className="govuk-heading-m">Case studies naming this supplier</h2>
      <CaseStudyList items={supplier.caseStudyLinks.map((l) => l.caseStudy)} empty="No published case studies name this supplier yet." />
    </>
  );
}
