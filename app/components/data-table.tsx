import type { ReactNode } from "react";
import { TableContainer } from "./table-container";

/**
 * One GOV.UK table (issue 11): caption, column headers and rows from one column list, inside the
 * scrolling TableContainer (issue 18), so pages stop hand-writing thead/tbody markup.
 *
 *   <DataTable
 *     caption={`${rows.length} messages`}
 *     rows={rows}
 *     rowKey={(m) => m.id}
 *     columns={[
 *       { header: "To", cell: (m) => m.recipient },
 *       { header: "Value", numeric: true, cell: (m) => formatPounds(m.valuePence) },
 *       { header: "Action", hiddenHeader: true, cell: (m) => <RemoveButton id={m.id} /> },
 *     ]}
 *   />
 */
export interface DataTableColumn<Row> {
  /** The column heading; with hiddenHeader it is read by screen readers only (action columns). */
  header: ReactNode;
  hiddenHeader?: boolean;
  /** Right-aligned numbers (GOV.UK's numeric header and cell classes). */
  numeric?: boolean;
  /** The first column names the row: rendered as a row header (<th scope="row">). */
  rowHeader?: boolean;
  /** Extra classes for the header and cells, e.g. a govuk-!-width-one-quarter. */
  className?: string;
  cell: (row: Row, index: number) => ReactNode;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  /** The scrolling region's accessible name; defaults to the caption when that is text. */
  label?: string;
  /** "m" (default), "s", "l" or "none" to keep the caption for screen readers only. */
  captionSize?: "s" | "m" | "l" | "none";
  columns: Array<DataTableColumn<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Shown in place of the table when there are no rows (the caption is still a heading). */
  empty?: ReactNode;
  className?: string;
}

export function DataTable<Row>({ caption, label, captionSize = "m", columns, rows, rowKey, empty, className }: DataTableProps<Row>) {
  const shown = columns.filter((c): c is DataTableColumn<Row> => Boolean(c));
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const captionClass =
    captionSize === "none" ? "govuk-table__caption govuk-visually-hidden" : `govuk-table__caption govuk-table__caption--${captionSize}`;
  const regionLabel = label ?? (typeof caption === "string" || typeof caption === "number" ? String(caption) : "Table");
  return (
    <TableContainer label={regionLabel}>
      <table className={className ? `govuk-table ${className}` : "govuk-table"}>
        <caption className={captionClass}>{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {shown.map((c, i) => (
              <th key={i} scope="col" className={classes("govuk-table__header", c.numeric && "govuk-table__header--numeric", c.className)}>
                {c.hiddenHeader ? <span className="govuk-visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row, r) => (
            <tr key={rowKey(row, r)} className="govuk-table__row">
              {shown.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={classes("govuk-table__header", c.className)}>
                    {c.cell(row, r)}
                  </th>
                ) : (
                  <td key={i} className={classes("govuk-table__cell", c.numeric && "govuk-table__cell--numeric", c.className)}>
                    {c.cell(row, r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}

function classes(...names: Array<string | false | undefined>): string {
  return names.filter(Boolean).join(" ");
}
