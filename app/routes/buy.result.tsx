import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { SubmitButton } from "~/components/forms";
import { BackLink, BulletList, LinkParagraph, SummaryList, WarningText } from "~/components/buying";
import { DataTable } from "~/components/data-table";
import { NotificationBanner } from "~/components/supplier-notification-banner";
import { findBuyingRoutes } from "~/models/buying-guide.server";
import {
  ANSWER_KEYS,
  GUIDE_STEPS,
  answersQuery,
  displayAnswer,
  firstUnanswered,
  parseAnswers,
  readAnswers,
} from "~/models/buying-guide-steps";
import { formatDate, formatPence, type EligibleRoute, type Notice, type Source } from "~/procurement";
import { pageTitle } from "~/utils/meta";
import { hasRole } from "~/auth/permissions.server";
import { getSessionUser } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Your buying routes");
export const handle = { title: "Your buying routes" };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const raw = readAnswers(url.searchParams);
  const missing = firstUnanswered(raw);
  if (missing) throw redirect(`/buy/${missing.slug}?${answersQuery(raw)}`);
  const parsed = parseAnswers(raw);
  if (!parsed.success) throw redirect(`/buy/check?${answersQuery(raw)}`);
  const user = await getSessionUser(request);
  const result = await findBuyingRoutes(parsed.data, user?.councilId);
  return {
    result,
    answers: raw,
    query: answersQuery(raw),
    summary: GUIDE_STEPS.map((s) => ({ key: s.label, value: displayAnswer(s.field, raw) })),
    viewer: !user ? ("anonymous" as const) : hasRole(user, "buyer") ? ("buyer" as const) : ("other" as const),
    returnTo: `${url.pathname}${url.search}`,
  };
}

const REQUIREMENT_TAGS: Record<Notice["requirement"], { label: string; tag: string }> = {
  required: { label: "Required", tag: "govuk-tag--red" },
  conditional: { label: "If it applies", tag: "govuk-tag--yellow" },
  optional: { label: "Optional", tag: "govuk-tag--grey" },
};

function Sources({ sources }: { sources: readonly Source[] }) {
  if (!sources.length) return null;
  return (
    <ul className="govuk-list govuk-list--bullet govuk-body-s">
      {sources.map((s) => (
        <li key={s.url + s.title}>
          <a className="govuk-link" href={s.url} rel="noreferrer">
            {s.title}
          </a>
        </li>
      ))}
    </ul>
  );
}

