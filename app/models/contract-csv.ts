// CSV upload of the contracts a council already holds: the documented columns, each row checked
// with the same zod schema as the form, errors reported by row and column (as listing-csv.ts).
import { parse } from "csv-parse/sync";
import { CONTRACT_CSV_COLUMNS, contractInputSchema, type ContractInput } from "./contract.schema";

export const MAX_CONTRACT_CSV_BYTES = 1_000_000;
export const MAX_CONTRACT_CSV_ROWS = 1_000;

export type ContractRowResult = { row: number; reference: string; errors: { column: string; message: string }[]; data?: ContractInput };

export class ContractCsvFileError extends Error {}

export function validateContractCsv(text: string): ContractRowResult[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      trim: true,
    });
  } catch (error) {
    throw new ContractCsvFileError(`The file is not valid CSV: ${(error as Error).message.slice(0, 200)}`);
  }
  if (!records.length)
    throw new ContractCsvFileError("The file has no contracts in it: add one row for each contract below the header row");
  const headers = Object.keys(records[0]);
  const required = ["reference", "title", "supplier_name", "start_date", "end_date", "visibility"];
  const missing = required.filter((c) => !headers.includes(c));
  if (missing.length)
    throw new ContractCsvFileError(`The file is missing these columns: ${missing.join(", ")}. Download the template to see the columns`);
  if (records.length > MAX_CONTRACT_CSV_ROWS)
    throw new ContractCsvFileError(`The file has ${records.length} rows: upload ${MAX_CONTRACT_CSV_ROWS} or fewer at a time`);

  const seen = new Map<string, number>();
  return records.map((record, i) => {
    const row = i + 2; // the header is row 1
    const input = Object.fromEntries(CONTRACT_CSV_COLUMNS.map((c) => [c.field, record[c.column] ?? ""]));
    input.visibility = (input.visibility ?? "").toLowerCase();
    const errors: { column: string; message: string }[] = [];
    const parsed = contractInputSchema.safeParse(input);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        errors.push({ column: CONTRACT_CSV_COLUMNS.find((c) => c.field === field)?.column ?? field, message: issue.message });
      }
    const reference = (record.reference ?? "").trim();
    const key = reference.toLowerCase();
    if (key && seen.has(key))
      errors.push({ column: "reference", message: `The same reference is on row ${seen.get(key)}: each contract needs its own` });
    else if (key) seen.set(key, row);
    return { row, reference: reference || "(no reference)", errors, data: errors.length || !parsed.success ? undefined : parsed.data };
  });
}
