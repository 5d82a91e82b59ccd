import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { CaseStudyList } from "~/components/case-study-list";
import { Form } from "~/components/form";
import { SubmitButton } from "~/components/forms";
import { listAgreements } from "~/models/agreement.server";
import { recentCaseStudies } from "~/models/case-study-page.server";
import { formatDate } from "~/utils/format";
import { FRAMEWORK_STATUS_LABELS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Buy digital and cloud services for your council");

export async function loader() {
  const [agreements, caseStudies] = await Promise.all([listAgreements(), recentCaseStudies(6)]);
  return {
    liveFrameworks: agreements.filter((a) => a.status === "live" || a.status === "expiring"),
    caseStudies,
  };
}

export default function Home() {
  const { liveFrameworks, caseStudies } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-xl">Buy digital and cloud services for your council</h1>
      <p className="govuk-body-l">
        Find SME suppliers and cloud products on compliant frameworks, learn from what other councils bought, and follow a buying route that
        keeps the audit trail you need.
      </p>
      <div className="cm-search-hero">
        <Form method="get" action="/search" role="search">
          <div className="govuk-form-group govuk-!-margin-bottom-0">
            <label className="govuk-label govuk-label--m" htmlFor="home-search">
              Search products, suppliers and case studies
            </label>
            <div className="govuk-hint" id="home-search-hint">
              For example, revenues and benefits, My Account, GIS
            </div>
            <input
              className="govuk-input govuk-!-width-two-thirds"
              id="home-search"
              name="q"
              type="search"
              aria-describedby="home-search-hint"
            />{" "}
            <SubmitButton className="govuk-!-margin-bottom-0">Search</SubmitButton>
          </div>
        </Form>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Live frameworks</h2>
          <ul className="govuk-list">
            {liveFrameworks.map((a) => (
              <li key={a.id}>
                <Link className="govuk-link" to={`/frameworks/${a.number}`}>
                  {a.name} ({a.number})
                </Link>{" "}
                <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[a.status].tag}`}>{FRAMEWORK_STATUS_LABELS[a.status].label}</strong>
                {a.verified ? null : (
                  <>
                    {" "}
                    <strong className="govuk-tag govuk-tag--orange">Unverified</strong>
                  </>
                )}
                <br />
                <span className="govuk-body-s">{a.endDate ? `Ends ${formatDate(a.endDate)}` : "End date not known"}</span>
              </li>
            ))}
          </ul>
          <LinkParagraph to="/frameworks">All frameworks, including expired ones</LinkParagraph>
          <LinkParagraph to="/buy">Work out which buying routes you can use</LinkParagraph>
        </div>
        <div className="govuk-grid-column-one-half">
          <h2 className="govuk-heading-m">Recent case studies</h2>
          <CaseStudyList
            items={caseStudies}
            empty="No case studies have been published yet."
            detail={(c) => `${c.council.name} · ${c.serviceArea.name}`}
          />
        </div>
      </div>
    </>
  );
}
