// Renewal radar (issue 16 item 3): contracts of councils like mine (the peer score in peers.ts)
// ending in the next 6, 12, 18 or 24 months, for a service area or product category. Buyers see
// the contracts (public ones, and their own council's private ones); suppliers and the public see
// aggregate demand only: how many councils' public contracts end in each window.
import { prisma, type Prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { loadCouncilProfiles } from "./peers.server";
import { rankPeers, SIMILAR_THRESHOLD, type CouncilProfile, type PeerScore } from "./peers";
import { penceFromDbOrNull } from "./pence";
import { visibleTo, type ContractViewer } from "./contract.server";

import { RADAR_HORIZONS, type RadarHorizon } from "./contract.schema";
export { RADAR_HORIZONS, type RadarHorizon };

export interface RadarScope {
  serviceAreaSlug?: string;
  category?: string;
}

function addMonths(date: Date, months: number): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
  return d;
}

/** Whole months from `from` to `to`, rounded up (a contract ending in 5.2 months is in the 6-month window). */
export function monthsUntil(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  return to.getUTCDate() > from.getUTCDate() ? months + 1 : Math.max(months, 0);
}

export function horizonOf(monthsLeft: number): RadarHorizon | null {
  return RADAR_HORIZONS.find((h) => monthsLeft <= h) ?? null;
}

function scopeWhere(scope: RadarScope): Prisma.ContractWhereInput {
  return {
    ...(scope.serviceAreaSlug ? { serviceArea: { slug: scope.serviceAreaSlug } } : {}),
    ...(scope.category ? { category: scope.category } : {}),
  };
}

// ── peer profiles, precomputed ─────────────────────────────────────────────────
// Scoring every council against every other (their case studies' service areas and products)
// is the costly part of the radar, and its inputs change rarely: a council's case studies are
// published, changed or withdrawn, and each such change writes a search outbox row in the same
// transaction. So each process keeps the profiles and each council's ranked peers, and builds
// them again when the outbox has moved (its highest seq or its row count: on PostgreSQL a lower
// seq can commit after a higher one) or after PEER_CACHE_MAX_AGE_MS (councils themselves change
// only by reseeding). A request then costs one aggregate over the outbox and the contracts query.

const PEER_CACHE_MAX_AGE_MS = 15 * 60_000;

interface PeerGeneration {
  stamp: string;
  builtAt: number;
  profiles: Map<string, CouncilProfile>;
  peers: Map<string, PeerScore[]>;
}

let generation: PeerGeneration | null = null;
let building: Promise<PeerGeneration> | null = null;
let builds = 0;

async function peerStamp(): Promise<string> {
  const outbox = await prisma.searchOutbox.aggregate({ _max: { seq: true }, _count: { _all: true } });
  return `${outbox._max.seq ?? 0}/${outbox._count._all}`;
}

async function currentGeneration(): Promise<PeerGeneration> {
  const stamp = await peerStamp();
  const clock = performance.now();
  if (generation && generation.stamp === stamp && clock - generation.builtAt < PEER_CACHE_MAX_AGE_MS) return generation;
  // Concurrent requests after a change share one build.
  building ??= loadCouncilProfiles()
    .then((profiles) => {
      builds += 1;
      generation = { stamp, builtAt: performance.now(), profiles: new Map(profiles.map((p) => [p.id, p])), peers: new Map() };
      return generation;
    })
    .finally(() => {
      building = null;
    });
  return building;
}

/** The councils similar to `councilId` (score at or above the threshold), most similar first; null for no such council. */
export async function similarCouncils(councilId: string): Promise<PeerScore[] | null> {
  const g = await currentGeneration();
  const known = g.peers.get(councilId);
  if (known) return known;
  const self = g.profiles.get(councilId);
  if (!self) return null;
  const ranked = rankPeers(self, [...g.profiles.values()]).filter((p) => p.score >= SIMILAR_THRESHOLD);
  g.peers.set(councilId, ranked);
  return ranked;
}

/** For tests and the bench: how many times this process has built the profiles, and forget them. */
export const peerCache = {
  builds: () => builds,
  clear: () => {
    generation = null;
  },
};

const RADAR_LIMIT = 500;

