// The register's seed (issue 16): the real Contracts Finder package (tests/fixtures/contracts-finder,
// OGL) imported as published, plus contracts councils hold, generated deterministically with end
// dates spread over the next three years from "today", so the renewal radar has peers to show.
import fs from "node:fs";
import type { PrismaClient } from "../app/utils/db.server";
import { now } from "../app/utils/clock.server";
import { importReleasePackage } from "../app/models/contract-import.server";
import { writeContract, type ContractFields } from "../app/models/contract.server";

export const CONTRACTS_FINDER_PACKAGE = new URL("../tests/fixtures/contracts-finder/release-package-2025-q1.json", import.meta.url);

/** Brighton and Hove's private seeded contract (for the authorisation matrix). */
export const SEED_PRIVATE_CONTRACT_ID = "seedprivatebnh000001";

// Named, so journeys and demos can rely on them: peers of Brighton and Hove (unitary, South East).
const NAMED = [
  {
    council: "STH",
    area: "revenues-and-benefits",
    title: "Revenues and benefits system",
    months: 10,
    pounds: 1_450_000,
    visibility: "public",
  },
  {
    council: "POR",
    area: "revenues-and-benefits",
    title: "Council tax and benefits platform",
    months: 16,
    pounds: 980_000,
    visibility: "public",
  },
  {
    council: "MDW",
    area: "revenues-and-benefits",
    title: "Benefits processing service",
    months: 7,
    pounds: 620_000,
    visibility: "private",
  },
  { council: "MIK", area: "housing", title: "Housing management system", months: 14, pounds: 2_100_000, visibility: "public" },
] as const;

const AREAS = [
  "revenues-and-benefits",
  "housing",
  "customer-services",
  "waste-and-recycling",
  "hr-and-payroll",
  "finance",
  "planning",
  "adult-social-care",
] as const;

function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, Math.min(date.getUTCDate(), 28)));
}

export async function seedContracts(prisma: PrismaClient): Promise<{ imported: number; generated: number }> {
  const summary = await importReleasePackage(fs.createReadStream(CONTRACTS_FINDER_PACKAGE), { db: prisma });
  if (summary.fatal) throw new Error(`Seeding the contracts register: ${summary.fatal.message}`);
  const today = now();
  const [councils, areas, suppliers] = await Promise.all([
    prisma.council.findMany({
      where: { type: { in: ["UA", "MD", "LBO", "CTY", "NMD"] }, nation: "England" },
      orderBy: { code: "asc" },
      select: { id: true, code: true, officialName: true, type: true },
    }),
    prisma.serviceArea.findMany({ select: { id: true, slug: true, name: true } }),
    prisma.supplier.findMany({
      where: { verifiedAt: { not: null } },
      orderBy: { slug: "asc" },
      take: 60,
      select: { id: true, legalName: true, companyNumber: true },
    }),
  ]);
  const areaId = new Map(areas.map((a) => [a.slug, a.id]));
  const areaName = new Map(areas.map((a) => [a.slug, a.name]));
  const byCode = new Map(councils.map((c) => [c.code, c]));
  const planned: {
    council: (typeof councils)[number];
    area: string;
    title: string;
    months: number;
    pounds: number;
    visibility: "public" | "private";
    key: string;
  }[] = [];
  for (const n of NAMED) {
    const council = byCode.get(n.council);
    if (council) planned.push({ ...n, council, key: `seed-${n.council}-${n.area}` });
  }
  // Every third English council: two contracts in different service areas, ending 1 to 36 months from today.
  councils.forEach((council, i) => {
    if (i % 3 !== 0 || NAMED.some((n) => n.council === council.code)) return;
    for (const k of [0, 1]) {
      const area = AREAS[(i + k * 3) % AREAS.length];
      planned.push({
        council,
        area,
        title: `${areaName.get(area) ?? area} system`,
        months: ((i * 7 + k * 11) % 36) + 1,
        pounds: 50_000 + ((i * 37_000 + k * 91_000) % 1_950_000),
        visibility: (i + k) % 5 === 0 ? "private" : "public",
        key: `seed-${council.code}-${area}`,
      });
    }
  });
  let generated = 0;
  for (const [j, p] of planned.entries()) {
    const supplier = suppliers.length ? suppliers[j % suppliers.length] : null;
    const end = addMonths(today, p.months);
    const fields: ContractFields = {
      councilId: p.council.id,
      buyerName: p.council.officialName,
      supplierId: supplier?.id ?? null,
      supplierName: supplier?.legalName ?? "Unknown supplier",
      supplierCompanyNumber: supplier?.companyNumber ?? null,
      title: p.title,
      description: "",
      agreementId: null,
      lotId: null,
      procedure: "Open procedure",
      valuePence: p.pounds * 100,
      valueExVatPence: Math.round((p.pounds * 100) / 1.2),
      unitPricePence: null,
      priceUnit: null,
      startDate: addMonths(end, -48),
      endDate: end,
      extensions: [{ endDate: addMonths(end, 12).toISOString().slice(0, 10) }],
      cpvCodes: ["48000000"],
      serviceAreaId: areaId.get(p.area) ?? null,
      category: null,
      notices: [],
      ocid: null,
      releaseId: null,
      releaseDate: null,
      visibility: p.visibility,
      status: "active",
      projectId: null,
      productIds: [],
    };
    await prisma.$transaction((tx) =>
      writeContract(tx, `council:${p.council.id}/${p.key}`, "council", fields, { reason: "Seeded example contract", actorId: null }),
    );
    generated += 1;
  }
  // One private contract of Brighton and Hove's with a known id: the authorisation matrix checks
  // that only that council's buyers can open it (tests/data/authorization-matrix.table.ts).
  const bnh = await prisma.council.findUnique({ where: { code: "BNH" }, select: { id: true, officialName: true } });
  if (bnh) {
    const end = addMonths(today, 20);
    await prisma.$transaction((tx) =>
      writeContract(
        tx,
        `council:${bnh.id}/seed-private-parking`,
        "council",
        {
          councilId: bnh.id,
          buyerName: bnh.officialName,
          supplierId: null,
          supplierName: "Harbour Parking Systems Ltd",
          supplierCompanyNumber: null,
          title: "Parking permits system (private)",
          description: "",
          agreementId: null,
          lotId: null,
          procedure: "Open procedure",
          valuePence: 31_000_000,
          valueExVatPence: null,
          unitPricePence: null,
          priceUnit: null,
          startDate: addMonths(end, -36),
          endDate: end,
          extensions: [],
          cpvCodes: [],
          serviceAreaId: areaId.get("highways-and-transport") ?? null,
          category: null,
          notices: [],
          ocid: null,
          releaseId: null,
          releaseDate: null,
          visibility: "private",
          status: "active",
          projectId: null,
          productIds: [],
        },
        { reason: "Seeded example contract", actorId: null, id: SEED_PRIVATE_CONTRACT_ID },
      ),
    );
  }
  return { imported: summary.contracts.created + summary.contracts.updated, generated };
}
