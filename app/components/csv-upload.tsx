// The parts every CSV upload page shares (listings import, contracts upload): the columns help,
// the file field with its GOV.UK error message, and the table of rows with errors.
import { SummaryList } from "./buying";
import { DataTable } from "./data-table";

export function CsvColumnsHelp({ columns }: { columns: readonly { column: string; help: string }[] }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">The columns</span>
      </summary>
      <div className="govuk-details__text">
        <SummaryList rows={columns.map((c) => ({ key: c.column, value: c.help }))} />
      </div>
    </details>
  );
}

export function CsvFileField({ error }: { error?: string }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor="file">
        Upload a CSV file
      </label>
      {error ? (
        <p id="file-error" className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
        id="file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        aria-describedby={error ? "file-error" : undefined}
      />
    </div>
  );
}

/** The rows a CSV upload refused: one table row for each problem, named by row number and column. */
export function CsvRowErrors({
  rows,
  nameHeading,
}: {
  rows: readonly { row: number; name: string; errors: readonly { column: string; message: string }[] }[];
  /** What the second column names each row by, e.g. "Listing" or "Reference". */
  nameHeading: string;
}) {
  const problems = rows.flatMap((r) => r.errors.map((e, i) => ({ key: `${r.row}-${i}`, row: r.row, name: r.name, ...e })));
  if (!problems.length) return null;
  return (
    <DataTable
      caption="Rows with errors"
      rows={problems}
      rowKey={(p) => p.key}
      columns={[
        { header: "Row", cell: (p) => p.row },
        { header: nameHeading, cell: (p) => p.name },
        { header: "Column", cell: (p) => p.column },
        { header: "Problem", cell: (p) => p.message },
      ]}
    />
  );
}
