import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CsvColumnsHelp, CsvFileField, CsvRowErrors } from "~/components/csv-upload";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Form } from "~/components/form";
import { BackLink, LinkParagraph } from "~/components/buying";
import { ChoiceField, ErrorSummary, SubmitButton } from "~/components/forms";
import { NotificationBanner } from "~/components/supplier-notification-banner";
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

const MODE_OPTIONS = [
  { value: "valid", label: "Save the rows without errors as drafts" },
  { value: "all", label: "Save nothing unless every row is correct" },
];

export default function ImportListings() {
  // The body type the action answers with (data() is not inferred through typeof action without the single-fetch type flag).
  const result = useActionData<ImportData>();
  const errors = result?.errors ?? {};
  const report = result?.mode ? result : null;
  const failed = report?.rows.filter((r) => r.errors.length) ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to="/supplier">Back to your dashboard</BackLink>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Import listings from a CSV file</h1>
        {report ? (
          <NotificationBanner id="import-result" title="Import result" success={report.saved > 0}>
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
            <LinkParagraph to="/supplier">Go to your listings</LinkParagraph>
          </NotificationBanner>
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
          <ChoiceField
            type="radio"
            name="mode"
            legend="If some rows have errors"
            error={errors.mode?.[0]}
            options={MODE_OPTIONS}
            defaultValue="valid"
          />
          <SubmitButton>Upload and check</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
