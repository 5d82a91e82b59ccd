// The audit log (issue 15): every recorded event, newest first, filtered by who, what, object
// and date (a plain GET form, so the filters live in the URL), with the same filters as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { PageLinks } from "~/components/page-links";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { DataTable } from "~/components/data-table";
import { AUDIT_PAGE_SIZE, auditFilterSchema, listAuditLog } from "~/models/audit-log.server";
import { AUDIT_ACTION_CHOICES, auditEventLabel } from "~/models/audit-actions";
import { formatDateTime } from "~/utils/format";
import { auditObjectLabel } from "~/utils/labels";
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
  if (!parsed.success)
    return { errors: parsed.errors as FieldErrors, values, events: [] as AuditRows, total: 0, pages: 1, page: 1, query: "" };
  const { events, total } = await listAuditLog(parsed.data);
  const query = new URLSearchParams(Object.entries(values).filter(([k, v]) => v && k !== "page")).toString();
  // The page count comes from the server: AUDIT_PAGE_SIZE lives in a .server module, which the browser never sees.
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return { errors: {} as FieldErrors, values, events, total, pages, page: parsed.data.page, query };
}

/** The "what" filter's choices: any action, or one by its label (the code is only the option's value, in the URL). */
const WHAT_OPTIONS = [{ value: "", label: "Any action" }, ...AUDIT_ACTION_CHOICES];

function pageLink(query: string, page: number) {
  const params = new URLSearchParams(query);
  params.set("page", String(page));
  return `/admin/audit?${params.toString()}`;
}

export default function AuditLog() {
  const { errors, values, events, total, pages, page, query } = useLoaderData<typeof loader>();
  // A filter's field: its name, what the URL asked for and its error (as useZodForm's field() gives a form).
  const filter = (name: (typeof FIELDS)[number]) => ({ name, defaultValue: values[name], error: errors[name]?.[0] });
  return (
    <>
      <ErrorSummary errors={errors} labels={{ what: "What", from: "From", to: "To" }} />
      <h1 className="govuk-heading-l">Audit log</h1>
      <Form method="get" role="search" aria-label="Filter the audit log">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextField {...filter("who")} label="Who" hint="Part of an email address, a user id, or system" />
            <SelectField {...filter("what")} label="What" options={WHAT_OPTIONS} />
            <TextField {...filter("object")} label="Object" hint="An id, a type like project, or type:id" />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextField {...filter("from")} label="From" hint="For example, 2026-11-01" width="10" />
            <TextField {...filter("to")} label="To" hint="Up to the end of this day" width="10" />
          </div>
        </div>
        <SubmitButton variant="secondary">Apply filters</SubmitButton>
      </Form>
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
      <DataTable
        caption="Audit events"
        captionSize="none"
        rows={events}
        rowKey={(e) => e.id}
        columns={[
          { header: "When", cell: (e) => formatDateTime(e.createdAt) },
          { header: "Who", cell: (e) => (e.actor ? e.actor.email : "System or signed out") },
          { header: "What", cell: (e) => auditEventLabel(e.action) },
          {
            header: "Object",
            cell: (e) => (
              <>
                {auditObjectLabel(e.entityType)}
                {e.entityId ? (
                  <>
                    <br />
                    <Link className="govuk-link govuk-body-s" to={`/admin/audit?object=${encodeURIComponent(e.entityId)}`}>
                      {e.entityId}
                    </Link>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: "Details",
            className: "govuk-body-s",
            cell: (e) => (
              <>
                {/* The stored record as it is kept (JSON): shown as code, not as prose. */}
                {e.before ? (
                  <div>
                    Before: <code>{e.before}</code>
                  </div>
                ) : null}
                {e.after ? (
                  <div>
                    After: <code>{e.after}</code>
                  </div>
                ) : null}
                {e.ip ? <div>IP: {e.ip}</div> : null}
              </>
            ),
          },
        ]}
      />
      <PageLinks page={page} pages={pages} href={(n) => pageLink(query, n)} label="Pages of the audit log" />
    </>
  );
}
