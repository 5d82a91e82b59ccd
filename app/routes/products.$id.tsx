import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseStudyList } from "~/components/case-study-list";
import { getPublishedProduct, listCouncilsUsingProduct } from "~/models/product.server";
import { FRAMEWORK_STATUS_LABELS, SIZE_LABELS } from "~/utils/labels";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { getSessionUser } from "~/auth/session.server";
import { countSimilarCouncils } from "~/models/peers.server";
import { productContractsPanel } from "~/models/contract.server";
import { contractPriceRanges } from "~/models/contract-prices.server";
import { contractViewerFor } from "~/auth/contract-policy.server";
import { ContractsPanel } from "~/components/contract-table";
import { PriceRanges } from "~/components/price-ranges";
import { ListingBody, ListingFacts } from "~/components/service-definition";
import { getVersionDetails } from "~/models/listing-document.server";
import { usedBySentence } from "~/utils/format";

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
      <p className="govuk-body">{usedBySentence(councilsUsing, similar)}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ListingBody listing={v} definition={details.definition} documents={details.documents} />
          <h2 className="govuk-heading-m">Case studies</h2>
          <CaseStudyList items={product.caseStudies} empty="No council has published a case study about this product yet." />
        </div>
        <div className="govuk-grid-column-one-third">
          <ListingFacts
            listing={v}
            more={[
              { key: "Supplier size", value: SIZE_LABELS[product.supplier.computedSize] ?? "Not stated" },
              { key: "Version", value: v.versionNumber },
            ]}
          />
          <DocumentLink href={v.accessibilityStatementUrl}>Accessibility statement</DocumentLink>
          <DocumentLink href={v.pricingDocumentUrl}>Pricing document</DocumentLink>
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

/** A link to one of the supplier's documents for this listing, on their site, if they gave one. */
function DocumentLink({ href, children }: { href: string | null; children: string }) {
  if (!href) return null;
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={href} rel="noreferrer">
        {children}
      </a>
    </p>
  );
}
