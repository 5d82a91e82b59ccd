// The one money parser and formatter (app/procurement/money.ts), the zod field built on it,
// and the BigInt conversions in app/models/pence.ts.
import { describe, expect, it } from "vitest";
import { asPence, formatPence, parsePounds, penceToPounds, penceToPoundsNumber, poundsMessage, poundsToPence } from "~/procurement/money";
import { poundsField } from "~/models/money.schema";
import { penceFromDb, penceToDb, withPence } from "~/models/pence";
import { priceBand } from "~/search/index-config";
import { costBandForPence } from "~/utils/labels";
import { pricingSectionSchema } from "~/models/listing.schema";

describe("parsePounds", () => {
  it("reads pounds-and-pence text exactly, with £, spaces and thousands commas", () => {
    expect(parsePounds("£1,234.56")).toEqual({ ok: true, pence: 123_456 });
    expect(parsePounds("£1,234.5")).toEqual({ ok: true, pence: 123_450 });
    expect(parsePounds("1234.5")).toEqual({ ok: true, pence: 123_450 });
    expect(parsePounds(" £ 29,999.99 ")).toEqual({ ok: true, pence: 2_999_999 });
    expect(parsePounds("30000")).toEqual({ ok: true, pence: 3_000_000 });
    expect(parsePounds("207,719.99")).toEqual({ ok: true, pence: 20_771_999 });
    expect(parsePounds("£207,720.00")).toEqual({ ok: true, pence: 20_772_000 });
    expect(parsePounds("0.01")).toEqual({ ok: true, pence: 1 });
    expect(parsePounds("0")).toEqual({ ok: true, pence: 0 });
    expect(parsePounds("-0")).toEqual({ ok: true, pence: 0 });
    expect(parsePounds("007.5")).toEqual({ ok: true, pence: 750 });
    expect(parsePounds("12.")).toEqual({ ok: false, reason: "not-a-number" });
  });

  it("never goes through floating point: values that are inexact as doubles come out exact", () => {
    // 19.99 * 100 is 1998.9999999999998 and 1234567.89 * 100 is 123456788.99999999 in floating point.
    expect(parsePounds("19.99")).toEqual({ ok: true, pence: 1_999 });
    expect(parsePounds("1234567.89")).toEqual({ ok: true, pence: 123_456_789 });
    expect(parsePounds("0.29")).toEqual({ ok: true, pence: 29 });
    expect(parsePounds(String(0.1 + 0.2))).toEqual({ ok: false, reason: "too-many-decimals" });
    expect(parsePounds(19.99)).toEqual({ ok: true, pence: 1_999 });
  });

  it("refuses exponents, stray commas, words and other currencies", () => {
    for (const text of [
      "1e3",
      "1E3",
      "1e-2",
      "Infinity",
      "NaN",
      "0x10",
      "1,23",
      "12,3456",
      "1,,000",
      ",100",
      "£",
      "ten pounds",
      "$100",
      "100p",
      "1 000.5.0",
    ]) {
      expect(parsePounds(text), text).toEqual({ ok: false, reason: "not-a-number" });
    }
    expect(parsePounds(1e21)).toEqual({ ok: false, reason: "not-a-number" });
  });

  it("refuses negative amounts, empty text and more than 2 decimal places", () => {
    expect(parsePounds("-5")).toEqual({ ok: false, reason: "negative" });
    expect(parsePounds("-£0.01")).toEqual({ ok: false, reason: "negative" });
    expect(parsePounds("   ")).toEqual({ ok: false, reason: "empty" });
    expect(parsePounds("1.005")).toEqual({ ok: false, reason: "too-many-decimals" });
    expect(parsePounds("0.001")).toEqual({ ok: false, reason: "too-many-decimals" });
  });

  it("keeps pence inside Number.MAX_SAFE_INTEGER", () => {
    expect(parsePounds("9999999999999.99")).toEqual({ ok: true, pence: 999_999_999_999_999 });
    expect(Number.isSafeInteger(999_999_999_999_999)).toBe(true);
    expect(parsePounds("10000000000000")).toEqual({ ok: false, reason: "too-large" });
    expect(parsePounds("90071992547409.91")).toEqual({ ok: false, reason: "too-large" });
  });

  it("poundsToPence throws on anything parsePounds refuses", () => {
    expect(poundsToPence("£1,234.56")).toBe(123_456);
    expect(() => poundsToPence("1e3")).toThrow(RangeError);
    expect(() => poundsToPence("1.234")).toThrow(/too-many-decimals/);
  });
});

