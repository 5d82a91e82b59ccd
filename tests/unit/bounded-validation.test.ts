// Issue 12 finding 6 (ReDoS): the https-URL check on listing pricing and data-security
// fields took 6.6 s for 40 kB and grew quadratically (a form body may be ~1.9 MB). Every
// form schema is now fed hostile 40 kB and 1.9 MB values in every field and must refuse each.
// How long that takes is a benchmark figure (npm run bench -- --only hostile), not an
// assertion here; a pattern that backtracks again would run for hours at 1.9 MB, past the
// test's own timeout, so a regression still fails this file.
import { describe, expect, it } from "vitest";
import { HOSTILE, hostileSchemaInputs } from "../support/hostile-inputs";
import { dataSecuritySectionSchema, listingSchema, pricingSectionSchema } from "~/models/listing.schema";
import { isHttpsUrl } from "~/utils/forms";

describe("bounded-time validation", () => {
  it.each([40_000, 1_900_000])("refuses a %i-character pricing or accessibility web address", (size) => {
    const url = HOSTILE["https and dots"](size);
    const pricing = { priceFrom: "12.50", priceUnit: "per user per month", vatIncluded: "yes", freeTrial: "no", pricingDocumentUrl: url };
    expect(pricingSectionSchema.safeParse(pricing).success).toBe(false);
    expect(dataSecuritySectionSchema.safeParse({ dataLocation: "UK", security: [], accessibilityStatementUrl: url }).success).toBe(false);
    expect(listingSchema.safeParse({ pricingDocumentUrl: url, accessibilityStatementUrl: url }).success).toBe(false);
  });

  it("accepts ordinary https addresses and refuses the rest", () => {
    expect(isHttpsUrl("https://www.kestrel-civic.example/pricing.pdf")).toBe(true);
    for (const bad of [
      "http://example.com",
      "https://localhost/x.pdf",
      "https://user:pw@example.com",
      "https://exa mple.com",
      "javascript:alert(1)",
      "https://.example",
      `https://e.com/${"a".repeat(3_000)}`,
    ]) {
      expect(isHttpsUrl(bad), bad).toBe(false);
    }
  });

  it("every form schema refuses hostile 40 kB and 1.9 MB values in every field, or drops them (query schemas fall back to defaults)", async () => {
    const accepted: string[] = [];
    let checked = 0;
    for await (const c of hostileSchemaInputs((name) => import(/* @vite-ignore */ `~/models/${name}`))) {
      checked += 1;
      const parsed = c.schema.safeParse(c.input);
      if (parsed.success && JSON.stringify(parsed.data ?? null).length >= c.size) accepted.push(c.what);
    }
    expect(checked).toBeGreaterThan(200);
    expect(accepted).toEqual([]);
  }, 120_000);
});
