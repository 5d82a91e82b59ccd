import { prisma } from "~/utils/db.server";
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
