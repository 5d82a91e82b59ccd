import { prisma } from "~/utils/db.server";
import { rankPeers, type CouncilProfile } from "~/models/peers";

/** Councils' profiles for similarity scoring: type, place, size, service areas and products. */
export async function loadCouncilProfiles(): Promise<CouncilProfile[]> {
  const [councils, studies] = await Promise.all([
    prisma.council.findMany({ select: { id: true, code: true, name: true, type: true, nation: true, region: true, population: true } }),
    prisma.caseStudy.findMany({
      where: { status: "published" },
      select: { councilId: true, serviceAreaId: true, products: { select: { productId: true } } },
    }),
  ]);
  const areas = new Map<string, Set<string>>();
  const products = new Map<string, Set<string>>();
  for (const s of studies) {
    (areas.get(s.councilId) ?? areas.set(s.councilId, new Set()).get(s.councilId)!).add(s.serviceAreaId);
    const set = products.get(s.councilId) ?? products.set(s.councilId, new Set()).get(s.councilId)!;
    for (const p of s.products) if (p.productId) set.add(p.productId);
  }
  return councils.map((c) => ({
    ...c,
    serviceAreas: [...(areas.get(c.id) ?? [])],
    products: [...(products.get(c.id) ?? [])],
  }));
}

export const SIMILAR_THRESHOLD = 0.5;

/** How many of `councilIds` are similar (score ≥ 0.5) to the given council. */
export async function countSimilarCouncils(councilId: string, councilIds: string[]): Promise<number> {
  if (!councilIds.length) return 0;
  const profiles = await loadCouncilProfiles();
  const self = profiles.find((p) => p.id === councilId);
  if (!self) return 0;
  const wanted = new Set(councilIds);
  return rankPeers(self, profiles.filter((p) => wanted.has(p.id))).filter((r) => r.score >= SIMILAR_THRESHOLD).length;
}
