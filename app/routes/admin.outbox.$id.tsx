// One message in the mail outbox, as plain text (issue 15).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOutboxMessage } from "~/models/mail.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.message.subject : "Message");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:user:any");
  const id = params.id ?? "";
  const message = id.length <= 40 ? await getOutboxMessage(id) : null;
  if (!message) throw new Response("Not Found", { status: 404 });
  return { message };
}

export default function OutboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <Link className="govuk-back-link" to="/admin/outbox">
        Mail outbox
      </Link>
      <h1 className="govuk-heading-l">{message.subject}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">To</dt>
          <dd className="govuk-summary-list__value">{message.recipient}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Queued</dt>
          <dd className="govuk-summary-list__value">{formatDateTime(message.createdAt)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            {message.status}
            {message.sentAt ? `, ${formatDateTime(message.sentAt)}` : ""}
            {message.transport ? ` (${message.transport === "smtp" ? "through the mail server" : "kept in the outbox"})` : ""}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Template</dt>
          <dd className="govuk-summary-list__value">{message.template}</dd>
        </div>
      </dl>
      {message.text ? (
        <div className="govuk-inset-text">
          <pre className="app-mail-text" style={{ whiteSpace: "pre-wrap", overflowWrap: "break-word", fontFamily: "inherit" }}>
            {message.text}
          </pre>
        </div>
      ) : (
        <p className="govuk-body">The text of a message delivered through the mail server is not kept: its links work as passwords.</p>
      )}
    </>
  );
}
