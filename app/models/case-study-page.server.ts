// What the public case-study, home and framework pages show around case studies, with bounded
// work per request (issue 17 item 4). The lists that depend on every published case study (a
// case study's related list ranked by council similarity, the newest on the home page, those
// bought through an agreement) are computed once per peer generation (./peers.server: rebuilt
// only when a case study changes, seen through the search outbox) instead of per request.
import {
  getCaseStudyBySlug,
  listOtherCouncilsUsingProducts,
  listRecentCaseStudies,
  listCaseStudiesForAgreement,
  listRelatedCandidates,
} from "./case-study.server";
import { peerGeneration, rankedPeersOf, rankByPeer } from "./peers.server";

/** Everything the case study page shows: the story, its links, supplier responses and peers. */
export async function getCaseStudyPage(slug: string) {
  const cs = await getCaseStudyBySlug(slug);
  if (!cs) return null;
  const productIds = cs.products.map((p) => p.productId).filter((id): id is string => Boolean(id));
  const g = await peerGeneration();
  const [ranked, related, otherCouncils] = await Promise.all([
    rankedPeersOf(cs.councilId, 5),
    g.memo(`related:${cs.id}`, async () => {
      const candidates = await listRelatedCandidates(cs, productIds);
      const self = g.byId.get(cs.councilId);
      const top = self
        ? rankByPeer(self, g.profiles, candidates, 5)
        : candidates.slice(0, 5).map((item) => ({ item, score: 0, reasons: [] as string[] }));
      return top.map((r) => ({
        slug: r.item.slug,
        title: r.item.title,
        council: r.item.council.name,
        serviceArea: r.item.serviceArea.name,
        score: r.score,
        reasons: r.reasons,
      }));
    }),
    // Product names can change without a case study changing: read each time (one indexed query).
    listOtherCouncilsUsingProducts(productIds, cs.councilId),
  ]);
  return {
    caseStudy: cs,
    peers: (ranked?.peers ?? []).map((p) => ({ code: p.council.code, name: p.council.name, score: p.score, reasons: p.reasons })),
    related,
    otherCouncils,
  };
}

/** The newest published case studies (the home page), computed once per generation. */
export async function recentCaseStudies(take = 6) {
  const g = await peerGeneration();
  return g.memo(`recent:${take}`, () => listRecentCaseStudies(take));
}

/** Published case studies bought through an agreement's lots (its framework page), once per generation. */
export async function caseStudiesForAgreement(agreementId: string, take = 50) {
  const g = await peerGeneration();
  return g.memo(`agreement:${agreementId}:${take}`, () => listCaseStudiesForAgreement(agreementId, take));
}
