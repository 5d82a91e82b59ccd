import { prisma } from "~/utils/db.server";
import { onCommitted } from "~/utils/after-commit.server";
import { rankByPeer, rankPeers, similarity, SIMILAR_THRESHOLD, type CouncilProfile, type PeerScore } from "~/models/peers";
import { outboxAfter, outboxPosition, type OutboxCursor } from "./search-outbox.server";

export { SIMILAR_THRESHOLD };

// ───────────────────────────── one generation per process ────────────────────
// Council profiles are built from every published case study, so building them per request
// made every case-study page load all of them (issue 17 item 4). A process keeps one
// generation: the profiles, plus what pages derive from them (peer rankings, related case
// studies, recent lists), memoised. A generation lasts until a case study changes: the search
// outbox has a "case-study" row for every such change, written in the same transaction. The
// process that wrote it looks at once (the after-commit hook); every other process looks at
// most once a second, so their pages follow within a second, like their search index.

const CHECK_EVERY_MS = 1_000;
/** Outbox rows read while looking for a case-study change before rebuilding instead. */
const MAX_ROWS_SCANNED = 2_000;
/** Memoised entries per generation (a case study's related list is one), so memory stays bounded. */
const MAX_MEMO_ENTRIES = 20_000;

export interface PeerGeneration {
  profiles: CouncilProfile[];
  byId: Map<string, CouncilProfile>;
  byCode: Map<string, CouncilProfile>;
  /** The value `build` gives for `key` in this generation, computed once. */
  memo<T>(key: string, build: () => Promise<T>): Promise<T>;
}

function newGeneration(profiles: CouncilProfile[]): PeerGeneration {
  const memo = new Map<string, Promise<unknown>>();
  return {
    profiles,
    byId: new Map(profiles.map((p) => [p.id, p])),
    byCode: new Map(profiles.map((p) => [p.code, p])),
    memo<T>(key: string, build: () => Promise<T>): Promise<T> {
      const known = memo.get(key);
      if (known) return known as Promise<T>;
      if (memo.size >= MAX_MEMO_ENTRIES) memo.clear();
      const made = build();
      memo.set(key, made);
      // A failed build is not kept: the next request tries again.
      made.catch(() => memo.delete(key));
      return made;
    },
  };
}

let current: { generation: PeerGeneration; cursor: OutboxCursor; checkedAt: number } | null = null;
let refreshing: Promise<PeerGeneration> | null = null;
let builds = 0;

async function caseStudyChangedSince(cursor: OutboxCursor): Promise<{ changed: boolean; cursor: OutboxCursor }> {
  let at = cursor;
  for (let scanned = 0; scanned < MAX_ROWS_SCANNED;) {
    const { rows, next } = await outboxAfter(at, 500);
    if (rows.some((r) => r.entityType === "case-study")) return { changed: true, cursor: at };
    at = next;
    scanned += rows.length;
    if (rows.length < 500) return { changed: false, cursor: at };
  }
  return { changed: true, cursor: at };
}

async function refresh(): Promise<PeerGeneration> {
  if (current) {
    const { changed, cursor } = await caseStudyChangedSince(current.cursor);
    if (!changed) {
      current = { ...current, cursor, checkedAt: performance.now() };
      return current.generation;
    }
  }
  // The position first: a change committed while the profiles load is seen by the next check.
  const cursor = await outboxPosition();
  const generation = newGeneration(await loadCouncilProfiles());
  builds += 1;
  current = { generation, cursor, checkedAt: performance.now() };
  return generation;
}

/** The current generation, rebuilt only when a case study has changed since it was built. */
export function peerGeneration(): Promise<PeerGeneration> {
  if (current && performance.now() - current.checkedAt < CHECK_EVERY_MS) return Promise.resolve(current.generation);
  // Concurrent requests share one check (and one build).
  refreshing ??= refresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

// A write in this process: the next page here looks at the outbox instead of waiting a second.
onCommitted("peer-profiles", () => {
  if (current) current.checkedAt = Number.NEGATIVE_INFINITY;
  return Promise.resolve();
});

/** For tests and the bench: how many generations this process has built; forget the current one. */
export const peerGenerations = {
  builds: () => builds,
  clear: () => {
    current = null;
  },
};

/** The councils most like `councilId`, most similar first (memoised per generation); null for no such council. */
export async function rankedPeersOf(councilId: string, limit: number): Promise<{ self: CouncilProfile; peers: PeerScore[] } | null> {
  const g = await peerGeneration();
  const self = g.byId.get(councilId);
  if (!self) return null;
  const peers = await g.memo(`peers:${councilId}:${limit}`, () => Promise.resolve(rankPeers(self, g.profiles, limit)));
  return { self, peers };
}

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
  const g = await peerGeneration();
  const self = g.byId.get(councilId);
  if (!self) return 0;
  return [...new Set(councilIds)].filter((id) => {
    const other = g.byId.get(id);
    return other && other.id !== self.id && similarity(self, other).score >= SIMILAR_THRESHOLD;
  }).length;
}

/** "Councils like mine": the most similar councils, each with its latest published case studies. */
export async function listPeersForCouncil(code: string, limit = 20) {
  const g = await peerGeneration();
  const known = g.byCode.get(code.toUpperCase());
  if (!known) return null;
  const { self, peers } = (await rankedPeersOf(known.id, limit))!;
  // Each peer's count and its three latest: bounded per peer, not every case study they have.
  const [counts, latest] = await Promise.all([
    prisma.caseStudy.groupBy({
      by: ["councilId"],
      where: { status: "published", councilId: { in: peers.map((p) => p.council.id) } },
      _count: { _all: true },
    }),
    Promise.all(
      peers.map((p) =>
        prisma.caseStudy.findMany({
          where: { status: "published", councilId: p.council.id },
          orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
          take: 3,
          select: { slug: true, title: true, councilId: true, serviceArea: { select: { name: true } } },
        }),
      ),
    ),
  ]);
  const countOf = new Map(counts.map((c) => [c.councilId, c._count._all]));
  const byCouncil = new Map(peers.map((p, i) => [p.council.id, latest[i]]));
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
      caseStudyCount: countOf.get(p.council.id) ?? 0,
      caseStudies: (byCouncil.get(p.council.id) ?? [])
        .slice(0, 3)
        .map((s) => ({ slug: s.slug, title: s.title, serviceArea: s.serviceArea.name })),
    })),
  };
}

export { rankByPeer };
