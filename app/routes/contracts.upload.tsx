import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CsvColumnsHelp, CsvFileField } from "~/components/csv-upload";
import { data, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, MaxPartSizeExceededError } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary } from "~/components/forms";
import { TableContainer } from "~/components/table-container";
import { CONTRACT_CSV_COLUMNS } from "~/models/contract.schema";
import { ContractCsvFileError, MAX_CONTRACT_CSV_BYTES, MAX_CONTRACT_CSV_ROWS, validateContractCsv } from "~/models/contract-csv";
import { addCouncilContractsFromCsv } from "~/models/contract.server";
import { forbidden, requireUserWithPermission } from "~/auth/permissions.server";
import { requireConfirmedForContracts } from "~/auth/contract-policy.server";
import { FAILURE_STATUS, failureErrors } from "~/utils/result";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Upload your council's contracts");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:contract:own");
  if (!user.councilId) throw forbidden();
  return null;
}

type UploadReport = {
  rows: { row: number; reference: string; errors: { column: string; message: string }[] }[];
  saved: Record<"created" | "updated" | "unchanged", number>;
};
type UploadData = { errors: Record<string, string[]>; report: UploadReport | null };

const answer = (body: UploadData, status: number) => data<UploadData>(body, { status });
const fileError = (message: string, status = 400) => answer({ errors: { file: [message] }, report: null }, status);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:contract:own");
  if (!user.councilId) throw forbidden();
  requireConfirmedForContracts(user);
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data"))
    return fileError("Upload the file with the form on this page");
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_CONTRACT_CSV_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return fileError(`The file must be smaller than ${MAX_CONTRACT_CSV_BYTES / 1_000_000} MB`, 413);
    return fileError("The upload could not be read. Try again");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fileError("Select a CSV file");
  if (!/\.csv$/i.test(file.name)) return fileError("The selected file must be a CSV");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) return fileError("The selected file must be a CSV: this one looks like a spreadsheet or other binary file");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fileError("The selected file must be saved as CSV UTF-8");
  }
  let rows;
  try {
    rows = validateContractCsv(text);
  } catch (error) {
    if (error instanceof ContractCsvFileError) return fileError(error.message);
    throw error;
  }
  const result = await addCouncilContractsFromCsv({ id: user.id, councilId: user.councilId, ip: clientIp(context, request) }, rows);
  if (!result.ok) return answer({ errors: failureErrors(result.failure), report: null }, FAILURE_STATUS[result.failure.kind]);
  const failed = result.value.rows.filter((r) => r.errors.length);
  return answer(
    {
      errors: {},
      report: { rows: result.value.rows.map(({ row, reference, errors }) => ({ row, reference, errors })), saved: result.value.saved },
    },
    failed.length ? 422 : 200,
  );
}

export default function UploadContracts() {
  // The action answers with data(): the body's own type, as supplier.import.tsx reads it.
  const result = useActionData() as UploadData | undefined;
  const errors = result?.errors ?? {};
  const report = result?.report ?? null;
  const failed = report?.rows.filter((r) => r.errors.length) ?? [];
  const saved = report ? report.saved.created + report.saved.updated + report.saved.unchanged : 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link className="govuk-back-link" to="/contracts">
          Back to the register
        </Link>
        <ErrorSummary errors={errors} labels={{ file: "CSV file" }} />
        <h1 className="govuk-heading-l">Upload your council's contracts</h1>
        {report ? (
          <div
            className={`govuk-notification-banner${saved ? " govuk-notification-banner--success" : ""}`}
            role="region"
            aria-labelledby="upload-result"
          >
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="upload-result">
                Upload result
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                {saved
                  ? `${report.saved.created} added, ${report.saved.updated} updated, ${report.saved.unchanged} unchanged.`
                  : `Nothing was saved: ${failed.length} ${failed.length === 1 ? "row has" : "rows have"} errors. Fix them in your file and upload it again.`}
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to="/contracts">
                  Go to the register
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
                    Reference
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
                      <td className="govuk-table__cell">{r.reference}</td>
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
          One row for each contract. Nothing is saved unless every row is right, so you can fix the file and upload it again; a row with a
          reference you uploaded before updates that contract. Use the{" "}
          <a className="govuk-link" href="/contracts/upload/template.csv" download>
            CSV template
          </a>
          . Files must be CSV (UTF-8), {MAX_CONTRACT_CSV_BYTES / 1_000_000} MB or smaller, with at most {MAX_CONTRACT_CSV_ROWS} rows.
        </p>
        <CsvColumnsHelp columns={CONTRACT_CSV_COLUMNS} />
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsvFileField error={errors.file?.[0]} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Upload and check
          </button>
        </Form>
      </div>
    </div>
  );
}
