// The form behind "Save this search" (/account/alerts/new) and "Change a saved search"
// (/account/alerts/:id): the search it watches, a name, and how often it emails.
import type { ReactNode } from "react";
import { ALERT_FREQUENCIES, FREQUENCY_LABELS } from "~/models/saved-search-alerts.schema";
import { SummaryList } from "~/components/buying";
import { Form } from "~/components/form";
import { ChoiceField, ErrorSummary, SubmitButton, TextField, type FieldErrors } from "~/components/forms";
import { echoedText, type EchoedValues } from "~/utils/forms";

const FREQUENCY_OPTIONS = ALERT_FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }));

export function AlertForm({
  posted,
  title,
  description,
  nameLabel,
  nameHint,
  name,
  frequency,
  submitLabel,
  children,
}: {
  /** The action's answer to a refused post: its errors, and the values to show again. */
  posted: { errors: FieldErrors; values: EchoedValues } | undefined;
  title: ReactNode;
  /** The saved search in words. */
  description: string;
  nameLabel: string;
  nameHint?: string;
  /** What the name and frequency show until something is posted: the saved or suggested values. */
  name: string;
  frequency: string;
  submitLabel: string;
  /** The form's hidden fields. */
  children: ReactNode;
}) {
  const errors = posted?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{title}</h1>
      <SummaryList rows={[{ key: "Search", value: description }]} />
      <Form method="post" noValidate>
        {children}
        <TextField
          name="name"
          label={nameLabel}
          hint={nameHint}
          defaultValue={echoedText(posted?.values.name) ?? name}
          // A search that can no longer be saved is reported against the name, the one box there is.
          error={errors.name?.[0] ?? errors.search?.[0]}
        />
        <ChoiceField
          type="radio"
          name="frequency"
          legend="Email me new and changed matches"
          options={FREQUENCY_OPTIONS}
          defaultValue={echoedText(posted?.values.frequency) ?? frequency}
          error={errors.frequency?.[0]}
        />
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
