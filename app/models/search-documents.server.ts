// Search documents derived from the database: only what buyers may see (published
// listings, published case studies, verified supplier organisations). Anything else is
// absent, so it leaves the index.
import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { parseStringArray } from "~/utils/json";
import { frameworkStatus, isOpenForNewCallOffs } from "~/procurement/framework-status";
import { priceBand, type SearchDocument } from "~/services/search";
import { costBandForPence } from "~/utils/labels";
import { penceFromDb } from "./pence";
import { measureSummary } from "./case-study-measure";
import { publishedAwardWhere } from "./published-awards";
import { VERIFIED_SUPPLIER } from "./supplier-visibility";

const productInclude = {
  supplier: { select: { tradingName: true, computedSize: true } },
  publishedVersion: {
    include: {
      lots: { include: { lot: { include: { agreement: { select: { number: true, shortName: true, startDate: true, endDate: true } } } } } },
    },
  },
} as const;

async function councilsUsingByProduct(productIds: string[] | null): Promise<Map<string, number>> {
  const where = productIds ? { productId: { in: productIds } } : { productId: { not: null } };
  const [links, awards] = await Promise.all([
    prisma.caseStudyProduct.findMany({
      where: { ...where, caseStudy: { status: "published" } },
      select: { productId: true, caseStudy: { select: { councilId: true } } },
    }),
    prisma.projectOutcome.findMany({
      where: { ...publishedAwardWhere(), productVersion: productIds ? { productId: { in: productIds } } : {} },
      select: { productVersion: { select: { productId: true } }, project: { select: { councilId: true } } },
    }),
  ]);
  const sets = new Map<string, Set<string>>();
  const add = (productId: string | null | undefined, councilId: string) => {
    if (!productId) return;
    (sets.get(productId) ?? sets.set(productId, new Set()).get(productId)!).add(councilId);
  };
  for (const l of links) add(l.productId, l.caseStudy.councilId);
  for (const a of awards) add(a.productVersion?.productId, a.project.councilId);
  return new Map([...sets].map(([k, v]) => [k, v.size]));
}

type ProductRow = Awaited<ReturnType<typeof loadProductRows>>[number];
function loadProductRows(ids: string[] | null, skip = 0, take = 100_000) {
  return prisma.product.findMany({
    where: { status: "published", publishedVersionId: { not: null }, supplier: VERIFIED_SUPPLIER, ...(ids ? { id: { in: ids } } : {}) },
    include: productInclude,
    orderBy: { id: "asc" },
    skip,
    take,
  });
}

function productDocument(p: ProductRow, councilsUsing: number, today: Date): SearchDocument {
  const v = p.publishedVersion!;
  const lots = v.lots.map((l) => l.lot);
  const live = lots.filter((l) => isOpenForNewCallOffs(frameworkStatus(l.agreement.startDate, l.agreement.endDate, today)));
  return {
    id: p.id,
    name: v.name,
    summary: v.summary,
    description: v.description,
    features: parseStringArray(v.features),
    standards: [...parseStringArray(v.standards), ...parseStringArray(v.integrations)],
    category: v.category,
    supplierId: p.supplierId,
    supplierName: p.supplier.tradingName,
    supplierSize: p.supplier.computedSize,
    framework: [...new Set(lots.map((l) => l.agreement.shortName))],
    frameworkNumbers: [...new Set(lots.map((l) => l.agreement.number))],
    lot: lots.map((l) => `${l.agreement.shortName} lot ${l.number}`),
    dataLocation: v.dataLocation,
    accreditations: parseStringArray(v.security),
    dataExportFormats: parseStringArray(v.dataExportFormats),
    availability: v.availability || null,
    priceFromPence: v.priceFromPence,
    priceUnit: v.priceUnit,
    priceBand: priceBand(v.priceFromPence),
    councilsUsing,
    liveFramework: live.length > 0 ? "true" : "false",
    versionId: v.id,
    versionNumber: v.versionNumber,
    publishedAt: v.publishedAt?.toISOString() ?? null,
  };
}

