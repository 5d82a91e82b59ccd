import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { parseStringArray } from "~/utils/json";
import { frameworkStatus, lotStatus } from "~/procurement/framework-status";
import { toIsoDate } from "~/procurement/dates";
import { nextReopening, termOn } from "~/procurement/framework-terms";
import type { Source } from "~/procurement/types";
import { withPence } from "./pence";
import { VERIFIED_SUPPLIER } from "./supplier-visibility";

function iso(d: Date | null): string | null {
  return d ? toIsoDate(d) : null;
}

export interface AgreementFact {
  group: string;
  verified: boolean;
  sources: Source[];
  note: string;
}

/** The `facts` JSON column; bad data reads as no facts rather than crashing a page. */
function parseFacts(text: string): AgreementFact[] {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.flatMap((f: unknown) => {
      if (typeof f !== "object" || f === null) return [];
      const r = f as Record<string, unknown>;
      if (typeof r.group !== "string" || typeof r.verified !== "boolean" || !Array.isArray(r.sources)) return [];
      const sources = r.sources.filter(
        (x: unknown): x is Source =>
          typeof x === "object" && x !== null && typeof (x as Source).url === "string" && typeof (x as Source).title === "string",
      );
      return [{ group: r.group, verified: r.verified, sources, note: typeof r.note === "string" ? r.note : "" }];
    });
  } catch {
    return [];
  }
}

/** Agreements linked by "replaced by", in either direction, with just what a link needs. */
async function lineageOf(number: string, replacedBy: string[]) {
  const select = { number: true, name: true, replacedBy: true } as const;
  const [successors, predecessors] = await Promise.all([
    prisma.agreement.findMany({ where: { number: { in: replacedBy } }, select, orderBy: { number: "asc" } }),
    prisma.agreement.findMany({ where: { replacedBy: { contains: JSON.stringify(number) } }, select, orderBy: { number: "asc" } }),
  ]);
  return {
    successors: successors.map(({ number: n, name }) => ({ number: n, name })),
    // `contains` is a text match: keep only rows whose list really holds the number.
    predecessors: predecessors
      .filter((p) => parseStringArray(p.replacedBy).includes(number))
      .map(({ number: n, name }) => ({ number: n, name })),
  };
}

export async function listAgreements() {
  const today = now();
  // Only what the lists show: the facts, notes and descriptions would otherwise ride along in
  // every home and frameworks page's data.
  const rows = await prisma.agreement.findMany({
    orderBy: [{ endDate: "desc" }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      name: true,
      owner: true,
      regulation: true,
      startDate: true,
      endDate: true,
      verified: true,
      _count: { select: { lots: true } },
    },
  });
  return rows.map((a) => ({
    ...a,
    status: frameworkStatus(a.startDate, a.endDate, today),
  }));
}

/** Suppliers listed per lot on a framework page: the page stays small whatever a lot's size. */
export const LOT_SUPPLIERS_PAGE_SIZE = 25;

/** Only organisations an admin has verified are public (issue 12 finding 10). */
const publicAwardOn = (lotId: string) => ({ lotId, verified: true, supplier: VERIFIED_SUPPLIER });

/**
 * A framework page: the agreement, its lots with their routes, and per lot the number of
 * verified suppliers and one page of them (alphabetical). `page` applies to the lot numbered
 * `lotNumber`; every other lot shows its first page. Work and size are bounded by the page
 * size, not by how many suppliers a lot has.
 */
export async function getAgreementByNumber(
  number: string,
  { lotNumber, page = 1, pageSize = LOT_SUPPLIERS_PAGE_SIZE }: { lotNumber?: string; page?: number; pageSize?: number } = {},
) {
  const today = now();
  const agreement = await prisma.agreement.findFirst({
    where: { OR: [{ number }, { slug: number.toLowerCase() }] },
    include: {
      terms: { orderBy: { number: "asc" } },
      lots: { orderBy: { number: "asc" }, include: { routes: true } },
    },
  });
  if (!agreement) return null;
  const lotIds = agreement.lots.map((l) => l.id);
  const [counts, pages] = await Promise.all([
    prisma.lotAward.groupBy({
      by: ["lotId"],
      where: { lotId: { in: lotIds }, verified: true, supplier: VERIFIED_SUPPLIER },
      _count: { _all: true },
    }),
    Promise.all(
      agreement.lots.map((lot) => {
        const lotPage = lot.number === lotNumber ? page : 1;
        return prisma.lotAward.findMany({
          where: publicAwardOn(lot.id),
          include: { supplier: { select: { slug: true, tradingName: true, computedSize: true } } },
          orderBy: [{ supplier: { tradingName: "asc" } }, { id: "asc" }],
          skip: (lotPage - 1) * pageSize,
          take: pageSize,
        });
      }),
    ),
  ]);
  const countByLot = new Map(counts.map((c) => [c.lotId, c._count._all]));
  const agreementDates = { startDate: iso(agreement.startDate), endDate: iso(agreement.endDate) };
  const terms = agreement.terms.map((t) => ({ ...t, startDate: toIsoDate(t.startDate), endDate: toIsoDate(t.endDate) }));
  const replacedBy = parseStringArray(agreement.replacedBy);
  return {
    ...agreement,
    facts: parseFacts(agreement.facts),
    replacedBy,
    ...(await lineageOf(agreement.number, replacedBy)),
    terms,
    currentTerm: termOn(terms, today),
    nextReopening: nextReopening(terms, today),
    status: frameworkStatus(agreement.startDate, agreement.endDate, today),
    lots: agreement.lots.map((lot, i) => ({
      ...lot,
      supplierCount: countByLot.get(lot.id) ?? 0,
      supplierPage: lot.number === lotNumber ? page : 1,
      awards: pages[i].map((award) => ({ ...award, termNumber: termOn(terms, award.awardedAt)?.number ?? null })),
      routes: lot.routes.map((r) => withPence(r, "minValuePence", "maxValuePence")),
      categories: parseStringArray(lot.categories),
      status: lotStatus(agreementDates, { startDate: iso(lot.startDate) ?? undefined, endDate: iso(lot.endDate) ?? undefined }, today),
    })),
  };
}

/** Every lot with its agreement and routes, shaped for the buying-route rules. */
export async function listFrameworksForRules() {
  const rows = await prisma.agreement.findMany({ include: { lots: { include: { routes: true } } } });
  return rows.map((a) => ({
    number: a.number,
    slug: a.slug,
    name: a.name,
    shortName: a.shortName,
    description: a.description,
    regulation: a.regulation,
    type: a.type,
    startDate: iso(a.startDate),
    endDate: iso(a.endDate),
    verified: a.verified,
    sourceUrl: a.sourceUrl,
    notes: a.notes,
    lots: a.lots.map((l) => ({
      id: l.id,
      number: l.number,
      name: l.name,
      description: l.description,
      categories: parseStringArray(l.categories),
      securityAboveOfficial: l.securityAboveOfficial,
      startDate: iso(l.startDate) ?? undefined,
      endDate: iso(l.endDate) ?? undefined,
      verified: l.verified,
      routes: l.routes.map((r) => ({
        method: r.method,
        ...withPence({ minValuePence: r.minValuePence, maxValuePence: r.maxValuePence }, "minValuePence", "maxValuePence"),
        maxContractMonths: r.maxContractMonths,
        verified: r.verified,
      })),
    })),
  }));
}