describe("formatPence and penceToPounds", () => {
  it("formats GOV.UK style: whole pounds without pence, otherwise two decimal places", () => {
    expect(formatPence(2_999_999)).toBe("£29,999.99");
    expect(formatPence(15_000_000)).toBe("£150,000");
    expect(formatPence(20_772_000)).toBe("£207,720");
    expect(formatPence(123_450)).toBe("£1,234.50");
    expect(formatPence(1)).toBe("£0.01");
    expect(formatPence(0)).toBe("£0");
    expect(formatPence(999_999_999_999_999)).toBe("£9,999,999,999,999.99");
    expect(formatPence(null)).toBe("Not stated");
    expect(formatPence(undefined, "No minimum")).toBe("No minimum");
    expect(() => formatPence(12.5)).toThrow(RangeError);
  });

  it("writes plain pounds exactly, as forms, CSV and OCDS need them", () => {
    expect(penceToPounds(123_456_789)).toBe("1234567.89");
    expect(penceToPounds(15_000_000)).toBe("150000");
    expect(penceToPounds(15_000_000, { wholePounds: "with-pence" })).toBe("150000.00");
    expect(penceToPounds(5, { wholePounds: "with-pence" })).toBe("0.05");
    expect(penceToPoundsNumber(123_456_789)).toBe(1234567.89);
    expect(JSON.stringify({ amount: penceToPoundsNumber(2_999_999) })).toBe('{"amount":29999.99}');
    expect(JSON.stringify({ amount: penceToPoundsNumber(1_999) })).toBe('{"amount":19.99}');
  });

  it("round-trips: parse(format(p)) and parse(penceToPounds(p)) give p back", () => {
    const samples = [0, 1, 9, 10, 99, 100, 1_999, 2_999_999, 3_000_000, 20_771_999, 20_772_000, 123_456_789, 999_999_999_999_999];
    for (let i = 0; i < 2_000; i++) samples.push(Math.floor(Math.random() * 1e15));
    for (const pence of samples) {
      expect(poundsToPence(formatPence(pence))).toBe(pence);
      expect(poundsToPence(penceToPounds(pence))).toBe(pence);
      expect(poundsToPence(penceToPounds(pence, { wholePounds: "with-pence" }))).toBe(pence);
    }
  });
});

describe("asPence", () => {
  it("accepts only safe whole numbers of pence from loosely typed data", () => {
    expect(asPence(1_999)).toBe(1_999);
    expect(asPence(19.99)).toBeNull();
    expect(asPence("1999")).toBeNull();
    expect(asPence(undefined)).toBeNull();
    expect(formatPence(asPence(undefined))).toBe("Not stated");
  });
});

describe("poundsField (zod)", () => {
  const field = poundsField({ label: "Contract value", example: "148000", maxPence: 1_000_000_000 });
  const error = (raw: unknown) => {
    const result = field.safeParse(raw);
    return result.success ? null : result.error.issues[0].message;
  };

  it("accepts pounds-and-pence text and produces integer pence", () => {
    expect(field.parse("£1,234.56")).toBe(123_456);
    expect(field.parse("1234.5")).toBe(123_450);
    expect(field.parse("£10,000,000")).toBe(1_000_000_000);
  });

  it("gives a clear message for each problem", () => {
    expect(error("")).toBe("Enter the contract value");
    expect(error(undefined)).toBe("Enter the contract value");
    expect(error("1e3")).toBe("Contract value must be an amount in pounds, like 148000");
    expect(error("-1")).toBe("Contract value must be £0 or more");
    expect(error("12.345")).toBe("Contract value must have no more than 2 decimal places (pence), like 148000.50");
    expect(error("10000000.01")).toBe("Contract value must be £10,000,000 or less");
    expect(poundsMessage("too-large", "Price", "1")).toBe("Price must be smaller");
  });

  it("the listing's starting price field works the same way", () => {
    const price = (priceFrom: string) => pricingSectionSchema.shape.priceFrom.safeParse(priceFrom);
    expect(price("12.50")).toEqual({ success: true, data: 1_250 });
    expect(price("£1,234.5")).toEqual({ success: true, data: 123_450 });
    expect(price("12.505").error?.issues[0].message).toBe("The starting price can have at most 2 decimal places, like 12.50");
    expect(price("1e3").error?.issues[0].message).toBe("Enter the starting price as a number, like 12.50");
    expect(price("-1").error?.issues[0].message).toBe("The starting price must be £0 or more");
    expect(price("10000000.01").error?.issues[0].message).toBe("The starting price must be £10,000,000 or less");
  });
});

describe("bands in pence", () => {
  it("puts boundary amounts in the right price and cost bands", () => {
    expect(priceBand(9_999)).toBe("under-100");
    expect(priceBand(10_000)).toBe("100-1000");
    expect(priceBand(99_999)).toBe("100-1000");
    expect(priceBand(100_000)).toBe("1000-10000");
    expect(priceBand(999_999)).toBe("1000-10000");
    expect(priceBand(1_000_000)).toBe("over-10000");
    expect(costBandForPence(2_999_999)).toBe("under-30k");
    expect(costBandForPence(3_000_000)).toBe("30k-100k");
    expect(costBandForPence(24_999_999)).toBe("100k-250k");
    expect(costBandForPence(100_000_000)).toBe("over-1m");
  });
});

describe("BigInt pence columns (app/models/pence.ts)", () => {
  it("converts bigint to number pence and back, refusing unsafe or fractional values", () => {
    expect(penceFromDb(123_456_789n)).toBe(123_456_789);
    expect(penceFromDb(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => penceFromDb(9_007_199_254_740_992n)).toThrow(RangeError);
    expect(penceToDb(2_999_999)).toBe(2_999_999n);
    expect(() => penceToDb(12.5)).toThrow(RangeError);
    expect(() => penceToDb(-1)).toThrow(RangeError);
    expect(() => penceToDb(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(withPence({ id: "a", valuePence: 5n as bigint | null, other: 1 }, "valuePence")).toEqual({ id: "a", valuePence: 5, other: 1 });
    expect(withPence({ valuePence: null as bigint | null }, "valuePence")).toEqual({ valuePence: null });
  });
});
