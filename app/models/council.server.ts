import { prisma } from "~/utils/db.server";
import { VERIFIED_SUPPLIER } from "./supplier-visibility";

/** The most case studies a council page lists (bounded work per page, issue 17 item 4). */
export const COUNCIL_PAGE_CASE_STUDIES = 100;

export function getCouncilByCode(code: string) {
  return prisma.council.findUnique({
    where: { code: code.toUpperCase() },
    include: {
      // Only what the page shows (the whole story of each case study made the council page
      // 185 kB at the bench's scale), newest first, at most COUNCIL_PAGE_CASE_STUDIES of them.
      caseStudies: {
        where: { status: "published" },
        orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
        take: COUNCIL_PAGE_CASE_STUDIES,
        select: {
          id: true,
          slug: true,
          title: true,
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

/** Just what a council's actions need (the follow button): its id and names, or null. */
export function findCouncilByCode(code: string) {
  return prisma.council.findUnique({ where: { code: code.toUpperCase() }, select: { id: true, code: true, name: true } });
}
