// GOV.UK pieces used by the buying-route guide and buying projects that
// app/components/forms.tsx does not have: date input, back link, summary list,
// task list and tags.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { UseFormRegister, FieldValues } from "react-hook-form";

type Register = UseFormRegister<FieldValues>;

/**
 * GOV.UK date input. The day box takes the field's own id so the error
 * summary's link (#name) lands on it.
 */
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
  values: { day: string; month: string; year: string };
  register?: Register;
  legendIsHeading?: boolean;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  const parts = [
    { key: "day", label: "Day", width: "2", value: values.day },
    { key: "month", label: "Month", width: "2", value: values.month },
    { key: "year", label: "Year", width: "4", value: values.year },
  ] as const;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className={`govuk-fieldset__legend ${legendIsHeading ? "govuk-fieldset__legend--l" : "govuk-fieldset__legend--s"}`}>
          {legendIsHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={`${name}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${name}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input">
          {parts.map((part, i) => {
            const field = `${name}-${part.key}`;
            const id = i === 0 ? name : field;
            return (
              <div className="govuk-date-input__item" key={part.key}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={id}>
                    {part.label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? " govuk-input--error" : ""}`}
                    id={id}
                    type="text"
                    inputMode="numeric"
                    defaultValue={part.value}
                    {...(register ? register(field) : { name: field })}
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

export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

export function SummaryList({
  rows,
  noBorder,
}: {
  rows: { key: ReactNode; value: ReactNode; action?: { href: string; label: string; hidden: string } }[];
  noBorder?: boolean;
}) {
  return (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}`}>
      {rows.map((row, i) => (
        <div className={`govuk-summary-list__row${row.action ? "" : " govuk-summary-list__row--no-actions"}`} key={i}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.action.href}>
                {row.action.label}
                <span className="govuk-visually-hidden"> {row.action.hidden}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

export type TaskStatus = "not-started" | "in-progress" | "completed" | "cannot-start" | "optional";

const TASK_STATUS: Record<TaskStatus, { label: string; tag: string | null }> = {
  "not-started": { label: "Not yet started", tag: "govuk-tag--blue" },
  "in-progress": { label: "In progress", tag: "govuk-tag--light-blue" },
  completed: { label: "Completed", tag: null },
  "cannot-start": { label: "Cannot start yet", tag: null },
  optional: { label: "Optional", tag: "govuk-tag--grey" },
};

/** GOV.UK task list: each task links to its page unless it cannot start yet. */
export function TaskList({
  id,
  tasks,
}: {
  id: string;
  tasks: { key: string; title: string; href: string; hint?: string; status: TaskStatus }[];
}) {
  return (
    <ul className="govuk-task-list">
      {tasks.map((task) => {
        const status = TASK_STATUS[task.status];
        const statusId = `${id}-${task.key}-status`;
        const hintId = task.hint ? `${id}-${task.key}-hint` : null;
        const linked = task.status !== "cannot-start";
        return (
          <li className={`govuk-task-list__item${linked ? " govuk-task-list__item--with-link" : ""}`} key={task.key}>
            <div className="govuk-task-list__name-and-hint">
              {linked ? (
                <Link
                  className="govuk-link govuk-task-list__link"
                  to={task.href}
                  aria-describedby={[hintId, statusId].filter(Boolean).join(" ")}
                >
                  {task.title}
                </Link>
              ) : (
                <div>{task.title}</div>
              )}
              {task.hint ? (
                <div id={hintId!} className="govuk-task-list__hint">
                  {task.hint}
                </div>
              ) : null}
            </div>
            <div
              className={`govuk-task-list__status${task.status === "cannot-start" ? " govuk-task-list__status--cannot-start-yet" : ""}`}
              id={statusId}
            >
              {status.tag ? <strong className={`govuk-tag ${status.tag}`}>{status.label}</strong> : status.label}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

/** Multi-line text as paragraphs (no CSS needed to keep the officer's line breaks). */
export function Paragraphs({ text, empty, className = "govuk-body" }: { text: string; empty?: string; className?: string }) {
  const parts = text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) return empty ? <p className={className}>{empty}</p> : null;
  return (
    <>
      {parts.map((p, i) => (
        <p className={className} key={i}>
          {p}
        </p>
      ))}
    </>
  );
}
