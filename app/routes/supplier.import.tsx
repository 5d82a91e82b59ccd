import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CsvColumnsHelp, CsvFileField, CsvRowErrors } from "~/components/csv-upload";
import { data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary } from "~/components/forms";
import { listListableLots } from "~/models/award.server";
import { CSV_COLUMNS, CsvFileError, MAX_CSV_BYTES, MAX_CSV_ROWS, validateListingCsv, type RowResult } from "~/models/listing-csv";
import { importListingDrafts } from "~/models/listing.server";
import { now } from "~/utils/clock.server";
import { readCsvUpload } from "~/utils/csv-upload.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { forbidden, requireUserWithPermission } from "~/auth/permissions.server";

export const meta: MetaFunction = () => pageTitle("Import listings from a CSV file");
export const handle = { title: "Import listings from a CSV file" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:product:own");
  if (!user.supplierId) throw forbidden();
  return null;
}

/** A refused file has errors and no mode; a checked file has its mode, each row's problems and how many were saved. */
type ImportData = { errors: Record<string, string[]>; mode: "valid" | "all" | null; rows: Omit<RowResult, "data">[]; saved: number };

const answer = (body: ImportData, status: number) => data<ImportData>(body, { status });
const fieldError = (field: string, message: string, status = 400) =>
  answer({ errors: { [field]: [message] }, mode: null, rows: [], saved: 0 }, status);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:product:own");
  if (!user.supplierId) throw forbidden();
  const upload = await readCsvUpload(request, MAX_CSV_BYTES);
  if (!upload.ok) return fieldError("file", upload.message, upload.status);
  const mode = upload.form.get("mode");
  if (mode !== "valid" && mode !== "all") return fieldError("mode", "Select what to do if some rows have errors");
  const lots = await listListableLots(user.supplierId, now());
  const codes = lots.map((l) => `${l.agreementNumber}/${l.lotNumber}`);
  const byCode = new Map(lots.map((l, i) => [codes[i].toLowerCase(), l.id]));
  let rows: RowResult[];
  try {
    rows = validateListingCsv(upload.text, (code) => byCode.get(code.toLowerCase()) ?? null, codes);
  } catch (error) {
    if (error instanceof CsvFileError) return fieldError("file", error.message);
    throw error;
  }
  const valid = rows.filter((r) => r.data);
  const anyErrors = rows.some((r) => r.errors.length);
  let saved = 0;
  if (valid.length && (mode === "valid" || !anyErrors)) {
    const ids = await importListingDrafts({
      supplierId: user.supplierId,
      userId: user.id,
      rows: valid.map((r) => r.data!),
      ip: clientIp(context, request),
    });
    saved = ids.length;
  }
  return answer({ errors: {}, mode, saved, rows: rows.map(({ data: _data, ...r }) => r) }, anyErrors ? 422 : 200);
}

export default function ImportListings() {
  // The body type the action answers with (data() is not inferred through typeof action without the single-fetch type flag).
  const result = useActionData<ImportData>();
  const errors = result?.errors ?? {};
  const report = result?.mode ? result : null;
  const failed = report?.rows.filter((r) => r.errors.length) ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link className="govuk-back-link" to="/supplier">
          Back to your dashboard
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Import listings from a CSV file</h1>
        {report ? (
          <div
            className={`govuk-notification-banner${report.saved ? " govuk-notification-banner--success" : ""}`}
            role="region"
            aria-labelledby="import-result"
          >
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="import-result">
                Import result
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                {report.saved
                  ? `${report.saved} ${report.saved === 1 ? "listing was" : "listings were"} saved as drafts.`
                  : failed.length && report.mode === "all"
                    ? "Nothing was saved, because some rows have errors and you chose to save all rows or none."
                    : "Nothing was saved."}
              </p>
              {failed.length ? (
                <p className="govuk-body">
                  {failed.length} {failed.length === 1 ? "row has" : "rows have"} errors. Fix them in your file and upload it again.
                </p>
              ) : null}
              <p className="govuk-body">
                <Link className="govuk-link" to="/supplier">
                  Go to your listings
                </Link>
              </p>
            </div>
          </div>
        ) : null}
        <CsvRowErrors rows={report?.rows ?? []} nameHeading="Listing" />
        <p className="govuk-body">
          Each row becomes a draft listing that you can check and submit for review. Use the{" "}
          <a className="govuk-link" href="/supplier/import/template.csv" download>
            CSV template
          </a>{" "}
          (one example row). Files must be CSV (UTF-8), {MAX_CSV_BYTES / 1_000_000} MB or smaller, with at most {MAX_CSV_ROWS} rows.
        </p>
        <CsvColumnsHelp columns={CSV_COLUMNS} />
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsvFileField error={errors.file?.[0]} />
          <div className={`govuk-form-group${errors.mode ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" aria-describedby={errors.mode ? "mode-error" : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">If some rows have errors</legend>
              {errors.mode ? (
                <p id="mode-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {errors.mode[0]}
                </p>
              ) : null}
              <div className="govuk-radios" data-module="govuk-radios">
                <div className="govuk-radios__item">
                  <input className="govuk-radios__input" id="mode" name="mode" type="radio" value="valid" defaultChecked />
                  <label className="govuk-label govuk-radios__label" htmlFor="mode">
                    Save the rows without errors as drafts
                  </label>
                </div>
                <div className="govuk-radios__item">
                  <input className="govuk-radios__input" id="mode-2" name="mode" type="radio" value="all" />
                  <label className="govuk-label govuk-radios__label" htmlFor="mode-2">
                    Save nothing unless every row is correct
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Upload and check
          </button>
        </Form>
      </div>
    </div>
  );
}
