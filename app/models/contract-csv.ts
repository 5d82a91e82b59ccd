// CSV upload of the contracts a council already holds: the documented columns, each row checked
// with the same zod schema as the form, every problem in every row reported by row and column
// in one pass (as listing-csv.ts). The upload saves all rows or none.
import { choiceError, type CsvCellError } from "./csv-records";
import { readCsvFile } from "./csv-file";
import {
  checkContractFields,
  CONTRACT_CSV_COLUMNS,
  contractFieldsSchema,
  contractInputSchema,
  type ContractInput,
} from "./contract.schema";

export const MAX_CONTRACT_CSV_BYTES = 1_000_000;
export const MAX_CONTRACT_CSV_ROWS = 1_000;

export type ContractRowResult = { row: number; reference: string; errors: CsvCellError[]; data?: ContractInput };

export class ContractCsvFileError extends Error {}

const VISIBILITIES = ["public", "private"] as const;

// The rules between fields, run on their own so a row with another wrong value still hears about them.
const crossFieldSchema = contractFieldsSchema
  .pick({ startDate: true, endDate: true, extensions: true, value: true, valueExVat: true })
  .superRefine(checkContractFields);

const columnFor = (field: string) => CONTRACT_CSV_COLUMNS.find((c) => c.field === field)?.column ?? field;

export function validateContractCsv(text: string): ContractRowResult[] {
  const table = readCsvFile(text, ContractCsvFileError);
  if (!table.rows.length)
    throw new ContractCsvFileError("The file has no contracts in it: add one row for each contract below the header row");
  const required = ["reference", "title", "supplier_name", "start_date", "end_date", "visibility"];
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length)
    throw new ContractCsvFileError(`The file is missing these columns: ${missing.join(", ")}. Download the template to see the columns`);
  if (table.rows.length > MAX_CONTRACT_CSV_ROWS)
    throw new ContractCsvFileError(`The file has ${table.rows.length} rows: upload ${MAX_CONTRACT_CSV_ROWS} or fewer at a time`);

  const seen = new Map<string, number>();
  return table.rows.map(({ row, values: record, shapeError }) => {
    const reference = (record.reference ?? "").trim();
    const shown = reference || "(no reference)";
    // Values in the wrong columns would give misleading messages: the row's shape is the one problem.
    if (shapeError) return { row, reference: shown, errors: [shapeError] };
    const input: Record<string, string> = Object.fromEntries(CONTRACT_CSV_COLUMNS.map((c) => [c.field, record[c.column] ?? ""]));
    input.visibility = input.visibility.toLowerCase();
    const errors: CsvCellError[] = [];
    const add = (error: CsvCellError) => {
      if (!errors.some((e) => e.column === error.column && e.message === error.message)) errors.push(error);
    };
    const visibility = choiceError("visibility", input.visibility, VISIBILITIES, "a visibility");
    if (visibility) add(visibility);
    const parsed = contractInputSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnFor(String(issue.path[0]));
        if (column !== "visibility" || !visibility) add({ column, message: issue.message });
      }
      // zod skips the rules between fields once a field is wrong: run them on the fields they read.
      const cross = crossFieldSchema.safeParse(input);
      if (!cross.success) for (const issue of cross.error.issues) add({ column: columnFor(String(issue.path[0])), message: issue.message });
    }
    const key = reference.toLowerCase();
    if (key && seen.has(key))
      add({ column: "reference", message: `The same reference is on row ${seen.get(key)}: each contract needs its own` });
    else if (key) seen.set(key, row);
    return { row, reference: shown, errors, data: errors.length || !parsed.success ? undefined : parsed.data };
  });
}
