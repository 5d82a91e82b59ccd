import { describe, expect, it } from "vitest";
import {
  GUIDE_STEPS,
  STEP_SCHEMAS,
  answersQuery,
  canonicalAnswer,
  checkAnswer,
  dateParts,
  displayAnswer,
  firstUnanswered,
  parseAnswers,
  readAnswers,
  stepBySlug,
  type RawAnswers,
} from "../../../app/models/buying-guide-steps";

const complete: RawAnswers = {
  category: "cloud-software",
  value: "150000",
  contractMonths: "24",
  startDate: "2026-11-23",
  termsUnchanged: "yes",
  security: "OFFICIAL",
  nation: "England",
};

describe("guide questions", () => {
  it("asks one question per page, in order, ending with the nation", () => {
    expect(GUIDE_STEPS.map((s) => s.slug)).toEqual(["category", "value", "contract-length", "start-date", "terms", "security", "nation"]);
    expect(stepBySlug("value")?.field).toBe("value");
    expect(stepBySlug("nope")).toBeUndefined();
  });

  it("validates each answer with the route finder's own messages", () => {
    expect(STEP_SCHEMAS.value.safeParse({ value: "£150,000" }).success).toBe(true);
    const bad = STEP_SCHEMAS.value.safeParse({ value: "lots" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toBe("Enter the estimated value as a number, like 150000");
    expect(STEP_SCHEMAS.category.safeParse({}).error?.issues[0].message).toBe("Select what you are buying");
    expect(STEP_SCHEMAS.contractMonths.safeParse({ contractMonths: "2.5" }).error?.issues[0].message).toBe(
      "Contract length must be a whole number of months, like 24",
    );
    expect(STEP_SCHEMAS.termsUnchanged.safeParse({}).error?.issues[0].message).toBe(
      "Select yes if the framework's terms can be used without changes",
    );
  });

  it("reads the start date from a GOV.UK date input with GOV.UK messages", () => {
    const ok = STEP_SCHEMAS.startDate.safeParse({ "startDate-day": "3", "startDate-month": "1", "startDate-year": "2026" });
    expect(ok.success && ok.data).toEqual({ startDate: "2026-01-03" });
    const message = (input: Record<string, string>) => STEP_SCHEMAS.startDate.safeParse(input).error?.issues[0];
    expect(message({})?.message).toBe("Enter the date the procurement starts");
    expect(message({})?.path).toEqual(["startDate"]);
    expect(message({ "startDate-day": "3", "startDate-year": "2026" })?.message).toBe("Date the procurement starts must include a month");
    expect(message({ "startDate-year": "2026" })?.message).toBe("Date the procurement starts must include a day and month");
    expect(message({ "startDate-day": "31", "startDate-month": "2", "startDate-year": "2026" })?.message).toBe(
      "Date the procurement starts must be a real date",
    );
    expect(message({ "startDate-day": "1", "startDate-month": "2", "startDate-year": "26" })?.message).toBe("Year must include 4 numbers");
    expect(dateParts("2026-01-03")).toEqual({ day: "3", month: "1", year: "2026" });
    expect(dateParts("rubbish")).toEqual({ day: "", month: "", year: "" });
  });

  it("stores answers in a canonical form in the query string", () => {
    expect(canonicalAnswer("value", { value: 14_999_999 })).toBe("149999.99");
    expect(canonicalAnswer("value", { value: 15_000_000 })).toBe("150000");
    expect(canonicalAnswer("termsUnchanged", { termsUnchanged: false })).toBe("no");
    const query = answersQuery(complete, { change: "yes" });
    const back = readAnswers(new URLSearchParams(query));
    expect(back).toEqual(complete);
    expect(new URLSearchParams(query).get("change")).toBe("yes");
  });

  it("ignores unknown keys and caps long values", () => {
    const raw = readAnswers(new URLSearchParams(`value=${"9".repeat(500)}&evil=1&category=other`));
    expect(raw).toEqual({ value: "9".repeat(100), category: "other" });
  });

  it("finds the first question still to answer, including answers altered in the address", () => {
    expect(firstUnanswered({})?.slug).toBe("category");
    expect(firstUnanswered({ ...complete, contractMonths: "999" })?.slug).toBe("contract-length");
    expect(firstUnanswered({ category: "cloud-software" }, "value")).toBeNull();
    expect(firstUnanswered(complete)).toBeNull();
    expect(checkAnswer("startDate", { startDate: "2026-02-30" })).toEqual({
      ok: false,
      message: "Date the procurement starts must be a real date, like 2026-11-23",
    });
  });

  it("parses a complete set of answers for the rules", () => {
    const parsed = parseAnswers(complete);
    expect(parsed.success && parsed.data).toMatchObject({
      category: "cloud-software",
      valuePence: 15_000_000,
      contractMonths: 24,
      termsUnchanged: true,
      startDate: "2026-11-23",
    });
    const bad = parseAnswers({ ...complete, security: "SECRET" });
    expect(bad.success).toBe(false);
    expect(!bad.success && bad.errors.security).toEqual(["Select the security classification"]);
  });

  it("shows answers in plain English on the check page", () => {
    expect(displayAnswer("category", complete)).toBe("Cloud software");
    expect(displayAnswer("value", complete)).toBe("£150,000");
    expect(displayAnswer("contractMonths", complete)).toBe("24 months");
    expect(displayAnswer("startDate", complete)).toBe("23 November 2026");
    expect(displayAnswer("termsUnchanged", complete)).toBe("Yes");
    expect(displayAnswer("security", { security: "ABOVE_OFFICIAL" })).toBe("Above OFFICIAL");
  });
});
