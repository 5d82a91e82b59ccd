import { describe, expect, it } from "vitest";
import { PEER_WEIGHTS, populationBand, rankByPeer, rankPeers, similarity, type CouncilProfile } from "~/models/peers";

function council(partial: Partial<CouncilProfile> & Pick<CouncilProfile, "code" | "name">): CouncilProfile {
  return {
    id: `cncl_${partial.code}`,
    type: "UA",
    nation: "England",
    region: "South East",
    population: 290_000,
    serviceAreas: [],
    products: [],
    ...partial,
  };
}

const self = council({ code: "BNH", name: "Brighton and Hove", serviceAreas: ["revenues", "housing"], products: ["p1", "p2"] });
const fixtures: CouncilProfile[] = [
  self,
  council({ code: "FSH", name: "Fishersgate", type: "SCO", nation: "Scotland", region: "Scotland", population: null }),
  council({ code: "DAC", name: "Dacorum", type: "NMD", region: "East of England", population: 210_000 }),
  council({ code: "STH", name: "Southampton", population: 250_000, serviceAreas: ["revenues"], products: ["p1"] }),
  council({ code: "BAB", name: "Babergh", type: "NMD", region: "East of England", population: 300_000 }),
  council({ code: "WIG", name: "Wigan", type: "MD", region: "North West", population: 330_000 }),
  council({ code: "RDG", name: "Reading", population: 160_000 }),
];

describe("peer matching", () => {
  it("weights add up to 1 for an identical council", () => {
    expect(
      PEER_WEIGHTS.type + PEER_WEIGHTS.region + PEER_WEIGHTS.populationBand + PEER_WEIGHTS.serviceAreas + PEER_WEIGHTS.products,
    ).toBeCloseTo(1);
    const twin = council({ code: "TWN", name: "Twin", serviceAreas: ["revenues", "housing"], products: ["p1", "p2"] });
    expect(similarity(self, twin).score).toBe(1);
  });

  it("puts population into documented bands", () => {
    expect(populationBand(99_999)).toBe(0);
    expect(populationBand(100_000)).toBe(1);
    expect(populationBand(290_000)).toBe(2);
    expect(populationBand(2_000_000)).toBe(4);
    expect(populationBand(null)).toBeNull();
  });

  it("ranks councils most similar first, with ties in name order and the council itself left out", () => {
    const ranked = rankPeers(self, fixtures);
    expect(ranked.map((r) => [r.council.code, r.score])).toEqual([
      ["STH", 0.875], // same type, region and band, half the service areas and products
      ["RDG", 0.65], // same type and region, adjacent population band
      ["WIG", 0.5], // same tier, same nation, same band
      ["BAB", 0.3], // tie: same nation and band…
      ["DAC", 0.3], // …so alphabetical: Babergh before Dacorum
      ["FSH", 0.2], // same tier only; no population known
    ]);
  });

  it("is stable for equal scores and equal names (falls back to code)", () => {
    const a = council({ code: "AAA", name: "Sameshire", type: "CTY", region: "Wales", nation: "Wales", population: 5_000_000 });
    const b = council({ code: "BBB", name: "Sameshire", type: "CTY", region: "Wales", nation: "Wales", population: 5_000_000 });
    expect(rankPeers(self, [b, a]).map((r) => r.council.code)).toEqual(["AAA", "BBB"]);
    expect(rankPeers(self, [a, b]).map((r) => r.council.code)).toEqual(["AAA", "BBB"]);
  });

  it("explains each score with its reasons", () => {
    const [first] = rankPeers(self, fixtures, 1);
    expect(first.reasons).toEqual([
      "same type of council",
      "same region (South East)",
      "population 200,000 to 350,000",
      "case studies in 1 service area in common",
      "uses 1 product in common",
    ]);
    const wigan = similarity(
      self,
      fixtures.find((c) => c.code === "WIG")!,
    );
    expect(wigan.reasons).toEqual(["both single-tier councils", "same nation (England)", "population 200,000 to 350,000"]);
    const reading = similarity(
      self,
      fixtures.find((c) => c.code === "RDG")!,
    );
    expect(reading.reasons).toContain("similar population");
  });

  it("limits the list", () => {
    expect(rankPeers(self, fixtures, 2).map((r) => r.council.code)).toEqual(["STH", "RDG"]);
  });

  it("orders related case studies by their council's similarity, keeping the given order for ties", () => {
    const items = [
      { slug: "wigan-1", councilId: "cncl_WIG" },
      { slug: "sth-1", councilId: "cncl_STH" },
      { slug: "unknown", councilId: "cncl_NOPE" },
      { slug: "sth-2", councilId: "cncl_STH" },
    ];
    expect(rankByPeer(self, fixtures, items).map((r) => r.item.slug)).toEqual(["sth-1", "sth-2", "wigan-1", "unknown"]);
  });
});
