// A listing's history for its supplier: the listing's own audit events, newest first, each read
// through listingHistoryEntry (listing-history.ts) with the framework lots it names labelled.
import { prisma } from "~/utils/db.server";
import { listAuditEvents } from "./audit.server";
import { listingHistoryEntry } from "./listing-history";

function lotIdsIn(json: string | null): string[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    const ids = value && typeof value === "object" ? (value as { lotIds?: unknown }).lotIds : undefined;
    return Array.isArray(ids) ? ids.map(String) : [];
  } catch {
    return [];
  }
}

/** "G-Cloud 15 (RM1557.15) lot 2: Cloud software", as the moderation view names a lot. */
async function lotLabels(ids: string[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const lots = await prisma.lot.findMany({
    where: { id: { in: ids } },
    select: { id: true, number: true, name: true, agreement: { select: { shortName: true, number: true } } },
  });
  return Object.fromEntries(lots.map((l) => [l.id, `${l.agreement.shortName} (${l.agreement.number}) lot ${l.number}: ${l.name}`]));
}

export async function listListingHistory(productId: string, take = 200) {
  const events = await listAuditEvents({ entityType: "product", entityId: productId, take });
  const labels = await lotLabels([...new Set(events.flatMap((e) => [...lotIdsIn(e.before), ...lotIdsIn(e.after)]))]);
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    at: e.createdAt,
    actor: e.actor?.name ?? "System",
    ...listingHistoryEntry(e, labels),
  }));
}
