import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { parseStringArray } from "~/utils/json";
import { frameworkStatus, lotStatus } from "~/procurement/framework-status";
import { toIsoDate } from "~/procurement/dates";
import { withPence } from "./pence";
import { VERIFIED_SUPPLIER } from "./supplier-visibility";

function iso(d: Date | null): string | null {
  return d ? toIsoDate(d) : null;
}

export async function listAgreements() {
  const today = now();
  const rows = await prisma.agreement.findMany({
    orderBy: [{ endDate: "desc" }, { number: "asc" }],
    include: { _count: { select: { lots: true } } },
  });
  return rows.map((a) => ({
    ...a,
    status: frameworkStatus(a.startDate, a.endDate, today),
  }));
}

export async function getAgreementByNumber(number: string) {
  const today = now();
  const agreement = await prisma.agreement.findFirst({
    where: { OR: [{ number }, { slug: number.toLowerCase() }] },
    include: {
      lots: {
        orderBy: { number: "asc" },
        include: {
          routes: true,
          awards: {
            // Only organisations an admin has verified are public (issue 12 finding 10).
            where: { verified: true, supplier: VERIFIED_SUPPLIER },
            include: { supplier: { select: { slug: true, tradingName: true, computedSize: true } } },
            orderBy: { supplier: { tradingName: "asc" } },
          },
        },
      },
    },
  });
  if (!agreement) return null;
  const agreementDates = { startDate: iso(agreement.startDate), endDate: iso(agreement.endDate) };
  return {
    ...agreement,
    status: frameworkStatus(agreement.startDate, agreement.endDate, today),
    lots: agreement.lots.map((lot) => ({
      ...lot,
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
