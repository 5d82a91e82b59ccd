import { describe, expect, it } from "vitest";
import {
  CASE_STUDY_ARRAY_KEYS,
  caseStudyFormSchema,
  parseMetricNumber,
  pickerInputs,
  readFormOnlyPost,
  rowCount,
  unflattenFormValues,
} from "~/models/case-study.schema";
import { formDataToObject, parseWithSchema } from "~/utils/forms";
import { diffSnapshots, parseSnapshot } from "~/models/case-study-snapshot";

const complete: Record<string, string | string[]> = {
  intent: "submit",
  title: "Online council tax accounts cut calls by a third",
  serviceAreaId: "sa_revenues-and-benefits",
  summary: "We moved council tax online.",
  problem: "Too many calls.",
  approach: "We bought a product.",
  "metrics.0.name": "Calls a month",
  "metrics.0.before": "12,000",
  "metrics.0.after": "8000",
  "metrics.0.unit": "calls",
  "metrics.1.name": "",
  "metrics.1.before": "",
  "metrics.1.after": "",
  "metrics.1.unit": "",
  outcomeNarrative: "Fewer calls.",
  costExact: "£45,000",
  costBand: "",
  funding: "Transformation budget",
  "startDate-day": "1",
  "startDate-month": "4",
  "startDate-year": "2024",
  "endDate-day": "",
  "endDate-month": "",
  "endDate-year": "",
  productIds: ["prd_000001"],
  "unlisted.0.name": "",
  "unlisted.0.supplierName": "",
  "assets.0.title": "",
  "assets.0.type": "",
  "assets.0.url": "",
  "assets.0.licence": "",
  "assets.0.description": "",
  contactName: "Priya Patel",
  contactEmail: "Priya.Patel@brighton-hove.gov.uk",
};

function form(values: Record<string, string | string[]>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of Array.isArray(v) ? v : [v]) fd.append(k, item);
  return fd;
}

/** The form as handleForm reads and parses it (the write pipeline's path). */
function readCaseStudyForm(values: Record<string, string | string[]>) {
  return parseWithSchema(caseStudyFormSchema, formDataToObject(form(values), CASE_STUDY_ARRAY_KEYS));
}

function errorsOf(values: Record<string, string | string[]>) {
  const read = readCaseStudyForm(values);
  return read.success ? {} : read.errors;
}

