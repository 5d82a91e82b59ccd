import { describe, expect, it } from "vitest";
import { ROUTE_FINDER_MESSAGES as M, routeFinderSchema } from "../../../app/procurement/route-finder.schema";
import { eligibleRoutes } from "../../../app/procurement/routes";
import { agreements } from "../../../seed/reference/frameworks";

const form = {
  category: "cloud-software",
  value: "150000",
  contractMonths: "24",
  startDate: "2026-11-23",
  termsUnchanged: "yes",
  security: "OFFICIAL",
  nation: "England",
};

function errorsFor(over: Record<string, unknown>): Record<string, string[]> {
  const result = routeFinderSchema.safeParse({ ...form, ...over });
  if (result.success) throw new Error("expected the schema to reject the input");
  return result.error.flatten().fieldErrors as Record<string, string[]>;
}

describe("routeFinderSchema", () => {
  it("turns posted form strings into the guide's input, with the value in pence", () => {
    const result = routeFinderSchema.safeParse(form);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data).toEqual({
      category: "cloud-software",
      valuePence: 15_000_000,
      contractMonths: 24,
      startDate: "2026-11-23",
      termsUnchanged: true,
      security: "OFFICIAL",
      nation: "England",
      contractKind: "goods-and-services",
    });
    // The output goes straight into the guide.
    expect(eligibleRoutes(result.data, agreements).band).toBe("below-threshold");
  });

  it("accepts pounds and pence, commas and a pound sign, and plain numbers", () => {
    expect(routeFinderSchema.parse({ ...form, value: "£149,999.99" }).valuePence).toBe(14_999_999);
    expect(routeFinderSchema.parse({ ...form, value: "29999.9" }).valuePence).toBe(2_999_990);
    expect(routeFinderSchema.parse({ ...form, value: 30000, contractMonths: 12, termsUnchanged: false }).valuePence).toBe(3_000_000);
    expect(routeFinderSchema.parse({ ...form, termsUnchanged: "no" }).termsUnchanged).toBe(false);
  });

  it("rejects a non-numeric value with a GOV.UK style message", () => {
    expect(errorsFor({ value: "lots" }).value).toEqual(["Enter the estimated value as a number, like 150000"]);
    expect(errorsFor({ value: "12abc" }).value).toEqual([M.valueNotNumber]);
  });

  it("rejects a negative value", () => {
    expect(errorsFor({ value: "-5" }).value).toEqual([M.valueNegative]);
    expect(errorsFor({ value: -5 }).value).toEqual([M.valueNegative]);
  });

  it("rejects 3 decimal places", () => {
    expect(errorsFor({ value: "100.123" }).value).toEqual([M.valueDecimals]);
    expect(M.valueDecimals).toMatch(/no more than 2 decimal places/);
  });

  it("rejects an empty, zero or too-large value", () => {
    expect(errorsFor({ value: "" }).value).toEqual([M.valueMissing]);
    expect(errorsFor({ value: undefined }).value).toEqual([M.valueMissing]);
    expect(errorsFor({ value: "0" }).value).toEqual([M.valueZero]);
    expect(errorsFor({ value: "10000000000.01" }).value).toEqual([M.valueTooLarge]);
  });

  it("needs a whole number of months from 1 to 120", () => {
    expect(routeFinderSchema.parse({ ...form, contractMonths: "120" }).contractMonths).toBe(120);
    expect(errorsFor({ contractMonths: "" }).contractMonths).toEqual([M.monthsMissing]);
    expect(errorsFor({ contractMonths: "two years" }).contractMonths).toEqual([M.monthsNotNumber]);
    expect(errorsFor({ contractMonths: "1.5" }).contractMonths).toEqual([M.monthsNotWhole]);
    expect(errorsFor({ contractMonths: "0" }).contractMonths).toEqual([M.monthsRange]);
    expect(errorsFor({ contractMonths: "121" }).contractMonths).toEqual([M.monthsRange]);
  });

  it("needs a real start date", () => {
    expect(errorsFor({ startDate: "" }).startDate).toEqual([M.startDateMissing]);
    expect(errorsFor({ startDate: "2026-02-30" }).startDate).toEqual([M.startDateInvalid]);
    expect(routeFinderSchema.parse({ ...form, startDate: new Date("2026-01-01T00:00:00Z") }).startDate).toBe("2026-01-01");
  });

  it("needs an answer for every choice", () => {
    const errors = errorsFor({ category: "hardware", termsUnchanged: undefined, security: "", nation: "Mars" });
    expect(errors.category).toEqual([M.category]);
    expect(errors.termsUnchanged).toEqual([M.termsUnchanged]);
    expect(errors.security).toEqual([M.security]);
    expect(errors.nation).toEqual([M.nation]);
  });

  it("reports every field error at once", () => {
    const errors = errorsFor({ value: "abc", contractMonths: "0" });
    expect(Object.keys(errors).sort()).toEqual(["contractMonths", "value"]);
  });
});

describe("routeFinderSchema: the optional value excluding VAT (Scotland)", () => {
  it("leaves it out when blank, and takes pounds to pence when given", () => {
    const blank = routeFinderSchema.parse({ ...form, valueExVat: "" });
    expect("valueExcludingVatPence" in blank).toBe(false);
    const given = routeFinderSchema.parse({ ...form, nation: "Scotland", valueExVat: "49,999" });
    expect(given.valueExcludingVatPence).toBe(4_999_900);
    expect(eligibleRoutes(given, agreements).routes.map((r) => r.kind)).toContain("scotland-below-regulated");
  });

  it("refuses a value that is not an amount in pounds, with the GOV.UK message", () => {
    expect(errorsFor({ valueExVat: "lots" }).valueExVat).toEqual([M.valueExVat]);
  });
});
