import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { InsetText } from "~/components/buying";
import { ErrorSummary, TextareaField } from "~/components/forms";
import { ProjectPageHeader, ReadOnlyNotice } from "~/components/project";
import { actorFrom, requireProjectAccess, unverifiedFailure } from "~/auth/project-policy.server";
import { abandonFreezeSchema, describeFilters, freezeSchema, isDirectAwardRoute, maxFrozenResults } from "~/models/project.schema";
import { abandonFrozenSearch, freezeSavedSearch, getProjectSearches } from "~/models/project.server";
import { countSavedSearchResults, runProductSearchNow } from "~/services/project-search.server";
import { handleForm } from "~/utils/form-action.server";
import { SIZE_LABELS, formatDateTime } from "~/utils/format";
import { formatPence } from "~/procurement/money";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/auth/session.server";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Freeze the search results");
export const handle = { title: "Freeze the search results" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, projectId, canEdit } = await requireProjectAccess(request, params.id, "read");
  const project = await getProjectSearches(projectId);
  if (!project) throw notFound("Project not found");
  const counts = await countSavedSearchResults(project.savedSearches);
  return {
    project: { id: project.id, title: project.title, locked: project.status !== "open" },
    directAward: isDirectAwardRoute(project.routeId),
    max: maxFrozenResults(project.routeId),
    saved: project.savedSearches.map((s) => ({
      id: s.id,
      query: s.query,
      filters: describeFilters(s.filters),
      createdAt: s.createdAt,
      count: counts[s.id],
    })),
    frozen: project.frozenSearches.map((f) => ({
      id: f.id,
      query: f.query,
      filters: describeFilters(f.filters),
      frozenAt: f.frozenAt,
      abandonedAt: f.abandonedAt,
      abandonReason: f.abandonReason,
      resultCount: f.resultCount,
      results: f.results.map((r) => ({
        id: r.id,
        position: r.position,
        productId: r.productId,
        productName: r.productName,
        versionNumber: r.productVersion.versionNumber,
        supplierName: r.supplierName,
        supplierSize: r.supplierSize,
        priceFromPence: r.priceFromPence,
        priceUnit: r.priceUnit,
      })),
    })),
    canEdit,
    verified: Boolean(user.emailVerifiedAt),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, projectId } = await requireProjectAccess(request, params.id, "update");
  if (!user.emailVerifiedAt) return unverifiedFailure();
  const actor = actorFrom(user, context, request);
  if (new URL(request.url).searchParams.get("intent") === "abandon") {
    return handleForm(request, {
      schema: abandonFreezeSchema,
      run: (input) => abandonFrozenSearch(projectId, input, actor),
      onSuccess: async ({ frozenSearchId }) =>
        redirect(`/projects/${projectId}/freeze#frozen-${frozenSearchId}`, {
          headers: await flash(request, "Frozen search abandoned: it stays in the record, and you can freeze another search"),
        }),
    });
  }
  return handleForm(request, {
    schema: freezeSchema,
    run: (input) => freezeSavedSearch(projectId, input.savedSearchId, actor, runProductSearchNow),
    onSuccess: async (result) =>
      redirect(`/projects/${projectId}/freeze#frozen-${result.frozenSearchId}`, {
        headers: await flash(request, `Search results frozen: ${result.count} ${result.count === 1 ? "service" : "services"}`),
      }),
  });
}

