// /account/alerts/new?<the /search query string>: save the search being looked at, with a name
// and how often to email new and changed matches.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AlertForm } from "~/components/account-alert-form";
import { NarrowPage } from "~/components/form-page";
import { BackLink, LinkParagraph } from "~/components/buying";
import { currentMatches } from "~/jobs/alerts.server";
import { createAlert } from "~/models/saved-search-alerts.server";
import { createAlertSchema, describeAlertSearch, parseAlertSearch } from "~/models/saved-search-alerts.schema";
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
        <LinkParagraph to="/search">Start a new search</LinkParagraph>
      </>
    );
  }
  return (
    <>
      <BackLink to={`/search?${data.search}`}>Back to the search</BackLink>
      <NarrowPage>
        <AlertForm
          posted={actionData}
          title="Save this search"
          description={data.description}
          nameLabel="Name this search"
          nameHint="For example, the service you are looking for"
          name={data.suggestedName}
          frequency="weekly"
          submitLabel="Save search"
        >
          <input type="hidden" name="search" value={data.search} />
        </AlertForm>
      </NarrowPage>
    </>
  );
}
