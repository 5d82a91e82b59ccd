// CSV bulk import of listings: the documented columns, each row validated with the same
// zod schema as the listing form, errors reported by row and column.
import { canonicalChoice, choiceError, listOfChoices } from "./csv-records";
import { csvTemplateOf, readCsvFile } from "./csv-file";
import { DATA_LOCATIONS, LISTING_CATEGORIES, listingSchema, PRICE_UNITS, SECURITY_OPTIONS, type ListingInput } from "./listing.schema";

export const CSV_COLUMNS = [
  { column: "name", field: "name", help: "Listing name (up to 100 characters)" },
  { column: "summary", field: "summary", help: "One or two sentences (up to 300 characters)" },
  { column: "description", field: "description", help: "Up to 4,000 characters" },
  { column: "category", field: "category", help: `One of: ${LISTING_CATEGORIES.join("; ")}` },
  { column: "features", field: "features", help: "Up to 10, separated by |" },
  { column: "benefits", field: "benefits", help: "Up to 10, separated by |" },
  { column: "price_from", field: "priceFrom", help: "Starting price in pounds, e.g. 12.50" },
  { column: "price_unit", field: "priceUnit", help: `One of: ${PRICE_UNITS.join("; ")}` },
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
  return csvTemplateOf(CSV_COLUMNS, [
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
  ]);
}

const split = (v: string | undefined) =>
  (v ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);

export class CsvFileError extends Error {}

const YES_NO = ["yes", "no"] as const;
const DATA_LOCATION_VALUES = DATA_LOCATIONS.map((d) => d.value);
const SECURITY_VALUES = SECURITY_OPTIONS.map((o) => o.value);

/** Columns whose value must come from a fixed list: checked here so the message names the valid values. */
const CHOICE_COLUMNS: { column: string; choices: readonly string[]; what: string }[] = [
  { column: "category", choices: LISTING_CATEGORIES, what: "a category" },
  { column: "price_unit", choices: PRICE_UNITS, what: "a price unit" },
  { column: "vat_included", choices: YES_NO, what: "yes or no for whether the price includes VAT" },
  { column: "free_trial", choices: YES_NO, what: "yes or no for whether there is a free trial" },
  { column: "data_location", choices: DATA_LOCATION_VALUES, what: "a data location" },
];

/**
 * Parses and validates every row, reporting every problem in every row in one pass.
 * `lotIdFor` maps "RM1557.15/2a" to a lot id the supplier may list on (or null);
 * `lotCodes` are the codes it accepts, named in the message for one it does not.
 */
export function validateListingCsv(text: string, lotIdFor: (code: string) => string | null, lotCodes: readonly string[] = []): RowResult[] {
  const table = readCsvFile(text, CsvFileError);
  if (!table.rows.length) throw new CsvFileError("The file has no listings in it: add one row for each listing below the header row");
  const missing = CSV_COLUMNS.filter((c) => !table.columns.includes(c.column)).map((c) => c.column);
  if (missing.length)
    throw new CsvFileError(`The file is missing these columns: ${missing.join(", ")}. Download the template to see the columns`);
  if (table.rows.length > MAX_CSV_ROWS)
    throw new CsvFileError(`The file has ${table.rows.length} rows: import ${MAX_CSV_ROWS} or fewer at a time`);

  return table.rows.map(({ row, values: record, shapeError }) => {
    const name = record.name || "(no name)";
    // Values in the wrong columns would give misleading messages: the row's shape is the one problem.
    if (shapeError) return { row, name, errors: [shapeError] };
    const errors: { column: string; message: string }[] = [];
    const checked = new Set<string>();
    const choice = (column: string, choices: readonly string[], what: string) => {
      const error = choiceError(column, record[column] ?? "", choices, what);
      if (error) {
        errors.push(error);
        checked.add(column);
      }
      return canonicalChoice(record[column] ?? "", choices);
    };
    const chosen = Object.fromEntries(CHOICE_COLUMNS.map((c) => [c.column, choice(c.column, c.choices, c.what)]));
    const security = split(record.security).map((item) => canonicalChoice(item, SECURITY_VALUES));
    const unknownSecurity = security.filter((item) => !(SECURITY_VALUES as readonly string[]).includes(item));
    if (unknownSecurity.length) {
      checked.add("security");
      errors.push({
        column: "security",
        message: `${listOfChoices(unknownSecurity.map((s) => `"${s.slice(0, 60)}"`))} ${unknownSecurity.length === 1 ? "is not an accreditation" : "are not accreditations"} the portal lists. Use any of: ${listOfChoices(SECURITY_VALUES.map((v) => `"${v}"`))}, separated by |`,
      });
    }
    const lotIds: string[] = [];
    for (const code of split(record.lots)) {
      const id = lotIdFor(code);
      if (id) lotIds.push(id);
      else {
        checked.add("lots");
        const known = lotCodes.length ? `. Lots you can list on: ${listOfChoices(lotCodes)}` : "";
        errors.push({
          column: "lots",
          message: `${code} is not a lot your organisation holds a verified award on, on a live framework${known}`,
        });
      }
    }
    const input = {
      name: record.name,
      summary: record.summary,
      description: record.description,
      category: chosen.category,
      features: split(record.features),
      benefits: split(record.benefits),
      priceFrom: record.price_from,
      priceUnit: chosen.price_unit,
      vatIncluded: chosen.vat_included,
      freeTrial: chosen.free_trial,
      pricingDocumentUrl: record.pricing_document_url ?? "",
      lotIds,
      dataLocation: chosen.data_location,
      security,
      accessibilityStatementUrl: record.accessibility_statement_url ?? "",
      standards: split(record.standards),
      integrations: split(record.integrations),
    };
    const parsed = listingSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        const column = CSV_COLUMNS.find((c) => c.field === field)?.column ?? field;
        // A column already reported with the CSV's own message (listing the valid values).
        if (checked.has(column)) continue;
        if (!errors.some((e) => e.column === column && e.message === issue.message)) errors.push({ column, message: issue.message });
      }
    }
    return { row, name, errors, data: errors.length || !parsed.success ? undefined : parsed.data };
  });
}
