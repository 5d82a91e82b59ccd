// Issue 12 finding 6 (ReDoS): the https-URL check on listing pricing and data-security
// fields took 6.6 s for 40 kB and grew quadratically (a form body may be ~1.9 MB). Every
// form schema is now fed hostile 40 kB and 1.9 MB values in every field: each is refused,
// in bounded time. Tight figures are printed; the assertion is loose for a loaded machine.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dataSecuritySectionSchema, listingSchema, pricingSectionSchema } from "~/models/listing.schema";
import { isHttpsUrl } from "~/utils/forms";

// Every schema module in app/models (a new one is covered without being listed), and the buying guide's steps.
const SCHEMA_MODULES = [
  ...fs
    .readdirSync("app/models")
    .filter((f) => f.endsWith(".schema.ts"))
    .map((f) => f.replace(/\.ts$/, "")),
  "buying-guide-steps",
];

/** The fields a schema reads, found through preprocess/refine/pipe/union wrappers. */
function fieldsOf(schema: z.ZodTypeAny, depth = 0): string[] {
  if (depth > 8) return [];
  const def = schema._def as Record<string, unknown>;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  for (const inner of ["schema", "innerType", "in"] as const)
    if (def[inner] instanceof z.ZodType) return fieldsOf(def[inner] as z.ZodTypeAny, depth + 1);
  if (Array.isArray(def.options)) return (def.options as z.ZodTypeAny[]).flatMap((o) => fieldsOf(o, depth + 1));
  if (def.options instanceof Map) return [...(def.options as Map<unknown, z.ZodTypeAny>).values()].flatMap((o) => fieldsOf(o, depth + 1));
  return [];
}

// Shapes that make backtracking patterns explode: long runs with no end match.
const HOSTILE: Record<string, (n: number) => string> = {
  "https and dots": (n) => "https://" + ".".repeat(n) + "<",
  "https and letters": (n) => "https://" + "a".repeat(n) + " ",
  "email-like": (n) => "a@" + "a.".repeat(n / 2) + "<",
  digits: (n) => "1".repeat(n) + "x",
  dashes: (n) => "a" + "-".repeat(n) + "!",
  "thousands separators": (n) => "1" + ",111".repeat(n / 4) + ",",
  spaces: (n) => "a" + " ".repeat(n) + "!",
};

function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

describe("bounded-time validation", () => {
  it.each([40_000, 1_900_000])("refuses a %i-character pricing or accessibility web address in well under a second", (size) => {
    const url = HOSTILE["https and dots"](size);
    const pricing = { priceFrom: "12.50", priceUnit: "per user per month", vatIncluded: "yes", freeTrial: "no", pricingDocumentUrl: url };
    let result: ReturnType<typeof pricingSectionSchema.safeParse> | undefined;
    const pricingMs = timed(() => (result = pricingSectionSchema.safeParse(pricing)));
    expect(result!.success).toBe(false);
    let security: ReturnType<typeof dataSecuritySectionSchema.safeParse> | undefined;
    const securityMs = timed(
      () => (security = dataSecuritySectionSchema.safeParse({ dataLocation: "UK", security: [], accessibilityStatementUrl: url })),
    );
    expect(security!.success).toBe(false);
    const wholeMs = timed(() => listingSchema.safeParse({ pricingDocumentUrl: url, accessibilityStatementUrl: url }));
    console.log(
      `finding 6: ${size} characters: pricing ${pricingMs.toFixed(1)} ms, data security ${securityMs.toFixed(1)} ms, whole listing ${wholeMs.toFixed(1)} ms`,
    );
    expect(pricingMs + securityMs + wholeMs).toBeLessThan(2_000);
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

  it("every form schema answers hostile 40 kB and 1.9 MB values in every field in bounded time", async () => {
    let worst = { ms: 0, what: "" };
    let checked = 0;
    for (const name of SCHEMA_MODULES) {
      const mod = (await import(/* @vite-ignore */ `~/models/${name}`)) as Record<string, unknown>;
      for (const [exported, schema] of Object.entries(mod)) {
        if (!(schema instanceof z.ZodType)) continue;
        const fields = fieldsOf(schema);
        if (!fields.length) continue;
        for (const [shape, make] of Object.entries(HOSTILE)) {
          for (const size of [40_000, 1_900_000]) {
            const value = make(size);
            const input = Object.fromEntries(fields.map((f) => [f, value]));
            const ms = timed(() => schema.safeParse(input));
            checked += 1;
            if (ms > worst.ms) worst = { ms, what: `${name}.${exported} (${shape}, ${size})` };
          }
        }
      }
    }
    console.log(`finding 6: ${checked} schema × shape × size checks, slowest ${worst.ms.toFixed(1)} ms: ${worst.what}`);
    expect(checked).toBeGreaterThan(200);
    expect(worst.ms, worst.what).toBeLessThan(2_000);
  }, 120_000);
});
