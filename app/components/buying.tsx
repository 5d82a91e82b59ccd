// GOV.UK pieces that app/components/forms.tsx does not have, first written for the buying-route
// guide and buying projects and used across the portal: back link, a paragraph that is one
// link, lists of links and of sentences, summary list, task list and tags (the one date input
// is app/components/date-input.tsx).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

/** A paragraph that is only a link: "Back to sign in", "Go to the project". */
export function LinkParagraph({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={to}>
        {children}
      </Link>
    </p>
  );
}

/** Links, one a line, each followed by a short note in small print: "Title (Service area)". */
export function LinkList({
  items,
  empty,
  className,
  children,
}: {
  items: { key: string; to: string; text: ReactNode; note: ReactNode }[];
  /** Said in a paragraph instead of the list when there are no links. */
  empty?: ReactNode;
  /** Extra classes for the list, e.g. a margin. */
  className?: string;
  /** Items after the links, such as "and 3 more". */
  children?: ReactNode;
}) {
  if (!items.length && empty !== undefined) return <p className="govuk-body">{empty}</p>;
  return (
    <ul className={className ? `govuk-list ${className}` : "govuk-list"}>
      {items.map((item) => (
        <li key={item.key}>
          <Link className="govuk-link" to={item.to}>
            {item.text}
          </Link>{" "}
          <span className="govuk-body-s">{item.note}</span>
        </li>
      ))}
      {children}
    </ul>
  );
}

/** A bulleted list of sentences: reasons, steps, problems with a search. */
export function BulletList({ items }: { items: readonly string[] }) {
  return (
    <ul className="govuk-list govuk-list--bullet">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export function SummaryList({
  rows,
  noBorder,
}: {
  rows: { key: ReactNode; value: ReactNode; action?: { href: string; label: string; hidden: string } }[];
  noBorder?: boolean;
}) {
  // As GOV.UK's macro: a row without actions is marked only when another row has some, so its
  // value lines up with theirs (the modifier adds an empty cell on wider screens).
  const anyActions = rows.some((row) => row.action);
  return (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}`}>
      {rows.map((row, i) => (
        <div className={`govuk-summary-list__row${anyActions && !row.action ? " govuk-summary-list__row--no-actions" : ""}`} key={i}>
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
