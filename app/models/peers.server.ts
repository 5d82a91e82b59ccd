import { prisma } from "~/utils/db.server";
import { rankByPeer, rankPeers, SIMILAR_THRESHOLD, type CouncilProfile } from "~/models/peers";

export { SIMILAR_THRESHOLD };

/** Councils' profiles for similarity scoring: type, place, size, service areas and products. */
export async function loadCouncilProfiles(): Promise<CouncilProfile[]> {
  const [councils, studies] = await Promise.all([
    prisma.council.findMany({
      select: { id: true, code: true, name: true, type: true, nation: true, region: true, population: true },
      orderBy: { code: "asc" },
    }),
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

/** How many of `councilIds` are similar (score ≥ 0.5) to the given council. */
export async function countSimilarCouncils(councilId: string, councilIds: string[]): Promise<number> {
  if (!councilIds.length) return 0;
  const profiles = await loadCouncilProfiles();
  const self = profiles.find((p) => p.id === councilId);
  if (!self) return 0;
  const wanted = new Set(councilIds);
  return rankPeers(
    self,
    profiles.filter((p) => wanted.has(p.id)),
  ).filter((r) => r.score >= SIMILAR_THRESHOLD).length;
}

/** "Councils like mine": the most similar councils, each with its latest published case studies. */
export async function listPeersForCouncil(code: string, limit = 20) {
  const profiles = await loadCouncilProfiles();
  const self = profiles.find((p) => p.code === code.toUpperCase());
  if (!self) return null;
  const peers = rankPeers(self, profiles, limit);
  const studies = await prisma.caseStudy.findMany({
    where: { status: "published", councilId: { in: peers.map((p) => p.council.id) } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    select: { slug: true, title: true, councilId: true, serviceArea: { select: { name: true } } },
  });
  const byCouncil = new Map<string, typeof studies>();
  for (const s of studies) (byCouncil.get(s.councilId) ?? byCouncil.set(s.councilId, []).get(s.councilId)!).push(s);
  const council = await prisma.council.findUnique({
    where: { id: self.id },
    select: { code: true, name: true, officialName: true, typeName: true, region: true, nation: true, population: true },
  });
  return {
    council: council!,
    peers: peers.map((p) => ({
      code: p.council.code,
      name: p.council.name,
      score: p.score,
      reasons: p.reasons,
      caseStudyCount: byCouncil.get(p.council.id)?.length ?? 0,
      caseStudies: (byCouncil.get(p.council.id) ?? [])
        .slice(0, 3)
        .map((s) => ({ slug: s.slug, title: s.title, serviceArea: s.serviceArea.name })),
    })),
  };
}

/** Councils most like this one (for a case study page), with the reasons. */
export async function peersOf(councilId: string, limit = 5) {
  const profiles = await loadCouncilProfiles();
  const self = profiles.find((p) => p.id === councilId);
  if (!self) return { self: null, profiles, peers: [] };
  return { self, profiles, peers: rankPeers(self, profiles, limit) };
}

export { rankByPeer };
