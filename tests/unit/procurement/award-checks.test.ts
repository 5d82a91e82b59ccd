import { describe, expect, it } from "vitest";
import { awardExceptions, callOffMonths, justificationProblem, termRefusal } from "../../../app/procurement/award-checks";
import { G_CLOUD_15_CALL_OFF_SOURCES } from "../../../seed/reference/frameworks";

const lot2a = { lotLabel: "G-Cloud 15 lot 2a", maxContractMonths: 72, sourceUrl: G_CLOUD_15_CALL_OFF_SOURCES[0] };
const lot1a = { lotLabel: "G-Cloud 15 lot 1a", maxContractMonths: 96, sourceUrl: G_CLOUD_15_CALL_OFF_SOURCES[0] };

describe("call-off term against the lot's maximum (G-Cloud 15 corrections)", () => {
  it("counts months with the end date as the last day", () => {
    expect(callOffMonths("2027-01-05", "2029-01-04")).toBe(24);
    expect(callOffMonths("2027-01-05", "2033-01-04")).toBe(72);
    expect(callOffMonths("2027-01-05", "2033-01-05")).toBe(73);
  });
  it("lot 2a: 72 months fits, 73 is refused with the rule and its source", () => {
    expect(termRefusal(72, [lot2a])).toBeNull();
    const r = termRefusal(73, [lot2a]);
    expect(r?.message).toMatch(/73 months, but a call-off on G-Cloud 15 lot 2a can run for at most 72 months/);
    expect(r?.message).toContain(G_CLOUD_15_CALL_OFF_SOURCES[0]);
  });
  it("lot 1a: 96 months fits, 97 is refused", () => {
    expect(termRefusal(96, [lot1a])).toBeNull();
    expect(termRefusal(97, [lot1a])?.message).toMatch(/at most 96 months/);
  });
});

describe("what needs a justification", () => {
  const base = { estimatePence: 15_000_000, thresholdPence: 20_772_000, awardedTotal: 90, bestTotal: 90, bestName: "A", awardedName: "A" };
  it("20% over the estimate is fine; more needs explaining", () => {
    expect(awardExceptions({ ...base, valuePence: 18_000_000 })).toEqual([]);
    expect(awardExceptions({ ...base, valuePence: 18_000_001 }).map((e) => e.code)).toEqual(["over-estimate"]);
  });
  it("crossing the threshold the project was planned under, and a lower score, need explaining", () => {
    expect(awardExceptions({ ...base, valuePence: 45_000_000 }).map((e) => e.code)).toEqual(["over-estimate", "crosses-threshold"]);
    expect(awardExceptions({ ...base, valuePence: 15_000_000, awardedTotal: 70, awardedName: "C" }).map((e) => e.code)).toEqual([
      "lower-score",
    ]);
  });
  it("refuses placeholders and short reasons", () => {
    expect(justificationProblem("test long")).not.toBeNull();
    expect(justificationProblem("test ".repeat(20))).not.toBeNull();
    expect(
      justificationProblem("The estimate left out the data migration and five years of support, which the supplier's price includes."),
    ).toBeNull();
  });
});