export async function productDocuments(ids: string[] | null = null): Promise<SearchDocument[]> {
  const today = now();
  const out: SearchDocument[] = [];
  const pageSize = 5_000;
  const used = await councilsUsingByProduct(ids);
  for (let skip = 0; ; skip += pageSize) {
    const rows = await loadProductRows(ids, skip, pageSize);
    for (const p of rows) out.push(productDocument(p, used.get(p.id) ?? 0, today));
    if (rows.length < pageSize) break;
  }
  return out;
}

export async function supplierDocuments(ids: string[] | null = null): Promise<SearchDocument[]> {
  const rows = await prisma.supplier.findMany({
    // An organisation no admin has verified yet is not public (issue 12 finding 10).
    where: { ...VERIFIED_SUPPLIER, ...(ids ? { id: { in: ids } } : {}) },
    include: {
      accreditations: { select: { kind: true, expiresAt: true } },
      awards: { where: { verified: true }, select: { lot: { select: { agreement: { select: { number: true, shortName: true } } } } } },
      products: { where: { status: "published" }, select: { publishedVersion: { select: { name: true } } } },
    },
    orderBy: { id: "asc" },
  });
  const today = now();
  return rows.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.tradingName,
    legalName: s.legalName,
    description: s.description,
    companyNumber: s.companyNumber,
    size: s.computedSize,
    region: s.region,
    framework: [...new Set(s.awards.map((a) => a.lot.agreement.shortName))],
    frameworkNumbers: [...new Set(s.awards.map((a) => a.lot.agreement.number))],
    accreditations: [...new Set(s.accreditations.filter((a) => !a.expiresAt || a.expiresAt > today).map((a) => a.kind))],
    productNames: s.products.map((p) => p.publishedVersion?.name ?? "").filter(Boolean),
    productCount: s.products.length,
  }));
}

export async function caseStudyDocuments(ids: string[] | null = null): Promise<SearchDocument[]> {
  const rows = await prisma.caseStudy.findMany({
    where: { status: "published", ...(ids ? { id: { in: ids } } : {}) },
    include: {
      council: { select: { code: true, name: true, typeName: true, nation: true, region: true } },
      serviceArea: { select: { name: true } },
      metrics: { orderBy: { position: "asc" } },
      products: {
        include: { product: { select: { publishedVersion: { select: { name: true } }, supplier: { select: { verifiedAt: true } } } } },
      },
      suppliers: { where: { supplier: VERIFIED_SUPPLIER }, include: { supplier: { select: { tradingName: true } } } },
      _count: { select: { assets: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows
    .map((c) => ({ ...c, products: c.products.filter((p) => !p.product || p.product.supplier.verifiedAt) }))
    .map((c) => ({
      id: c.id,
      slug: c.slug,
      title: c.title,
      summary: c.summary,
      problem: c.problem,
      approach: c.approach,
      // The measures as every page writes them (docs/content.md): "£910,000 to £135,000", not "910000 to 135000 £".
      outcome: [c.outcomeNarrative, ...c.metrics.map(measureSummary)].join(" "),
      headlineMeasure: c.metrics.length ? measureSummary(c.metrics[0]) : null,
      serviceArea: c.serviceArea.name,
      council: c.council.name,
      councilName: c.council.name,
      councilCode: c.council.code,
      councilType: c.council.typeName,
      region: c.council.nation === c.council.region ? c.council.nation : c.council.region,
      year: String((c.endDate ?? c.startDate ?? c.publishedAt ?? c.createdAt).getUTCFullYear()),
      costBand: c.costBand ?? (c.costExactPence === null ? null : costBandForPence(penceFromDb(c.costExactPence))),
      products: c.products.map((p) => p.product?.publishedVersion?.name ?? p.unlistedName ?? "").filter(Boolean),
      productNames: c.products.map((p) => p.product?.publishedVersion?.name ?? p.unlistedName ?? "").filter(Boolean),
      suppliers: [
        ...new Set([
          ...c.suppliers.map((s) => s.supplier.tradingName),
          ...c.products.map((p) => p.unlistedSupplierName ?? "").filter(Boolean),
        ]),
      ],
      supplierNames: c.suppliers.map((s) => s.supplier.tradingName),
      hasReusableAssets: c._count.assets > 0 ? "true" : "false",
      publishedAt: c.publishedAt?.toISOString() ?? null,
    }));
}
