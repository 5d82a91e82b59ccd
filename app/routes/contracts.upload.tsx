import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CsvColumnsHelp, CsvFileField, CsvRowErrors } from "~/components/csv-upload";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { BackLink, LinkParagraph } from "~/components/buying";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { NotificationBanner } from "~/components/supplier-notification-banner";
import { CONTRACT_CSV_COLUMNS } from "~/models/contract.schema";
import { ContractCsvFileError, MAX_CONTRACT_CSV_BYTES, MAX_CONTRACT_CSV_ROWS, validateContractCsv } from "~/models/contract-csv";
import { addCouncilContractsFromCsv } from "~/models/contract.server";
import { requireCouncilBuyer } from "~/auth/council-buyer.server";
import { FAILURE_STATUS, failureErrors } from "~/utils/result";
import { readCsvUpload } from "~/utils/csv-upload.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Upload your council's contracts");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCouncilBuyer(request, "create:contract:own");
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
  const { user, councilId } = await requireCouncilBuyer(request, "create:contract:own", { posting: true });
  const upload = await readCsvUpload(request, MAX_CONTRACT_CSV_BYTES);
  if (!upload.ok) return fileError(upload.message, upload.status);
  let rows;
  try {
    rows = validateContractCsv(upload.text);
  } catch (error) {
    if (error instanceof ContractCsvFileError) return fileError(error.message);
    throw error;
  }
  const result = await addCouncilContractsFromCsv({ id: user.id, councilId, ip: clientIp(context, request) }, rows);
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
  // The body type the action answers with (data() is not inferred through typeof action without the single-fetch type flag).
  const result = useActionData<UploadData>();
  const errors = result?.errors ?? {};
  const report = result?.report ?? null;
  const failed = report?.rows.filter((r) => r.errors.length) ?? [];
  const saved = report ? report.saved.created + report.saved.updated + report.saved.unchanged : 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to="/contracts">Back to the register</BackLink>
        <ErrorSummary errors={errors} labels={{ file: "CSV file" }} />
        <h1 className="govuk-heading-l">Upload your council's contracts</h1>
        {report ? (
          <NotificationBanner id="upload-result" title="Upload result" success={saved > 0}>
            <p className="govuk-notification-banner__heading">
              {saved
                ? `${report.saved.created} added, ${report.saved.updated} updated, ${report.saved.unchanged} unchanged.`
                : `Nothing was saved: ${failed.length} ${failed.length === 1 ? "row has" : "rows have"} errors. Fix them in your file and upload it again.`}
            </p>
            <LinkParagraph to="/contracts">Go to the register</LinkParagraph>
          </NotificationBanner>
        ) : null}
        <CsvRowErrors rows={report?.rows.map((r) => ({ ...r, name: r.reference })) ?? []} nameHeading="Reference" />
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
          <SubmitButton>Upload and check</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
