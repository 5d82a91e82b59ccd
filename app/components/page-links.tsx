// GOV.UK pagination as previous and next links with "Page N of M" between (the admin lists).
// PaginationStep is the previous or next link of every pagination here, this one and the
// numbered PageLinks of the public lists (./case-study-list.tsx).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** GOV.UK pagination's previous or next link. */
export function PaginationStep({ rel, to, children }: { rel: "prev" | "next"; to: string; children: ReactNode }) {
  return (
    <div className={`govuk-pagination__${rel}`}>
      <Link className="govuk-link govuk-pagination__link" to={to} rel={rel}>
        <span className="govuk-pagination__link-title">{children}</span>
      </Link>
    </div>
  );
}

export function PageLinks({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <PaginationStep rel="prev" to={href(page - 1)}>
          Previous page
        </PaginationStep>
      ) : null}
      <p className="govuk-body govuk-!-margin-bottom-0">
        Page {page} of {pages}
      </p>
      {page < pages ? (
        <PaginationStep rel="next" to={href(page + 1)}>
          Next page
        </PaginationStep>
      ) : null}
    </nav>
  );
}
