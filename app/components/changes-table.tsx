import type { ReactNode } from "react";
import { DataTable } from "./data-table";

// One "what changed" table for the review pages (a case study, a listing version) and the
// case-study form's stale-edit conflict: a question per row, its earlier and current answers,
// and changed answers marked in words (the "Changed" tag) as well as by colour.
export interface ChangeRow {
  key: string;
  label: ReactNode;
  before?: ReactNode;
  after: ReactNode;
  changed: boolean;
}

export function ChangesTable({
  caption,
  rows,
  compared,
  headers,
  captionSize,
  showTag = compared,
}: {
  caption: string;
  rows: ChangeRow[];
  /** false: one answer column only (nothing to compare with). */
  compared: boolean;
  headers: { question: string; before: string; after: string };
  captionSize?: "s" | "m";
  /** The "Changed" tag beside the question (left off where every row has changed). */
  showTag?: boolean;
}) {
  const marked = (r: ChangeRow, className: string, content: ReactNode) =>
    compared && r.changed ? <div className={className}>{content}</div> : content;
  return (
    <DataTable
      caption={caption}
      captionSize={captionSize}
      rows={rows}
      rowKey={(r) => r.key}
      columns={[
        {
          header: headers.question,
          rowHeader: true,
          cell: (r) => (
            <>
              {r.label}
              {showTag && r.changed ? (
                <>
                  <br />
                  <strong className="govuk-tag govuk-tag--yellow">Changed</strong>
                </>
              ) : null}
            </>
          ),
        },
        compared && { header: headers.before, cell: (r: ChangeRow) => marked(r, "cm-diff-removed", r.before) },
        { header: headers.after, cell: (r) => marked(r, "cm-diff-added", r.after) },
      ]}
    />
  );
}
