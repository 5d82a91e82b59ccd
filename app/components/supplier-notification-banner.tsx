// GOV.UK's notification banner, as the supplier pages show it (an import's result, a listing's
// requested changes, new mentions in case studies): a region named by its title.
import type { ReactNode } from "react";

export function NotificationBanner({
  id,
  title,
  success,
  children,
}: {
  /** The title's id, which names the region: unique on the page. */
  id: string;
  title: ReactNode;
  /** The green banner, for something that went well. */
  success?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role="region"
      aria-labelledby={id}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}
