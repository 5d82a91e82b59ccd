// One message in the mail outbox, as plain text (issue 15).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink, SummaryList } from "~/components/buying";
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
      <BackLink to="/admin/outbox">Mail outbox</BackLink>
      <h1 className="govuk-heading-l">{message.subject}</h1>
      <SummaryList
        rows={[
          { key: "To", value: message.recipient },
          { key: "Queued", value: formatDateTime(message.createdAt) },
          {
            key: "Status",
            value: `${message.status}${message.sentAt ? `, ${formatDateTime(message.sentAt)}` : ""}${
              message.transport ? ` (${message.transport === "smtp" ? "through the mail server" : "kept in the outbox"})` : ""
            }`,
          },
          { key: "Template", value: message.template },
        ]}
      />
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
