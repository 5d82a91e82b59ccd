// One button that posts one row's id (a table's "Remove", "Make approver", "Sign out everywhere"):
// a real <Form> (CSRF and idempotency key), the row's ids as hidden fields, and the button named
// for screen readers by the row it acts on.
import { Form } from "~/components/form";

export function RowAction({
  action,
  fields,
  label,
  about,
  className = "govuk-button--secondary govuk-!-margin-bottom-0",
}: {
  /** Where to post (default: this page). */
  action?: string;
  fields: Record<string, string>;
  label: string;
  /** What the row is, read after the label by screen readers only ("Remove (leeds.gov.uk)"). */
  about: string;
  className?: string;
}) {
  return (
    <Form method="post" action={action}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={`govuk-button ${className}`} data-module="govuk-button">
        {label}
        <span className="govuk-visually-hidden"> ({about})</span>
      </button>
    </Form>
  );
}