export default function Freeze() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editable = data.canEdit && !data.project.locked;
  const base = `/projects/${data.project.id}`;
  return (
    <>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <ProjectPageHeader title="Freeze the search results" />
      <ReadOnlyNotice verified={data.verified} canEdit={data.canEdit} locked={data.project.locked} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Freezing a saved search records its results as they are now: each service&apos;s exact published version, supplier and price,
            and the time. The frozen results never change, even if a supplier later edits or withdraws a listing. You shortlist from them.
          </p>
          {data.directAward ? (
            <InsetText>
              For a direct award you can only freeze a search with {data.max} results or fewer. Do not combine searches.
            </InsetText>
          ) : null}
        </div>
      </div>

      <h2 className="govuk-heading-m">Saved searches</h2>
      {data.saved.length ? (
        <TableContainer label="Searches saved to this project">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Searches saved to this project</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Search words
                </th>
                <th scope="col" className="govuk-table__header">
                  Filters
                </th>
                <th scope="col" className="govuk-table__header">
                  Saved
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Results now
                </th>
                {editable ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Action</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.saved.map((s, i) => (
                <tr className="govuk-table__row" key={s.id}>
                  <td className="govuk-table__cell">{s.query || "(none)"}</td>
                  <td className="govuk-table__cell">{s.filters}</td>
                  <td className="govuk-table__cell">{formatDateTime(s.createdAt)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{s.count ?? "Cannot run"}</td>
                  {editable ? (
                    <td className="govuk-table__cell">
                      <Form method="post">
                        <input type="hidden" name="savedSearchId" value={s.id} />
                        <button
                          type="submit"
                          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          data-module="govuk-button"
                        >
                          Freeze these results<span className="govuk-visually-hidden"> (saved search {i + 1})</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : (
        <p className="govuk-body">
          No searches saved yet.{" "}
          <Link className="govuk-link" to={`${base}/search`}>
            Save a search
          </Link>{" "}
          first.
        </p>
      )}

      <h2 className="govuk-heading-m">Frozen results</h2>
      {data.frozen.length ? (
        data.frozen.map((f) => (
          <section key={f.id} id={`frozen-${f.id}`} aria-labelledby={`frozen-${f.id}-heading`} className="govuk-!-margin-bottom-8">
            <h3 className="govuk-heading-s" id={`frozen-${f.id}-heading`}>
              Search frozen on {formatDateTime(f.frozenAt)}
              {f.abandonedAt ? " (abandoned)" : ""}
            </h3>
            {f.abandonedAt ? (
              <InsetText>
                Abandoned on {formatDateTime(f.abandonedAt)}: {f.abandonReason}. It stays in the record; it is not assessed or awarded from.
              </InsetText>
            ) : null}
            <p className="govuk-body">
              Search words: {f.query || "(none)"}. Filters: {f.filters}. {f.resultCount} {f.resultCount === 1 ? "result" : "results"}.
            </p>
            <p className="govuk-body">
              <a className="govuk-link" href={`${base}/frozen/${f.id}.csv`} download>
                Download these results as CSV<span className="govuk-visually-hidden"> (frozen {formatDateTime(f.frozenAt)})</span>
              </a>
            </p>
            <TableContainer label={`Results frozen on ${formatDateTime(f.frozenAt)}`}>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Results frozen on {formatDateTime(f.frozenAt)}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      #
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Service (listing version)
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Supplier
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Price from
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {f.results.map((r) => (
                    <tr className="govuk-table__row" key={r.id}>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{r.position}</td>
                      <td className="govuk-table__cell">
                        {r.productName} (version {r.versionNumber})
                      </td>
                      <td className="govuk-table__cell">
                        {r.supplierName} ({SIZE_LABELS[r.supplierSize] ?? r.supplierSize})
                      </td>
                      <td className="govuk-table__cell">
                        {formatPence(r.priceFromPence)} {r.priceUnit}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
            {editable && !f.abandonedAt ? (
              <details className="govuk-details">
                <summary className="govuk-details__summary">
                  <span className="govuk-details__summary-text">Start over: abandon this frozen search</span>
                </summary>
                <div className="govuk-details__text">
                  <Form method="post" action={`${base}/freeze?intent=abandon`}>
                    <input type="hidden" name="frozenSearchId" value={f.id} />
                    <TextareaField
                      name="reason"
                      label="Why are you abandoning this frozen search?"
                      hint="The search and its results stay in the record with this reason. You can then freeze another search."
                      rows={3}
                      error={actionData?.values?.frozenSearchId === f.id ? actionData.errors.reason?.[0] : undefined}
                    />
                    <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                      Abandon this frozen search
                    </button>
                  </Form>
                </div>
              </details>
            ) : null}
          </section>
        ))
      ) : (
        <p className="govuk-body">Nothing frozen yet.</p>
      )}
      {data.frozen.length ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${base}/shortlist`}>
            Shortlist services from the frozen results
          </Link>
        </p>
      ) : null}
    </>
  );
}
