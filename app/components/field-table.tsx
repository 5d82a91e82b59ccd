// A form section as data (issue 11): each question is one row of a field-definition table,
// and one component renders the rows with the GOV.UK field components, their saved or posted
// value, their error and react-hook-form's registration. The listing form's sections and the
// supplier organisation's questions are tables of this shape instead of repeated field blocks.
import type { ReactNode } from "react";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { dateInputValues } from "~/utils/date-input";
import { DateInput } from "./date-input";
import { ChoiceField, SelectField, TextareaField, TextField, type TextFieldProps } from "./forms";

type Option = { value: string; label: string; hint?: string };
type Values = Record<string, unknown>;

interface Common {
  name: string;
  hint?: string;
  /** The value to show, when it is not the field's own value as text (a list, yes/no, a price). */
  value?: (values: Values) => string | string[] | undefined;
}

export type FieldSpec =
  | (Common & { kind: "text"; label: string } & Pick<
        TextFieldProps,
        "type" | "width" | "inputMode" | "autoComplete" | "spellCheck" | "prefix"
      >)
  | (Common & { kind: "textarea"; label: string; rows?: number })
  | (Common & { kind: "select"; label: string; options: Option[] })
  | (Common & { kind: "radio" | "checkbox"; legend: string; options: Option[]; inline?: boolean })
  /** GOV.UK's date input: three boxes posted as <name>-day, -month and -year. */
  | (Common & { kind: "date"; legend: string });

export const YES_NO_OPTIONS: Option[] = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** GOV.UK's names pattern as a question: NameField's attributes (forms.tsx). */
export function nameQuestion(name: string, label: string): FieldSpec {
  return { kind: "text", name, label, autoComplete: "name", spellCheck: false };
}

/** GOV.UK's email address pattern as a question: EmailField's attributes (forms.tsx). */
export function emailQuestion(name: string, label: string, hint?: string): FieldSpec {
  return { kind: "text", name, label, type: "email", autoComplete: "email", spellCheck: false, hint };
}

/** A saved or posted value as a field shows it: lists one item per line, nothing for null. */
export function fieldText(value: unknown): string | undefined {
  if (value == null) return undefined;
  if (Array.isArray(value)) return value.map(String).join("\n");
  return String(value as string | number | boolean);
}

/** A checkbox group's chosen values. */
export function fieldList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value == null || value === "" ? [] : [String(value as string | number)];
}

/** A yes/no question's answer from a boolean or the posted "yes"/"no". */
export function yesNoValue(value: unknown): string | undefined {
  return value === true || value === "yes" ? "yes" : value === false || value === "no" ? "no" : undefined;
}

function shownValue(spec: FieldSpec, values: Values): string | string[] | undefined {
  if (spec.value) return spec.value(values);
  const raw = values[spec.name];
  return spec.kind === "checkbox" ? fieldList(raw) : fieldText(raw);
}

/** What a spec passes straight to its component: label or legend, hint, options, widths. */
function ownProps<S extends FieldSpec>(spec: S): Omit<S, "kind" | "name" | "value"> {
  const { kind: _kind, name: _name, value: _value, ...props } = spec;
  return props;
}

export function FieldTable({
  fields,
  values,
  error,
  register,
}: {
  fields: readonly FieldSpec[];
  values: Values | undefined;
  error: (name: string) => string | undefined;
  register: UseFormRegister<FieldValues>;
}): ReactNode {
  return fields.map((spec) => {
    if (spec.kind === "date")
      return (
        <DateInput
          key={spec.name}
          name={spec.name}
          legend={spec.legend}
          hint={spec.hint}
          error={error(spec.name)}
          register={register}
          values={dateInputValues(spec.name, values)}
        />
      );
    const value = shownValue(spec, values ?? {});
    const common = { name: spec.name, error: error(spec.name), registered: register(spec.name) };
    const single = Array.isArray(value) ? value.join("\n") : value;
    switch (spec.kind) {
      case "text":
        return <TextField key={spec.name} {...common} {...ownProps(spec)} defaultValue={single} />;
      case "textarea":
        return <TextareaField key={spec.name} {...common} {...ownProps(spec)} defaultValue={single} />;
      case "select":
        return <SelectField key={spec.name} {...common} {...ownProps(spec)} defaultValue={single} />;
      case "radio":
      case "checkbox":
        return <ChoiceField key={spec.name} {...common} {...ownProps(spec)} type={spec.kind} defaultValue={value} />;
    }
  });
}
