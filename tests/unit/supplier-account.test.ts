import { describe, expect, it } from "vitest";
import {
  accreditationSchema,
  COMPANY_NUMBER_MESSAGES,
  companyNumberProblem,
  profileDifferences,
  supplierProfileSchema,
  supplierRegistrationSchema,
} from "../../app/models/supplier-account.schema";
import { declareAwardSchema } from "../../app/models/award.schema";
import { computeSupplierSize, explainSizeDifference, isSme } from "../../app/models/supplier-size";
import { parseWithSchema } from "../../app/utils/forms";
import { collectDateInputs, parseDateInput } from "../../app/utils/date-input";

const validRegistration = {
  legalName: "Wren Data Ltd",
  tradingName: "Wren Data",
  companyNumber: "sc123456",
  staffCount: "9",
  turnover: "£1,950,000",
  declaredSize: "micro",
  region: "Scotland",
  website: "",
  contactName: "Isla Grant",
  contactEmail: "hello@wren-data.example",
  contactPhone: "",
  description: "Data platforms for Scottish councils.",
  name: "Isla Grant",
  email: "isla@wren-data.example",
  password: "heather kettle orbit lantern",
  confirmPassword: "heather kettle orbit lantern",
};

describe("Companies House number", () => {
  it.each(["12345678", "SC123456", "NI012345", "OC301234", "R0123456", "so300001"])("accepts %s", (value) => {
    expect(companyNumberProblem(value)).toBeNull();
  });

  it.each([
    ["1234567", COMPANY_NUMBER_MESSAGES.length],
    ["SC12345", COMPANY_NUMBER_MESSAGES.length],
    ["123456789", COMPANY_NUMBER_MESSAGES.length],
    ["S1234567", COMPANY_NUMBER_MESSAGES.format],
    ["ABC12345", COMPANY_NUMBER_MESSAGES.format],
    ["SC12345X", COMPANY_NUMBER_MESSAGES.format],
    ["12 345 678", COMPANY_NUMBER_MESSAGES.spaces],
    ["", COMPANY_NUMBER_MESSAGES.missing],
    ["   ", COMPANY_NUMBER_MESSAGES.missing],
  ])("refuses %j with a clear message", (value, message) => {
    expect(companyNumberProblem(value)).toBe(message);
  });

  it("upper-cases the number and reports the problem against the field", () => {
    const ok = parseWithSchema(supplierRegistrationSchema, validRegistration);
    expect(ok.success && ok.data.companyNumber).toBe("SC123456");
    const bad = parseWithSchema(supplierRegistrationSchema, { ...validRegistration, companyNumber: "12 345 678" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.errors.companyNumber).toEqual([COMPANY_NUMBER_MESSAGES.spaces]);
  });
});

describe("supplier size rule", () => {
  it("draws the micro/small line at 10 staff and £2,000,000", () => {
    expect(computeSupplierSize(9, 200_000_000)).toBe("micro");
    expect(computeSupplierSize(10, 200_000_000)).toBe("small");
    expect(computeSupplierSize(9, 200_000_001)).toBe("small");
  });

  it("draws the small/medium line at 50 staff and £10,000,000", () => {
    expect(computeSupplierSize(49, 1_000_000_000)).toBe("small");
    expect(computeSupplierSize(50, 1_000_000_000)).toBe("medium");
    expect(computeSupplierSize(49, 1_000_000_001)).toBe("medium");
  });

  it("draws the medium/large line at 250 staff and £44,000,000", () => {
    expect(computeSupplierSize(249, 4_400_000_000)).toBe("medium");
    expect(computeSupplierSize(250, 4_400_000_000)).toBe("large");
    expect(computeSupplierSize(249, 4_400_000_001)).toBe("large");
  });

  it("needs both tests to hold, so the larger answer wins", () => {
    expect(computeSupplierSize(1, 0)).toBe("micro");
    expect(computeSupplierSize(3, 1_200_000_000)).toBe("medium");
    expect(computeSupplierSize(300, 10_000_000)).toBe("large");
  });

  it("counts micro, small and medium as SMEs", () => {
    expect(["micro", "small", "medium", "large"].map(isSme)).toEqual([true, true, true, false]);
  });

  it("explains a declared size that differs from the computed one", () => {
    expect(explainSizeDifference("small", 12, 90_000_000)).toBeNull();
    const tooSmall = explainSizeDifference("micro", 12, 250_000_000)!;
    expect(tooSmall).toContain("you count as small");
    expect(tooSmall).toContain("12 members of staff (micro means fewer than 10)");
    expect(tooSmall).toContain("turnover of £2,500,000 (micro means £2,000,000 or less)");
    const tooBig = explainSizeDifference("large", 5, 40_000_000)!;
    expect(tooBig).toBe("You declared large, but with 5 members of staff and turnover of £400,000 you count as micro. Buyers see micro.");
  });
});

describe("registration form", () => {
  it("turns staff and turnover into numbers, and blank optional fields into null", () => {
    const parsed = parseWithSchema(supplierRegistrationSchema, validRegistration);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.staffCount).toBe(9);
    expect(parsed.data.turnover).toBe(195_000_000); // pence
    expect(parsed.data.website).toBeNull();
    expect(parsed.data.contactPhone).toBeNull();
  });

  it("gives one message per problem field and never echoes passwords", () => {
    const parsed = parseWithSchema(supplierRegistrationSchema, {
      ...validRegistration,
      legalName: " ",
      staffCount: "0",
      turnover: "lots",
      website: "http://wren-data.example",
      region: "",
      declaredSize: undefined,
      contactEmail: "not-an-email",
      password: "short",
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.errors).toMatchObject({
      legalName: ["Enter your organisation's legal name"],
      staffCount: ["Number of staff must be 1 or more"],
      turnover: ["Annual turnover must be an amount in pounds, like 750000 or 1,250,000"],
      website: ["Enter a website address that starts with https://, like https://www.example.co.uk"],
      region: ["Select the region or nation where your organisation is based"],
      declaredSize: ["Select the size of your organisation"],
      contactEmail: ["Enter a contact email address in the correct format, like name@example.co.uk"],
      password: ["Password must be 12 characters or more"],
    });
    expect(Object.keys(parsed.values)).not.toContain("password");
    expect(Object.keys(parsed.values)).not.toContain("confirmPassword");
  });

  it("refuses a staff count that is not a whole number and passwords that differ", () => {
    const fraction = parseWithSchema(supplierProfileSchema, { ...validRegistration, staffCount: "2.5" });
    expect(!fraction.success && fraction.errors.staffCount).toEqual(["Number of staff must be a whole number, like 12"]);
    const mismatch = parseWithSchema(supplierRegistrationSchema, { ...validRegistration, confirmPassword: "something else entirely" });
    expect(!mismatch.success && mismatch.errors.confirmPassword).toEqual(["Passwords must match"]);
  });
});

describe("GOV.UK date input", () => {
  it("accepts real dates and refuses impossible ones with GOV.UK's messages", () => {
    expect(parseDateInput({ day: "29", month: "2", year: "2028" }, "Expiry date")).toEqual({
      ok: true,
      date: new Date("2028-02-29T00:00:00Z"),
    });
    expect(parseDateInput({ day: "29", month: "2", year: "2027" }, "Expiry date")).toEqual({
      ok: false,
      message: "Expiry date must be a real date",
    });
    expect(parseDateInput({ day: "", month: "", year: "" }, "Expiry date")).toEqual({ ok: true, date: null });
    expect(parseDateInput({ day: "3", month: "", year: "2027" }, "Expiry date")).toEqual({
      ok: false,
      message: "Expiry date must include a month",
    });
    expect(parseDateInput({ day: "3", month: "4", year: "27" }, "Expiry date")).toEqual({
      ok: false,
      message: "Year must include 4 numbers",
    });
  });

  it("reads GOV.UK's name-day, name-month, name-year boxes and reports errors on the date's name", () => {
    expect(collectDateInputs("expires")({ "expires-day": "1", "expires-month": "6", kind: "iso-9001" })).toEqual({
      "expires-day": "1",
      "expires-month": "6",
      expires: { day: "1", month: "6", year: undefined },
      kind: "iso-9001",
    });
    const flat = parseWithSchema(accreditationSchema, {
      kind: "iso-27001",
      certificateNumber: "IS 123",
      "expires-day": "31",
      "expires-month": "12",
      "expires-year": "2027",
    });
    expect(flat.success && flat.data.expires.toISOString()).toBe("2027-12-31T00:00:00.000Z");
    const blank = parseWithSchema(accreditationSchema, { kind: "iso-27001", certificateNumber: "IS 123" });
    expect(blank.success ? null : blank.errors).toEqual({ expires: ["Enter the expiry date"] });
    const bad = parseWithSchema(declareAwardSchema, {
      lotId: "",
      "awarded-day": "31",
      "awarded-month": "6",
      "awarded-year": "2026",
      reference: "",
    });
    expect(bad.success ? null : bad.errors).toEqual({
      lotId: ["Select the framework lot you are awarded on"],
      awarded: ["Award date must be a real date"],
      reference: ["Enter the award reference"],
    });
  });
});

describe("profile differences after a stale edit", () => {
  const saved = {
    legalName: "Wren Data Ltd",
    tradingName: "Wren Data",
    staffCount: 9,
    turnover: "1950000",
    balanceSheet: "",
    declaredSize: "micro",
    region: "Scotland",
    website: null,
    contactName: "Isla Grant",
    contactEmail: "hello@wren-data.example",
    contactPhone: null,
    description: "Data platforms.",
  };

  it("compares each answer as its field reads it: formatting, blanks and numbers are not changes", () => {
    const posted = { ...saved, staffCount: "9", turnover: "£1,950,000", website: "", contactPhone: " ", description: " Data platforms. " };
    expect(profileDifferences(posted, saved)).toEqual([]);
  });

  it("lists each changed question with both answers as the page shows them, in the form's order", () => {
    const posted = { ...saved, turnover: "2,000,000.5", declaredSize: "small", website: "https://wren-data.example" };
    expect(profileDifferences(posted, saved)).toEqual([
      { field: "turnover", label: "Annual turnover", yours: "£2,000,000.50", saved: "£1,950,000" },
      { field: "declaredSize", label: "Size you declare", yours: "Small", saved: "Micro" },
      { field: "website", label: "Website", yours: "https://wren-data.example", saved: "Not given" },
    ]);
  });
});
