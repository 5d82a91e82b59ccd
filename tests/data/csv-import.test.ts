// CSV import as spreadsheet programs write it (issue 18 item 6): every problem in every row in one
// pass, named by column, the valid values for a fixed list, quoted commas, a byte-order mark, CRLF
// and blank rows accepted, and a row with the wrong number of values reported in plain English
// rather than failing the file — through the listings import and contracts upload routes.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, responseOf } from "../support/session";

useTestDatabase();

type RowReport = { row: number; errors: { column: string; message: string }[] };

async function prisma() {
  return (await import("~/utils/db.server")).prisma;
}

async function postFile(path: string, route: string, email: string, csv: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new File([csv], "upload.csv", { type: "text/csv" }));
  const request = new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: await cookieFor(email) } });
  const mod = (await import(`~/routes/${route}.tsx`)) as { action: (a: { request: Request; params: object; context: unknown }) => unknown };
  return responseOf(() => mod.action({ request, params: {}, context }) as Promise<Response>);
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe("listings import", () => {
  async function lotCode() {
    const { listListableLots } = await import("~/models/award.server");
    const { now } = await import("~/utils/clock.server");
    const db = await prisma();
    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.supplierA } });
    const [lot] = await listListableLots(user.supplierId!, now());
    return `${lot.agreementNumber}/${lot.lotNumber}`;
  }

  async function header() {
    const { CSV_COLUMNS } = await import("~/models/listing-csv");
    return CSV_COLUMNS.map((c) => c.column);
  }

  async function goodRow(name: string): Promise<Record<string, string>> {
    return {
      name,
      summary: "Residents check their collection day.",
      description: "Hosted, supported and accessible, with an API.",
      category: "Waste and recycling",
      features: "Collection calendar|Missed bin reports",
      benefits: "Fewer calls",
      price_from: "120.50",
      price_unit: "per instance per month",
      vat_included: "no",
      free_trial: "yes",
      pricing_document_url: "",
      lots: await lotCode(),
      data_location: "UK",
      security: "cyber-essentials",
      accessibility_statement_url: "https://kestrel.example/accessibility",
      standards: "OpenAPI 3",
      integrations: "GOV.UK Notify",
    };
  }

  const line = (columns: string[], row: Record<string, string>) => columns.map((c) => quote(row[c] ?? "")).join(",");

  async function importCsv(csv: string, mode: "valid" | "all" = "valid") {
    const res = await postFile("/supplier/import", "supplier.import", DEMO.supplierA, csv, { mode });
    return { status: res.status, body: (await res.json()) as { saved: number; rows: RowReport[]; errors: Record<string, string[]> } };
  }

  it("reports every problem in a row in one pass, each named by its column, listing the valid values", async () => {
    const columns = await header();
    const bad = {
      ...(await goodRow("Every mistake")),
      category: "Bins",
      price_unit: "per fortnight",
      vat_included: "maybe",
      data_location: "Mars",
      security: "iso-27001|tempest",
      price_from: "twelve",
    };
    const { status, body } = await importCsv([columns.join(","), line(columns, bad)].join("\n"));
    expect(status).toBe(422);
    expect(body.saved).toBe(0);
    const errors = body.rows[0].errors;
    expect(errors.map((e) => e.column).sort()).toEqual([
      "category",
      "data_location",
      "price_from",
      "price_unit",
      "security",
      "vat_included",
    ]);
    const message = (column: string) => errors.find((e) => e.column === column)!.message;
    const { LISTING_CATEGORIES } = await import("~/models/listing.schema");
    expect(message("category")).toMatch(/^"Bins" is not a category\. Use one of: /);
    for (const category of LISTING_CATEGORIES) expect(message("category")).toContain(`"${category}"`);
    expect(message("data_location")).toBe('"Mars" is not a data location. Use one of: "UK", "EEA" or "other"');
    expect(message("vat_included")).toContain('Use one of: "yes" or "no"');
    expect(message("security")).toMatch(/^"tempest" is not an accreditation the portal lists/);
    expect(message("price_unit")).toContain('"per user per month"');
  });

  it("names the lots the supplier can list on when a row names one it cannot", async () => {
    const columns = await header();
    const code = await lotCode();
    const { body } = await importCsv([columns.join(","), line(columns, { ...(await goodRow("Wrong lot")), lots: "RM0000/9" })].join("\n"));
    expect(body.rows[0].errors).toHaveLength(1);
    expect(body.rows[0].errors[0].column).toBe("lots");
    expect(body.rows[0].errors[0].message).toContain(`Lots you can list on: ${code}`);
  });

  it("accepts what a spreadsheet exports: a byte-order mark, CRLF, quoted commas, quotes and line breaks, blank rows", async () => {
    const columns = await header();
    const first = {
      ...(await goodRow("Bins, Boxes and Bags")),
      description: 'Say "hello", then\r\nsay goodbye.',
      category: "waste and recycling",
    };
    const second = await goodRow("Second listing");
    const csv = `\uFEFF${columns.join(",")}\r\n${line(columns, first)}\r\n${columns.map(() => "").join(",")}\r\n${line(columns, second)}\r\n\r\n`;
    const { status, body } = await importCsv(csv, "all");
    expect(body.rows.map((r) => r.errors)).toEqual([[], []]);
    expect(status).toBe(200);
    expect(body.saved).toBe(2);
    // The empty row in the middle still counts, so row numbers match the spreadsheet's.
    expect(body.rows.map((r) => r.row)).toEqual([2, 4]);
    const db = await prisma();
    const saved = await db.productVersion.findFirstOrThrow({ where: { name: "Bins, Boxes and Bags" } });
    expect(saved.description).toBe('Say "hello", then\r\nsay goodbye.');
    expect(saved.category).toBe("Waste and recycling");
  });

  it("turns a row with an unquoted comma into a row error and keeps all-or-nothing", async () => {
    const columns = await header();
    const good = line(columns, await goodRow("Good row"));
    const broken = line(columns, { ...(await goodRow("Broken row")), summary: "Fast" }).replace("Fast", "Fast, cheap");
    const { status, body } = await importCsv([columns.join(","), good, broken].join("\n"), "all");
    expect(status).toBe(422);
    expect(body.errors).toEqual({});
    expect(body.rows[1].errors).toEqual([
      { column: "whole row", message: "Row 3 has 18 values but the header has 17 columns — check for an unquoted comma" },
    ]);
    expect(body.saved).toBe(0);
    const db = await prisma();
    expect(await db.productVersion.count({ where: { name: { in: ["Good row", "Broken row"] } } })).toBe(0);
  });

  it("refuses a quoted value that never closes with a message about the file, not the parser", async () => {
    const columns = await header();
    const unclosed = line(columns, await goodRow("Unclosed")).replace(/,GOV\.UK Notify$/, ',"GOV.UK Notify');
    const { status, body } = await importCsv(`${columns.join(",")}\n${unclosed}\n`);
    expect(status).toBe(400);
    expect(body.errors.file[0]).toBe(
      'A quoted value that starts on row 2 has no closing quote mark ("). Check that row, or save the file from your spreadsheet program again',
    );
  });
});

