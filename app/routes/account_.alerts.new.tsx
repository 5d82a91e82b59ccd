// /account/alerts/new?<the /search query string>: save the search being looked at, with a name
// and how often to email new and changed matches.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { BackLink, SummaryList } from "~/components/buying";
import { ChoiceField, ErrorSummary, TextField } from "~/components/forms";
import { currentMatches } from "~/jobs/alerts.server";
import { createAlert } from "~/models/saved-search-alerts.server";
import {
  ALERT_FREQUENCIES,
  createAlertSchema,
  describeAlertSearch,
  FREQUENCY_LABELS,
  parseAlertSearch,
} from "~/models/saved-search-alerts.schema";
import { requireUser } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { invalid } from "~/utils/result";

export const meta: MetaFunction = () => pageTitle("Save this search");
export const handle = { title: "Save this search" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const parsed = parseAlertSearch(new URL(request.url).search);
  if (!parsed.ok) return { invalid: true as const, errors: parsed.errors };
  return {
    invalid: false as const,
    search: parsed.canonical,
    description: describeAlertSearch(parsed.params),
    suggestedName: parsed.params.q ? parsed.params.q.slice(0, 100) : "",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleForm(request, {
    schema: createAlertSchema,
    run: async (input) => {
      const search = parseAlertSearch(input.search);
      if (!search.ok) return invalid({ search: search.errors });
      // What matches today is remembered, so the first email holds only what is new after it.
      return createAlert({ id: user.id, ip: clientIp(context, request) }, input, await currentMatches(search.params));
    },
    onSuccess: async () => redirect("/account/alerts", { headers: await flash(request, "Search saved") }),
  });
}

export default function SaveAlert() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  if (data.invalid) {
    return (
      <>
        <BackLink to="/search">Back to the search</BackLink>
        <h1 className="govuk-heading-l">This search cannot be saved</h1>
        <ul className="govuk-list govuk-list--bullet">
          {data.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
        <p className="govuk-body">
          <Link className="govuk-link" to="/search">
            Start a new search
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <BackLink to={`/search?${data.search}`}>Back to the search</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Save this search</h1>
          <SummaryList rows={[{ key: "Search", value: data.description }]} />
          <Form method="post" noValidate>
            <input type="hidden" name="search" value={data.search} />
            <TextField
              name="name"
              label="Name this search"
              hint="For example, the service you are looking for"
              defaultValue={values.name ?? data.suggestedName}
              error={errors.name?.[0] ?? errors.search?.[0]}
            />
            <ChoiceField
              type="radio"
              name="frequency"
              legend="Email me new and changed matches"
              options={ALERT_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
              defaultValue={values.frequency ?? "weekly"}
              error={errors.frequency?.[0]}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save search
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
