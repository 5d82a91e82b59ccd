import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { VERIFIED_SUPPLIER } from "./supplier-visibility";

export function getCouncilByCode(code: string) {
  return prisma.council.findUnique({
    where: { code: code.toUpperCase() },
    include: {
      caseStudies: {
        where: { status: "published" },
        orderBy: { publishedAt: "desc" },
        include: {
          serviceArea: { select: { name: true } },
          products: {
            // Listed products of organisations no admin has verified yet are not public.
            where: { OR: [{ productId: null }, { product: { supplier: VERIFIED_SUPPLIER } }] },
            include: {
              product: {
                select: {
                  id: true,
                  publishedVersion: { select: { name: true } },
                  supplier: { select: { slug: true, tradingName: true } },
                },
              },
            },
          },
        },
      },
    },
  });
}

export function listCouncilsForSelect() {
  return prisma.council.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } });
}

export function findCouncilForEmailDomain(domain: string) {
  return prisma.councilDomain.findFirst({ where: { domain: domain.toLowerCase() }, select: { councilId: true } });
}

export function listCouncilDomains() {
  return prisma.councilDomain.findMany({ orderBy: { domain: "asc" }, include: { council: { select: { code: true, name: true } } } });
}

export async function addCouncilDomain({
  domain,
  councilCode,
  actorId,
  ip,
}: {
  domain: string;
  councilCode: string;
  actorId: string;
  ip?: string;
}) {
  const council = await prisma.council.findUnique({ where: { code: councilCode }, select: { id: true } });
  if (!council) return { ok: false as const, field: "councilCode", message: "Select a council from the list" };
  if (await prisma.councilDomain.findFirst({ where: { domain, councilId: council.id } }))
    return { ok: false as const, field: "domain", message: "That domain is already on the list for that council" };
  await prisma.$transaction(async (tx) => {
    const row = await tx.councilDomain.create({ data: { domain, councilId: council.id } });
    await recordAudit(
      { actorId, action: "council-domain.added", entityType: "council-domain", entityId: row.id, after: { domain, councilCode }, ip },
      tx,
    );
  });
  return { ok: true as const };
}

export async function removeCouncilDomain({ id, actorId, ip }: { id: string; actorId: string; ip?: string }) {
  await prisma.$transaction(async (tx) => {
    const row = await tx.councilDomain.findUnique({ where: { id } });
    if (!row) return;
    await tx.councilDomain.delete({ where: { id } });
    await recordAudit(
      { actorId, action: "council-domain.removed", entityType: "council-domain", entityId: id, before: { domain: row.domain }, ip },
      tx,
    );
  });
}
