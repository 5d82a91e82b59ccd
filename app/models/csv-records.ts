// Reads a CSV file the way spreadsheet programs write it (RFC 4180: quoted values may hold
// commas, quotes and line breaks; CRLF or LF line ends; an optional UTF-8 byte-order mark;
// blank rows anywhere). Shared by the listings import and the contracts upload. Pure and
// dependency-free, so the pages that show the columns do not pull a Node-only parser into the
// browser bundle (issue 18).

/** A problem with one row or one value, named by the column a person sees in their spreadsheet. */
export type CsvCellError = { column: string; message: string };

/** One data row: its number as a spreadsheet shows it (the header is row 1) and its values by column. */
export type CsvRow = { row: number; values: Record<string, string>; shapeError?: CsvCellError };

export type CsvTable = { columns: string[]; rows: CsvRow[] };

export class CsvFormatError extends Error {}

/** The column name used for problems that belong to the whole row rather than one value. */
export const WHOLE_ROW = "whole row";

/** Splits the text into records of raw values, each with its spreadsheet row number. */
function records(text: string): { row: number; values: string[] }[] {
  const out: { row: number; values: string[] }[] = [];
  let values: string[] = [];
  let value = "";
  let quoted = false;
  let row = 1;
  let rowStart = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    values.push(value);
    out.push({ row: rowStart, values });
    values = [];
    value = "";
    row += 1;
    rowStart = row;
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          value += '"';
          i++;
        } else quoted = false;
      } else value += ch;
      continue;
    }
    if (ch === '"' && value.trim() === "") {
      // An opening quote (spaces before it are padding, as spreadsheets never write them).
      value = "";
      quoted = true;
    } else if (ch === ",") {
      values.push(value);
      value = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else value += ch;
  }
  if (quoted)
    throw new CsvFormatError(
      `A quoted value that starts on row ${rowStart} has no closing quote mark ("). Check that row, or save the file from your spreadsheet program again`,
    );
  if (value !== "" || values.length) endRecord();
  return out;
}

/**
 * The header (trimmed, lower case) and the data rows, values trimmed. Blank rows (including
 * rows of empty cells, as spreadsheets export them) are skipped but still counted, so row
 * numbers match the spreadsheet. A row with more or fewer values than the header gets a
 * plain-English `shapeError` instead of failing the file.
 */
export function readCsvTable(text: string): CsvTable {
  const all = records(text).filter((r) => r.values.some((v) => v.trim() !== ""));
  if (!all.length) return { columns: [], rows: [] };
  const [header, ...data] = all;
  const columns = header.values.map((c) => c.trim().toLowerCase());
  const rows = data.map(({ row, values }): CsvRow => {
    const byColumn: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c && !(c in byColumn)) byColumn[c] = (values[i] ?? "").trim();
    });
    if (values.length === columns.length) return { row, values: byColumn };
    const hint = values.length > columns.length ? "check for an unquoted comma" : "check for a missing comma or a value left out";
    return {
      row,
      values: byColumn,
      shapeError: {
        column: WHOLE_ROW,
        message: `Row ${row} has ${values.length} ${values.length === 1 ? "value" : "values"} but the header has ${columns.length} columns — ${hint}`,
      },
    };
  });
  return { columns, rows };
}

/** "a, b or c" */
export function listOfChoices(choices: readonly string[]): string {
  if (choices.length <= 1) return choices.join("");
  return `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`;
}

/**
 * The error for a value that must be one of a fixed list, or null when it is one (compared
 * without regard to case). Names the valid values, as a spreadsheet has no drop-down to show them.
 */
export function choiceError(column: string, value: string, choices: readonly string[], what: string): CsvCellError | null {
  if (choices.some((c) => c.toLowerCase() === value.toLowerCase())) return null;
  const start = value === "" ? `Enter ${what}` : `"${value.slice(0, 60)}" is not ${what}`;
  return { column, message: `${start}. Use one of: ${listOfChoices(choices.map((c) => `"${c}"`))}` };
}

/** The choice as the list spells it (so "uk" is read as "UK"), or the value unchanged. */
export function canonicalChoice(value: string, choices: readonly string[]): string {
  return choices.find((c) => c.toLowerCase() === value.toLowerCase()) ?? value;
}
