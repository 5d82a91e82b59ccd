import { describe, expect, it } from "vitest";
import { THRESHOLDS, thresholdFor } from "../../../app/procurement/thresholds";
import { formatPence, parsePounds, poundsToPence } from "../../../app/procurement/money";
import { addDays, daysBetween, formatDate, isIsoDate, toIsoDate } from "../../../app/procurement/dates";

describe("thresholdFor", () => {
  it("uses the 2026 figures on and after 1 January 2026", () => {
    expect(thresholdFor("2026-01-01")?.amountPence).toBe(20_772_000);
    expect(thresholdFor("2026-11-23", "works")?.amountPence).toBe(519_300_000);
    expect(thresholdFor("2030-06-30", "light-touch")?.amountPence).toBe(66_354_000);
  });

  it("uses the 2024–25 figures from 1 January 2024 to 31 December 2025", () => {
    expect(thresholdFor("2024-01-01")?.amountPence).toBe(21_490_400);
    expect(thresholdFor("2025-12-31")?.amountPence).toBe(21_490_400);
    expect(thresholdFor("2025-12-31", "works")?.amountPence).toBe(537_260_900);
    expect(thresholdFor("2025-12-31", "light-touch")?.amountPence).toBe(66_354_000);
  });

  it("switches between 31 December 2025 and 1 January 2026", () => {
    expect(thresholdFor("2025-12-31")?.id).toBe("2024-goods-and-services");
    expect(thresholdFor("2026-01-01")?.id).toBe("2026-goods-and-services");
  });

  it("returns null (not covered) before 1 January 2024 rather than guessing", () => {
    expect(thresholdFor("2023-12-31")).toBeNull();
    expect(thresholdFor("2020-01-01", "works")).toBeNull();
  });

  it("accepts a Date and reads it as the UK calendar date", () => {
    expect(thresholdFor(new Date("2026-01-01T00:00:00Z"))?.id).toBe("2026-goods-and-services");
    // 23:30 UTC on 30 June 2025 is already 1 July 2025 in London (BST).
    expect(toIsoDate(new Date("2025-06-30T23:30:00Z"))).toBe("2025-07-01");
  });

  it("keeps every row sourced, with periods that do not overlap", () => {
    for (const t of THRESHOLDS) {
      expect(t.sources.length).toBeGreaterThan(0);
      for (const s of t.sources) expect(s.url).toMatch(/^https:\/\/www\.legislation\.gov\.uk\//);
      const sameKind = THRESHOLDS.filter((o) => o.kind === t.kind && o !== t);
      for (const o of sameKind) {
        const overlaps = t.effectiveFrom <= (o.effectiveTo ?? "9999-12-31") && o.effectiveFrom <= (t.effectiveTo ?? "9999-12-31");
        expect(overlaps).toBe(false);
      }
    }
  });
});

describe("money", () => {
  it("parses pounds to integer pence without floating-point error", () => {
    expect(poundsToPence("29999.99")).toBe(2_999_999);
    expect(poundsToPence("30000")).toBe(3_000_000);
    expect(poundsToPence("£207,720")).toBe(20_772_000);
    expect(poundsToPence(1234.5)).toBe(123_450);
    expect(poundsToPence(150000.1)).toBe(15_000_010);
  });

  it("refuses more than 2 decimal places instead of rounding", () => {
    expect(parsePounds("100.123")).toEqual({ ok: false, reason: "too-many-decimals" });
    // 0.1 + 0.7 is 0.7999999999999999 in floating point: refused, never silently rounded.
    expect(parsePounds(0.1 + 0.7)).toEqual({ ok: false, reason: "too-many-decimals" });
  });

  it("recognises negative, empty and non-numeric values", () => {
    expect(parsePounds("-5")).toEqual({ ok: false, reason: "negative" });
    expect(parsePounds("")).toEqual({ ok: false, reason: "empty" });
    expect(parsePounds("ten pounds")).toEqual({ ok: false, reason: "not-a-number" });
    expect(() => poundsToPence("abc")).toThrow(RangeError);
  });

  it("formats pence GOV.UK style", () => {
    expect(formatPence(20_772_000)).toBe("£207,720");
    expect(formatPence(2_999_999)).toBe("£29,999.99");
    expect(formatPence(5)).toBe("£0.05");
  });
});

describe("dates", () => {
  it("validates real calendar dates", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(() => toIsoDate("23/11/2026")).toThrow(RangeError);
  });

  it("counts days and formats dates", () => {
    expect(daysBetween("2026-10-28", "2026-10-29")).toBe(1);
    expect(daysBetween("2025-12-31", "2026-03-31")).toBe(90);
    expect(addDays("2026-10-28", 90)).toBe("2027-01-26");
    expect(formatDate("2026-10-28")).toBe("28 October 2026");
  });
});