describe("contracts upload", () => {
  const HEADER = [
    "reference",
    "title",
    "supplier_name",
    "supplier_company_number",
    "agreement",
    "procedure",
    "value_inc_vat",
    "value_ex_vat",
    "start_date",
    "end_date",
    "extension_end_dates",
    "cpv_codes",
    "service_area",
    "notice_url",
    "visibility",
  ];
  const good = (reference: string): Record<string, string> => ({
    reference,
    title: "Waste collection rounds software",
    supplier_name: "Kestrel Civic Software Ltd",
    value_inc_vat: "120000",
    value_ex_vat: "100000",
    start_date: "2024-04-01",
    end_date: "2027-03-31",
    visibility: "public",
  });
  const line = (row: Record<string, string>) => HEADER.map((c) => quote(row[c] ?? "")).join(",");

  async function uploadCsv(csv: string) {
    const res = await postFile("/contracts/upload", "contracts.upload", DEMO.buyerA, csv);
    return {
      status: res.status,
      body: (await res.json()) as {
        errors: Record<string, string[]>;
        report: { rows: RowReport[]; saved: Record<string, number> } | null;
      },
    };
  }

  async function contractsNamed(references: string[]) {
    const db = await prisma();
    return db.contract.count({ where: { OR: references.map((r) => ({ sourceKey: { endsWith: `/${r.toLowerCase()}` } })) } });
  }

  it("reports the rules between fields alongside other wrong values, and the valid visibilities", async () => {
    const bad = { ...good("CSV-BAD-1"), title: "", end_date: "2023-01-01", cpv_codes: "123", visibility: "secret", value_ex_vat: "999999" };
    const { status, body } = await uploadCsv([HEADER.join(","), line(good("CSV-GOOD-1")), line(bad)].join("\n"));
    expect(status).toBe(422);
    const errors = body.report!.rows[1].errors;
    expect(errors.map((e) => e.column).sort()).toEqual(["cpv_codes", "end_date", "title", "value_ex_vat", "visibility"]);
    expect(errors.find((e) => e.column === "end_date")!.message).toBe("The end date must be on or after the start date");
    expect(errors.find((e) => e.column === "visibility")!.message).toBe('"secret" is not a visibility. Use one of: "public" or "private"');
    // All or nothing: the good row is not saved either.
    expect(body.report!.saved).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(await contractsNamed(["CSV-GOOD-1", "CSV-BAD-1"])).toBe(0);
  });

  it("accepts a byte-order mark, CRLF, quoted commas and a trailing blank line", async () => {
    const row = { ...good("CSV-CRLF-1"), title: "Bins, boxes and bags", visibility: "Public" };
    const { status, body } = await uploadCsv(`\uFEFF${HEADER.join(",")}\r\n${line(row)}\r\n\r\n`);
    expect(body.report!.rows[0].errors).toEqual([]);
    expect(status).toBe(200);
    expect(body.report!.saved.created).toBe(1);
    const db = await prisma();
    const saved = await db.contract.findFirstOrThrow({ where: { sourceKey: { endsWith: "/csv-crlf-1" } } });
    expect(saved.title).toBe("Bins, boxes and bags");
  });

  it("turns a row with too few values into a row error, saving nothing", async () => {
    const short = line(good("CSV-SHORT-1")).split(",").slice(0, 14).join(",");
    const { status, body } = await uploadCsv([HEADER.join(","), line(good("CSV-OK-2")), short].join("\r\n"));
    expect(status).toBe(422);
    expect(body.report!.rows[1].errors).toEqual([
      { column: "whole row", message: "Row 3 has 14 values but the header has 15 columns — check for a missing comma or a value left out" },
    ]);
    expect(await contractsNamed(["CSV-OK-2", "CSV-SHORT-1"])).toBe(0);
  });
});
