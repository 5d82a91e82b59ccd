// The parts every CSV upload page shares (listings import, contracts upload): the columns help
// and the file field with its GOV.UK error message.
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
