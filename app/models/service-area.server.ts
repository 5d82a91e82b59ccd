// Service areas are data (not an enum), so an administrator can add one without a release.
import { prisma } from "~/utils/db.server";
import { invalid, ok, type Result } from "~/utils/result";
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

export async function createServiceArea(
  input: ServiceAreaInput,
  actor: { id: string; ip?: string },
): Promise<Result<{ id: string; name: string }>> {
  const slug = slugify(input.name).slice(0, 80);
  return prisma.$transaction(async (tx) => {
    const clash = await tx.serviceArea.findFirst({ where: { OR: [{ slug }, { name: input.name }] }, select: { id: true } });
    // A form error against the name (400), as the page has always answered it.
    if (clash) return invalid({ name: ["A service area with that name already exists"] });
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
    return ok({ id: created.id, name: created.name });
  });
}
