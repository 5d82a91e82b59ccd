// Framework call-off routes: which live lots fit the purchase, and the steps,
// notices and explanations for a direct award or further competition on them.
import { formatDate } from "./dates";
import { joinList, thresholdComparison, unique } from "./explain";
import { formatPence } from "./money";
import { EXPIRING_WITHIN_DAYS, isOpenForNewCallOffs, lotDates, lotStatus, type FrameworkStatus } from "./framework-status";
import type { NationRule } from "./nations";
import { frameworkNoticeRules, transparencyCodeCaveats, transparencyCodeChanges, transparencyCodeNotices } from "./notices";
import type {
  AgreementSummary,
  EligibleRoute,
  IneligibleRoute,
  LotMatch,
  NormalisedInput,
  RouteFinderOptions,
  RouteKind,
  Warning,
} from "./route-types";
import { SOURCES } from "./sources";
import type { ThresholdEntry } from "./thresholds";
import {
  CATEGORY_LABELS,
  type BuyingCategory,
  type BuyingMethod,
  type Framework,
  type FrameworkLot,
  type FrameworkRoute,
  type IsoDate,
  type Source,
} from "./types";

/** Steps for a direct award, by framework family; the first match wins. */
const DIRECT_AWARD_PROCEDURES: ReadonlyArray<{
  name: string;
  appliesTo: (agreement: Framework) => boolean;
  steps: readonly string[];
  caveats: readonly string[];
  sources: readonly Source[];
}> = [
  {
    name: "G-Cloud",
    appliesTo: (a) => a.number.startsWith("RM1557."),
    steps: [
      "Write down your requirements and confirm you have budget approval.",
      "Search the G-Cloud catalogue and save one search that returns 30 results or fewer. Do not combine searches.",
      "Export the results of the saved search. The export freezes them as the record of your shortlist.",
      "Assess the services against your requirements without negotiating with suppliers. You can ask suppliers clarification questions.",
      "Award the call-off contract on the framework's call-off terms to the service that best meets your requirements, and record the outcome.",
    ],
    caveats: [
      "Each G-Cloud generation sets its own longest call-off: 36 months plus one 12-month extension on G-Cloud 13 and 14; on G-Cloud 15 up to 8 years on lots 1a and 1b and up to 6 years on lots 2a, 2b and 3 (from secondary sources, not yet confirmed in the call-off terms). The limit used is shown with each lot.",
    ],
    sources: [SOURCES.gCloud15TenderNotice, SOURCES.gCloud15Changes],
  },
  {
    name: "framework direct award",
    appliesTo: () => true,
    steps: [
      "Write down your requirements and confirm you have budget approval.",
      "Check the framework's direct award procedure and confirm your requirement meets its conditions.",
      "Prepare the order form using the framework's call-off terms without changes.",
      "Choose the supplier using the framework's direct award criteria and record your reasons.",
      "Award the call-off contract and record the outcome.",
    ],
    caveats: [],
    sources: [],
  },
];

const FURTHER_COMPETITION_STEPS: readonly string[] = [
  "Write a statement of requirements and confirm you have budget approval.",
  "Prepare the order form and the award criteria with their weightings, within the framework's rules.",
  "Invite the suppliers on the lot to bid, as the framework's further competition procedure requires.",
  "Evaluate the bids against the published criteria and weightings.",
  "Award the call-off contract, tell the unsuccessful suppliers and record the outcome.",
];

/**
 * Needs that more than one kind of framework covers: a lot in a related category is offered
 * too, so every framework whose scope covers the need is shown (issue 13: a CRM or revenues
 * and benefits buyer who answers "cloud software" must also see Back Office Software 2, and
 * one who answers "back office software" must also see G-Cloud).
 */
export const RELATED_CATEGORIES: Readonly<Partial<Record<BuyingCategory, readonly BuyingCategory[]>>> = {
  "cloud-software": ["back-office-software"],
  "back-office-software": ["cloud-software"],
};

/** The categories a lot may cover to fit the need, the need's own first. */
export function categoriesCovering(category: BuyingCategory): BuyingCategory[] {
  return [category, ...(RELATED_CATEGORIES[category] ?? [])];
}

