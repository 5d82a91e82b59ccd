// Forward plans and open opportunities (issue 16 item 5): councils publish what they mean to buy
// and when; imported planning (UK1) and tender releases add the same kind of entry. A change is a
// conditional update on the revision read, audited with what it was before.
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { recordAudit } from "./audit.server";
import { penceFromDbOrNull, penceToDbOrNull } from "./pence";

export interface PipelineFields {
  councilId: string | null;
  buyerName: string;
  stage: "planned" | "open" | "closed";
  title: string;
  description: string;
  serviceAreaId: string | null;
  cpvCodes: string[];
  estimatedValuePence: number | null;
  expectedDate: Date | null;
  routeConsidered: string;
  noticeUrl: string | null;
  ocid: string | null;
  releaseId: string | null;
  releaseDate: Date | null;
  projectId: string | null;
}

export type PipelineChange = "created" | "updated" | "unchanged";

function snapshot(f: PipelineFields) {
  return { ...f, expectedDate: f.expectedDate?.toISOString() ?? null, releaseDate: f.releaseDate?.toISOString() ?? null };
}

type Row = Prisma.PipelineEntryGetPayload<object>;

function fieldsOf(row: Row): PipelineFields {
  return {
    councilId: row.councilId,
    buyerName: row.buyerName,
    stage: row.stage as PipelineFields["stage"],
    title: row.title,
    description: row.description,
    serviceAreaId: row.serviceAreaId,
    cpvCodes: JSON.parse(row.cpvCodes) as string[],
    estimatedValuePence: penceFromDbOrNull(row.estimatedValuePence),
    expectedDate: row.expectedDate,
    routeConsidered: row.routeConsidered,
    noticeUrl: row.noticeUrl,
    ocid: row.ocid,
    releaseId: row.releaseId,
    releaseDate: row.releaseDate,
    projectId: row.projectId,
  };
}

export class PipelineConflictError extends Error {}

export async function writePipelineEntry(
  tx: Tx,
  sourceKey: string,
  source: "council" | "ocds",
  fields: PipelineFields,
  meta: { actorId: string | null; ip?: string | null },
): Promise<{ id: string; change: PipelineChange }> {
  const columns = {
    ...fields,
    cpvCodes: JSON.stringify(fields.cpvCodes),
    estimatedValuePence: penceToDbOrNull(fields.estimatedValuePence, "estimated value"),
  };
  const existing = await tx.pipelineEntry.findUnique({ where: { sourceKey } });
  if (!existing) {
    const created = await tx.pipelineEntry.create({
      data: { ...columns, sourceKey, source, createdById: meta.actorId },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: meta.actorId,
        action: "pipeline.published",
        entityType: "pipeline",
        entityId: created.id,
        after: snapshot(fields),
        ip: meta.ip,
      },
      tx,
    );
    return { id: created.id, change: "created" };
  }
  const before = snapshot(fieldsOf(existing));
  const after = snapshot(fields);
  if (JSON.stringify(before) === JSON.stringify(after)) return { id: existing.id, change: "unchanged" };
  const { count } = await tx.pipelineEntry.updateMany({
    where: { id: existing.id, revision: existing.revision },
    data: { ...columns, revision: existing.revision + 1, updatedAt: now() },
  });
  if (count === 0) throw new PipelineConflictError("The pipeline entry changed while it was being updated");
  await recordAudit(
    { actorId: meta.actorId, action: "pipeline.revised", entityType: "pipeline", entityId: existing.id, before, after, ip: meta.ip },
    tx,
  );
  return { id: existing.id, change: "updated" };
}

/** The release date an entry was last written from, to refuse an older release over a newer one. */
export async function pipelineReleaseDate(tx: Tx, sourceKey: string): Promise<Date | null> {
  return (await tx.pipelineEntry.findUnique({ where: { sourceKey }, select: { releaseDate: true } }))?.releaseDate ?? null;
}

export function countPipelineEntries(where: Prisma.PipelineEntryWhereInput = {}) {
  return prisma.pipelineEntry.count({ where });
}
