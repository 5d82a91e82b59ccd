// The one GOV.UK date input (issue 11): three boxes posted as `<name>-day`, `<name>-month`
// and `<name>-year`, GOV.UK's convention. The day box takes the field's own id, so the error
// summary's link (#name) lands on it. The server reads it with collectDateInputs and
// dateInputField from app/utils/date-input.ts; show values with dateInputValues.
import type { ReactNode } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import type { DateParts } from "~/utils/date-input";
import { FieldsetGroup, fieldId } from "./forms";

const PARTS = [
  { key: "day", label: "Day", width: "2" },
  { key: "month", label: "Month", width: "2" },
  { key: "year", label: "Year", width: "4" },
] as const;

export function DateInput({
  name,
  legend,
  hint,
  error,
  values,
  register,
  legendIsHeading,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  values: DateParts;
  register?: UseFormRegister<FieldValues>;
  /** The legend is the page's h1 (a one-question page). */
  legendIsHeading?: boolean;
}) {
  const id = fieldId(name);
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error} legendIsHeading={legendIsHeading} role="group">
      <div className="govuk-date-input">
        {PARTS.map((part, i) => {
          const field = `${name}-${part.key}`;
          const inputId = i === 0 ? id : fieldId(field);
          return (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                  {part.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? " govuk-input--error" : ""}`}
                  id={inputId}
                  type="text"
                  inputMode="numeric"
                  defaultValue={values[part.key]}
                  {...(register ? register(field) : { name: field })}
                />
              </div>
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}
