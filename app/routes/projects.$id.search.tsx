import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { SubmitButton } from "~/components/forms";
import { NarrowPage } from "~/components/form-page";
import { FilterPanel } from "~/components/filter-panel";
import { InsetText, LinkParagraph, WarningText } from "~/components/buying";
import { ProjectFormHeader } from "~/components/project";
import { ExpiredFrameworksCheckbox, FacetCheckboxes } from "~/components/search-facets";
import { SearchErrors } from "~/components/search-errors";
import { loadProjectPage, projectAction } from "~/utils/project-route.server";
import {
  DIRECT_AWARD_MAX_RESULTS,
  describeFilters,
  isDirectAwardRoute,
  maxFrozenResults,
  saveSearchSchema,
  savedSearchFromParams,
  savedSearchQueryString,
} from "~/models/project.schema";
import { getProjectSavedSearches, parseProjectSearch, routeSearchScope, saveSearch, scopeProjectSearch } from "~/models/project.server";
import { INDEX_DEFINITIONS } from "~/services/search";
import { searchIndex } from "~/services/search.server";
import { formatDateTime } from "~/utils/format";
import { asPence, formatPence } from "~/procurement/money";
import { handleForm } from "~/utils/form-action.server";
import { invalid } from "~/utils/result";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Save a search");
export const handle = { title: "Save a search" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader(args: LoaderFunctionArgs) {
  const { project, access } = await loadProjectPage(args, getProjectSavedSearches);
  const base = {
    project: { id: project.id, routeId: project.routeId, locked: project.status !== "open" },
    saved: project.savedSearches.map((s) => ({ id: s.id, query: s.query, filters: describeFilters(s.filters), createdAt: s.createdAt })),
    ...access,
    directAward: isDirectAwardRoute(project.routeId),
    max: maxFrozenResults(project.routeId),
    // A direct award's search offers only the route's agreement and its live lots (issue 13).
    scope: await routeSearchScope(project.routeId),
  };
  const requested = parseProjectSearch(new URL(args.request.url).searchParams);
  if (!requested.ok) return { ...base, invalid: true as const, errors: requested.errors };
  const parsed = await scopeProjectSearch(project.routeId, requested.params);
  if (!parsed.ok) return { ...base, invalid: true as const, errors: [parsed.message] };
  // Up to 50 results on one page: enough to see a whole direct-award search (30 or fewer).
  const result = await searchIndex("products", parsed.params, { page: 1, pageSize: 50 });
  const stored = savedSearchFromParams(parsed.params);
  return {
    ...base,
    invalid: false as const,
    params: parsed.params,
    canonical: savedSearchQueryString(stored.query, JSON.stringify(stored.filters)),
    filterSummary: describeFilters(JSON.stringify(stored.filters)),
    total: result.total,
    facets: result.facets,
    hits: result.hits.map((h) => {
      const d = h.document as Record<string, unknown>;
      return {
        id: h.id,
        name: String(d.name),
        supplierName: String(d.supplierName),
        priceFromPence: asPence(d.priceFromPence),
        priceUnit: String(d.priceUnit),
        lots: (d.lot as string[] | undefined) ?? [],
      };
    }),
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, ({ request, projectId, actor, redirectWithFlash }) =>
    handleForm(request, {
      schema: saveSearchSchema,
      run: (input) => {
        const search = parseProjectSearch(new URLSearchParams(input.search));
        return search.ok ? saveSearch(projectId, search.params, actor) : invalid({ form: search.errors });
      },
      onSuccess: () => redirectWithFlash(`/projects/${projectId}/freeze`, "Search saved to the project"),
    }),
  );
}

export default function ProjectSearch() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editable = data.canEdit && !data.project.locked;
  const facets = INDEX_DEFINITIONS.products.facets;
  return (
    <>
      <ProjectFormHeader errors={actionData?.errors ?? {}} title="Save a search" access={data} locked={data.project.locked} />
      <NarrowPage>
        {data.directAward ? (
          <InsetText>
            For a direct award, save one search that returns {DIRECT_AWARD_MAX_RESULTS} results or fewer. Do not combine searches: refine
            this search with its words and filters until it describes your requirement.
            {data.scope
              ? ` The route is a direct award from ${data.scope.agreement}, so the search covers only its lots open for new call-offs: ${data.scope.liveLots.join(", ") || "none"}. Once you freeze it, the project's search is locked.`
              : null}
          </InsetText>
        ) : (
          <p className="govuk-body">
            Search the catalogue and save the search to the project, so the record shows how you found the services you considered.
          </p>
        )}
      </NarrowPage>
      {data.invalid ? (
        <>
          <h2 className="govuk-heading-m">There is a problem with this search</h2>
          <SearchErrors errors={data.errors} startAgain={`/projects/${data.project.id}/search`} />
        </>
      ) : (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Form method="get" role="search">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-label--s" htmlFor="q">
                  Search products and services
                </label>
                <input
                  className="govuk-input"
                  id="q"
                  name="q"
                  type="search"
                  defaultValue={data.params.q}
                  maxLength={200}
                  autoComplete="off"
                />
              </div>
              <FilterPanel>
                {facets.map((facet) => {
                  const counts = data.facets[facet.name] ?? {};
                  const selected = data.params.filters[facet.name] ?? [];
                  const inScope = (value: string) =>
                    !data.scope ||
                    (facet.name === "framework"
                      ? value === data.scope.agreement
                      : facet.name === "lot"
                        ? data.scope.liveLots.includes(value)
                        : true);
                  const values = [...new Set([...Object.keys(counts), ...selected])]
                    .filter(inScope)
                    .sort((a, b) =>
                      facet.order
                        ? facet.order.indexOf(a) - facet.order.indexOf(b)
                        : (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b),
                    )
                    .slice(0, 25);
                  if (!values.length) return null;
                  return (
                    <FacetCheckboxes
                      key={facet.name}
                      facet={facet}
                      values={values.map((value) => ({ value, count: counts[value] ?? 0 }))}
                      selected={selected}
                    />
                  );
                })}
                {data.scope ? null : <ExpiredFrameworksCheckbox checked={data.params.frameworks === "all"} />}
              </FilterPanel>
              <SubmitButton variant="secondary">Search</SubmitButton>
            </Form>
          </div>
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Results</h2>
            <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite" id="result-count">
              {data.total.toLocaleString("en-GB")} {data.total === 1 ? "result" : "results"}
              {data.params.q ? ` for “${data.params.q}”` : ""}
            </p>
            <p className="govuk-body-s">Filters: {data.filterSummary}</p>
            {data.total > data.max ? (
              <WarningText>
                This search has more than {data.max} results. {data.directAward ? "For a direct award, narrow" : "Narrow"} it to {data.max}{" "}
                results or fewer before you freeze it.
              </WarningText>
            ) : null}
            {editable ? (
              <Form method="post">
                <input type="hidden" name="search" value={data.canonical} />
                <SubmitButton>Save this search to this project</SubmitButton>
              </Form>
            ) : null}
            <ul className="govuk-list">
              {data.hits.map((hit) => (
                <li key={hit.id} className="cm-result">
                  <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                    <Link className="govuk-link" to={`/products/${hit.id}`}>
                      {hit.name}
                    </Link>
                  </h3>
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {hit.supplierName} · from {formatPence(hit.priceFromPence)} {hit.priceUnit}
                  </p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">{hit.lots.join(", ")}</p>
                </li>
              ))}
            </ul>
            {data.total > data.hits.length ? (
              <p className="govuk-body-s">
                Showing the first {data.hits.length} of {data.total} results.
              </p>
            ) : null}
          </div>
        </div>
      )}
      {data.saved.length ? (
        <>
          <h2 className="govuk-heading-m">Searches saved to this project</h2>
          <ul className="govuk-list govuk-list--bullet">
            {data.saved.map((s) => (
              <li key={s.id}>
                “{s.query || "(no words)"}”, {s.filters}, saved {formatDateTime(s.createdAt)}
              </li>
            ))}
          </ul>
          <LinkParagraph to={`/projects/${data.project.id}/freeze`}>Freeze the results of a saved search</LinkParagraph>
        </>
      ) : null}
    </>
  );
}
