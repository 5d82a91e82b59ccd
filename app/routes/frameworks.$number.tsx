import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getAgreementByNumber, LOT_SUPPLIERS_PAGE_SIZE } from "~/models/agreement.server";
import { caseStudiesForAgreement } from "~/models/case-study-page.server";
import { formatDate } from "~/utils/format";
import { FRAMEWORK_STATUS_LABELS, SIZE_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { TableContainer } from "~/components/table-container";
import { PageLinks } from "~/components/case-study-list";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data ? `${data.agreement.name} (${data.agreement.number})` : "Framework not found");

export async function loader({ request, params }: LoaderFunctionArgs) {
  // ?lot=2b&page=3 pages through one lot's suppliers; anything else shows every lot's first page.
  const search = new URL(request.url).searchParams;
  const lotNumber = search.get("lot")?.slice(0, 20) || undefined;
  const page = Math.min(10_000, Math.max(1, Math.floor(Number(search.get("page")) || 1)));
  const agreement = await getAgreementByNumber(String(params.number).slice(0, 40), { lotNumber, page });
  if (!agreement) throw notFound();
  const caseStudies = await caseStudiesForAgreement(agreement.id);
  return { agreement, caseStudies, pageSize: LOT_SUPPLIERS_PAGE_SIZE };
}

const METHOD_LABELS: Record<string, string> = { "direct-award": "Direct award", "further-competition": "Further competition" };

const REGULATION_LABELS: Record<string, string> = {
  PA2023: "Procurement Act 2023",
  PCR2015: "Public Contracts Regulations 2015",
  PCSR2015: "Public Contracts (Scotland) Regulations 2015",
};

const FACT_LABELS: Record<string, string> = {
  identity: "Number and name",
  owner: "Owner",
  dates: "Dates",
  lots: "Lots",
  callOff: "Call-off routes and lengths",
  regulation: "Regulation",
  eligibility: "Who may use it",
  terms: "Framework terms",
  lineage: "Replaces and replaced by",
};

