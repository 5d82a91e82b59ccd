// How a case study's outcome measure reads on every page (issue 18 content, docs/content.md).
import { describe, expect, it } from "vitest";
import { changeWithVerdict, describeChange, formatMeasureValue, measureSummary } from "~/models/case-study-measure";
import { diffSnapshots } from "~/models/case-study-snapshot";

describe("case-study measures", () => {
  it("writes money with the money formatter and other units after the number", () => {
    expect(formatMeasureValue(910000, "£")).toBe("£910,000");
    expect(formatMeasureValue(15.5, "£")).toBe("£15.50");
    expect(formatMeasureValue(0.1, "£")).toBe("£0.10");
    expect(formatMeasureValue(41000, "calls")).toBe("41,000 calls");
    expect(formatMeasureValue(96.3, "%")).toBe("96.3%");
    expect(formatMeasureValue(14, "")).toBe("14");
  });

  it("reads a list's headline measure like the case study's own table, never '910000 → 135000 £'", () => {
    const cost = { name: "Cost of the contact centre", before: 910000, after: 135000, unit: "£", higherIsBetter: false };
    expect(measureSummary(cost)).toBe("Cost of the contact centre: £910,000 to £135,000 (down 85%, better)");
    expect(measureSummary({ name: "Calls a month", before: 41000, after: 27500, unit: "calls", higherIsBetter: false })).toBe(
      "Calls a month: 41,000 calls to 27,500 calls (down 33%, better)",
    );
    expect(measureSummary({ name: "Calls a month", before: 41000, after: 27500, unit: "calls" })).toBe(
      "Calls a month: 41,000 calls to 27,500 calls (down 33%)",
    );
    expect(measureSummary({ name: "Staff", before: 4, after: 4, unit: "people", higherIsBetter: true })).toBe(
      "Staff: 4 people to 4 people (no change)",
    );
    expect(measureSummary(cost)).not.toMatch(/→/);
  });

  it("describes a change between percentages in percentage points", () => {
    const uptime = { name: "Uptime", before: 95.1, after: 96.3, unit: "%", higherIsBetter: true };
    expect(describeChange(uptime)).toEqual({ text: "Up 1.2 percentage points", better: true });
    expect(changeWithVerdict(uptime)).toBe("Up 1.2 percentage points (better)");
    expect(measureSummary(uptime)).toBe("Uptime: 95.1% to 96.3% (up 1.2 percentage points, better)");
    expect(describeChange({ ...uptime, before: 62, after: 61 }).text).toBe("Down 1 percentage point");
    expect(describeChange({ ...uptime, before: 61, after: 78 }).text).toBe("Up 17 percentage points");
  });

  it("describes other changes relative to the value before, and says so when it started at zero", () => {
    expect(changeWithVerdict({ name: "Days", before: 28, after: 14, unit: "days", higherIsBetter: false })).toBe("Down 50% (better)");
    expect(changeWithVerdict({ name: "Days", before: 14, after: 28, unit: "days", higherIsBetter: false })).toBe("Up 100% (worse)");
    expect(describeChange({ name: "Apps", before: 0, after: 3, unit: "apps", higherIsBetter: true }).text).toBe("Up from 0 apps");
    expect(describeChange({ name: "Calls", before: 100000, after: 99900, unit: "calls" }).text).toBe("Down less than 1%");
    expect(describeChange({ name: "Calls", before: 5, after: 5, unit: "calls" })).toEqual({ text: "No change", better: null });
  });

  it("shows the moderator a changed measure in the same words", () => {
    const changes = diffSnapshots(
      { metrics: [] },
      { metrics: [{ name: "Cost", before: 910000, after: 135000, unit: "£", higherIsBetter: false }] },
    );
    expect(changes[0].after).toBe("Cost: £910,000 to £135,000 (lower is better)");
  });
});
