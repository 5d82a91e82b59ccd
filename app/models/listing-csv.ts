// CSV bulk import of listings: the documented columns, each row validated with the same
// zod schema as the listing form, errors reported by row and column.
import { parse } from "csv-parse/sync";
import { listingSchema, type ListingInput } from "./listing.schema";

export const CSV_COLUMNS = [
  { column: "name", field: "name", help: "Listing name (up to 100 characters)" },
  { column: "summary", field: "summary", help: "One or two sentences (up to 300 characters)" },
  { column: "description", field: "description", help: "Up to 4,000 characters" },
  { column: "category", field: "category", help: "One of the categories on the listing form" },
  { column: "features", field: "features", help: "Up to 10, separated by |" },
  { column: "benefits", field: "benefits", help: "Up to 10, separated by |" },
  { column: "price_from", field: "priceFrom", help: "Starting price in pounds, e.g. 12.50" },
  { column: "price_unit", field: "priceUnit", help: "e.g. per user per month" },
  { column: "vat_included", field: "vatIncluded", help: "yes or no" },
  { column: "free_trial", field: "freeTrial", help: "yes or no" },
  { column: "pricing_document_url", field: "pricingDocumentUrl", help: "Optional, https://" },
  { column: "lots", field: "lotIds", help: "Framework lots as AGREEMENT/LOT separated by |, e.g. RM1557.15/2a" },
  { column: "data_location", field: "dataLocation", help: "UK, EEA or other" },
  { column: "security", field: "security", help: "Any of cyber-essentials, cyber-essentials-plus, iso-27001, other, separated by |" },
  { column: "accessibility_statement_url", field: "accessibilityStatementUrl", help: "https://" },
  { column: "standards", field: "standards", help: "Optional, separated by |" },
  { column: "integrations", field: "integrations", help: "Optional, separated by |" },
] as const;

export const MAX_CSV_BYTES = 1_000_000;
export const MAX_CSV_ROWS = 500;

export type RowResult = { row: number; name: string; errors: { column: string; message: string }[]; data?: ListingInput };

export function csvTemplate(): string {
  const header = CSV_COLUMNS.map((c) => c.column).join(",");
  const example = [
    "Planning Portal Connect",
    "Lets residents submit and track planning applications online.",
    "A cloud service for planning and building control teams.",
    "Planning and building control",
    "Online application forms|Case tracking|Public comments",
    "Fewer phone calls|Faster decisions",
    "450",
    "per instance per month",
    "no",
    "yes",
    "",
    "RM1557.15/2a",
    "UK",
    "cyber-essentials-plus|iso-27001",
    "https://example.co.uk/accessibility",
    "GOV.UK Design System|OpenAPI 3",
    "GOV.UK Notify|REST API",
  ].map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v));
  return `${header}\n${example.join(",")}\n`;
}

const split = (v: string | undefined) =>
  (v ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

export class CsvFileError extends Error {}

/**
 * Parses and validates every row. `lotIdFor` maps "RM1557.15/2a" to a lot id the supplier
 * may list on (or null).
 */
export function validateListingCsv(text: string, lotIdFor: (code: string) => string | null): RowResult[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
      trim: true,
      relax_quotes: false,
    });
  } catch (error) {
    throw new CsvFileError(`The file is not valid CSV: ${(error as Error).message.slice(0, 200)}`);
  }
  if (!records.length) throw new CsvFileError("The file has no listings in it: add one row for each listing below the header row");
  const headers = Object.keys(records[0]);
  const missing = CSV_COLUMNS.filter((c) => !headers.includes(c.column)).map((c) => c.column);
  if (missing.length)
    throw new CsvFileError(`The file is missing these columns: ${missing.join(", ")}. Download the template to see the columns`);
  if (records.length > MAX_CSV_ROWS)
    throw new CsvFileError(`The file has ${records.length} rows: import ${MAX_CSV_ROWS} or fewer at a time`);

  return records.map((record, i) => {
    const row = i + 2; // the header is row 1
    const errors: { column: string; message: string }[] = [];
    const lotCodes = split(record.lots);
    const lotIds: string[] = [];
    for (const code of lotCodes) {
      const id = lotIdFor(code);
      if (id) lotIds.push(id);
      else
        errors.push({ column: "lots", message: `${code} is not a lot your organisation holds a verified award on, on a live framework` });
    }
    const input = {
      name: record.name,
      summary: record.summary,
      description: record.description,
      category: record.category,
      features: split(record.features),
      benefits: split(record.benefits),
      priceFrom: record.price_from,
      priceUnit: record.price_unit,
      vatIncluded: (record.vat_included ?? "").toLowerCase(),
      freeTrial: (record.free_trial ?? "").toLowerCase(),
      pricingDocumentUrl: record.pricing_document_url ?? "",
      lotIds: errors.length ? lotIds.concat("invalid") : lotIds,
      dataLocation: record.data_location,
      security: split(record.security),
      accessibilityStatementUrl: record.accessibility_statement_url ?? "",
      standards: split(record.standards),
      integrations: split(record.integrations),
    };
    const parsed = listingSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        const column = CSV_COLUMNS.find((c) => c.field === field)?.column ?? field;
        if (column === "lots" && errors.some((e) => e.column === "lots")) continue;
        errors.push({ column, message: issue.message });
      }
    }
    return { row, name: record.name || "(no name)", errors, data: errors.length || !parsed.success ? undefined : parsed.data };
  });
}
