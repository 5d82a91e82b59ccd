import { prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { insertRows, newRowId } from "./bulk-insert.server";

export interface AuditInput {
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

const auditRow = (input: AuditInput) => ({
  actorId: input.actorId ?? null,
  action: input.action,
  entityType: input.entityType,
  entityId: input.entityId ?? null,
  before: input.before === undefined ? null : JSON.stringify(input.before),
  after: input.after === undefined ? null : JSON.stringify(input.after),
  ip: input.ip ?? null,
});

/** Appends an audit event; pass the transaction so it commits (or not) with the change. */
export async function recordAudit(input: AuditInput, tx: Tx = prisma): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(input) });
}

/** Who made a change: the signed-in user (null for a signed link or the system) and the request's address. */
export interface AuditActor {
  id: string | null;
  ip?: string | null;
}

/**
 * The audit writer for one kind of entity, for a model that records many changes to it:
 * `auditCaseStudy(tx, actor, caseStudyId, "case-study.updated", { before, after })` appends the
 * event in the change's transaction.
 */
export function auditWriterFor(entityType: string) {
  return (tx: Tx, actor: AuditActor, entityId: string, action: string, change: { before?: unknown; after?: unknown } = {}) =>
    recordAudit({ actorId: actor.id, action, entityType, entityId, ...change, ip: actor.ip }, tx);
}

/** Appends many audit events in a few multi-row INSERTs (bulk writes such as the OCDS import), in `tx`. */
export async function recordAudits(inputs: AuditInput[], tx: Tx): Promise<void> {
  const createdAt = now();
  await insertRows(
    tx,
    "AuditEvent",
    inputs.map((input) => ({ id: newRowId(), ...auditRow(input), createdAt })),
  );
}

/**
 * An object's history: only its own changes (actions named after its type, "product.…").
 * Security events about it (refused authorisations, which name whoever was refused) are for
 * administrators' audit view, never the owner's history.
 */
export function listAuditEvents({ entityType, entityId, take = 100 }: { entityType: string; entityId: string; take?: number }) {
  return prisma.auditEvent.findMany({
    where: { entityType, entityId, action: { startsWith: `${entityType}.` } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { actor: { select: { name: true, email: true } } },
  });
}
