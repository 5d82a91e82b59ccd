// A listing as buyers read it: its description, lists, service definition, documents and key
// facts. The product page and the supplier's preview render the same components.
import type { ReactNode } from "react";
import { serviceDefinitionGroups, type ServiceDefinitionValues } from "~/models/listing-display";
import { DATA_LOCATIONS } from "~/models/listing.schema";
import { ACCREDITATION_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";

/** The parts of a listing version the product page and the preview show. */
export type ListingView = {
  description: string;
  features: string[];
  benefits: string[];
  standards: string[];
  integrations: string[];
  priceFromPence: number | null;
  priceUnit: string;
  vatIncluded: boolean | null;
  freeTrial: boolean | null;
  category: string;
  dataLocation: string;
  security: string[];
};

function BulletList({ items }: { items: string[] }) {
  return items.length ? (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  ) : (
    <p className="govuk-body">None stated</p>
  );
}

/** The listing's main column: description, features, benefits, standards, service definition and documents. */
export function ListingBody({
  listing,
  definition,
  documents,
}: {
  listing: ListingView;
  definition: ServiceDefinitionValues;
  documents: ListingDocumentLink[];
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Description</h2>
      <p className="govuk-body">{listing.description}</p>
      <h2 className="govuk-heading-m">Features</h2>
      <BulletList items={listing.features} />
      <h2 className="govuk-heading-m">Benefits</h2>
      <BulletList items={listing.benefits} />
      <h2 className="govuk-heading-m">Standards and integrations</h2>
      <BulletList items={[...listing.standards, ...listing.integrations]} />
      <ServiceDefinition values={definition} />
      <ListingDocuments documents={documents} />
    </>
  );
}

/** "From £15.50 per user per month (excluding VAT)", or "Not stated" for a draft without a price. */
export function listingPrice(listing: Pick<ListingView, "priceFromPence" | "priceUnit" | "vatIncluded">): string {
  if (listing.priceFromPence == null) return "Not stated";
  const vat = listing.vatIncluded == null ? "" : ` (${listing.vatIncluded ? "including" : "excluding"} VAT)`;
  return `From ${formatPence(listing.priceFromPence)}${listing.priceUnit ? ` ${listing.priceUnit}` : ""}${vat}`;
}

const yesNo = (value: boolean | null) => (value == null ? "Not stated" : value ? "Yes" : "No");

/** The listing's key facts (price, trial, category, data location, security), then any rows the page adds. */
export function ListingFacts({ listing, more = [] }: { listing: ListingView; more?: { key: string; value: ReactNode }[] }) {
  const rows: { key: string; value: ReactNode }[] = [
    { key: "Price", value: listingPrice(listing) },
    { key: "Free trial", value: yesNo(listing.freeTrial) },
    { key: "Category", value: listing.category || "Not stated" },
    {
      key: "Data location",
      value: DATA_LOCATIONS.find((d) => d.value === listing.dataLocation)?.label ?? (listing.dataLocation || "Not stated"),
    },
    { key: "Security", value: listing.security.map((s) => ACCREDITATION_LABELS[s] ?? s).join(", ") || "None stated" },
    ...more,
  ];
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export type ListingDocumentLink = { id: string; kindLabel: string; fileName: string; sizeBytes: number; typeLabel: string };

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function ServiceDefinition({ values }: { values: ServiceDefinitionValues }) {
  return (
    <>
      {serviceDefinitionGroups(values).map((group) => (
        <section key={group.heading} aria-labelledby={`definition-${group.rows[0].key}`}>
          <h2 className="govuk-heading-m" id={`definition-${group.rows[0].key}`}>
            {group.heading}
          </h2>
          <dl className="govuk-summary-list">
            {group.rows.map((row) => (
              <div className="govuk-summary-list__row" key={row.key}>
                <dt className="govuk-summary-list__key">{row.label}</dt>
                <dd className="govuk-summary-list__value">
                  {Array.isArray(row.value) ? (
                    <ul className="govuk-list">
                      {row.value.map((item) => (
                        <li key={item}>{item}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="govuk-body govuk-!-margin-bottom-0">{row.value}</p>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}

export function ListingDocuments({ documents }: { documents: ListingDocumentLink[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Documents</h2>
      {documents.length ? (
        <ul className="govuk-list">
          {documents.map((d) => (
            <li key={d.id}>
              <a className="govuk-link" href={`/documents/${d.id}`} download>
                {d.kindLabel}
                <span className="govuk-visually-hidden">: {d.fileName}</span>
              </a>{" "}
              <span className="govuk-body-s">
                ({d.typeLabel}, {formatBytes(d.sizeBytes)})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">The supplier has not added any documents to this listing.</p>
      )}
    </>
  );
}
