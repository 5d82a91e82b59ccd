import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CsvColumnsHelp, CsvFileField } from "~/components/csv-upload";
import { unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary } from "~/components/forms";
import { listListableLots } from "~/models/award.server";
import { CSV_COLUMNS, CsvFileError, MAX_CSV_BYTES, MAX_CSV_ROWS, validateListingCsv, type RowResult } from "~/models/listing-csv";
import { importListingDrafts } from "~/models/listing.server";
import { now } from "~/utils/clock.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { forbidden, requireUserWithPermission } from "~/auth/permissions.server";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Import listings from a CSV file");
export const handle = { title: "Import listings from a CSV file" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:product:own");
  if (!user.supplierId) throw forbidden();
  return null;
}

type ActionData =
  { errors: Record<string, string[]> } | { errors?: undefined; mode: "valid" | "all"; rows: Omit<RowResult, "data">[]; saved: number };

const fail = (field: string, message: string, status = 400) => Response.json({ errors: { [field]: [message] } }, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:product:own");
  if (!user.supplierId) throw forbidden();
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return fail("file", "Upload the file with the form on this page");
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CSV_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return fail("file", `The file must be smaller than ${MAX_CSV_BYTES / 1_000_000} MB`, 413);
    return fail("file", "The upload could not be read. Try again");
  }
  const mode = form.get("mode");
  if (mode !== "valid" && mode !== "all") return fail("mode", "Select what to do if some rows have errors");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fail("file", "Select a CSV file");
  if (
    !/\.csv$/i.test(file.name) ||
    !["text/csv", "application/vnd.ms-excel", "text/plain", "application/octet-stream", ""].includes(file.type)
  ) {
    return fail("file", "The selected file must be a CSV");
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) return fail("file", "The selected file must be a CSV: this one looks like a spreadsheet or other binary file");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("file", "The selected file must be saved as CSV UTF-8");
  }
  const lots = await listListableLots(user.supplierId, now());
  const byCode = new Map(lots.map((l) => [`${l.agreementNumber}/${l.lotNumber}`.toLowerCase(), l.id]));
  let rows: RowResult[];
  try {
    rows = validateListingCsv(text, (code) => byCode.get(code.toLowerCase()) ?? null);
  } catch (error) {
    if (error instanceof CsvFileError) return fail("file", error.message);
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
  return Response.json({ mode, saved, rows: rows.map(({ data: _data, ...r }) => r) }, { status: anyErrors ? 422 : 200 });
}

export default function ImportListings() {
  const result = useActionData() as ActionData | undefined;
  const errors = result?.errors ?? {};
  const report = result && !result.errors ? result : null;
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
        {failed.length ? (
          <TableContainer label="Rows with errors">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Rows with errors</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Row
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Listing
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
        ) : null}
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
