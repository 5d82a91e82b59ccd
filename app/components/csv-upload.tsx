// The parts every CSV upload page shares (listings import, contracts upload): the columns help,
// the file field with its GOV.UK error message, and the table of rows with errors.
import { TableContainer } from "./table-container";

export function CsvColumnsHelp({ columns }: { columns: readonly { column: string; help: string }[] }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">The columns</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list">
          {columns.map((c) => (
            <div className="govuk-summary-list__row" key={c.column}>
              <dt className="govuk-summary-list__key">{c.column}</dt>
              <dd className="govuk-summary-list__value">{c.help}</dd>
            </div>
          ))}
        </dl>
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
  const failed = rows.filter((r) => r.errors.length);
  if (!failed.length) return null;
  return (
    <TableContainer label="Rows with errors">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Rows with errors</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Row
            </th>
            <th scope="col" className="govuk-table__header">
              {nameHeading}
            </th>
            <th scope="col" className="govuk-table__header">
              Column
            </th>
            <th scope="col" className="govuk-table__header">
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {failed.flatMap((r) =>
            r.errors.map((e, i) => (
              <tr className="govuk-table__row" key={`${r.row}-${i}`}>
                <td className="govuk-table__cell">{r.row}</td>
                <td className="govuk-table__cell">{r.name}</td>
                <td className="govuk-table__cell">{e.column}</td>
                <td className="govuk-table__cell">{e.message}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </TableContainer>
  );
}
