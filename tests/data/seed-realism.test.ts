// Issue 19: the generated catalogue must read true. Checked on the generator's output at the
// default seed counts (what `npm run db:seed` and the test template load): deterministic, and
// no database needed.
import { describe, expect, it } from "vitest";
import { loadCouncils } from "../../seed/councils";
import { agreements } from "../../seed/reference/frameworks";
import { buildReferenceRows, generateSeedData } from "../../seed/generate";
import { DEFAULT_SEED_COUNTS } from "../../seed/index";
import { PLACE_NAME_REGIONS, REGION_TOWNS, type UkRegion } from "../../seed/content/names";

const councils = loadCouncils();
const ref = buildReferenceRows(agreements, councils);
const rows = generateSeedData({ ...DEFAULT_SEED_COUNTS }, ref);
const supplierById = new Map(rows.suppliers.map((s) => [s.id, s]));
const productById = new Map(rows.products.map((p) => [p.id, p]));
const councilById = new Map(ref.councils.map((c) => [c.id, c]));

/** Latest version of each product, with its supplier. */
const listings = rows.productVersions.map((v) => {
  const supplier = supplierById.get(productById.get(v.productId)!.supplierId)!;
  return { version: v, supplier };
});

function suppliersBy(key: (name: string) => string): [string, string[]][] {
  const map = new Map<string, Set<string>>();
  for (const { version, supplier } of listings) {
    const k = key(version.name);
    if (!map.has(k)) map.set(k, new Set());
    map.get(k)!.add(supplier.tradingName);
  }
  return [...map].filter(([, s]) => s.size > 1).map(([k, s]) => [k, [...s].sort()]);
}

describe("seed realism (issue 19)", () => {
  it("generates a catalogue of the expected size", () => {
    expect(rows.suppliers).toHaveLength(DEFAULT_SEED_COUNTS.suppliers);
    expect(rows.products).toHaveLength(DEFAULT_SEED_COUNTS.products);
  });

  it("gives no two suppliers a product of the same name", () => {
    expect(suppliersBy((name) => name.toLowerCase())).toEqual([]);
  });

  it("keeps each brand family (a product name's first word) within one supplier", () => {
    expect(suppliersBy((name) => name.split(" ")[0].toLowerCase())).toEqual([]);
  });

  it("places every supplier in a town of its region, and names it after a place only in that region", () => {
    const mismatches: string[] = [];
    for (const s of rows.suppliers) {
      const region = s.region as UkRegion;
      const town = /based in ([^,.]+?) that/.exec(s.description)?.[1];
      if (!town || !REGION_TOWNS[region].includes(town)) mismatches.push(`${s.tradingName}: ${town ?? "no town"} is not in ${region}`);
      for (const word of s.legalName.split(" ")) {
        const regions = PLACE_NAME_REGIONS[word];
        if (regions && !regions.includes(region)) mismatches.push(`${s.tradingName}: ${word} is not in ${region}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("uses nation-correct terms in product descriptions", () => {
    const wrong: string[] = [];
    for (const { version, supplier } of listings) {
      const text = `${version.summary} ${version.description} ${version.features}`;
      const forScotland = /Scot(land|tish)/.test(text) || supplier.region === "Scotland";
      // Scotland recovers unpaid council tax by summary warrant, not a liability order.
      if (forScotland && /liability order/i.test(text) && !/summary warrant/i.test(text))
        wrong.push(`${version.name}: liability order offered to Scottish councils`);
      // Sold to Welsh councils (not merely "England and Wales" law): offers Welsh language support.
      const forWales = /\bWelsh\b[^.]*councils|councils in Wales/.test(text) || supplier.region === "Wales";
      if (forWales && !/Welsh[- ]language/i.test(text)) wrong.push(`${version.name}: for Welsh councils without Welsh language support`);
    }
    expect(wrong).toEqual([]);
  });

  it("uses nation-correct terms in Scottish councils' case studies", () => {
    const wrong = rows.caseStudies
      .filter((c) => councilById.get(c.councilId)?.nation === "Scotland")
      .filter((c) => /liability order/i.test([c.title, c.summary, c.problem, c.approach, c.outcomeNarrative, c.lessons].join(" ")))
      .map((c) => c.title);
    expect(wrong).toEqual([]);
  });

  it('varies case-study titles: no template such as "What X learned from …" dominates', () => {
    const shapes = new Map<string, number>();
    for (const c of rows.caseStudies) {
      const council = councilById.get(c.councilId)!.name;
      const opening = c.title.replace(council, "{council}").split(" ").slice(0, 2).join(" ");
      shapes.set(opening, (shapes.get(opening) ?? 0) + 1);
    }
    const commonest = Math.max(...shapes.values());
    expect(commonest / rows.caseStudies.length).toBeLessThan(0.3);
    expect(rows.caseStudies.filter((c) => /^What .+ learned from /.test(c.title))).toEqual([]);
  });
});
