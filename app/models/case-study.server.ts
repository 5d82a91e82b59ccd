import { prisma } from "~/utils/db.server";

export function listRecentCaseStudies(take = 6) {
  return prisma.caseStudy.findMany({
    where: { status: "published" },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: {
      slug: true,
      title: true,
      summary: true,
      council: { select: { code: true, name: true } },
      serviceArea: { select: { name: true } },
    },
  });
}

export function listCaseStudiesForAgreement(agreementId: string, take = 50) {
  return prisma.caseStudy.findMany({
    where: { status: "published", lot: { agreementId } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    select: { slug: true, title: true, council: { select: { name: true } } },
  });
}
