import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { InsetText, LinkParagraph } from "~/components/buying";
import { type FieldErrors, SubmitButton, useZodForm } from "~/components/forms";
import { FrozenResultDocuments, ProjectFormHeader } from "~/components/project";
import { CheckboxItem } from "~/components/project-fields";
import { DataTable } from "~/components/data-table";
import { loadProjectPage, projectAction } from "~/utils/project-route.server";
import { isDirectAwardRoute, shortlistAddSchema, shortlistFormSchema } from "~/models/project.schema";
import { presentFrozenSearch } from "~/models/project-presenter";
import { addToShortlist, getProjectShortlist, removeFromShortlist, setAsideResults } from "~/models/project.server";
import { formatDateTime } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { ok, type Result } from "~/utils/result";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Shortlist services");
export const handle = { title: "Shortlist services" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader(args: LoaderFunctionArgs) {
  const frozenSearchId = new URL(args.request.url).searchParams.get("frozen");
  const { project, access } = await loadProjectPage(args, (projectId) => getProjectShortlist(projectId, frozenSearchId));
  const frozen = project.frozen;
  const shortlisted = new Set(project.shortlist.map((e) => e.frozenResultId));
  const setAside = new Map(project.setAside.map((a) => [a.frozenResultId, a.reason]));
  return {
    project: { id: project.id, locked: project.status !== "open" },
    directAward: isDirectAwardRoute(project.routeId),
    shortlist: project.shortlist.map((e) => ({
      id: e.id,
      productName: e.frozenResult.productName,
      supplierName: e.frozenResult.supplierName,
      reason: e.reason,
    })),
    frozenSearches: project.frozenSearches.map((f) => ({ id: f.id, frozenAt: f.frozenAt, query: f.query })),
    frozen: frozen
      ? (() => {
          // Shaped as the record and the CSV shape it (one presenter), with this page's assessment state.
          const search = presentFrozenSearch(frozen);
          return {
            ...search,
            results: search.results.map((r) => ({ ...r, shortlisted: shortlisted.has(r.id), setAsideReason: setAside.get(r.id) ?? null })),
          };
        })()
      : null,
    ...access,
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, ({ request, projectId, actor, redirectWithFlash }) =>
    handleForm(request, {
      schema: shortlistFormSchema,
      arrayKeys: ["frozenResultIds"],
      run: async (form): Promise<Result<string>> => {
        if (form.intent === "set-aside") {
          const done = await setAsideResults(projectId, form.input, actor);
          return done.ok ? ok("Results set aside") : done;
        }
        if (form.intent === "remove") {
          const done = await removeFromShortlist(projectId, form.input.entryId, actor);
          return done.ok ? ok("Removed from the shortlist") : done;
        }
        const done = await addToShortlist(projectId, form.input, actor);
        return done.ok ? ok("Added to the shortlist") : done;
      },
      onSuccess: (message) => redirectWithFlash(`/projects/${projectId}/shortlist`, message),
    }),
  );
}

type FrozenRow = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["frozen"]>["results"][number];

function AddRow({
  result,
  serverError,
  onError,
}: {
  result: FrozenRow;
  serverError?: string;
  /** Tells the page which error this row shows, so the one error summary lists it (with JavaScript too). */
  onError: (rowId: string, message: string | undefined) => void;
}) {
  const { register, errors, onSubmit } = useZodForm(shortlistAddSchema, serverError ? { reason: [serverError] } : undefined);
  const id = `reason-${result.id}`;
  const message = errors.reason?.[0];
  useEffect(() => onError(result.id, message), [onError, result.id, message]);
  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" {...register("frozenResultId")} value={result.id} />
      <div className={`govuk-form-group govuk-!-margin-bottom-2${message ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          Why shortlist {result.name}?
        </label>
        {message ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {message}
          </p>
        ) : null}
        <input
          className={`govuk-input${message ? " govuk-input--error" : ""}`}
          id={id}
          type="text"
          aria-describedby={message ? `${id}-error` : undefined}
          {...register("reason")}
        />
      </div>
      <SubmitButton variant="secondary" className="govuk-!-margin-bottom-0">
        Add to shortlist<span className="govuk-visually-hidden">: {result.name}</span>
      </SubmitButton>
    </Form>
  );
}

export default function Shortlist() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editable = data.canEdit && !data.project.locked;
  const base = `/projects/${data.project.id}`;
  // A row's reason error links to that row's input.
  const posted = actionData?.values.frozenResultId;
  const failedRow = typeof posted === "string" ? posted : undefined;
  const actionErrors: FieldErrors = actionData?.errors ?? {};
  // Errors react-hook-form finds in a row (JavaScript on), by row: the same summary as the server's.
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const onRowError = useCallback(
    (rowId: string, message: string | undefined) =>
      setRowErrors((current) => {
        if (current[rowId] === message) return current;
        const { [rowId]: _previous, ...rest } = current;
        return message ? { ...rest, [rowId]: message } : rest;
      }),
    [],
  );
  const summaryErrors: FieldErrors = {};
  for (const [key, messages] of Object.entries(actionErrors))
    summaryErrors[key === "reason" && failedRow ? `reason-${failedRow}` : key] = messages;
  for (const [rowId, message] of Object.entries(rowErrors)) summaryErrors[`reason-${rowId}`] = [message];
  return (
    <>
      <ProjectFormHeader errors={summaryErrors} title="Shortlist services" access={data} locked={data.project.locked} />
      <NarrowPage>
        <p className="govuk-body">Choose the services that best meet your requirements from the frozen results, and record why.</p>
        {data.directAward ? (
          <InsetText>
            For a direct award, shortlist from one frozen search only, and assess without negotiating. You can ask suppliers clarification
            questions.
          </InsetText>
        ) : null}
      </NarrowPage>

      <h2 className="govuk-heading-m">Shortlist ({data.shortlist.length})</h2>
      <DataTable
        caption="Shortlisted services"
        captionSize="none"
        rows={data.shortlist}
        rowKey={(e) => e.id}
        empty={<p className="govuk-body">No services shortlisted yet.</p>}
        columns={[
          { header: "Service", cell: (e) => e.productName },
          { header: "Supplier", cell: (e) => e.supplierName },
          { header: "Reason", cell: (e) => e.reason },
          editable && {
            header: "Action",
            hiddenHeader: true,
            cell: (e) => (
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="entryId" value={e.id} />
                <SubmitButton variant="warning" className="govuk-!-margin-bottom-0">
                  Remove<span className="govuk-visually-hidden"> {e.productName} from the shortlist</span>
                </SubmitButton>
              </Form>
            ),
          },
        ]}
      />
      {data.shortlist.length ? <LinkParagraph to={`${base}/evaluation`}>Evaluate the shortlist</LinkParagraph> : null}

      {editable && data.frozen && data.frozen.results.some((r) => !r.shortlisted && !r.setAsideReason) ? (
        <Form method="post" className="govuk-!-margin-bottom-6">
          <input type="hidden" name="intent" value="set-aside" />
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset" aria-describedby="set-aside-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Set aside results you are not shortlisting</legend>
              <div id="set-aside-hint" className="govuk-hint">
                Every frozen result must be shortlisted or set aside with a reason before the evaluation. One reason can cover several
                results.
              </div>
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {data.frozen.results
                  .filter((r) => !r.shortlisted && !r.setAsideReason)
                  .map((r) => (
                    <CheckboxItem
                      key={r.id}
                      id={`frozenResultIds-${r.id}`}
                      name="frozenResultIds"
                      value={r.id}
                      label={`${r.name} (${r.supplierName})`}
                    />
                  ))}
              </div>
            </fieldset>
          </div>
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="set-aside-reason">
              Why you are setting them aside
            </label>
            <input className="govuk-input" id="set-aside-reason" name="reason" type="text" maxLength={1000} />
          </div>
          <SubmitButton variant="secondary">Set aside</SubmitButton>
        </Form>
      ) : null}

      {data.frozenSearches.length > 1 ? (
        <nav aria-label="Frozen searches" className="govuk-!-margin-bottom-4">
          <p className="govuk-body govuk-!-margin-bottom-1">Frozen searches:</p>
          <ul className="govuk-list">
            {data.frozenSearches.map((f) => (
              <li key={f.id}>
                {f.id === data.frozen?.id ? (
                  <strong>
                    “{f.query || "(no words)"}”, frozen {formatDateTime(f.frozenAt)} (shown)
                  </strong>
                ) : (
                  <Link className="govuk-link" to={`?frozen=${f.id}`}>
                    “{f.query || "(no words)"}”, frozen {formatDateTime(f.frozenAt)}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {data.frozen ? (
        <>
          <h2 className="govuk-heading-m">Frozen results</h2>
          <p className="govuk-body">
            Search “{data.frozen.query || "(no words)"}”, {data.frozen.filters}, frozen {formatDateTime(data.frozen.at)}.
          </p>
          <ul className="govuk-list">
            {data.frozen.results.map((r) => (
              <li key={r.id} className="cm-result">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                  {r.position}. {r.name} <span className="govuk-body-s">(version {r.version})</span>
                </h3>
                <p className="govuk-body-s">
                  {r.supplier} · from {r.price}
                </p>
                <FrozenResultDocuments documents={r.documents} service={r.name} />
                {r.shortlisted ? (
                  <p className="govuk-body">
                    <strong className="govuk-tag govuk-tag--green">Shortlisted</strong>
                  </p>
                ) : editable ? (
                  <AddRow result={r} serverError={failedRow === r.id ? actionErrors.reason?.[0] : undefined} onError={onRowError} />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="govuk-body">
          Nothing frozen yet.{" "}
          <Link className="govuk-link" to={`${base}/freeze`}>
            Freeze the results of a saved search
          </Link>{" "}
          first.
        </p>
      )}
    </>
  );
}
