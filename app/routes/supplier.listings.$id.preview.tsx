import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getListing } from "~/models/listing.server";
import { listVersionDocuments } from "~/models/listing-document.server";
import { pickServiceDefinition } from "~/models/listing-display";
import { ListingBody, ListingFacts } from "~/components/service-definition";
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
          <ListingBody listing={v} definition={definition} documents={documents} />
        </div>
        <div className="govuk-grid-column-one-third">
          <ListingFacts listing={v} />
          <h2 className="govuk-heading-s">Available on</h2>
          {lots.length ? (
            <ul className="govuk-list">
              {lots.map((lot) => (
                <li key={lot}>{lot}</li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No framework lots chosen yet</p>
          )}
        </div>
      </div>
    </>
  );
}