/** Help on the choice when frameworks of different kinds cover one need. */
const CHOICE_HELP: ReadonlyArray<{ categories: readonly BuyingCategory[]; message: string }> = [
  {
    categories: ["cloud-software", "back-office-software"],
    message:
      "Both cloud software frameworks (G-Cloud) and Back Office Software 2 cover software such as CRM, finance, HR and payroll or revenues and benefits. G-Cloud is a catalogue of cloud (SaaS) services with published prices and service definitions, bought by direct award after a saved search or by further competition. Back Office Software 2 buys back office software and its support direct from software vendors, including software not sold as a cloud service, by direct award or further competition. Compare which suppliers are on each, the call-off terms and the longest call-off each allows, and record why you chose the one you use.",
  },
];

interface LotRouteMatch {
  agreement: Framework;
  lot: FrameworkLot;
  route: FrameworkRoute;
  status: "live" | "expiring";
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  reasons: string[];
}

interface LotRouteMiss {
  agreement: Framework;
  lot: FrameworkLot;
  method: BuyingMethod;
  reasons: string[];
  changes: string[];
}

function lotLabel(lot: FrameworkLot): string {
  return `lot ${lot.number} (${lot.name})`;
}

function statusReason(status: FrameworkStatus, dates: { startDate: IsoDate | null; endDate: IsoDate | null }, start: IsoDate): string {
  switch (status) {
    case "expired":
      return `it ended on ${formatDate(dates.endDate ?? start)}, before your start date of ${formatDate(start)}`;
    case "upcoming":
      return `it does not start until ${formatDate(dates.startDate ?? start)}, after your start date of ${formatDate(start)}`;
    case "unknown":
      return "it has no confirmed start date, so the guide cannot say it is open";
    default:
      return "it is open";
  }
}