export default function FrameworkPage() {
  const { agreement, caseStudies, pageSize } = useLoaderData<typeof loader>();
  const status = FRAMEWORK_STATUS_LABELS[agreement.status];
  return (
    <>
      <span className="govuk-caption-l">{agreement.number}</span>
      <h1 className="govuk-heading-xl">{agreement.name}</h1>
      <p className="govuk-body">
        <strong className={`govuk-tag ${status.tag}`}>{status.label}</strong>{" "}
        {agreement.verified ? null : <strong className="govuk-tag govuk-tag--orange">Some facts unverified</strong>}
      </p>
      <p className="govuk-body">{agreement.description}</p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Dates</dt>
          <dd className="govuk-summary-list__value">
            {formatDate(agreement.startDate)} to {formatDate(agreement.endDate)}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Owner</dt>
          <dd className="govuk-summary-list__value">{agreement.owner}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Who may use it</dt>
          <dd className="govuk-summary-list__value">{agreement.eligibility || "Not recorded: check with the owner."}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Regulation</dt>
          <dd className="govuk-summary-list__value">{REGULATION_LABELS[agreement.regulation] ?? agreement.regulation}</dd>
        </div>
        {(
          [
            ["Replaces", agreement.predecessors],
            ["Replaced by", agreement.successors],
          ] as const
        ).map(([key, related]) =>
          related.length ? (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value">
                <ul className="govuk-list">
                  {related.map((p) => (
                    <li key={p.number}>
                      <Link className="govuk-link" to={`/frameworks/${encodeURIComponent(p.number)}`}>
                        {p.name} ({p.number})
                      </Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null,
        )}
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Type</dt>
          <dd className="govuk-summary-list__value">{agreement.type.replace(/-/g, " ")}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Source</dt>
          <dd className="govuk-summary-list__value">
            <a className="govuk-link" href={agreement.sourceUrl} rel="noreferrer">
              Agreement page (opens the publisher&apos;s site)
            </a>
          </dd>
        </div>
        {agreement.notes ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Notes</dt>
            <dd className="govuk-summary-list__value">{agreement.notes}</dd>
          </div>
        ) : null}
      </dl>
      {agreement.status === "expired" ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This agreement has expired. It is shown for history and is not offered for new purchases.
          </strong>
        </div>
      ) : null}
      {agreement.terms.length ? (
        <>
          <h2 className="govuk-heading-l">Framework terms</h2>
          <p className="govuk-body">
            This is an open framework: suppliers are admitted for a framework term, and it can re-open to new suppliers between terms. A
            supplier&apos;s award belongs to the term it was made in.
            {agreement.currentTerm ? ` Term ${agreement.currentTerm.number} is in force today.` : ""}
            {agreement.nextReopening
              ? ` It next re-opens to new suppliers on ${formatDate(agreement.nextReopening.startDate)}${agreement.nextReopening.verified ? "" : " (not confirmed)"}.`
              : ""}
          </p>
          <TableContainer label="Framework terms">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Framework terms</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Term
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Dates
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Re-opens to new suppliers
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Source
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {agreement.terms.map((t) => (
                  <tr className="govuk-table__row" key={t.id}>
                    <td className="govuk-table__cell">
                      Term {t.number}
                      {t.verified ? null : (
                        <>
                          {" "}
                          <strong className="govuk-tag govuk-tag--orange">Unverified</strong>
                        </>
                      )}
                    </td>
                    <td className="govuk-table__cell">
                      {formatDate(t.startDate)} to {formatDate(t.endDate)}
                      {t.note ? <span className="govuk-body-s govuk-!-display-block">{t.note}</span> : null}
                    </td>
                    <td className="govuk-table__cell">{t.reopens ? "Yes" : "No"}</td>
                    <td className="govuk-table__cell">
                      <a className="govuk-link" href={t.sourceUrl} rel="noreferrer">
                        Source for term {t.number}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        </>
      ) : null}
      <h2 className="govuk-heading-l">Facts and their sources</h2>
      <p className="govuk-body">
        Each fact is marked verified only where the owner&apos;s page, an official notice or legislation states it. Unverified facts come
        from secondary sources or copies of notices: confirm them with the owner before relying on them.
      </p>
      {agreement.facts.length ? (
        <TableContainer label="Facts and their sources">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">Facts and their sources</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Fact
                </th>
                <th scope="col" className="govuk-table__header">
                  What the sources say
                </th>
                <th scope="col" className="govuk-table__header">
                  Sources
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {agreement.facts.map((f) => (
                <tr className="govuk-table__row" key={f.group}>
                  <th scope="row" className="govuk-table__header">
                    {FACT_LABELS[f.group] ?? f.group}
                    <br />
                    {f.verified ? (
                      <strong className="govuk-tag govuk-tag--green">Verified</strong>
                    ) : (
                      <strong className="govuk-tag govuk-tag--orange">Unverified</strong>
                    )}
                  </th>
                  <td className="govuk-table__cell">{f.note}</td>
                  <td className="govuk-table__cell">
                    <ul className="govuk-list govuk-body-s">
                      {f.sources.map((source) => (
                        <li key={source.url}>
                          <a className="govuk-link" href={source.url} rel="noreferrer">
                            {source.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : (
        <p className="govuk-body">No sourced facts are recorded for this agreement yet.</p>
      )}
      <h2 className="govuk-heading-l">Lots</h2>
      {agreement.lots.length === 0 ? (
        <p className="govuk-body">The sources read do not name this agreement&apos;s lots, so the buying-route guide does not offer it.</p>
      ) : null}
      {agreement.lots.map((lot) => (
        <section key={lot.id} className="govuk-!-margin-bottom-8" aria-labelledby={`lot-${lot.id}`}>
          <h3 className="govuk-heading-m" id={`lot-${lot.id}`}>
            Lot {lot.number}: {lot.name}{" "}
            <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[lot.status].tag}`}>{FRAMEWORK_STATUS_LABELS[lot.status].label}</strong>
          </h3>
          {lot.description ? <p className="govuk-body">{lot.description}</p> : null}
          {lot.verified ? null : (
            <p className="govuk-body-s">
              <strong className="govuk-tag govuk-tag--orange">Unverified</strong> Lot details come from a single secondary source.
            </p>
          )}
          {lot.routes.length === 0 ? (
            <p className="govuk-body">
              The sources read do not say how this lot is called off or for how long, so the buying-route guide does not offer it.
            </p>
          ) : (
            <TableContainer label={`Routes to market on lot ${lot.number}`}>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Routes to market on lot {lot.number}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Route
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Minimum value
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Maximum value
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Maximum contract length
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {lot.routes.map((r) => (
                    <tr className="govuk-table__row" key={r.id}>
                      <td className="govuk-table__cell">
                        {METHOD_LABELS[r.method] ?? r.method}
                        {r.verified ? "" : " (unverified)"}
                      </td>
                      <td className="govuk-table__cell">{formatPence(r.minValuePence, "No minimum")}</td>
                      <td className="govuk-table__cell">{formatPence(r.maxValuePence, "No maximum")}</td>
                      <td className="govuk-table__cell">{r.maxContractMonths == null ? "Not stated" : `${r.maxContractMonths} months`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
          )}
          <h4 className="govuk-heading-s" id={`lot-${lot.id}-suppliers`}>
            {lot.supplierCount === 1 ? "1 supplier" : `${lot.supplierCount.toLocaleString("en-GB")} suppliers`} verified on lot {lot.number}
          </h4>
          {lot.awards.length ? (
            <>
              {lot.supplierCount > lot.awards.length ? (
                <p className="govuk-body-s">
                  Showing {((lot.supplierPage - 1) * pageSize + 1).toLocaleString("en-GB")} to{" "}
                  {((lot.supplierPage - 1) * pageSize + lot.awards.length).toLocaleString("en-GB")}, in alphabetical order.
                </p>
              ) : null}
              <ul className="govuk-list">
                {lot.awards.map((a) => (
                  <li key={a.id}>
                    <Link className="govuk-link" to={`/suppliers/${a.supplier.slug}`}>
                      {a.supplier.tradingName}
                    </Link>{" "}
                    <span className="govuk-body-s">
                      ({SIZE_LABELS[a.supplier.computedSize] ?? a.supplier.computedSize}
                      {a.termNumber === null ? "" : `, framework term ${a.termNumber}`})
                    </span>
                  </li>
                ))}
              </ul>
              <PageLinks
                page={lot.supplierPage}
                pageSize={pageSize}
                total={lot.supplierCount}
                label={`Pages of suppliers on lot ${lot.number}`}
                href={(p) => `?lot=${encodeURIComponent(lot.number)}&page=${p}#lot-${lot.id}-suppliers`}
              />
            </>
          ) : (
            <p className="govuk-body">
              {lot.supplierCount
                ? "There are no suppliers on this page: go back to the first page."
                : "No suppliers on this portal are verified on this lot yet."}
            </p>
          )}
        </section>
      ))}
      <h2 className="govuk-heading-l">Case studies bought through this agreement</h2>
      {caseStudies.length ? (
        <ul className="govuk-list">
          {caseStudies.map((c) => (
            <li key={c.slug}>
              <Link className="govuk-link" to={`/case-studies/${c.slug}`}>
                {c.title}
              </Link>{" "}
              <span className="govuk-body-s">({c.council.name})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No published case studies name this agreement yet.</p>
      )}
    </>
  );
}