/** The contracts of the councils most like `councilId` ending within `months`, soonest first. */
export async function peerRenewals(councilId: string, scope: RadarScope, months: RadarHorizon, viewer: ContractViewer | null) {
  const peers = await similarCouncils(councilId);
  if (!peers) return null;
  const peerById = new Map(peers.map((p) => [p.council.id, p]));
  const today = now();
  const until = addMonths(today, months);
  // Only peers' contracts are listed, so the viewer's own private ones can show only when their
  // council is among the peers; otherwise "public" alone is the same rows, and without the OR the
  // database reads each peer's window from Contract(councilId, status, visibility, endDate)
  // instead of every public contract ending in the window.
  const shown = viewer?.councilId && peerById.has(viewer.councilId) ? viewer : null;
  const inWindow = (to: Date): Prisma.ContractWhereInput => ({
    AND: [visibleTo(shown), scopeWhere(scope), { councilId: { in: [...peerById.keys()] } }, { endDate: { gte: today, lte: to } }],
  });
  const rows = await prisma.contract.findMany({
    where: inWindow(until),
    orderBy: [{ endDate: "asc" }, { id: "asc" }],
    take: RADAR_LIMIT,
    select: {
      id: true,
      title: true,
      supplierName: true,
      valuePence: true,
      endDate: true,
      latestEndDate: true,
      councilId: true,
      council: { select: { code: true, name: true } },
      serviceArea: { select: { name: true } },
    },
  });
  const contracts = rows.map((r) => {
    const left = monthsUntil(today, r.endDate!);
    const peer = peerById.get(r.councilId!)!;
    return {
      id: r.id,
      title: r.title,
      supplierName: r.supplierName,
      valuePence: penceFromDbOrNull(r.valuePence),
      endDate: r.endDate!.toISOString().slice(0, 10),
      latestEndDate: r.latestEndDate?.toISOString().slice(0, 10) ?? null,
      monthsLeft: left,
      horizon: horizonOf(left),
      council: r.council!,
      serviceArea: r.serviceArea?.name ?? null,
      similarity: peer.score,
      reasons: peer.reasons,
    };
  });
  // A window the (complete) list covers is counted off it; a longer window, or any window once
  // the list stopped at RADAR_LIMIT, is counted by the database (an indexed count, not rows).
  const complete = rows.length < RADAR_LIMIT;
  const counts = Object.fromEntries(
    await Promise.all(
      RADAR_HORIZONS.map(async (h) =>
        complete && h <= months
          ? ([h, contracts.filter((c) => c.monthsLeft <= h).length] as const)
          : ([h, await prisma.contract.count({ where: inWindow(addMonths(today, h)) })] as const),
      ),
    ),
  ) as Record<RadarHorizon, number>;
  return {
    today: today.toISOString().slice(0, 10),
    months,
    peers: peers.length,
    contracts,
    counts,
    truncated: rows.length === RADAR_LIMIT,
  };
}

/**
 * Aggregate demand for suppliers and the public: per service area, how many councils' public
 * contracts end in each window. Counts councils, never names them.
 */
export async function aggregateDemand(scope: RadarScope) {
  const today = now();
  const until = addMonths(today, RADAR_HORIZONS.at(-1)!);
  // One row per service area and council (its soonest-ending contract), not one per contract:
  // a council counts in every window its soonest contract falls in.
  const [groups, areas] = await Promise.all([
    prisma.contract.groupBy({
      by: ["serviceAreaId", "councilId"],
      where: { AND: [visibleTo(null), scopeWhere(scope), { councilId: { not: null } }, { endDate: { gte: today, lte: until } }] },
      _min: { endDate: true },
    }),
    prisma.serviceArea.findMany({ select: { id: true, name: true, slug: true } }),
  ]);
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const byArea = new Map<string, { name: string; slug: string | null; councils: Record<RadarHorizon, number> }>();
  for (const g of groups) {
    const area = g.serviceAreaId ? areaById.get(g.serviceAreaId) : undefined;
    const key = area?.slug ?? "";
    const entry = byArea.get(key) ?? {
      name: area?.name ?? "Other or not recorded",
      slug: area?.slug ?? null,
      councils: Object.fromEntries(RADAR_HORIZONS.map((h) => [h, 0])) as Record<RadarHorizon, number>,
    };
    byArea.set(key, entry);
    const left = monthsUntil(today, g._min.endDate!);
    for (const h of RADAR_HORIZONS) if (left <= h) entry.councils[h] += 1;
  }
  return [...byArea.values()].sort((a, b) => b.councils[24] - a.councils[24] || a.name.localeCompare(b.name));
}
