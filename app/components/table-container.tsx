import type { ReactNode } from "react";

/**
 * A table that is wider than the screen scrolls inside this container instead of squeezing
 * its words or pushing the page sideways (WCAG 1.4.10 allows two-dimensional content to
 * scroll). The container is a named region that takes keyboard focus, so someone without a
 * mouse can scroll it with the arrow keys; name it after the table's caption.
 */
export function TableContainer({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A scrolling region must be reachable by keyboard (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="app-table-container" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
