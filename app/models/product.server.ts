import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { parseStringArray } from "~/utils/json";
import { frameworkStatus } from "~/procurement/framework-status";
import { publishedAwardWhere } from "./published-awards";
import { canSeeSupplier, type SupplierViewer } from "./supplier-visibility";

/**
 * A listing as buyers see it: its published version only. Null when not published, or when
 * its organisation is not verified yet and the viewer is neither one of its users nor an admin.
 */
export async function getPublishedProduct(id: string, viewer?: SupplierViewer) {
  const product = await prisma.product.findUnique({
    where: { id },
    include: {
      supplier: {
        select: {
          id: true,
          slug: true,
          tradingName: true,
          legalName: true,
          computedSize: true,
          region: true,
          accreditations: true,
          verifiedAt: true,
        },
      },
      publishedVersion: {
        include: {
          lots: {
            include: {
              lot: {
                include: {
                  agreement: { select: { number: true, slug: true, shortName: true, name: true, startDate: true, endDate: true } },
                },
              },
            },
          },
        },
      },
      caseStudyLinks: {
        where: { caseStudy: { status: "published" } },
        include: {
          caseStudy: {
            select: {
              slug: true,
              title: true,
              summary: true,
              council: { select: { id: true, code: true, name: true, type: true } },
              metrics: { orderBy: { position: "asc" }, take: 2 },
            },
          },
        },
      },
    },
  });
  if (!product || product.status !== "published" || !product.publishedVersion) return null;
  if (!canSeeSupplier(product.supplier, viewer)) return null;
  const today = now();
  const v = product.publishedVersion;
  const { verifiedAt, ...supplier } = product.supplier;
  return {
    id: product.id,
    supplier: { ...supplier, verified: verifiedAt !== null },
    version: {
      ...v,
      features: parseStringArray(v.features),
      benefits: parseStringArray(v.benefits),
      security: parseStringArray(v.security),
      standards: parseStringArray(v.standards),
      integrations: parseStringArray(v.integrations),
      lots: v.lots.map(({ lot }) => ({
        ...lot,
        status: frameworkStatus(lot.agreement.startDate, lot.agreement.endDate, today),
      })),
    },
    caseStudies: product.caseStudyLinks.map((l) => l.caseStudy),
  };
}

/** Councils that used a product: published case studies plus awards with a published contract notice. */
export async function listCouncilsUsingProduct(productId: string) {
  const [fromCaseStudies, fromAwards] = await Promise.all([
    prisma.caseStudyProduct.findMany({
      where: { productId, caseStudy: { status: "published" } },
      select: { caseStudy: { select: { councilId: true } } },
    }),
    prisma.projectOutcome.findMany({
      // Only awards whose contract notice the council has recorded as published.
      where: { ...publishedAwardWhere(), productVersion: { productId } },
      select: { project: { select: { councilId: true } } },
    }),
  ]);
  return [...new Set([...fromCaseStudies.map((r) => r.caseStudy.councilId), ...fromAwards.map((r) => r.project.councilId)])];
}

export function getProductOwner(id: string) {
  return prisma.product.findUnique({ where: { id }, select: { id: true, supplierId: true, status: true } });
}
