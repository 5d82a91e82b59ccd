// "Councils like mine": a documented, explainable similarity score between councils
// (docs/peer-matching.md). Pure functions; the weights sum to 1 so a score reads as a
// share of "identical".
//
//   type          0.30  same mySociety type; 0.20 if only the same tier (e.g. unitary vs metropolitan district)
//   place         0.25  same region 0.25; same nation only 0.10
//   population    0.20  same band 0.20; adjacent band 0.10
//   service areas 0.15  Jaccard overlap of the service areas they published case studies in
//   products      0.10  Jaccard overlap of the catalogue products their case studies used
// Scores are rounded to 3 decimal places before sorting; ties are broken by name, then code,
// so the ranking is stable.

export interface CouncilProfile {
  id: string;
  code: string;
  name: string;
  type: string;
  nation: string;
  region: string;
  population: number | null;
  serviceAreas: string[];
  products: string[];
}

export const PEER_WEIGHTS = {
  type: 0.3,
  tier: 0.2,
  region: 0.25,
  nation: 0.1,
  populationBand: 0.2,
  adjacentBand: 0.1,
  serviceAreas: 0.15,
  products: 0.1,
} as const;

/** Tiers of local government, from mySociety's type codes. */
export const TIERS: Record<string, string> = {
  UA: "single-tier",
  MD: "single-tier",
  LBO: "single-tier",
  SCO: "single-tier",
  WPA: "single-tier",
  NID: "single-tier",
  CC: "single-tier",
  CTY: "upper-tier",
  NMD: "lower-tier",
  COMB: "combined",
  SRA: "combined",
};

export const POPULATION_BANDS = [
  { max: 100_000, label: "under 100,000" },
  { max: 200_000, label: "100,000 to 200,000" },
  { max: 350_000, label: "200,000 to 350,000" },
  { max: 600_000, label: "350,000 to 600,000" },
  { max: Infinity, label: "600,000 or more" },
] as const;

/** Councils at or above this score count as "similar" (e.g. "used by 12 councils, including 3 similar to yours"). */
export const SIMILAR_THRESHOLD = 0.5;

export function populationBand(population: number | null): number | null {
  if (population == null) return null;
  return POPULATION_BANDS.findIndex((b) => population < b.max);
}

function overlap(a: string[], b: string[]): { shared: number; jaccard: number } {
  const setA = new Set(a);
  const setB = new Set(b);
  if (!setA.size || !setB.size) return { shared: 0, jaccard: 0 };
  const shared = [...setA].filter((x) => setB.has(x)).length;
  return { shared, jaccard: shared / new Set([...setA, ...setB]).size };
}

export interface PeerScore {
  council: CouncilProfile;
  score: number;
  reasons: string[];
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function similarity(self: CouncilProfile, other: CouncilProfile): PeerScore {
  const reasons: string[] = [];
  let score = 0;
  if (self.type === other.type) {
    score += PEER_WEIGHTS.type;
    reasons.push("same type of council");
  } else if (TIERS[self.type] && TIERS[self.type] === TIERS[other.type]) {
    score += PEER_WEIGHTS.tier;
    reasons.push(`both ${TIERS[self.type]} councils`);
  }
  if (self.region === other.region) {
    score += PEER_WEIGHTS.region;
    reasons.push(`same region (${other.region})`);
  } else if (self.nation === other.nation) {
    score += PEER_WEIGHTS.nation;
    reasons.push(`same nation (${other.nation})`);
  }
  const bandA = populationBand(self.population);
  const bandB = populationBand(other.population);
  if (bandA != null && bandB != null) {
    if (bandA === bandB) {
      score += PEER_WEIGHTS.populationBand;
      reasons.push(`population ${POPULATION_BANDS[bandA].label}`);
    } else if (Math.abs(bandA - bandB) === 1) {
      score += PEER_WEIGHTS.adjacentBand;
      reasons.push("similar population");
    }
  }
  const areas = overlap(self.serviceAreas, other.serviceAreas);
  if (areas.shared > 0) {
    score += PEER_WEIGHTS.serviceAreas * areas.jaccard;
    reasons.push(`case studies in ${plural(areas.shared, "service area", "service areas")} in common`);
  }
  const products = overlap(self.products, other.products);
  if (products.shared > 0) {
    score += PEER_WEIGHTS.products * products.jaccard;
    reasons.push(`uses ${plural(products.shared, "product", "products")} in common`);
  }
  return { council: other, score: Math.round(score * 1000) / 1000, reasons };
}

/** Other councils ranked by similarity, most similar first; stable for equal scores. */
export function rankPeers(self: CouncilProfile, candidates: CouncilProfile[], limit = Infinity): PeerScore[] {
  return candidates
    .filter((c) => c.id !== self.id)
    .map((c) => similarity(self, c))
    .sort((a, b) => b.score - a.score || a.council.name.localeCompare(b.council.name) || a.council.code.localeCompare(b.council.code))
    .slice(0, limit);
}

/**
 * Orders items (case studies) by how similar their council is to `self`, then by the
 * given order (e.g. newest first). Items from councils with the same score keep their order.
 */
export function rankByPeer<T extends { councilId: string }>(
  self: CouncilProfile,
  profiles: CouncilProfile[],
  items: T[],
  limit = Infinity,
) {
  const byId = new Map(profiles.map((p) => [p.id, p]));
  return items
    .map((item, index) => {
      const other = byId.get(item.councilId);
      const peer = other ? similarity(self, other) : { score: 0, reasons: [] as string[] };
      return { item, index, score: peer.score, reasons: peer.reasons };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ item, score, reasons }) => ({ item, score, reasons }));
}

export function scorePercent(score: number): string {
  return `${Math.round(score * 100)}%`;
}