function RouteSection({
  route,
  index,
  data,
}: {
  route: EligibleRoute;
  index: number;
  data: ReturnType<typeof useLoaderData<typeof loader>>;
}) {
  const headingId = `route-${index + 1}`;
  return (
    <section className="govuk-!-margin-bottom-9" aria-labelledby={headingId}>
      <h2 className="govuk-heading-l" id={headingId}>
        {index + 1}. {route.title}
      </h2>
      <p className="govuk-body">
        {route.exceptional ? (
          <strong className="govuk-tag govuk-tag--orange govuk-!-margin-right-2">Exceptional circumstances only</strong>
        ) : null}
        {route.verified ? null : <strong className="govuk-tag govuk-tag--yellow">Relies on unverified framework facts</strong>}
      </p>
      <p className="govuk-body-l">{route.summary}</p>

      <h3 className="govuk-heading-m">Why you can use this route</h3>
      <BulletList items={route.whyEligible} />

      {route.lots.length ? (
        <>
          <h3 className="govuk-heading-m">Framework lots that fit</h3>
          <ul className="govuk-list">
            {route.lots.map((lot) => (
              <li key={`${lot.agreementNumber}-${lot.lotNumber}-${lot.method}`} className="govuk-!-margin-bottom-3">
                <Link className="govuk-link" to={`/frameworks/${lot.agreementNumber}`}>
                  {lot.agreementName} ({lot.agreementNumber}) lot {lot.lotNumber}: {lot.lotName}
                </Link>{" "}
                {lot.status === "expiring" ? (
                  <strong className="govuk-tag govuk-tag--yellow">Expiring soon</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--green">Live</strong>
                )}{" "}
                {lot.verified ? null : <strong className="govuk-tag govuk-tag--grey">Unverified</strong>}
                <br />
                <span className="govuk-body-s">
                  {lot.endDate ? `Open until ${formatDate(lot.endDate)}` : "No end date recorded"}
                  {lot.maxContractMonths !== null ? `; call-offs up to ${lot.maxContractMonths} months` : ""}
                  {lot.maxValuePence !== null ? `; up to ${formatPence(lot.maxValuePence)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3 className="govuk-heading-m">Steps</h3>
      <ol className="govuk-list govuk-list--number">
        {route.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>

      <h3 className="govuk-heading-m">Notices to publish</h3>
      <DataTable
        caption={`Notices for ${route.title}`}
        captionSize="none"
        rows={route.notices}
        rowKey={(n) => n.code}
        empty={<p className="govuk-body">No procurement notice is needed for this route.</p>}
        columns={[
          {
            header: "Notice",
            cell: (n) => (
              <>
                {n.name}
                {/^UK\d+$/.test(n.code) ? <> ({n.code})</> : null}
              </>
            ),
          },
          { header: "Where", cell: (n) => n.where },
          { header: "When", cell: (n) => n.when },
          {
            header: "Needed",
            cell: (n) => (
              <strong className={`govuk-tag ${REQUIREMENT_TAGS[n.requirement].tag}`}>{REQUIREMENT_TAGS[n.requirement].label}</strong>
            ),
          },
        ]}
      />

      <h3 className="govuk-heading-m">The rule applied</h3>
      <p className="govuk-body">{route.rule.summary}</p>
      <p className="govuk-body">{route.rule.comparison}</p>
      {route.rule.threshold ? (
        <p className="govuk-body">
          Threshold used: {formatPence(route.rule.threshold.amountPence)} including VAT for {route.rule.threshold.label}, for procurements
          starting{" "}
          {route.rule.threshold.effectiveTo
            ? `from ${formatDate(route.rule.threshold.effectiveFrom)} to ${formatDate(route.rule.threshold.effectiveTo)}`
            : `on or after ${formatDate(route.rule.threshold.effectiveFrom)}`}
          .
        </p>
      ) : null}
      <h4 className="govuk-heading-s">Sources</h4>
      <Sources
        sources={[...route.rule.sources, ...(route.rule.threshold?.sources ?? [])].filter(
          (s, i, all) => all.findIndex((x) => x.url === s.url) === i,
        )}
      />

      <h3 className="govuk-heading-m">What would change the answer</h3>
      <BulletList items={route.whatWouldChange} />

      {route.caveats.map((c) => (
        <WarningText key={c}>{c}</WarningText>
      ))}

      {data.viewer === "buyer" ? (
        <Form method="get" action="/projects/new">
          {ANSWER_KEYS.map((key) => (
            <input type="hidden" name={key} value={data.answers[key] ?? ""} key={key} />
          ))}
          <input type="hidden" name="route" value={route.id} />
          <SubmitButton>
            Start a buying project with this route<span className="govuk-visually-hidden">: {route.title}</span>
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

export default function BuyResult() {
  const data = useLoaderData<typeof loader>();
  const { result } = data;
  return (
    <>
      <BackLink to={`/buy/check?${data.query}`} />
      <h1 className="govuk-heading-xl">Your buying routes</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {result.warnings.length ? (
            <NotificationBanner id="guide-warnings-title" title="Important">
              {result.warnings.map((w) => (
                <div key={w.code + w.message}>
                  <p className="govuk-body">{w.message}</p>
                  <Sources sources={w.sources} />
                </div>
              ))}
            </NotificationBanner>
          ) : null}

          {result.routes.length ? (
            <>
              <p className="govuk-body-l">
                {result.routes.length === 1 ? "There is 1 route" : `There are ${result.routes.length} routes`} you can use for this
                purchase.
              </p>
              <nav aria-label="Routes on this page">
                <ol className="govuk-list govuk-list--number">
                  {result.routes.map((r, i) => (
                    <li key={r.id}>
                      <a className="govuk-link" href={`#route-${i + 1}`}>
                        {r.title}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            </>
          ) : (
            <p className="govuk-body-l">The guide cannot suggest a route for these answers.</p>
          )}

          {data.viewer !== "buyer" && result.routes.length ? (
            <div className="govuk-inset-text">
              {data.viewer === "anonymous" ? (
                <>
                  To start a buying project that keeps the audit trail,{" "}
                  <Link className="govuk-link" to={`/login?redirectTo=${encodeURIComponent(data.returnTo)}`}>
                    sign in with your council buyer account
                  </Link>{" "}
                  or{" "}
                  <Link className="govuk-link" to="/signup">
                    create a council buyer account
                  </Link>{" "}
                  with your council email address.
                </>
              ) : (
                <>Buying projects are for council buyers. To start one, sign in with a council buyer account.</>
              )}
            </div>
          ) : null}

          <h2 className="govuk-heading-m">Your answers</h2>
          <SummaryList rows={data.summary} />
          <LinkParagraph to={`/buy/check?${data.query}`}>Change your answers</LinkParagraph>
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">What the guide assumed</span>
            </summary>
            <div className="govuk-details__text">
              <BulletList items={result.assumptions} />
            </div>
          </details>
        </div>
      </div>

      {result.routes.map((route, i) => (
        <div className="govuk-grid-row" key={route.id}>
          <div className="govuk-grid-column-full">
            <RouteSection route={route} index={i} data={data} />
          </div>
        </div>
      ))}

      {result.notEligible.length ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Framework routes that do not fit ({result.notEligible.length})</span>
          </summary>
          <div className="govuk-details__text">
            {result.notEligible.map((r) => (
              <div key={r.id} className="govuk-!-margin-bottom-4">
                <h3 className="govuk-heading-s">{r.title}</h3>
                <BulletList items={r.reasons} />
                {r.whatWouldChange.length ? (
                  <>
                    <p className="govuk-body govuk-!-margin-bottom-1">What would change this:</p>
                    <BulletList items={r.whatWouldChange} />
                  </>
                ) : null}
              </div>
            ))}
          </div>
        </details>
      ) : null}
    </>
  );
}
