// Service areas are data (not an enum), so an administrator can add one without a release.
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { slugify, type ServiceAreaInput } from "./service-area.schema";

export function listServiceAreas() {
  return prisma.serviceArea.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } });
}

export function listServiceAreasWithCounts() {
  return prisma.serviceArea.findMany({
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, slug: true, name: true, _count: { select: { caseStudies: { where: { status: "published" } } } } },
  });
}

export type CreateServiceAreaResult = { ok: true; id: string; name: string } | { ok: false; error: string };

export async function createServiceArea(input: ServiceAreaInput, actor: { id: string; ip?: string }): Promise<CreateServiceAreaResult> {
  const slug = slugify(input.name).slice(0, 80);
  return prisma.$transaction(async (tx) => {
    const clash = await tx.serviceArea.findFirst({ where: { OR: [{ slug }, { name: input.name }] }, select: { id: true } });
    if (clash) return { ok: false as const, error: "A service area with that name already exists" };
    const last = await tx.serviceArea.aggregate({ _max: { sortOrder: true } });
    const created = await tx.serviceArea.create({ data: { slug, name: input.name, sortOrder: (last._max.sortOrder ?? 0) + 10 } });
    await recordAudit(
      {
        actorId: actor.id,
        action: "service-area.created",
        entityType: "service-area",
        entityId: created.id,
        after: { slug, name: input.name },
        ip: actor.ip,
      },
      tx,
    );
    return { ok: true as const, id: created.id, name: created.name };
  });
}
