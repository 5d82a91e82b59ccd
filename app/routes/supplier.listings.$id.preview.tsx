import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getListing } from "~/models/listing.server";
import { listVersionDocuments } from "~/models/listing-document.server";
import { pickServiceDefinition } from "~/models/listing-display";
import { ListingDocuments, ServiceDefinition } from "~/components/service-definition";
import { ACCREDITATION_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";
import { notFound } from "~/utils/http.server";
import { requireListingAccess } from "~/auth/listing-policy.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Preview listing");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { owner } = await requireListingAccess(request, params.id, "read");
  const listing = await getListing(owner.id);
  if (!listing) throw notFound();
  const lots = listing.current.lots.map((l) => `${l.lot.agreement.shortName} lot ${l.lot.number}: ${l.lot.name}`);
  return {
    productId: owner.id,
    supplier: listing.product.supplier.tradingName,
    values: listing.values,
    versionNumber: listing.current.versionNumber,
    lots,
    definition: pickServiceDefinition(listing.values),
    documents: await listVersionDocuments(listing.current.id),
  };
}

export default function ListingPreview() {
  const { productId, supplier, values: v, versionNumber, lots, definition, documents } = useLoaderData<typeof loader>();
  const list = (items: string[]) =>
    items.length ? (
      <ul className="govuk-list govuk-list--bullet">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    ) : (
      <p className="govuk-body">None stated</p>
    );
  return (
    <>
      <Link className="govuk-back-link" to={`/supplier/listings/${productId}`}>
        Back to the listing
      </Link>
      <div className="govuk-inset-text">
        Preview of version {versionNumber}: this is how buyers will see the listing once it is approved.
      </div>
      <span className="govuk-caption-l">{supplier}</span>
      <h1 className="govuk-heading-xl">{v.name || "Untitled listing"}</h1>
      <p className="govuk-body-l">{v.summary}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Description</h2>
          <p className="govuk-body">{v.description}</p>
          <h2 className="govuk-heading-m">Features</h2>
          {list(v.features)}
          <h2 className="govuk-heading-m">Benefits</h2>
          {list(v.benefits)}
          <h2 className="govuk-heading-m">Standards and integrations</h2>
          {list([...v.standards, ...v.integrations])}
          <ServiceDefinition values={definition} />
          <ListingDocuments documents={documents} />
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
          </dl>
          <h2 className="govuk-heading-s">Available on</h2>
          {list(lots)}
        </div>
      </div>
    </>
  );
}
