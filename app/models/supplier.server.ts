import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { frameworkStatus } from "~/procurement/framework-status";
import { canSeeSupplier, type SupplierViewer } from "./supplier-visibility";

/**
 * The public supplier page: only what it shows. Exact turnover and staff count stay private
 * (the page shows the size band), as do certificate numbers and internal fields; whatever a
 * loader returns is in the page's hydration data. Null (a 404) for an organisation no admin
 * has verified yet, unless the viewer is one of its users or an admin (issue 12 finding 10).
 */
export async function getSupplierBySlug(slug: string, viewer?: SupplierViewer) {
  const supplier = await prisma.supplier.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      legalName: true,
      tradingName: true,
      companyNumber: true,
      computedSize: true,
      declaredSize: true,
      region: true,
      description: true,
      contactName: true,
      contactEmail: true,
      verifiedAt: true,
      accreditations: { orderBy: { kind: "asc" }, select: { id: true, kind: true, expiresAt: true } },
      awards: {
        where: { verified: true },
        select: {
          id: true,
          lot: {
            select: { number: true, name: true, agreement: { select: { number: true, shortName: true, startDate: true, endDate: true } } },
          },
        },
      },
      products: {
        where: { status: "published", publishedVersionId: { not: null } },
        select: {
          id: true,
          publishedVersion: { select: { name: true, summary: true, category: true, priceFromPence: true, priceUnit: true } },
        },
        orderBy: { createdAt: "asc" },
      },
      caseStudyLinks: {
        where: { caseStudy: { status: "published" } },
        select: {
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
  if (!supplier || !canSeeSupplier(supplier, viewer)) return null;
  const today = now();
  const { verifiedAt, ...shown } = supplier;
  return {
    ...shown,
    verified: verifiedAt !== null,
    awards: supplier.awards.map((a) => ({
      ...a,
      status: frameworkStatus(a.lot.agreement.startDate, a.lot.agreement.endDate, today),
    })),
  };
}
