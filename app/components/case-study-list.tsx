import { Link } from "@remix-run/react";

export interface CaseStudyListItem {
  slug: string;
  title: string;
  summary?: string;
  council: { name: string };
  metrics?: { name: string; before: number; after: number; unit: string }[];
}

/** Case studies with their headline outcome, for product, supplier and council pages. */
export function CaseStudyList({ items, empty }: { items: CaseStudyListItem[]; empty: string }) {
  if (!items.length) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className="govuk-list">
      {items.map((c) => (
        <li key={c.slug} className="govuk-!-margin-bottom-4">
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/case-studies/${c.slug}`}>{c.title}</Link>
          <br />
          <span className="govuk-body-s">{c.council.name}</span>
          {c.metrics?.[0] ? (
            <>
              <br />
              <span className="govuk-body-s">
                {c.metrics[0].name}: {c.metrics[0].before} → {c.metrics[0].after} {c.metrics[0].unit}
              </span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
