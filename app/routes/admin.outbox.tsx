// The mail outbox (issue 15): every queued and sent message, newest first. Without SMTP_URL
// (outside production) this is where mail goes, and an admin reads it here; with a mail
// server, it shows what was delivered, what is waiting to be retried and what was given up.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { SubmitButton } from "~/components/forms";
import { PageLinks } from "~/components/page-links";
import { DataTable } from "~/components/data-table";
import { listOutbox, mailQueueCounts, type MailStatus } from "~/models/mail.server";

// Not imported from mail.server: a .server module's values do not reach the browser, so the
// page failed to hydrate (issue 18 item 4).
const OUTBOX_STATUSES = ["queued", "sent", "failed"] as const satisfies readonly MailStatus[];
import { formatDateTime } from "~/utils/format";
import { mailSettings } from "~/utils/env.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";

export const meta: MetaFunction = () => pageTitle("Mail outbox");

const PAGE_SIZE = 50;
const STATUS_LABELS: Record<MailStatus, string> = { queued: "Waiting to send", sent: "Sent", failed: "Given up" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:user:any");
  const params = new URL(request.url).searchParams;
  const recipient = (params.get("to") ?? "").slice(0, 200);
  const statusParam = params.get("status") ?? "";
  const status = (OUTBOX_STATUSES as readonly string[]).includes(statusParam) ? (statusParam as MailStatus) : undefined;
  const page = Math.min(1000, Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const [{ rows, total }, counts] = await Promise.all([
    listOutbox({ recipient, status, take: PAGE_SIZE, skip: (page - 1) * PAGE_SIZE }),
    mailQueueCounts(),
  ]);
  return { rows, total, counts, recipient, status: status ?? "", page, smtp: Boolean(mailSettings().smtpUrl) };
}

export default function Outbox() {
  const { rows, total, counts, recipient, status, page, smtp } = useLoaderData<typeof loader>();
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (p: number) =>
    `/admin/outbox?${new URLSearchParams({ ...(recipient ? { to: recipient } : {}), ...(status ? { status } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <h1 className="govuk-heading-l">Mail outbox</h1>
      <p className="govuk-body">
        {smtp
          ? "Mail is sent through the configured SMTP server. A delivered message's text is not kept (its links work as passwords)."
          : "No SMTP server is configured (SMTP_URL), so mail is kept here instead of being sent. Read a message to follow its links."}
      </p>
      <p className="govuk-body">
        {counts.due} waiting to send now · {counts.failed} given up
      </p>
      <Form method="get" role="search" aria-label="Filter the outbox">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="to">
            Recipient
          </label>
          <input className="govuk-input govuk-!-width-one-half" id="to" name="to" type="search" defaultValue={recipient} />
        </div>
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="status">
            Status
          </label>
          <select className="govuk-select" id="status" name="status" defaultValue={status}>
            <option value="">Any</option>
            {OUTBOX_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton variant="secondary">Apply filters</SubmitButton>
      </Form>
      <DataTable
        caption={`${total} ${total === 1 ? "message" : "messages"}`}
        rows={rows}
        rowKey={(m) => m.id}
        columns={[
          { header: "Queued", cell: (m) => formatDateTime(m.createdAt) },
          { header: "To", cell: (m) => m.recipient },
          {
            header: "Subject",
            cell: (m) => (
              <Link className="govuk-link" to={`/admin/outbox/${m.id}`}>
                {m.subject}
              </Link>
            ),
          },
          {
            header: "Status",
            cell: (m) => (
              <>
                {STATUS_LABELS[m.status as MailStatus] ?? m.status}
                {m.status === "sent" && m.transport === "outbox" ? " (kept here)" : ""}
                {m.attempts > 1 || m.lastError ? <div className="govuk-body-s">Attempts: {m.attempts}</div> : null}
                {m.lastError ? <div className="govuk-body-s">Last error: {m.lastError}</div> : null}
              </>
            ),
          },
        ]}
      />
      <PageLinks page={page} pages={pages} href={link} label="Pages of the outbox" />
    </>
  );
}
