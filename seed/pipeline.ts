// Councils' own forward plans (issue 16 item 5), beside the planning notices the Contracts Finder
// package brings in: a few named plans with expected starts spread over the next two years from
// "today", so /pipeline has councils' own entries to show and filter.
import type { PrismaClient } from "../app/utils/db.server";
import { now } from "../app/utils/clock.server";

/** Brighton and Hove's published plan with a known id (tests/data/authorization-matrix.table.ts). */
export const SEED_PIPELINE_ENTRY_ID = "seedpipelinebnh00001";

const PLANS = [
  {
    id: SEED_PIPELINE_ENTRY_ID,
    council: "BNH",
    area: "revenues-and-benefits",
    title: "Revenues and benefits system replacement",
    months: 9,
    pounds: 1_200_000,
    route: "framework-further-competition",
  },
  { council: "LDS", area: "housing", title: "Housing repairs scheduling service", months: 5, pounds: 450_000, route: "open-procedure" },
  {
    council: "POR",
    area: "revenues-and-benefits",
    title: "Council tax online account",
    months: 14,
    pounds: 180_000,
    route: "framework-direct-award",
  },
  { council: "MIK", area: "waste-and-recycling", title: "Waste collection route planning", months: 20, pounds: 95_000, route: "undecided" },
] as const;

export async function seedPipeline(prisma: PrismaClient): Promise<number> {
  const today = now();
  let written = 0;
  for (const [i, p] of PLANS.entries()) {
    const [council, area] = await Promise.all([
      prisma.council.findUnique({ where: { code: p.council }, select: { id: true, officialName: true } }),
      prisma.serviceArea.findUnique({ where: { slug: p.area }, select: { id: true } }),
    ]);
    if (!council) continue;
    await prisma.pipelineEntry.create({
      data: {
        ...("id" in p ? { id: p.id } : {}),
        councilId: council.id,
        buyerName: council.officialName,
        stage: "planned",
        title: p.title,
        description: "",
        serviceAreaId: area?.id ?? null,
        cpvCodes: JSON.stringify(["48000000"]),
        estimatedValuePence: BigInt(p.pounds * 100),
        expectedDate: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + p.months, 1)),
        routeConsidered: p.route,
        contactName: "Procurement team",
        contactEmail: `procurement${i + 1}@example.gov.uk`,
        source: "council",
        sourceKey: `council:${council.id}/seed-${i + 1}`,
      },
    });
    written += 1;
  }
  return written;
}
