// The renewal radar's precomputed peer profiles (issue 16 item 3): built once per process and
// reused until the search outbox moves (a case study published, changed or withdrawn), with the
// same ranking as scoring afresh; and each window's count is the same whichever window is shown.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

let buyerA = "";
beforeAll(async () => {
  buyerA = await cookieFor(DEMO.buyerA);
});

async function radar(query: string) {
  const mod = await import("~/routes/radar");
  const res = await responseOf(() => mod.loader({ request: makeRequest(`/radar?${query}`, { cookie: buyerA }), params: {}, context }));
  return (await res.json()) as { radar: { peers: number; counts: Record<string, number>; contracts: { id: string }[] } };
}

describe("peer profiles", () => {
  it("are built once and reused until the search outbox moves, ranking exactly as scoring afresh", async () => {
    const { similarCouncils, peerCache } = await import("~/models/contract-radar.server");
    const { loadCouncilProfiles } = await import("~/models/peers.server");
    const { rankPeers, SIMILAR_THRESHOLD } = await import("~/models/peers");
    const { prisma } = await import("~/utils/db.server");
    const bnh = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
    peerCache.clear();
    const builds = peerCache.builds();
    const first = await similarCouncils(bnh.id);
    await similarCouncils(bnh.id);
    await radar("months=12");
    expect(peerCache.builds()).toBe(builds + 1);

    const profiles = await loadCouncilProfiles();
    const fresh = rankPeers(
      profiles.find((p) => p.id === bnh.id)!,
      profiles,
    ).filter((p) => p.score >= SIMILAR_THRESHOLD);
    expect(first!.map((p) => [p.council.code, p.score])).toEqual(fresh.map((p) => [p.council.code, p.score]));

    // A case study changes (its outbox row commits with it): the next radar request rebuilds.
    const study = await prisma.caseStudy.findFirstOrThrow({ where: { status: "published" } });
    const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
    await prisma.$transaction((tx) => enqueueSearchUpdate(tx, [{ entityType: "case-study", entityId: study.id }]));
    await similarCouncils(bnh.id);
    expect(peerCache.builds()).toBe(builds + 2);
    await similarCouncils(bnh.id);
    expect(peerCache.builds()).toBe(builds + 2);
  });

  it("count each window the same whichever window the page shows", async () => {
    const short = await radar("serviceArea=revenues-and-benefits&months=6");
    const long = await radar("serviceArea=revenues-and-benefits&months=24");
    expect(short.radar.counts).toEqual(long.radar.counts);
    expect(long.radar.counts["24"]).toBe(long.radar.contracts.length);
    expect(long.radar.counts["24"]).toBeGreaterThan(long.radar.counts["6"]);
  });
});
