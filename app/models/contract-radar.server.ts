// Renewal radar (issue 16 item 3): contracts of councils like mine (the peer score in peers.ts)
// ending in the next 6, 12, 18 or 24 months, for a service area or product category. Buyers see
// the contracts (public ones, and their own council's private ones); suppliers and the public see
// aggregate demand only: how many councils' public contracts end in each window.
import { prisma, type Prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { loadCouncilProfiles } from "./peers.server";
import { rankPeers, SIMILAR_THRESHOLD } from "./peers";
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

/** The contracts of the councils most like `councilId` ending within `months`, soonest first. */
export async function peerRenewals(councilId: string, scope: RadarScope, months: RadarHorizon, viewer: ContractViewer | null) {
  const profiles = await loadCouncilProfiles();
  const self = profiles.find((p) => p.id === councilId);
  if (!self) return null;
  const peers = rankPeers(self, profiles).filter((p) => p.score >= SIMILAR_THRESHOLD);
  const peerById = new Map(peers.map((p) => [p.council.id, p]));
  const today = now();
  const until = addMonths(today, months);
  const rows = await prisma.contract.findMany({
    where: {
      AND: [visibleTo(viewer), scopeWhere(scope), { councilId: { in: [...peerById.keys()] } }, { endDate: { gte: today, lte: until } }],
    },
    orderBy: [{ endDate: "asc" }, { id: "asc" }],
    take: 500,
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
  const counts = Object.fromEntries(RADAR_HORIZONS.map((h) => [h, contracts.filter((c) => c.monthsLeft <= h).length])) as Record<
    RadarHorizon,
    number
  >;
  return { today: today.toISOString().slice(0, 10), months, peers: peers.length, contracts, counts };
}

/**
 * Aggregate demand for suppliers and the public: per service area, how many councils' public
 * contracts end in each window. Counts councils, never names them.
 */
export async function aggregateDemand(scope: RadarScope) {
  const today = now();
  const until = addMonths(today, RADAR_HORIZONS.at(-1)!);
  const rows = await prisma.contract.findMany({
    where: { AND: [visibleTo(null), scopeWhere(scope), { councilId: { not: null } }, { endDate: { gte: today, lte: until } }] },
    select: { councilId: true, endDate: true, serviceArea: { select: { name: true, slug: true } } },
    take: 200_000,
  });
  const byArea = new Map<string, { name: string; slug: string | null; councils: Map<RadarHorizon, Set<string>> }>();
  for (const r of rows) {
    const key = r.serviceArea?.slug ?? "";
    const entry = byArea.get(key) ?? {
      name: r.serviceArea?.name ?? "Other or not recorded",
      slug: r.serviceArea?.slug ?? null,
      councils: new Map(),
    };
    byArea.set(key, entry);
    const left = monthsUntil(today, r.endDate!);
    for (const h of RADAR_HORIZONS) if (left <= h) (entry.councils.get(h) ?? entry.councils.set(h, new Set()).get(h)!).add(r.councilId!);
  }
  return [...byArea.values()]
    .map((a) => ({
      name: a.name,
      slug: a.slug,
      councils: Object.fromEntries(RADAR_HORIZONS.map((h) => [h, a.councils.get(h)?.size ?? 0])) as Record<RadarHorizon, number>,
    }))
    .sort((a, b) => b.councils[24] - a.councils[24] || a.name.localeCompare(b.name));
}
