// /projects/save-search?<the /search query string>: a buyer picks one of their
// council's open projects to save the search they were looking at.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { BackLink, InsetText, SummaryList } from "~/components/buying";
import { ChoiceField, ErrorSummary, SubmitButton } from "~/components/forms";
import { VerifyEmailNotice } from "~/components/project";
import { SearchErrors } from "~/components/search-errors";
import { actorFrom, canEditProjects, requireProjectAccess, unverifiedFailure } from "~/auth/project-policy.server";
import { VERIFY_EMAIL_MESSAGE } from "~/auth/messages";
import {
  describeFilters,
  isDirectAwardRoute,
  saveSearchToProjectSchema,
  savedSearchFromParams,
  savedSearchQueryString,
  DIRECT_AWARD_MAX_RESULTS,
} from "~/models/project.schema";
import { listOpenProjectsForCouncil, parseProjectSearch, saveSearch } from "~/models/project.server";
import { searchIndex } from "~/services/search.server";
import { formatDate } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { echoedText } from "~/utils/forms";
import { invalid, ok } from "~/utils/result";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { redirectWithFlash } from "~/utils/project-route.server";

export const meta: MetaFunction = () => pageTitle("Save this search to a project");
export const handle = { title: "Save this search to a project" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:project:own");
  const url = new URL(request.url);
  const parsed = parseProjectSearch(url.searchParams);
  const projects = user.councilId ? await listOpenProjectsForCouncil(user.councilId) : [];
  const base = {
    verified: Boolean(user.emailVerifiedAt),
    canEdit: canEditProjects(user, user.councilId),
    projects: projects.map((p) => ({ id: p.id, title: p.title, directAward: isDirectAwardRoute(p.routeId), updatedAt: p.updatedAt })),
  };
  if (!parsed.ok) return { ...base, invalid: true as const, errors: parsed.errors };
  const stored = savedSearchFromParams(parsed.params);
  const canonical = savedSearchQueryString(stored.query, JSON.stringify(stored.filters));
  const result = await searchIndex("products", parsed.params, { page: 1, pageSize: 1 });
  return {
    ...base,
    invalid: false as const,
    canonical,
    query: stored.query,
    filters: describeFilters(JSON.stringify(stored.filters)),
    total: result.total,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const buyer = await requireUserWithPermission(request, "update:project:own");
  if (!buyer.emailVerifiedAt) return unverifiedFailure();
  return handleForm(request, {
    schema: saveSearchToProjectSchema,
    run: async (input) => {
      // The chosen project must belong to the buyer's council (403 otherwise, thrown).
      const { user, projectId } = await requireProjectAccess(request, input.projectId, "update");
      const search = parseProjectSearch(new URLSearchParams(input.search));
      if (!search.ok) return invalid({ form: search.errors });
      const saved = await saveSearch(projectId, search.params, actorFrom(user, context, request));
      return saved.ok ? ok({ projectId }) : saved;
    },
    onSuccess: ({ projectId }) => redirectWithFlash(request, `/projects/${projectId}/freeze`, "Search saved to the project"),
  });
}

export default function SaveSearchToProject() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = data.invalid ? "/search" : `/search?${data.canonical}`;
  return (
    <>
      <BackLink to={back}>Back to the search</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.errors ?? {}} />
          <h1 className="govuk-heading-l">Save this search to a project</h1>
          {data.invalid ? (
            <>
              <p className="govuk-body">This search cannot be saved:</p>
              <SearchErrors errors={data.errors} />
            </>
          ) : (
            <>
              <SummaryList
                rows={[
                  { key: "Search words", value: data.query || "None" },
                  { key: "Filters", value: data.filters },
                  { key: "Results now", value: String(data.total) },
                ]}
              />
              {!data.verified ? (
                <VerifyEmailNotice message={VERIFY_EMAIL_MESSAGE} />
              ) : !data.canEdit ? (
                <InsetText>Only council buyers can save searches to buying projects.</InsetText>
              ) : data.projects.length ? (
                <Form method="post">
                  <input type="hidden" name="search" value={data.canonical} />
                  <ChoiceField
                    type="radio"
                    name="projectId"
                    legend="Which project is this search for?"
                    options={data.projects.map((p) => ({
                      value: p.id,
                      label: p.title,
                      hint: `${p.directAward ? `Direct award: freeze only a search with ${DIRECT_AWARD_MAX_RESULTS} results or fewer. ` : ""}Last changed ${formatDate(p.updatedAt)}`,
                    }))}
                    defaultValue={echoedText(actionData?.values?.projectId) ?? (data.projects.length === 1 ? data.projects[0].id : null)}
                    error={actionData?.errors?.projectId?.[0]}
                  />
                  <SubmitButton>Save search</SubmitButton>
                </Form>
              ) : (
                <p className="govuk-body">
                  Your council has no open buying projects.{" "}
                  <Link className="govuk-link" to="/projects/new">
                    Start a project
                  </Link>
                  , then save the search to it.
                </p>
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}
