import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { BackLink, SummaryList } from "~/components/buying";
import { ANSWER_KEYS, GUIDE_STEPS, answersQuery, displayAnswer, firstUnanswered, readAnswers } from "~/models/buying-guide-steps";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Check your answers");
export const handle = { title: "Check your answers" };

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = readAnswers(new URL(request.url).searchParams);
  const missing = firstUnanswered(raw);
  if (missing) throw redirect(`/buy/${missing.slug}?${answersQuery(raw)}`);
  const changeQuery = answersQuery(raw, { change: "yes" });
  return {
    answers: raw,
    backHref: `/buy/${GUIDE_STEPS[GUIDE_STEPS.length - 1].slug}?${answersQuery(raw)}`,
    rows: GUIDE_STEPS.map((step) => ({
      key: step.label,
      value: displayAnswer(step.field, raw),
      href: `/buy/${step.slug}?${changeQuery}`,
      hidden: step.label.toLowerCase(),
    })),
  };
}

export default function CheckAnswers() {
  const { rows, answers, backHref } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your answers</h1>
          <SummaryList
            rows={rows.map((r) => ({ key: r.key, value: r.value, action: { href: r.href, label: "Change", hidden: r.hidden } }))}
          />
          <h2 className="govuk-heading-m">Now see your buying routes</h2>
          <p className="govuk-body">The guide will show every route you can use, why, and what you need to do and publish.</p>
          <Form method="get" action="/buy/result">
            {ANSWER_KEYS.map((key) => (
              <input type="hidden" name={key} value={answers[key] ?? ""} key={key} />
            ))}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              See your buying routes
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
