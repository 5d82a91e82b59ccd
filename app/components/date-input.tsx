// GOV.UK date input (day, month, year) whose parts post as `<name>.day`, `<name>.month`
// and `<name>.year`: react-hook-form nests them and the server nests them too
// (nestDottedKeys in app/models/supplier-account.schema.ts), so one zod field validates both.
import type { ReactNode } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { fieldId } from "./forms";

const PARTS = [
  { key: "day", label: "Day", width: "2" },
  { key: "month", label: "Month", width: "2" },
  { key: "year", label: "Year", width: "4" },
] as const;

export function DateInputField({
  name,
  legend,
  hint,
  error,
  register,
  defaultValues,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** The message for a part (`${name}.day` etc.), or undefined. */
  error: (field: string) => string | undefined;
  register?: UseFormRegister<FieldValues>;
  defaultValues?: Record<string, unknown>;
}) {
  const id = fieldId(name);
  const partErrors = PARTS.map((p) => error(`${name}.${p.key}`));
  const message = partErrors.find(Boolean);
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${message ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {message ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {message}
          </p>
        ) : null}
        <div className="govuk-date-input" id={id}>
          {PARTS.map((p, i) => {
            const field = `${name}.${p.key}`;
            const value = defaultValues?.[field];
            return (
              <div className="govuk-date-input__item" key={p.key}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={fieldId(field)}>
                    {p.label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-${p.width}${partErrors[i] ? " govuk-input--error" : ""}`}
                    id={fieldId(field)}
                    name={field}
                    type="text"
                    inputMode="numeric"
                    defaultValue={typeof value === "string" ? value : undefined}
                    aria-invalid={partErrors[i] ? true : undefined}
                    {...register?.(field)}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
