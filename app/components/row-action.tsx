// One button that posts one row's id (a table's "Remove", "Make approver", "Sign out everywhere"):
// a real <Form> (CSRF and idempotency key), the row's ids as hidden fields, and the button named
// for screen readers by the row it acts on.
import { Form } from "~/components/form";

export function RowAction({
  action,
  fields,
  intent,
  label,
  about,
  plainAbout,
  className = "govuk-button--secondary govuk-!-margin-bottom-0",
}: {
  /** Where to post (default: this page). */
  action?: string;
  fields: Record<string, string | number>;
  /** The button's own name="intent" value, where one action tells its forms apart that way. */
  intent?: string;
  label: string;
  /** What the row is, read after the label by screen readers only ("Remove (leeds.gov.uk)"). */
  about: string;
  /** Read `about` without the brackets ("Remove ISO 9001 QMS-2026-118"). */
  plainAbout?: boolean;
  /** The button's classes after govuk-button. */
  className?: string;
}) {
  return (
    <Form method="post" action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        name={intent ? "intent" : undefined}
        value={intent}
        className={className ? `govuk-button ${className}` : "govuk-button"}
        data-module="govuk-button"
      >
        {label}
        <span className="govuk-visually-hidden"> {plainAbout ? about : `(${about})`}</span>
      </button>
    </Form>
  );
}
