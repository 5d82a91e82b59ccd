// One field's props from the form it is in (issue 11), so the buying-project forms name each
// field once instead of four times (name, shown value, error, registration):
//
//   const { field, dateField } = bindFields(form, actionData?.values);
//   <TextField label="Project name" {...field("title", data.title)} />
//   <DateInput legend="Contract start date" {...dateField("startDate", o?.startDate)} />
//
// and one checkbox for the groups the project pages lay out themselves (CheckboxItem).
import { dateParts } from "~/models/buying-guide-steps";
import { dateInputNames, dateInputValues } from "~/utils/date-input";
import type { ReactNode } from "react";
import type { useZodForm } from "./forms";

type ZodForm = Pick<ReturnType<typeof useZodForm>, "register" | "error">;
type Posted = Record<string, unknown> | undefined;

/** What a field shows: the value posted back after an error, otherwise `fallback` (the saved value). */
export function postedOr(posted: Posted, name: string, fallback?: string | null): string {
  return posted && name in posted ? String(posted[name] ?? "") : (fallback ?? "");
}

export function bindFields(form: ZodForm, posted: Posted) {
  return {
    /** For a TextField, TextareaField, SelectField or ChoiceField. */
    field: (name: string, fallback?: string | null) => ({
      name,
      defaultValue: postedOr(posted, name, fallback),
      error: form.error(name),
      registered: form.register(name),
    }),
    /** For a DateInput; `fallback` is the saved date as an ISO date (yyyy-mm-dd). */
    dateField: (name: string, fallback?: string | null) => ({
      name,
      values: posted && dateInputNames(name).day in posted ? dateInputValues(name, posted) : dateParts(fallback),
      error: form.error(name),
      register: form.register,
    }),
  };
}

/** One GOV.UK checkbox, for a group the page lays out itself (ids from its rows, a hint per item). */
export function CheckboxItem({
  id,
  name,
  value,
  label,
  hint,
  defaultChecked,
}: {
  id: string;
  name: string;
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  defaultChecked?: boolean;
}) {
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={id}
        name={name}
        type="checkbox"
        value={value}
        defaultChecked={defaultChecked}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
