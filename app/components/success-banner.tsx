// GOV.UK's success banner for what the user has just done ("Forward plan published", the
// root's flash messages): titled "Success" and role="alert", so screen readers announce it.
// The notification banner that informs rather than confirms is NotificationBanner
// (./supplier-notification-banner.tsx).
import type { ReactNode } from "react";

export function SuccessBanner({
  id,
  children,
  disableAutoFocus,
}: {
  /** The title's id, which names the banner: unique on the page. */
  id: string;
  /** What happened, shown as the banner's heading. */
  children: ReactNode;
  /** GOV.UK Frontend's option: leave focus where it is (by default it moves to the banner). */
  disableAutoFocus?: boolean;
}) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby={id}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={disableAutoFocus ? "true" : undefined}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={id}>
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
