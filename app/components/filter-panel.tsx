// The search filters (issue 18 item 2), after the MOJ filter pattern: on a wide screen they sit
// beside the results; on a narrow one, with JavaScript, they fold away behind a "Show filters"
// button so the results come first. Without JavaScript there is no button and the filters are
// always shown: the panel is only part of the surrounding plain GET form.
import { useEffect, useId, useState, type ReactNode } from "react";

export function FilterPanel({ children, heading = "Filter" }: { children: ReactNode; heading?: string }) {
  // The button exists only once React runs (the server renders none), so no-JS pages keep every filter.
  const [enhanced, setEnhanced] = useState(false);
  const [open, setOpen] = useState(false);
  const id = useId();
  useEffect(() => setEnhanced(true), []);
  return (
    <div className={`cm-filter-panel${enhanced && !open ? " cm-filter-panel--closed" : ""}`}>
      {enhanced ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary cm-filter-panel__toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide filters" : "Show filters"}
        </button>
      ) : null}
      <div id={id} className="cm-filter-panel__content">
        <h2 className="govuk-heading-m">{heading}</h2>
        {children}
      </div>
    </div>
  );
}
