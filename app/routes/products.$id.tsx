import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseStudyList } from "~/components/case-study-list";
import { getPublishedProduct, listCouncilsUsingProduct } from "~/models/product.server";
import { ACCREDITATION_LABELS, FRAMEWORK_STATUS_LABELS, SIZE_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { getSessionUser } from "~/auth/session.server";
import { countSimilarCouncils } from "~/models/peers.server";
import { productContractsPanel } from "~/models/contract.server";
import { contractPriceRanges } from "~/models/contract-prices.server";
import { contractViewerFor } from "~/auth/contract-policy.server";
import { ContractsPanel } from "~/components/contract-table";
import { PriceRanges } from "~/components/price-ranges";
import { ListingDocuments, ServiceDefinition } from "~/components/service-definition";
import { getVersionDetails } from "~/models/listing-document.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.product.version.name : "Product not found");

export async function loader({ params, request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  // Its organisation not verified yet: a 404 to everyone but its own users and admins.
  const product = await getPublishedProduct(String(params.id).slice(0, 60), user);
  if (!product) throw notFound();
  const councilIds = await listCouncilsUsingProduct(product.id);
  const similar = user?.councilId ? await countSimilarCouncils(user.councilId, councilIds) : null;
  // The register: contracts for this product, and what councils paid for it and for its category (public contracts only).
  const [contracts, productPrices, categoryPrices, details] = await Promise.all([
    productContractsPanel(product.id, contractViewerFor(user)),
    contractPriceRanges({ productId: product.id }),
    contractPriceRanges({ category: product.version.category }),
    getVersionDetails(product.version.id),
  ]);
  if (!details) throw notFound();
  return { product, councilsUsing: councilIds.length, similar, contracts, productPrices, categoryPrices, details };
}

function List({ items, empty = "None stated" }: { items: string[]; empty?: string }) {
  return items.length ? (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  ) : (
    <p className="govuk-body">{empty}</p>
  );
}

export default function ProductPage() {
  const { product, councilsUsing, similar, contracts, productPrices, categoryPrices, details } = useLoaderData<typeof loader>();
  const v = product.version;
  return (
    <>
      <span className="govuk-caption-l">
        <Link className="govuk-link" to={`/suppliers/${product.supplier.slug}`}>
          {product.supplier.tradingName}
        </Link>
      </span>
      <h1 className="govuk-heading-xl">{v.name}</h1>
      <p className="govuk-body-l">{v.summary}</p>
      <p className="govuk-body">
        Used by {councilsUsing} {councilsUsing === 1 ? "council" : "councils"}
        {similar != null ? `, including ${similar} similar to yours` : ""}.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Description</h2>
          <p className="govuk-body">{v.description}</p>
          <h2 className="govuk-heading-m">Features</h2>
          <List items={v.features} />
          <h2 className="govuk-heading-m">Benefits</h2>
          <List items={v.benefits} />
          <h2 className="govuk-heading-m">Standards and integrations</h2>
          <List items={[...v.standards, ...v.integrations]} />
          <ServiceDefinition values={details.definition} />
          <ListingDocuments documents={details.documents} />
          <h2 className="govuk-heading-m">Case studies</h2>
          <CaseStudyList items={product.caseStudies} empty="No council has published a case study about this product yet." />
        </div>
        <div className="govuk-grid-column-one-third">
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Price</dt>
              <dd className="govuk-summary-list__value">
                From {formatPence(v.priceFromPence)} {v.priceUnit} ({v.vatIncluded ? "including" : "excluding"} VAT)
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Free trial</dt>
              <dd className="govuk-summary-list__value">{v.freeTrial ? "Yes" : "No"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Category</dt>
              <dd className="govuk-summary-list__value">{v.category}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Data location</dt>
              <dd className="govuk-summary-list__value">{v.dataLocation}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Security</dt>
              <dd className="govuk-summary-list__value">
                {v.security.map((s) => ACCREDITATION_LABELS[s] ?? s).join(", ") || "None stated"}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Supplier size</dt>
              <dd className="govuk-summary-list__value">{SIZE_LABELS[product.supplier.computedSize]}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Version</dt>
              <dd className="govuk-summary-list__value">{v.versionNumber}</dd>
            </div>
          </dl>
          {v.accessibilityStatementUrl ? (
            <p className="govuk-body">
              <a className="govuk-link" href={v.accessibilityStatementUrl} rel="noreferrer">
                Accessibility statement
              </a>
            </p>
          ) : null}
          {v.pricingDocumentUrl ? (
            <p className="govuk-body">
              <a className="govuk-link" href={v.pricingDocumentUrl} rel="noreferrer">
                Pricing document
              </a>
            </p>
          ) : null}
          <h2 className="govuk-heading-s">Available on</h2>
          <ul className="govuk-list">
            {v.lots.map((lot) => (
              <li key={lot.id}>
                <Link className="govuk-link" to={`/frameworks/${lot.agreement.number}`}>
                  {lot.agreement.shortName}
                </Link>{" "}
                lot {lot.number}{" "}
                <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[lot.status].tag}`}>
                  {FRAMEWORK_STATUS_LABELS[lot.status].label}
                </strong>
                {lot.status === "expired" ? <span className="govuk-body-s"> – not available for new purchases</span> : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <ContractsPanel
        heading="Councils' contracts for this product"
        total={contracts.total}
        contracts={contracts.contracts}
        moreHref="/contracts"
        hide={["supplier"]}
      />
      <PriceRanges ranges={productPrices} heading="What councils paid for this product" />
      <PriceRanges ranges={categoryPrices} heading={`What councils paid in ${v.category}`} />
    </>
  );
}
