// What peers paid (issue 16 item 6): ranges of the values and unit prices of PUBLIC contracts for
// a product, a product category or a service area, by council type and size. Only public contracts
// are read, and a group is shown only with at least MIN_CONTRACTS_FOR_RANGE contracts, so no figure
// is ever one council's alone.
import { prisma, type Prisma } from "~/utils/db.server";
import { penceFromDbOrNull } from "./pence";
import { POPULATION_BANDS, populationBand } from "./peers";

export const MIN_CONTRACTS_FOR_RANGE = 3;

export interface PriceRange {
  group: string;
  contracts: number;
  councils: number;
  minPence: number;
  medianPence: number;
  maxPence: number;
  /** Per resident, where every contract's council population is known (pence, rounded). */
  perResident: { minPence: number; maxPence: number; contracts: number } | null;
  unitPrice: { minPence: number; maxPence: number; contracts: number; units: string[] } | null;
}

export interface PriceRanges {
  overall: PriceRange | null;
  byType: PriceRange[];
  bySize: PriceRange[];
  /** Contracts with a value that were left out of every range because their group was too small. */
  withheld: number;
}

interface Point {
  councilId: string;
  typeName: string;
  population: number | null;
  valuePence: number;
  unitPricePence: number | null;
  priceUnit: string | null;
}

const median = (sorted: number[]) =>
  sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : Math.round((sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2);

function rangeOf(group: string, points: Point[]): PriceRange | null {
  if (points.length < MIN_CONTRACTS_FOR_RANGE) return null;
  const values = points.map((p) => p.valuePence).sort((a, b) => a - b);
  const perResident = points.filter((p) => p.population && p.population > 0).map((p) => Math.round(p.valuePence / p.population!));
  const units = points.filter((p) => p.unitPricePence !== null);
  return {
    group,
    contracts: points.length,
    councils: new Set(points.map((p) => p.councilId)).size,
    minPence: values[0],
    medianPence: median(values),
    maxPence: values.at(-1)!,
    perResident:
      perResident.length >= MIN_CONTRACTS_FOR_RANGE
        ? { minPence: Math.min(...perResident), maxPence: Math.max(...perResident), contracts: perResident.length }
        : null,
    unitPrice:
      units.length >= MIN_CONTRACTS_FOR_RANGE
        ? {
            minPence: Math.min(...units.map((u) => u.unitPricePence!)),
            maxPence: Math.max(...units.map((u) => u.unitPricePence!)),
            contracts: units.length,
            units: [...new Set(units.map((u) => u.priceUnit ?? ""))].filter(Boolean),
          }
        : null,
  };
}

/** Pure: the ranges for a set of contract values (exported for tests). */
export function priceRangesOf(points: Point[]): PriceRanges {
  const groups = (key: (p: Point) => string | null) => {
    const map = new Map<string, Point[]>();
    for (const p of points) {
      const k = key(p);
      if (k) map.set(k, [...(map.get(k) ?? []), p]);
    }
    return [...map].map(([g, ps]) => rangeOf(g, ps)).filter((r): r is PriceRange => r !== null);
  };
  const byType = groups((p) => p.typeName).sort((a, b) => a.group.localeCompare(b.group));
  const bySize = groups((p) => {
    const band = populationBand(p.population);
    return band === null ? null : `Population ${POPULATION_BANDS[band].label}`;
  });
  const overall = rangeOf("All councils", points);
  const shown = new Set(byType.flatMap((r) => points.filter((p) => p.typeName === r.group)));
  return { overall, byType, bySize, withheld: overall ? points.length - shown.size : points.length };
}

export async function contractPriceRanges(scope: {
  productId?: string;
  category?: string;
  serviceAreaSlug?: string;
}): Promise<PriceRanges> {
  const where: Prisma.ContractWhereInput = {
    visibility: "public",
    status: "active",
    valuePence: { not: null },
    councilId: { not: null },
    ...(scope.productId ? { products: { some: { productId: scope.productId } } } : {}),
    ...(scope.category ? { category: scope.category } : {}),
    ...(scope.serviceAreaSlug ? { serviceArea: { slug: scope.serviceAreaSlug } } : {}),
  };
  const rows = await prisma.contract.findMany({
    where,
    select: {
      councilId: true,
      valuePence: true,
      unitPricePence: true,
      priceUnit: true,
      council: { select: { typeName: true, population: true } },
    },
    take: 50_000,
  });
  return priceRangesOf(
    rows.map((r) => ({
      councilId: r.councilId!,
      typeName: r.council!.typeName,
      population: r.council!.population,
      valuePence: penceFromDbOrNull(r.valuePence)!,
      unitPricePence: penceFromDbOrNull(r.unitPricePence),
      priceUnit: r.priceUnit,
    })),
  );
}
