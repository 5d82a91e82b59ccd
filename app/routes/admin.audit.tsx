// The audit log (issue 15): every recorded event, newest first, filtered by who, what, object
// and date (a plain GET form, so the filters live in the URL), with the same filters as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField } from "~/components/forms";
import { TableContainer } from "~/components/table-container";
import { AUDIT_PAGE_SIZE, auditFilterSchema, listAuditActions, listAuditLog } from "~/models/audit-log.server";
import { formatDateTime } from "~/utils/format";
import { parseWithSchema, type FieldErrors } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data && Object.keys(data.errors).length ? "Error: Audit log" : "Audit log");

type AuditRows = Awaited<ReturnType<typeof listAuditLog>>["events"];

const FIELDS = ["who", "what", "object", "from", "to", "page"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:audit:any");
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(FIELDS.map((f) => [f, (params.get(f) ?? "").slice(0, 200)]).filter(([, v]) => v !== ""));
  const values = Object.fromEntries(FIELDS.map((f) => [f, (params.get(f) ?? "").slice(0, 200)]));
  const parsed = parseWithSchema(auditFilterSchema, raw);
  const actions = await listAuditActions();
  if (!parsed.success)
    return { errors: parsed.errors as FieldErrors, values, events: [] as AuditRows, total: 0, pages: 1, page: 1, query: "", actions };
  const { events, total } = await listAuditLog(parsed.data);
  const query = new URLSearchParams(Object.entries(values).filter(([k, v]) => v && k !== "page")).toString();
  // The page count comes from the server: AUDIT_PAGE_SIZE lives in a .server module, which the browser never sees.
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return { errors: {} as FieldErrors, values, events, total, pages, page: parsed.data.page, query, actions };
}

function pageLink(query: string, page: number) {
  const params = new URLSearchParams(query);
  params.set("page", String(page));
  return `/admin/audit?${params.toString()}`;
}

export default function AuditLog() {
  const { errors, values, events, total, pages, page, query, actions } = useLoaderData<typeof loader>();
  return (
    <>
      <ErrorSummary errors={errors} labels={{ from: "From", to: "To" }} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <Form method="get" role="search" aria-label="Filter the audit log">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextField
              name="who"
              label="Who"
              hint="Part of an email address, a user id, or system"
              defaultValue={values.who}
              error={errors.who?.[0]}
            />
            <TextField
              name="what"
              label="What"
              hint="An action or the start of one, like user. or login.failed"
              defaultValue={values.what}
              error={errors.what?.[0]}
            />
            <TextField
              name="object"
              label="Object"
              hint="An id, a type like project, or type:id"
              defaultValue={values.object}
              error={errors.object?.[0]}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextField
              name="from"
              label="From"
              hint="For example, 2026-11-01"
              width="10"
              defaultValue={values.from}
              error={errors.from?.[0]}
            />
            <TextField name="to" label="To" hint="Up to the end of this day" width="10" defaultValue={values.to} error={errors.to?.[0]} />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
      </Form>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Actions recorded</span>
        </summary>
        <div className="govuk-details__text">
          <ul className="govuk-list">
            {actions.map((a) => (
              <li key={a}>
                <Link className="govuk-link" to={`/admin/audit?what=${encodeURIComponent(a)}`}>
                  {a}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </details>
      <p className="govuk-body" aria-live="polite">
        {total} {total === 1 ? "event" : "events"}
        {Object.keys(errors).length ? null : (
          <>
            {" · "}
            <a className="govuk-link" href={`/admin/audit.csv${query ? `?${query}` : ""}`} download>
              Download these events as CSV
            </a>
          </>
        )}
      </p>
      <TableContainer label="Audit events">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">Audit events</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                Who
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
              <th scope="col" className="govuk-table__header">
                Object
              </th>
              <th scope="col" className="govuk-table__header">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {events.map((e) => (
              <tr className="govuk-table__row" key={e.id}>
                <td className="govuk-table__cell">{formatDateTime(e.createdAt)}</td>
                <td className="govuk-table__cell">{e.actor ? e.actor.email : "System or signed out"}</td>
                <td className="govuk-table__cell">{e.action}</td>
                <td className="govuk-table__cell">
                  {e.entityType}
                  {e.entityId ? (
                    <>
                      <br />
                      <Link className="govuk-link govuk-body-s" to={`/admin/audit?object=${encodeURIComponent(e.entityId)}`}>
                        {e.entityId}
                      </Link>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell govuk-body-s">
                  {e.before ? <div>Before: {e.before}</div> : null}
                  {e.after ? <div>After: {e.after}</div> : null}
                  {e.ip ? <div>IP: {e.ip}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
      {pages > 1 ? (
        <nav className="govuk-pagination" aria-label="Pages of the audit log">
          {page > 1 ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={pageLink(query, page - 1)} rel="prev">
                <span className="govuk-pagination__link-title">Previous page</span>
              </Link>
            </div>
          ) : null}
          <p className="govuk-body govuk-!-margin-bottom-0">
            Page {page} of {pages}
          </p>
          {page < pages ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={pageLink(query, page + 1)} rel="next">
                <span className="govuk-pagination__link-title">Next page</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
