// /account/notifications: what the portal has told this person (expiry warnings, alert and
// follow news) and, for supplier users, their organisation (moderation outcomes).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { LinkParagraph } from "~/components/buying";
import { Form } from "~/components/form";
import { SubmitButton } from "~/components/forms";
import { listNotificationsFor, markNotificationsRead } from "~/models/notifications.server";
import { requireUser } from "~/auth/permissions.server";
import { handleForm } from "~/utils/form-action.server";
import { formatDateTime } from "~/utils/format";
import { internalLink } from "~/utils/internal-link";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Notifications");
export const handle = { title: "Notifications" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const notifications = await listNotificationsFor(user);
  return { notifications, unread: notifications.filter((n) => !n.readAt).length };
}

const markReadSchema = z.object({ notificationId: z.string().trim().max(64).optional() });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleForm(request, {
    schema: markReadSchema,
    run: (input) => markNotificationsRead(user, input.notificationId || undefined),
    onSuccess: () => redirect("/account/notifications"),
  });
}

export default function Notifications() {
  const { notifications, unread } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Notifications</h1>
      <p className="govuk-body">
        {unread === 0
          ? "You have no unread notifications."
          : `You have ${unread} unread ${unread === 1 ? "notification" : "notifications"}.`}
      </p>
      {unread > 0 ? (
        <Form method="post">
          <SubmitButton variant="secondary">Mark all as read</SubmitButton>
        </Form>
      ) : null}
      {notifications.length ? (
        <ul className="govuk-list">
          {notifications.map((n) => {
            const link = internalLink(n.link);
            return (
              <li key={n.id} className="govuk-!-margin-bottom-4">
                <p className="govuk-body govuk-!-margin-bottom-1">
                  {n.readAt ? null : <strong className="govuk-tag govuk-!-margin-right-2">New</strong>}
                  {n.message}
                </p>
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  {formatDateTime(n.createdAt)}
                  {link ? (
                    <>
                      {" · "}
                      <Link className="govuk-link" to={link}>
                        Open<span className="govuk-visually-hidden">: {n.message}</span>
                      </Link>
                    </>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
      <LinkParagraph to="/account/alerts">Saved searches and alerts</LinkParagraph>
    </>
  );
}
