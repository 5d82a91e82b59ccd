import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { InsetText, LinkParagraph } from "~/components/buying";
import { SubmitButton, TextareaField } from "~/components/forms";
import { ProjectFormHeader } from "~/components/project";
import { loadProjectPage, projectAction } from "~/utils/project-route.server";
import { abandonFreezeSchema, describeFilters, freezeSchema, isDirectAwardRoute, maxFrozenResults } from "~/models/project.schema";
import { abandonFrozenSearch, freezeSavedSearch, getProjectSearches } from "~/models/project.server";
import { countSavedSearchResults, runProductSearchNow } from "~/services/project-search.server";
import { handleForm } from "~/utils/form-action.server";
import { SIZE_LABELS, formatDateTime } from "~/utils/format";
import { formatPence } from "~/procurement/money";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => pageTitle("Freeze the search results");
export const handle = { title: "Freeze the search results" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader(args: LoaderFunctionArgs) {
  const { project, access } = await loadProjectPage(args, getProjectSearches);
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
    ...access,
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, async ({ request, projectId, actor, intent, redirectWithFlash }) => {
    const frozenAt = (frozenSearchId: string) => `/projects/${projectId}/freeze#frozen-${frozenSearchId}`;
    if (intent === "abandon") {
      return handleForm(request, {
        schema: abandonFreezeSchema,
        run: (input) => abandonFrozenSearch(projectId, input, actor),
        onSuccess: ({ frozenSearchId }) =>
          redirectWithFlash(frozenAt(frozenSearchId), "Frozen search abandoned: it stays in the record, and you can freeze another search"),
      });
    }
    return handleForm(request, {
      schema: freezeSchema,
      run: (input) => freezeSavedSearch(projectId, input.savedSearchId, actor, runProductSearchNow),
      onSuccess: (result) =>
        redirectWithFlash(
          frozenAt(result.frozenSearchId),
          `Search results frozen: ${result.count} ${result.count === 1 ? "service" : "services"}`,
        ),
    });
  });
}

export default function Freeze() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editable = data.canEdit && !data.project.locked;
  const base = `/projects/${data.project.id}`;
  return (
    <>
      <ProjectFormHeader errors={actionData?.errors ?? {}} title="Freeze the search results" access={data} locked={data.project.locked} />
      <NarrowPage>
        <p className="govuk-body">
          Freezing a saved search records its results as they are now: each service&apos;s exact published version, supplier and price, and
          the time. The frozen results never change, even if a supplier later edits or withdraws a listing. You shortlist from them.
        </p>
        {data.directAward ? (
          <InsetText>For a direct award you can only freeze a search with {data.max} results or fewer. Do not combine searches.</InsetText>
        ) : null}
      </NarrowPage>

      <h2 className="govuk-heading-m">Saved searches</h2>
      <DataTable
        caption="Searches saved to this project"
        captionSize="none"
        rows={data.saved}
        rowKey={(s) => s.id}
        empty={
          <p className="govuk-body">
            No searches saved yet.{" "}
            <Link className="govuk-link" to={`${base}/search`}>
              Save a search
            </Link>{" "}
            first.
          </p>
        }
        columns={[
          { header: "Search words", cell: (s) => s.query || "(none)" },
          { header: "Filters", cell: (s) => s.filters },
          { header: "Saved", cell: (s) => formatDateTime(s.createdAt) },
          { header: "Results now", numeric: true, cell: (s) => s.count ?? "Cannot run" },
          editable && {
            header: "Action",
            hiddenHeader: true,
            cell: (s, i) => (
              <Form method="post">
                <input type="hidden" name="savedSearchId" value={s.id} />
                <SubmitButton variant="secondary" className="govuk-!-margin-bottom-0">
                  Freeze these results<span className="govuk-visually-hidden"> (saved search {i + 1})</span>
                </SubmitButton>
              </Form>
            ),
          },
        ]}
      />

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
            <DataTable
              caption={`Results frozen on ${formatDateTime(f.frozenAt)}`}
              captionSize="none"
              rows={f.results}
              rowKey={(r) => r.id}
              columns={[
                { header: "#", numeric: true, cell: (r) => r.position },
                { header: "Service (listing version)", cell: (r) => `${r.productName} (version ${r.versionNumber})` },
                { header: "Supplier", cell: (r) => `${r.supplierName} (${SIZE_LABELS[r.supplierSize] ?? r.supplierSize})` },
                { header: "Price from", cell: (r) => `${formatPence(r.priceFromPence)} ${r.priceUnit}` },
              ]}
            />
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
                    <SubmitButton variant="warning">Abandon this frozen search</SubmitButton>
                  </Form>
                </div>
              </details>
            ) : null}
          </section>
        ))
      ) : (
        <p className="govuk-body">Nothing frozen yet.</p>
      )}
      {data.frozen.length ? <LinkParagraph to={`${base}/shortlist`}>Shortlist services from the frozen results</LinkParagraph> : null}
    </>
  );
}
