// GOV.UK form components with accessible error handling, plus a hook that adds
// react-hook-form validation (same zod schema as the server) on top of a real <Form>.
import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldValues, type UseFormRegister } from "react-hook-form";
import type { ZodTypeAny } from "zod";
import { echoedText, type EchoedValues } from "~/utils/forms";

export type FieldErrors = Record<string, string[] | undefined>;

export function fieldId(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, "-");
}

export function ErrorSummary({ errors, labels = {} }: { errors: FieldErrors; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(([, messages]) => messages && messages.length);
  const key = entries.map(([k, m]) => `${k}:${m?.join()}`).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  // GOV.UK: a page showing errors has "Error: " before its title. The root puts it there for
  // errors from the server; this covers errors found in the browser (react-hook-form).
  useEffect(() => {
    if (!key || document.title.startsWith("Error: ")) return;
    document.title = `Error: ${document.title}`;
    return () => {
      if (document.title.startsWith("Error: ")) document.title = document.title.slice("Error: ".length);
    };
  }, [key]);
  if (!entries.length) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([name, messages]) => (
              <li key={name}>
                {name === "form" ? (
                  messages![0]
                ) : (
                  <a href={`#${fieldId(name)}`} data-label={labels[name]}>
                    {messages![0]}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  if (!hint) return null;
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  );
}

function formGroupClass(error?: string): string {
  return `govuk-form-group${error ? " govuk-form-group--error" : ""}`;
}

type Registered = Partial<ReturnType<UseFormRegister<FieldValues>>>;

interface BaseFieldProps {
  name: string;
  /** The control's id when one page repeats the field (one form per row): defaults to the name's. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  registered?: Registered;
  labelIsHeading?: boolean;
}

/** The control's id: the one given, else the name's. */
function controlId(field: BaseFieldProps): string {
  return field.id ?? fieldId(field.name);
}

/** The attributes every labelled control shares: id, name, what describes it, its error state and react-hook-form's registration. */
function controlProps(field: BaseFieldProps) {
  const { name, hint, error, registered } = field;
  const id = controlId(field);
  return {
    id,
    name,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
    ...registered,
  };
}

/** The GOV.UK form group around one labelled control: label, hint and error message. */
function LabelledGroup({ field, children }: { field: BaseFieldProps; children: ReactNode }) {
  const { label, hint, error, labelIsHeading } = field;
  const id = controlId(field);
  const labelEl = (
    <label className={`govuk-label${labelIsHeading ? " govuk-label--l" : ""}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={formGroupClass(error)}>
      {labelIsHeading ? <h1 className="govuk-label-wrapper">{labelEl}</h1> : labelEl}
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} message={error} />
      {children}
    </div>
  );
}

/**
 * The GOV.UK form group around a set of controls (radios, checkboxes, a date): fieldset,
 * legend (the page's h1 on a one-question page), hint and error message. `id` is the first
 * control's, which the hint and error take theirs from.
 */
export function FieldsetGroup({
  id,
  legend,
  hint,
  error,
  legendIsHeading,
  role,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  legendIsHeading?: boolean;
  /** "group" for a date input (GOV.UK's markup), none for radios and checkboxes. */
  role?: "group";
  children: ReactNode;
}) {
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendIsHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--s"}`}>
          {legendIsHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} message={error} />
        {children}
      </fieldset>
    </div>
  );
}

export type TextFieldProps = BaseFieldProps & {
  type?: string;
  defaultValue?: string | number | null;
  autoComplete?: string;
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30";
  inputMode?: "numeric" | "decimal" | "email" | "text" | "url";
  spellCheck?: boolean;
  prefix?: string;
  suffix?: string;
};

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  width,
  inputMode,
  spellCheck,
  prefix,
  suffix,
  ...field
}: TextFieldProps) {
  const input = (
    <input
      className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${field.error ? " govuk-input--error" : ""}`}
      type={type}
      defaultValue={defaultValue ?? undefined}
      autoComplete={autoComplete}
      inputMode={inputMode}
      spellCheck={spellCheck}
      {...controlProps(field)}
    />
  );
  return (
    <LabelledGroup field={field}>
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix ? (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          ) : null}
          {input}
          {suffix ? (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          ) : null}
        </div>
      ) : (
        input
      )}
    </LabelledGroup>
  );
}

/** GOV.UK's email address pattern: an email input the browser can fill in, not spell-checked. */
export function EmailField(props: Omit<TextFieldProps, "type" | "autoComplete" | "spellCheck">) {
  return <TextField type="email" autoComplete="email" spellCheck={false} {...props} />;
}

/** GOV.UK's names pattern: one box for the full name, filled in by the browser, not spell-checked. */
export function NameField(props: Omit<TextFieldProps, "autoComplete" | "spellCheck">) {
  return <TextField autoComplete="name" spellCheck={false} {...props} />;
}

export function TextareaField({ defaultValue, rows = 5, ...field }: BaseFieldProps & { defaultValue?: string | null; rows?: number }) {
  return (
    <LabelledGroup field={field}>
      <textarea
        className={`govuk-textarea${field.error ? " govuk-textarea--error" : ""}`}
        rows={rows}
        defaultValue={defaultValue ?? undefined}
        {...controlProps(field)}
      />
    </LabelledGroup>
  );
}

export function SelectField({
  options,
  defaultValue,
  ...field
}: BaseFieldProps & { options: { value: string; label: string }[]; defaultValue?: string | null }) {
  return (
    <LabelledGroup field={field}>
      <select
        className={`govuk-select${field.error ? " govuk-select--error" : ""}`}
        defaultValue={defaultValue ?? ""}
        {...controlProps(field)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledGroup>
  );
}

export function ChoiceField({
  type,
  name,
  legend,
  hint,
  error,
  registered,
  options,
  defaultValue,
  legendIsHeading,
  inline,
  small,
}: {
  type: "radio" | "checkbox";
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  registered?: Registered;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string | string[] | null;
  legendIsHeading?: boolean;
  inline?: boolean;
  small?: boolean;
}) {
  const id = fieldId(name);
  const selected = new Set(Array.isArray(defaultValue) ? defaultValue : defaultValue ? [defaultValue] : []);
  const kind = type === "radio" ? "radios" : "checkboxes";
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error} legendIsHeading={legendIsHeading}>
      <div
        className={`govuk-${kind}${inline ? ` govuk-${kind}--inline` : ""}${small ? ` govuk-${kind}--small` : ""}`}
        data-module={`govuk-${kind}`}
      >
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i + 1}`;
          return (
            <div className={`govuk-${kind}__item`} key={o.value}>
              <input
                className={`govuk-${kind}__input`}
                id={optionId}
                name={name}
                type={type}
                value={o.value}
                defaultChecked={selected.has(o.value)}
                aria-describedby={o.hint ? `${optionId}-item-hint` : undefined}
                {...registered}
              />
              <label className={`govuk-label govuk-${kind}__label`} htmlFor={optionId}>
                {o.label}
              </label>
              {o.hint ? (
                <div id={`${optionId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                  {o.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}

type SubmitButtonProps = {
  children: ReactNode;
  variant?: "secondary" | "warning";
  /** Extra classes, e.g. a margin override. */
  className?: string;
  /** Posted as name="intent" with this value, where one action tells its buttons apart that way. */
  intent?: string;
};

/** The GOV.UK button that submits its form; `variant` for a secondary or warning action. */
export function SubmitButton({ children, variant, className, intent }: SubmitButtonProps) {
  const classes = ["govuk-button", variant ? `govuk-button--${variant}` : null, className].filter(Boolean).join(" ");
  return (
    <button type="submit" name={intent ? "intent" : undefined} value={intent} className={classes} data-module="govuk-button">
      {children}
    </button>
  );
}

/** GOV.UK's button group: the submit button, then a Cancel link back to `cancelTo` that saves nothing. */
export function SubmitOrCancel({ cancelTo, ...button }: SubmitButtonProps & { cancelTo: string }) {
  return (
    <div className="govuk-button-group">
      <SubmitButton {...button} />
      <Link className="govuk-link" to={cancelTo}>
        Cancel
      </Link>
    </div>
  );
}

/**
 * Progressive enhancement for a Remix <Form>: with JavaScript, react-hook-form validates
 * with the same zod schema the server uses and only submits valid data; without it, the
 * form posts normally and the server answers with the same messages.
 */
export function useZodForm<S extends ZodTypeAny>(schema: S, serverErrors: FieldErrors | undefined, serverValues?: EchoedValues) {
  const submit = useSubmit();
  // The error summary takes focus (GOV.UK pattern), not the first invalid field.
  const form = useForm({
    resolver: zodResolver(schema),
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldUseNativeValidation: false,
    shouldFocusError: false,
  });
  const clientErrors: FieldErrors = {};
  for (const [key, value] of Object.entries(flattenErrors(form.formState.errors))) clientErrors[key] = [value];
  const errors = Object.keys(clientErrors).length ? clientErrors : (serverErrors ?? {});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // Save-as-draft and other secondary buttons skip client validation; the server decides.
    if (submitter?.dataset.skipValidation === "true") return;
    void form.handleSubmit(() => submit(submitter ?? formElement, { method: "post" }))(event);
  };
  const error = (name: string) => errors[name]?.[0];
  /**
   * What a field component needs for one schema field, to spread into it: its name, error,
   * registration and the text the server echoed back (passwords never are):
   * `<TextField {...field("email")} label="Email address" />`.
   */
  const field = (name: string) => ({
    name,
    error: error(name),
    registered: form.register(name),
    defaultValue: echoedText(serverValues?.[name]),
  });
  /** What a FieldTable needs for the whole form: `<FieldTable fields={QUESTIONS} {...table} />`. */
  const table = { values: serverValues, error, register: form.register };
  return { register: form.register, errors, onSubmit, error, field, table };
}

function flattenErrors(errors: object, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === "string") out[path] = (value as { message: string }).message;
    else if (key !== "ref") Object.assign(out, flattenErrors(value as object, path));
  }
  return out;
}