function matchLots(
  input: NormalisedInput,
  frameworks: readonly Framework[],
  options: RouteFinderOptions,
): { matches: LotRouteMatch[]; misses: LotRouteMiss[] } {
  const matches: LotRouteMatch[] = [];
  const misses: LotRouteMiss[] = [];
  const categoryLabel = CATEGORY_LABELS[input.category];

  const wanted = categoriesCovering(input.category);
  for (const agreement of frameworks) {
    for (const lot of agreement.lots) {
      const covers = wanted.find((c) => lot.categories.includes(c));
      if (covers === undefined) continue;
      const coverage =
        covers === input.category
          ? `covers ${categoryLabel}`
          : `covers ${CATEGORY_LABELS[covers]}, which includes ${categoryLabel} such as CRM, finance or revenues and benefits software`;
      const dates = lotDates(agreement, lot);
      const status = lotStatus(agreement, lot, input.startDate, { expiringWithinDays: options.expiringWithinDays });

      const lotProblems: string[] = [];
      const lotChanges: string[] = [];
      if (!isOpenForNewCallOffs(status)) {
        // A lot that is not open is explained by its dates alone; other checks would only add noise.
        const changes =
          status === "upcoming" && dates.startDate
            ? [`If the procurement started on or after ${formatDate(dates.startDate)}, ${agreement.shortName} ${lotLabel(lot)} could fit.`]
            : status === "expired" && dates.endDate
              ? [
                  `If the procurement had started on or before ${formatDate(dates.endDate)}, ${agreement.shortName} ${lotLabel(lot)} could have been used.`,
                ]
              : [];
        for (const method of unique(lot.routes.map((r) => r.method))) {
          misses.push({
            agreement,
            lot,
            method,
            reasons: [`${agreement.shortName} ${lotLabel(lot)} cannot be used: ${statusReason(status, dates, input.startDate)}.`],
            changes,
          });
        }
        continue;
      }
      if (input.security === "ABOVE_OFFICIAL" && !lot.securityAboveOfficial) {
        lotProblems.push(
          `${agreement.shortName} ${lotLabel(lot)} is for OFFICIAL information only, and your requirement is above OFFICIAL.`,
        );
        lotChanges.push(`If the requirement were OFFICIAL, ${agreement.shortName} ${lotLabel(lot)} could fit.`);
      }

      for (const route of lot.routes) {
        const problems = [...lotProblems];
        const changes = [...lotChanges];
        if (route.minValuePence !== null && input.valuePence < route.minValuePence) {
          problems.push(`${agreement.shortName} ${lotLabel(lot)} is for call-offs worth ${formatPence(route.minValuePence)} or more.`);
          changes.push(`If the value were ${formatPence(route.minValuePence)} or more, ${agreement.shortName} ${lotLabel(lot)} could fit.`);
        }
        if (route.maxValuePence !== null && input.valuePence > route.maxValuePence) {
          problems.push(`${agreement.shortName} ${lotLabel(lot)} is for call-offs worth up to ${formatPence(route.maxValuePence)}.`);
          changes.push(`If the value were ${formatPence(route.maxValuePence)} or less, ${agreement.shortName} ${lotLabel(lot)} could fit.`);
        }
        if (route.maxContractMonths !== null && input.contractMonths > route.maxContractMonths) {
          problems.push(
            `A ${input.contractMonths}-month contract is longer than the ${route.maxContractMonths}-month limit for ${route.method === "direct-award" ? "a direct award" : "further competition"} on ${agreement.shortName} ${lotLabel(lot)}.`,
          );
          changes.push(
            `If the contract were ${route.maxContractMonths} months or shorter, ${agreement.shortName} ${lotLabel(lot)} could fit.`,
          );
        }
        if (route.method === "direct-award" && !input.termsUnchanged) {
          problems.push(
            `A direct award from ${agreement.shortName} must use the framework's call-off terms unchanged, and you said they would need to change. Further competition may still be possible.`,
          );
          changes.push(`If you could use the framework's terms unchanged, a direct award from ${agreement.shortName} could be possible.`);
        }

        if (problems.length > 0) {
          misses.push({ agreement, lot, method: route.method, reasons: problems, changes });
          continue;
        }

        const ends = dates.endDate
          ? `it ends on ${formatDate(dates.endDate)}${agreement.verified ? "" : ", not yet confirmed"}`
          : "no end date is recorded";
        const length =
          route.maxContractMonths === null
            ? "no contract length limit is recorded"
            : `a ${input.contractMonths}-month contract is within its ${route.maxContractMonths}-month limit`;
        const reasons = [
          `${agreement.shortName} ${lotLabel(lot)} ${coverage}${input.security === "ABOVE_OFFICIAL" ? " above OFFICIAL" : ""} and is open on ${formatDate(input.startDate)} (${ends}); ${length}.`,
        ];
        matches.push({ agreement, lot, route, status, startDate: dates.startDate, endDate: dates.endDate, reasons });
      }
    }
  }
  return { matches, misses };
}

function agreementSummary(a: Framework): AgreementSummary {
  return {
    number: a.number,
    name: a.name,
    shortName: a.shortName,
    regulation: a.regulation,
    sourceUrl: a.sourceUrl,
    verified: a.verified,
    notes: a.notes,
  };
}

function lotNumbers(lots: readonly LotMatch[]): string {
  return `${lots.length === 1 ? "lot" : "lots"} ${joinList(lots.map((l) => l.lotNumber))}`;
}

/** Lots grouped by a non-null key, in first-seen order. */
function groupLots<K extends string | number>(lots: readonly LotMatch[], key: (l: LotMatch) => K | null): Array<[K, LotMatch[]]> {
  const groups = new Map<K, LotMatch[]>();
  for (const lot of lots) {
    const k = key(lot);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), lot]);
  }
  return [...groups.entries()];
}

