// What the listing and contract CSV imports share about the file itself: the downloadable
// template (header row and one example row) and reading the upload into a table, where a file
// that is not valid CSV becomes the import's own file error (shown against the upload field).
import { CsvFormatError, readCsvTable, type CsvTable } from "./csv-records";

/** The header row from the documented columns, then one example row, quoted where CSV needs it. */
export function csvTemplateOf(columns: readonly { column: string }[], example: readonly string[]): string {
  const header = columns.map((c) => c.column).join(",");
  const row = example.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v));
  return `${header}\n${row.join(",")}\n`;
}

/** The upload as a table; a CSV format problem is thrown as `FileError` with the same message. */
export function readCsvFile(text: string, FileError: new (message: string) => Error): CsvTable {
  try {
    return readCsvTable(text);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new FileError(error.message);
    throw error;
  }
}
