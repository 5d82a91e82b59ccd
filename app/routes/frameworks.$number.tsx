import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getAgreementByNumber, LOT_SUPPLIERS_PAGE_SIZE } from "~/models/agreement.server";
import { caseStudiesForAgreement } from "~/models/case-study-page.server";
import { formatDate, formatDateRange } from "~/utils/format";
import { FRAMEWORK_STATUS_LABELS, SIZE_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/data-table";
import { LinkList, SummaryList, WarningText } from "~/components/buying";
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
      <SummaryList
        rows={[
          { key: "Dates", value: formatDateRange(agreement.startDate, agreement.endDate) },
          { key: "Owner", value: agreement.owner },
          { key: "Who may use it", value: agreement.eligibility || "Not recorded: check with the owner." },
          { key: "Regulation", value: REGULATION_LABELS[agreement.regulation] ?? agreement.regulation },
          ...(
            [
              ["Replaces", agreement.predecessors],
              ["Replaced by", agreement.successors],
            ] as const
          )
            .filter(([, related]) => related.length)
            .map(([key, related]) => ({
              key,
              value: (
                <ul className="govuk-list">
                  {related.map((p) => (
                    <li key={p.number}>
                      <Link className="govuk-link" to={`/frameworks/${encodeURIComponent(p.number)}`}>
                        {p.name} ({p.number})
                      </Link>
                    </li>
                  ))}
                </ul>
              ),
            })),
          { key: "Type", value: agreement.type.replace(/-/g, " ") },
          {
            key: "Source",
            value: (
              <a className="govuk-link" href={agreement.sourceUrl} rel="noreferrer">
                Agreement page (opens the publisher&apos;s site)
              </a>
            ),
          },
          ...(agreement.notes ? [{ key: "Notes", value: agreement.notes }] : []),
        ]}
      />
      {agreement.status === "expired" ? (
        <WarningText>This agreement has expired. It is shown for history and is not offered for new purchases.</WarningText>
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
          <DataTable
            caption="Framework terms"
            captionSize="s"
            rows={agreement.terms}
            rowKey={(t) => t.id}
            columns={[
              {
                header: "Term",
                cell: (t) => (
                  <>
                    Term {t.number}
                    {t.verified ? null : (
                      <>
                        {" "}
                        <strong className="govuk-tag govuk-tag--orange">Unverified</strong>
                      </>
                    )}
                  </>
                ),
              },
              {
                header: "Dates",
                cell: (t) => (
                  <>
                    {formatDate(t.startDate)} to {formatDate(t.endDate)}
                    {t.note ? <span className="govuk-body-s govuk-!-display-block">{t.note}</span> : null}
                  </>
                ),
              },
              { header: "Re-opens to new suppliers", cell: (t) => (t.reopens ? "Yes" : "No") },
              {
                header: "Source",
                cell: (t) => (
                  <a className="govuk-link" href={t.sourceUrl} rel="noreferrer">
                    Source for term {t.number}
                  </a>
                ),
              },
            ]}
          />
        </>
      ) : null}
      <h2 className="govuk-heading-l">Facts and their sources</h2>
      <p className="govuk-body">
        Each fact is marked verified only where the owner&apos;s page, an official notice or legislation states it. Unverified facts come
        from secondary sources or copies of notices: confirm them with the owner before relying on them.
      </p>
      <DataTable
        caption="Facts and their sources"
        captionSize="s"
        rows={agreement.facts}
        rowKey={(f) => f.group}
        empty={<p className="govuk-body">No sourced facts are recorded for this agreement yet.</p>}
        columns={[
          {
            header: "Fact",
            rowHeader: true,
            cell: (f) => (
              <>
                {FACT_LABELS[f.group] ?? f.group}
                <br />
                {f.verified ? (
                  <strong className="govuk-tag govuk-tag--green">Verified</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--orange">Unverified</strong>
                )}
              </>
            ),
          },
          { header: "What the sources say", cell: (f) => f.note },
          {
            header: "Sources",
            cell: (f) => (
              <ul className="govuk-list govuk-body-s">
                {f.sources.map((source) => (
                  <li key={source.url}>
                    <a className="govuk-link" href={source.url} rel="noreferrer">
                      {source.title}
                    </a>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
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
          <DataTable
            caption={`Routes to market on lot ${lot.number}`}
            captionSize="s"
            rows={lot.routes}
            rowKey={(r) => r.id}
            empty={
              <p className="govuk-body">
                The sources read do not say how this lot is called off or for how long, so the buying-route guide does not offer it.
              </p>
            }
            columns={[
              { header: "Route", cell: (r) => `${METHOD_LABELS[r.method] ?? r.method}${r.verified ? "" : " (unverified)"}` },
              { header: "Minimum value", cell: (r) => formatPence(r.minValuePence, "No minimum") },
              { header: "Maximum value", cell: (r) => formatPence(r.maxValuePence, "No maximum") },
              {
                header: "Maximum contract length",
                cell: (r) => (r.maxContractMonths == null ? "Not stated" : `${r.maxContractMonths} months`),
              },
            ]}
          />
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
              <LinkList
                items={lot.awards.map((a) => ({
                  key: a.id,
                  to: `/suppliers/${a.supplier.slug}`,
                  text: a.supplier.tradingName,
                  note: `(${SIZE_LABELS[a.supplier.computedSize] ?? a.supplier.computedSize}${a.termNumber === null ? "" : `, framework term ${a.termNumber}`})`,
                }))}
              />
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
      <LinkList
        items={caseStudies.map((c) => ({ key: c.slug, to: `/case-studies/${c.slug}`, text: c.title, note: `(${c.council.name})` }))}
        empty="No published case studies name this agreement yet."
      />
    </>
  );
}
