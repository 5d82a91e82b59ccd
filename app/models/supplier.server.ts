import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { frameworkStatus } from "~/procurement/framework-status";

export async function getSupplierBySlug(slug: string) {
  const supplier = await prisma.supplier.findUnique({
    where: { slug },
    include: {
      accreditations: { orderBy: { kind: "asc" } },
      awards: {
        where: { verified: true },
        include: { lot: { include: { agreement: { select: { number: true, shortName: true, startDate: true, endDate: true } } } } },
      },
      products: {
        where: { status: "published", publishedVersionId: { not: null } },
        include: { publishedVersion: { select: { name: true, summary: true, category: true, priceFrom: true, priceUnit: true } } },
        orderBy: { createdAt: "asc" },
      },
      caseStudyLinks: {
        where: { caseStudy: { status: "published" } },
        include: {
          caseStudy: {
            select: {
              slug: true,
              title: true,
              summary: true,
              council: { select: { name: true } },
              metrics: { orderBy: { position: "asc" }, take: 1 },
            },
          },
        },
      },
    },
  });
  if (!supplier) return null;
  const today = now();
  return {
    ...supplier,
    awards: supplier.awards.map((a) => ({
      ...a,
      status: frameworkStatus(a.lot.agreement.startDate, a.lot.agreement.endDate, today),
    })),
  };
}