export function frameworkRoutes(
  input: NormalisedInput,
  frameworks: readonly Framework[],
  threshold: ThresholdEntry,
  nation: NationRule,
  options: RouteFinderOptions,
): { routes: EligibleRoute[]; notEligible: IneligibleRoute[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  // Only frameworks let under a law whose call-off rules the guide has checked for the nation.
  const advised = frameworks.filter((a) => nation.frameworkRegulationsAdvised.includes(a.regulation));
  const { matches, misses } = matchLots(input, advised, options);
  const routes: EligibleRoute[] = [];
  const notEligible: IneligibleRoute[] = [];
  const methods: BuyingMethod[] = ["direct-award", "further-competition"];

  // Lots that cover the need and are open, but whose call-off routes the sources do not give.
  const wanted = categoriesCovering(input.category);
  for (const agreement of advised) {
    const unconfirmed = agreement.lots.filter(
      (lot) =>
        lot.routes.length === 0 &&
        wanted.some((c) => lot.categories.includes(c)) &&
        isOpenForNewCallOffs(lotStatus(agreement, lot, input.startDate, { expiringWithinDays: options.expiringWithinDays })),
    );
    if (unconfirmed.length > 0) {
      warnings.push({
        code: "framework-routes-unconfirmed",
        message: `${agreement.name} (${agreement.number}) ${lotNumbers(unconfirmed.map((l) => ({ lotNumber: l.number }) as LotMatch))} may cover this, but how it is called off (direct award or further competition) and for how long are not confirmed, so the guide cannot offer it as a route yet. Ask its owner.`,
        sources: [{ title: `${agreement.name} (${agreement.number})`, url: agreement.sourceUrl }],
      });
    }
  }

  for (const agreement of advised) {
    for (const method of methods) {
      const kind: RouteKind = method === "direct-award" ? "framework-direct-award" : "framework-further-competition";
      const id = `${kind}-${agreement.slug}`;
      const verb = method === "direct-award" ? "Direct award from" : "Further competition under";
      const title = `${verb} ${agreement.shortName} (${agreement.number})`;
      const fits = matches.filter((m) => m.agreement === agreement && m.route.method === method);
      const missed = misses.filter((m) => m.agreement === agreement && m.method === method);

      if (fits.length === 0) {
        if (missed.length > 0) {
          notEligible.push({
            id,
            kind,
            title,
            reasons: unique(missed.flatMap((m) => m.reasons)),
            whatWouldChange: unique(missed.flatMap((m) => m.changes)),
            agreementNumber: agreement.number,
          });
        }
        continue;
      }

      const noticeRules = frameworkNoticeRules(agreement.regulation, input.valuePence, threshold);
      const procedure = method === "direct-award" ? DIRECT_AWARD_PROCEDURES.find((p) => p.appliesTo(agreement)) : undefined;
      const baseSteps = procedure ? procedure.steps : FURTHER_COMPETITION_STEPS;

      const lots: LotMatch[] = fits.map((m) => ({
        agreementNumber: agreement.number,
        agreementName: agreement.name,
        lotNumber: m.lot.number,
        lotName: m.lot.name,
        method,
        status: m.status,
        startDate: m.startDate,
        endDate: m.endDate,
        maxContractMonths: m.route.maxContractMonths,
        minValuePence: m.route.minValuePence,
        maxValuePence: m.route.maxValuePence,
        verified: agreement.verified && m.lot.verified && m.route.verified,
        reasons: m.reasons,
      }));
      const verified = lots.every((l) => l.verified);

      const caveats = [...(procedure?.caveats ?? []), ...noticeRules.caveats];
      if (!verified) {
        caveats.push(
          `Some details of ${agreement.shortName} ${lotNumbers(lots.filter((l) => !l.verified))} are not verified. The catalogue notes say: "${agreement.notes}" Confirm them with the Government Commercial Agency (formerly Crown Commercial Service) before relying on them.`,
        );
        if (!warnings.some((w) => w.code === "unverified-framework-data" && w.sources[0]?.url === agreement.sourceUrl)) {
          warnings.push({
            code: "unverified-framework-data",
            message: `Some details of ${agreement.name} (${agreement.number}) used here are not verified. Confirm them with the Government Commercial Agency before relying on them.`,
            sources: [{ title: `${agreement.name} (${agreement.number})`, url: agreement.sourceUrl }],
          });
        }
      }
      const expiring = fits.filter((m) => m.status === "expiring");
      if (expiring.length > 0) {
        const ends = expiring
          .map((m) => m.endDate)
          .filter((d): d is IsoDate => d !== null)
          .sort()[0];
        const message = `${agreement.shortName} ends on ${ends ? formatDate(ends) : "a date soon"}, within ${options.expiringWithinDays ?? EXPIRING_WITHIN_DAYS} days of your start date. You must award the call-off before it ends.`;
        caveats.push(message);
        if (!warnings.some((w) => w.code === "framework-expiring" && w.message === message)) {
          warnings.push({ code: "framework-expiring", message, sources: [{ title: agreement.name, url: agreement.sourceUrl }] });
        }
      }
      caveats.push(...transparencyCodeCaveats(nation));

      const lotList = `${lots.length === 1 ? "lot" : "lots"} ${joinList(lots.map((l) => `${l.lotNumber} (${l.lotName})`))}`;
      const summary =
        method === "direct-award"
          ? `Call off ${agreement.shortName} ${lotList} without a competition, following the framework's direct award procedure and using its call-off terms unchanged.`
          : `Run a further competition between the suppliers on ${agreement.shortName} ${lotList}, under the framework's rules.`;

      const whyEligible = [
        `Framework call-offs can be used at any value; this one is worth ${formatPence(input.valuePence)} including VAT.`,
        ...lots.flatMap((l) => l.reasons),
        ...(input.security === "ABOVE_OFFICIAL" ? ["Only lots for requirements above OFFICIAL are included."] : []),
        ...(method === "direct-award" ? ["You can use the framework's call-off terms unchanged, which a direct award requires."] : []),
      ];

      const ruleSummary =
        agreement.regulation === "PCR2015"
          ? "A call-off from a framework let under the Public Contracts Regulations 2015 follows that framework's call-off procedure and the 2015 notice rules: an award notice on Contracts Finder for sub-central contracts worth £30,000 or more."
          : "A call-off from a framework let under the Procurement Act 2023 follows the framework's call-off procedure (section 45). Call-offs worth the threshold or more need a contract award notice (UK6) and a contract details notice (UK7); below-threshold call-offs worth £30,000 or more need a contract details notice.";

      const changes = [
        ...(method === "direct-award"
          ? ["If the framework's terms had to change, a direct award would not be possible; further competition might be."]
          : []),
        ...groupLots(lots, (l) => l.maxContractMonths).map(
          ([months, group]) =>
            `If the contract were longer than ${months} months, ${agreement.shortName} ${lotNumbers(group)} would not fit.`,
        ),
        ...groupLots(lots, (l) => l.endDate).map(
          ([end, group]) =>
            `If the procurement started after ${formatDate(end)}, ${agreement.shortName} ${lotNumbers(group)} would have ended and could not be used.`,
        ),
        ...noticeRules.changes,
        ...transparencyCodeChanges(input.valuePence, nation),
      ];

      routes.push({
        id,
        kind,
        title,
        summary,
        exceptional: false,
        whyEligible,
        steps: [...baseSteps, ...noticeRules.steps],
        notices: [...noticeRules.notices, ...transparencyCodeNotices(input.valuePence, nation)],
        lots,
        agreement: agreementSummary(agreement),
        rule: {
          summary: ruleSummary,
          comparison: thresholdComparison(input.valuePence, threshold),
          threshold,
          sources: unique([...noticeRules.sources, ...(procedure?.sources ?? []), { title: agreement.name, url: agreement.sourceUrl }]),
        },
        whatWouldChange: unique(changes),
        caveats,
        verified,
      });
    }
  }
  const offered = new Set(routes.map((r) => r.agreement?.number));
  if (offered.size > 1) {
    const kinds = new Set(
      routes.flatMap((r) =>
        r.lots.flatMap(
          (l) => advised.find((a) => a.number === l.agreementNumber)?.lots.find((x) => x.number === l.lotNumber)?.categories ?? [],
        ),
      ),
    );
    for (const help of CHOICE_HELP) {
      if (help.categories.every((c) => kinds.has(c))) {
        warnings.push({
          code: "framework-choice",
          message: help.message,
          sources: unique(routes.map((r) => ({ title: r.agreement!.name, url: r.agreement!.sourceUrl }))),
        });
      }
    }
  }
  if (nation.regime === "scotland") {
    for (const r of routes) {
      r.caveats.push(
        "A Scottish council calling off a UK framework let under the Procurement Act 2023 follows the Act's call-off rules for that call-off (section 115A), not the Procurement Reform (Scotland) Act 2014 steps.",
      );
      r.rule = { ...r.rule, sources: [...r.rule.sources, SOURCES.reservedArrangementsScotland] };
    }
  }
  return { routes, notEligible, warnings };
}
