import { Link } from "@remix-run/react";
import { MessagePage } from "./form-page";
import { PaginationStep } from "./page-links";
import { measureSummary, type Measure } from "~/models/case-study-measure";

export interface CaseStudyListItem {
  slug: string;
  title: string;
  summary?: string;
  council: { name: string };
  metrics?: Measure[];
}

/** Case studies with their headline outcome, for the home, product, supplier and council pages. */
export function CaseStudyList<Item extends CaseStudyListItem>({
  items,
  empty,
  detail = (c) => c.council.name,
}: {
  items: Item[];
  empty: string;
  /** The line under each title: the council's name unless given. */
  detail?: (item: Item) => string;
}) {
  if (!items.length) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className="govuk-list">
      {items.map((c) => (
        <li key={c.slug} className="govuk-!-margin-bottom-4">
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/case-studies/${c.slug}`}>
            {c.title}
          </Link>
          <br />
          <span className="govuk-body-s">{detail(c)}</span>
          {c.metrics?.[0] ? (
            <>
              <br />
              <span className="govuk-body-s">{measureSummary(c.metrics[0])}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Shown instead of a form when the officer has not confirmed their email address yet. */
export function VerifyEmailFirst({ action }: { action: string }) {
  return (
    <MessagePage title="Confirm your email address first">
      <p className="govuk-body">
        You need to confirm your council email address before you can {action}. This shows other councils that a real officer at your
        council wrote it.
      </p>
      <p className="govuk-body">
        Use the link in the email we sent you when you created your account. If you cannot find it,{" "}
        <Link className="govuk-link" to="/verify-email">
          find out how to confirm your email address
        </Link>
        .
      </p>
    </MessagePage>
  );
}

export function StatusTag({ status, labels }: { status: string; labels: Record<string, { label: string; tag: string }> }) {
  const s = labels[status] ?? { label: status, tag: "govuk-tag--grey" };
  return <strong className={`govuk-tag ${s.tag}`}>{s.label}</strong>;
}

/** GOV.UK pagination with real links, so it works without JavaScript. */
export function PageLinks({
  page,
  pageSize,
  total,
  href,
  label = "Pages",
}: {
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
  label?: string;
}) {
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav className="govuk-pagination" aria-label={label}>
      {page > 1 ? (
        <PaginationStep rel="prev" to={href(page - 1)}>
          Previous<span className="govuk-visually-hidden"> page</span>
        </PaginationStep>
      ) : null}
      <ul className="govuk-pagination__list">
        {shown.map((p, i) => (
          <li key={p} className={`govuk-pagination__item${p === page ? " govuk-pagination__item--current" : ""}`}>
            {i > 0 && p - shown[i - 1] > 1 ? <span className="govuk-visually-hidden">…</span> : null}
            <Link
              className="govuk-link govuk-pagination__link"
              to={href(p)}
              aria-label={`Page ${p}`}
              aria-current={p === page ? "page" : undefined}
            >
              {p}
            </Link>
          </li>
        ))}
      </ul>
      {page < pages ? (
        <PaginationStep rel="next" to={href(page + 1)}>
          Next<span className="govuk-visually-hidden"> page</span>
        </PaginationStep>
      ) : null}
    </nav>
  );
}
