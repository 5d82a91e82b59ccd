// Runs the buying-route rules against the frameworks in the catalogue, with the
// council's own settings (quotes under £30,000, nation).
import { prisma } from "~/utils/db.server";
import { listFrameworksForRules } from "./agreement.server";
import {
  BUYING_CATEGORIES,
  NATIONS,
  eligibleRoutes,
  type BuyingCategory,
  type BuyingMethod,
  type Framework,
  type Nation,
  type RouteFinderInput,
  type RouteFinderResult,
} from "~/procurement";

const isCategory = (c: string): c is BuyingCategory => (BUYING_CATEGORIES as readonly string[]).includes(c);
const isMethod = (m: string): m is BuyingMethod => m === "direct-award" || m === "further-competition";

/** Database rows hold enumerations as strings; the rules take only values they know. */
export async function listRuleFrameworks(): Promise<Framework[]> {
  const rows = await listFrameworksForRules();
  return rows
    .filter((a) => a.regulation === "PA2023" || a.regulation === "PCR2015")
    .map((a) => ({
      ...a,
      regulation: a.regulation as Framework["regulation"],
      lots: a.lots.map((l) => ({
        ...l,
        categories: l.categories.filter(isCategory),
        routes: l.routes.flatMap((r) => (isMethod(r.method) ? [{ ...r, method: r.method }] : [])),
      })),
    }));
}

export async function getCouncilGuideSettings(
  councilId: string | null | undefined,
): Promise<{ nation: Nation | null; quotesRequired: number | undefined }> {
  if (!councilId) return { nation: null, quotesRequired: undefined };
  const council = await prisma.council.findUnique({ where: { id: councilId }, select: { nation: true, quotesRequired: true } });
  if (!council) return { nation: null, quotesRequired: undefined };
  const nation = (NATIONS as readonly string[]).includes(council.nation) ? (council.nation as Nation) : null;
  return { nation, quotesRequired: council.quotesRequired };
}

/** Every route open to this purchase, using the council's quotes setting when there is one. */
export async function findBuyingRoutes(input: RouteFinderInput, councilId?: string | null): Promise<RouteFinderResult> {
  const [frameworks, settings] = await Promise.all([listRuleFrameworks(), getCouncilGuideSettings(councilId)]);
  return eligibleRoutes(input, frameworks, { quotesRequired: settings.quotesRequired });
}
