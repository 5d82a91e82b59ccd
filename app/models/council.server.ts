import { prisma } from "~/utils/db.server";

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

export function getCouncilIdByCode(code: string) {
  return prisma.council.findUnique({ where: { code: code.toUpperCase() }, select: { id: true } });
}

export function findCouncilForEmailDomain(domain: string) {
  return prisma.councilDomain.findUnique({ where: { domain: domain.toLowerCase() }, select: { councilId: true } });
}