describe("case study form schema", () => {
  it("turns a complete plain form post into clean data, ignoring blank rows", () => {
    const read = readCaseStudyForm(complete);
    expect(read.success).toBe(true);
    if (!read.success) return;
    expect(read.data.metrics).toEqual([{ name: "Calls a month", before: 12000, after: 8000, unit: "calls", higherIsBetter: false }]);
    expect(read.data.costExactPence).toBe(4_500_000);
    expect(read.data.costBand).toBe("30k-100k");
    expect(read.data.startDate?.toISOString()).toBe("2024-04-01T00:00:00.000Z");
    expect(read.data.endDate).toBeNull();
    expect(read.data.assets).toEqual([]);
    expect(read.data.unlisted).toEqual([]);
    expect(read.data.contactEmail).toBe("priya.patel@brighton-hove.gov.uk");
  });

  it("accepts the nested values react-hook-form produces", () => {
    const nested = unflattenFormValues({ ...complete, productIds: "prd_000001", "metrics.0.higherIsBetter": true });
    const result = caseStudyFormSchema.safeParse(nested);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.metrics[0].higherIsBetter).toBe(true);
  });

  it("takes a measure typed as money, like £212,000, and counts it in pounds when no unit is given", () => {
    const result = caseStudyFormSchema.safeParse(
      unflattenFormValues({ ...complete, "metrics.0.before": "£212,000", "metrics.0.after": "£ 135,500.50", "metrics.0.unit": "" }),
    );
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.metrics[0]).toMatchObject({ before: 212000, after: 135500.5, unit: "£" });
    expect(parseMetricNumber("-£40")).toBe(-40);
    expect(parseMetricNumber("95.1 %")).toBe(95.1);
    expect(parseMetricNumber("£twelve")).toBeNull();
  });

  it("rejects non-numeric measures with a clear message on the right row", () => {
    const errors = errorsOf({ ...complete, "metrics.1.name": "Satisfaction", "metrics.1.before": "fourteen", "metrics.1.after": "9" });
    expect(errors["metrics.1.before"]).toEqual(["Enter the value before for “Satisfaction” as a number, like 14"]);
    expect(errors["metrics.0.before"]).toBeUndefined();
  });

  it("refuses an end date before the start date and impossible dates", () => {
    expect(errorsOf({ ...complete, "endDate-day": "1", "endDate-month": "3", "endDate-year": "2024" }).endDate).toEqual([
      "End date must be the same as or after the start date",
    ]);
    expect(errorsOf({ ...complete, "startDate-day": "31", "startDate-month": "2" }).startDate).toEqual(["Start date must be a real date"]);
    expect(errorsOf({ ...complete, "startDate-month": "" }).startDate).toEqual(["Start date must include a month"]);
  });

  it("only accepts https links for reusable assets", () => {
    const errors = errorsOf({
      ...complete,
      "assets.0.title": "My Account",
      "assets.0.type": "code",
      "assets.0.url": "http://example.org",
      "assets.0.licence": "MIT",
    });
    expect(errors["assets.0.url"]?.[0]).toMatch(/starts with https:\/\//);
    expect(
      errorsOf({
        ...complete,
        "assets.0.title": "x",
        "assets.0.type": "code",
        "assets.0.url": "javascript:alert(1)",
        "assets.0.licence": "MIT",
      })["assets.0.url"],
    ).toBeDefined();
  });

  it("lets a draft be saved with only a title and service area, but still checks what was entered", () => {
    expect(readCaseStudyForm({ intent: "save-draft", title: "Draft", serviceAreaId: "sa_housing" }).success).toBe(true);
    expect(errorsOf({ intent: "save-draft", title: "", serviceAreaId: "" })).toEqual({
      title: ["Enter a title for the case study"],
      serviceAreaId: ["Select the service area"],
    });
    expect(
      errorsOf({
        intent: "save-draft",
        title: "Draft",
        serviceAreaId: "sa_housing",
        "metrics.0.name": "Days",
        "metrics.0.before": "x",
        "metrics.0.after": "2",
      }),
    ).toEqual({
      "metrics.0.before": ["Enter the value before for “Days” as a number, like 14"],
    });
  });

  it("reads the total cost as integer pence, exactly, with clear messages", () => {
    const cost = (costExact: string) => {
      const read = readCaseStudyForm({ ...complete, costExact });
      return read.success ? { pence: read.data.costExactPence, band: read.data.costBand } : { error: read.errors.costExact?.[0] };
    };
    expect(cost("29,999.99")).toEqual({ pence: 2_999_999, band: "under-30k" });
    expect(cost("£30,000")).toEqual({ pence: 3_000_000, band: "30k-100k" });
    expect(cost("1234567.89")).toEqual({ pence: 123_456_789, band: "over-1m" });
    expect(cost("19.9")).toEqual({ pence: 1_990, band: "under-30k" });
    expect(cost("1e3")).toEqual({ error: "Enter the total cost as an amount in pounds, like 45000" });
    expect(cost("-5")).toEqual({ error: "Total cost must be £0 or more" });
    expect(cost("45000.125")).toEqual({ error: "Total cost must have no more than 2 decimal places (pence), like 45000.50" });
    expect(cost("1000000000.01")).toEqual({ error: "Total cost must be £1 billion or less" });
  });

  it("requires the whole story to submit", () => {
    const errors = errorsOf({ intent: "submit", title: "T", serviceAreaId: "sa_housing" });
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining([
        "summary",
        "problem",
        "approach",
        "metrics.0.name",
        "outcomeNarrative",
        "costExact",
        "startDate",
        "productIds",
        "contactName",
        "contactEmail",
      ]),
    );
  });

  it("treats add-a-row and find-products as form-only, and counts rows", () => {
    const values = formDataToObject(form({ ...complete, intent: "add-metric" }), CASE_STUDY_ARRAY_KEYS);
    const read = readFormOnlyPost(values);
    expect(read).toMatchObject({ intent: "add-metric", adding: "metrics" });
    expect(readFormOnlyPost({ ...values, intent: "find-products" })).toMatchObject({ adding: null });
    expect(readFormOnlyPost({ ...values, intent: "submit" })).toBeNull();
    expect(readFormOnlyPost({ ...values, intent: "save-draft" })).toBeNull();
    expect(rowCount("metrics", read!.values, true)).toBe(4); // two rows posted, at least three shown, plus one
    expect(rowCount("metrics", { "metrics.0.name": "a", "metrics.3.name": "b" }, true)).toBe(5);
    expect(rowCount("assets", {}, false)).toBe(1);
  });

  it("reads the product finder's words and only well-formed product ids", () => {
    expect(pickerInputs({ productQuery: "repairs", productIds: ["prd_1", "<script>", "prd_2"] })).toEqual({
      productQuery: "repairs",
      productIds: ["prd_1", "prd_2"],
    });
    expect(pickerInputs({ productIds: "prd_9" })).toEqual({ productQuery: "", productIds: ["prd_9"] });
  });

  it("ignores absurd row indexes", () => {
    const nested = unflattenFormValues({ "metrics.99999.name": "x", title: "t" }) as Record<string, unknown>;
    expect(nested.metrics).toBeUndefined();
  });
});

describe("case study snapshots", () => {
  it("lists changed fields in form order", () => {
    const changes = diffSnapshots(
      { title: "A", summary: "S", metrics: [] },
      { title: "B", summary: "S", metrics: [{ name: "Days", before: 2, after: 1, unit: "", higherIsBetter: false }] },
    );
    expect(changes.map((c) => c.label)).toEqual(["Title", "Outcome measures"]);
    expect(changes[1].after).toBe("Days: 2 to 1 (lower is better)");
  });

  it("shows the cost from pence, and reads revisions saved in pounds before money was pence", () => {
    const legacy = parseSnapshot(JSON.stringify({ title: "A", costExact: 1234.5 }));
    expect(legacy).toEqual({ title: "A", costExactPence: 123_450 });
    expect(parseSnapshot(JSON.stringify({ costExact: 19.99 }))).toEqual({ costExactPence: 1_999 });
    expect(parseSnapshot(JSON.stringify({ costExact: null }))).toEqual({ costExactPence: null });
    const changes = diffSnapshots(legacy, { title: "A", costExactPence: 2_999_999 });
    expect(changes).toEqual([{ field: "costExactPence", label: "Total cost", before: "£1,234.50", after: "£29,999.99" }]);
    expect(diffSnapshots(legacy, { title: "A", costExactPence: 123_450 })).toEqual([]);
  });
});
