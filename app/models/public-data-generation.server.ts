// The generation of the data public pages show, for the public-page cache (server/page-cache.js):
// a short string that changes whenever a change that public pages show commits. Every change to
// listings, suppliers and case studies writes a search-outbox row in its own transaction, and
// every change to listings, case studies, projects, contracts, awards and accounts an audit event
// (app/models/audit.server.ts): the cache keeps a page only while this string stays the same.
//
// Cheap on purpose (the cache asks at most every 250 ms per worker): two index lookups for the
// newest outbox row and audit event, and two counts over the rows near them. The counts see a
// PostgreSQL transaction that took its outbox `seq` (or its audit time) before another one but
// committed after it, which leaves the newest values as they were; on SQLite writers commit in
// order, and the counts are there for the same reason.
import { prisma } from "~/utils/db.server";

/** Outbox rows behind the newest that a late commit can still be among. */
const OUTBOX_WINDOW = 1_000;
/** Audit events this close behind the newest that a late commit can still be among. */
const AUDIT_WINDOW_MS = 60_000;

export async function publicDataGeneration(): Promise<string> {
  const [outbox, audit] = await Promise.all([
    prisma.searchOutbox.aggregate({ _max: { seq: true } }),
    prisma.auditEvent.aggregate({ _max: { createdAt: true } }),
  ]);
  const seq = outbox._max.seq ?? 0;
  const latest = audit._max.createdAt;
  const [outboxNear, auditNear] = await Promise.all([
    prisma.searchOutbox.count({ where: { seq: { gt: seq - OUTBOX_WINDOW } } }),
    latest ? prisma.auditEvent.count({ where: { createdAt: { gte: new Date(latest.getTime() - AUDIT_WINDOW_MS) } } }) : 0,
  ]);
  return `${seq}.${outboxNear}:${latest?.getTime() ?? 0}.${auditNear}`;
}

const REGISTRY = "__cmPublicDataGeneration";

/**
 * Makes publicDataGeneration available to server/page-cache.js, which runs outside the app
 * bundle (as server/log.js shares its logger, through globalThis). Called by app/entry.server.tsx
 * when the build loads.
 */
export function registerPublicDataGeneration(): void {
  const g = globalThis as Record<string, unknown>;
  g[REGISTRY] ??= publicDataGeneration;
}
