// Notifications as a short list (the supplier dashboard, the case studies naming a supplier):
// each message, a link when it has one, then when it came in small print.
import { Link } from "@remix-run/react";
import { internalLink } from "~/utils/internal-link";

export function NotificationList({
  notifications,
  when,
  linkClassName = "govuk-link",
}: {
  notifications: readonly { id: string; message: string; link: string | null; createdAt: Date | string }[];
  /** How the date reads: formatDate or formatDateTime. */
  when: (date: Date | string) => string;
  /** govuk-notification-banner__link inside a notification banner. */
  linkClassName?: string;
}) {
  return (
    <ul className="govuk-list">
      {notifications.map((n) => {
        const link = internalLink(n.link);
        return (
          <li key={n.id}>
            {link ? (
              <Link className={linkClassName} to={link}>
                {n.message}
              </Link>
            ) : (
              n.message
            )}{" "}
            <span className="govuk-body-s">({when(n.createdAt)})</span>
          </li>
        );
      })}
    </ul>
  );
}
