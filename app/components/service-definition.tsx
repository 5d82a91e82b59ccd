// A listing's service definition and documents, as buyers read them (product page and the
// supplier's preview show the same thing).
import { serviceDefinitionGroups, type ServiceDefinitionValues } from "~/models/listing-display";

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
