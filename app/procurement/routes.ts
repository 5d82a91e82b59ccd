// The buying-route guide: given what a council is buying, how much it is worth,
// when the procurement starts and a list of frameworks, return every route the
// council could use, with steps, notices, the rule applied and its source.
//
// Pure and table-driven: no I/O, no Prisma, no clock. The caller passes the
// start date (default: today) and the framework list. The only data imported
// here are the threshold and nation tables and the source links.
import { formatDate, toIsoDate } from "./dates";
import { EXPIRING_WITHIN_DAYS, isOpenForNewCallOffs, lotDates, lotStatus, type FrameworkStatus } from "./framework-status";
import { assertPence, formatPence } from "./money";
import { NATION_RULES, type NationRule } from "./nations";
import { SOURCES } from "./sources";
import { ACT_COMMENCEMENT, COVERED_FROM, LIMITS, THRESHOLDS, thresholdFor, type ThresholdEntry } from "./thresholds";
import {
  CATEGORY_LABELS,
  type BuyingCategory,
  type BuyingMethod,
  type ContractKind,
  type Framework,
  type FrameworkLot,
  type FrameworkRoute,
  type IsoDate,
  type Nation,
  type Regulation,
  type SecurityClassification,
  type Source,
} from "./types";

// ---------------------------------------------------------------------------
// Input and output
// ---------------------------------------------------------------------------

export interface RouteFinderInput {
  category: BuyingCategory;
  /** Estimated whole-life value including VAT, in integer pence. Use poundsToPence() at the edge. */
  valuePence: number;
  /** Contract length in whole months, including any extensions. */
  contractMonths: number;
  /** The date the procurement starts (the caller passes today by default). */
  startDate: Date | string;
  /** Whether the framework's call-off terms can be used without changes. */
  termsUnchanged: boolean;
  security: SecurityClassification;
  nation: Nation;
  /** Schedule 1 contract type; digital and cloud purchases are goods and services. */
  contractKind?: ContractKind;
}

export interface RouteFinderOptions {
  /** Written quotes the council's contract procedure rules require under £30,000 (a per-council setting). */
  quotesRequired?: number;
  /** Days before a framework's end date from which it counts as "expiring". */
  expiringWithinDays?: number;
}

export const DEFAULT_QUOTES_REQUIRED = 3;

export type ValueBand = "under-30k" | "below-threshold" | "above-threshold";

export type RouteKind =
  | "own-rules-under-30k"
  | "notifiable-below-threshold"
  | "open-procedure"
  | "competitive-flexible-procedure"
  | "direct-award-schedule-5"
  | "framework-direct-award"
  | "framework-further-competition";

export type NoticeCode =
  | "UK2"
  | "UK3"
  | "UK4"
  | "UK5"
  | "UK6"
  | "UK7"
  | "UK8"
  | "UK9"
  | "UK10"
  | "UK11"
  | "UK12"
  | "ASSESSMENT_SUMMARIES"
  | "KPIS_AND_CONTRACT"
  | "BELOW_THRESHOLD_TENDER"
  | "BELOW_THRESHOLD_CONTRACT_DETAILS"
  | "CONTRACTS_FINDER_AWARD"
  | "TRANSPARENCY_CODE_CONTRACT"
  | "TRANSPARENCY_CODE_SPEND";

export interface Notice {
  code: NoticeCode;
  name: string;
  where: string;
  requirement: "required" | "optional" | "conditional";
  when: string;
  sources: readonly Source[];
}

export interface AppliedRule {
  /** The rule in plain English. */
  summary: string;
  /** How this purchase compares with the figure the rule turns on. */
  comparison: string;
  threshold: ThresholdEntry | null;
  sources: readonly Source[];
}

export interface LotMatch {
  agreementNumber: string;
  agreementName: string;
  lotNumber: string;
  lotName: string;
  method: BuyingMethod;
  status: "live" | "expiring";
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  maxContractMonths: number | null;
  minValuePence: number | null;
  maxValuePence: number | null;
  /** False if anything about the agreement, lot or route is unverified. */
  verified: boolean;
  reasons: string[];
}

export interface AgreementSummary {
  number: string;
  name: string;
  shortName: string;
  regulation: Regulation;
  sourceUrl: string;
  verified: boolean;
  notes: string;
}

export interface EligibleRoute {
  id: string;
  kind: RouteKind;
  title: string;
  summary: string;
  /** True for routes that are only lawful in exceptional circumstances. */
  exceptional: boolean;
  whyEligible: string[];
  steps: string[];
  notices: Notice[];
  /** Framework lots that fit (framework routes only). */
  lots: LotMatch[];
  agreement: AgreementSummary | null;
  rule: AppliedRule;
  whatWouldChange: string[];
  caveats: string[];
  /** False if the route relies on unverified framework data. */
  verified: boolean;
}

export interface IneligibleRoute {
  id: string;
  kind: RouteKind;
  title: string;
  reasons: string[];
  whatWouldChange: string[];
  agreementNumber: string | null;
}

export type WarningCode =
  | "not-covered"
  | "nation-gap"
  | "before-act-commenced"
  | "unverified-framework-data"
  | "framework-expiring"
  | "no-framework-lot";

export interface Warning {
  code: WarningCode;
  message: string;
  sources: readonly Source[];
}

export interface NormalisedInput {
  category: BuyingCategory;
  valuePence: number;
  contractMonths: number;
  startDate: IsoDate;
  termsUnchanged: boolean;
  security: SecurityClassification;
  nation: Nation;
  contractKind: ContractKind;
}

export interface RouteFinderResult {
  input: NormalisedInput;
  /** null when the start date is not covered. */
  band: ValueBand | null;
  /** "gap": the figures are shown but may not be the ones that apply (see warnings). */
  coverage: "full" | "gap" | "not-covered";
  threshold: ThresholdEntry | null;
  nation: NationRule;
  routes: EligibleRoute[];
  notEligible: IneligibleRoute[];
  warnings: Warning[];
  /** What the guide assumed; shown with every result. */
  assumptions: string[];
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

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
      "G-Cloud call-offs are usually limited to an initial term of up to 36 months plus one extension of up to 12 months. This is not verified for G-Cloud 14 or 15: check the call-off terms.",
    ],
    sources: [SOURCES.gCloudBuyersGuide],
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

const AFTER_AWARD_NOTICES: readonly Notice[] = [
  {
    code: "UK8",
    name: "Payments compliance notice",
    where: "Central Digital Platform",
    requirement: "conditional",
    when: "Every 6 months, covering the council's public contracts",
    sources: [SOURCES.s69Payments],
  },
  {
    code: "UK9",
    name: "Contract performance notice",
    where: "Central Digital Platform",
    requirement: "conditional",
    when: "For contracts with KPIs (over £5 million), at least once a year; and on a breach or failure to perform",
    sources: [SOURCES.s71Performance],
  },
  {
    code: "UK10",
    name: "Contract change notice",
    where: "Central Digital Platform",
    requirement: "conditional",
    when: "Before modifying the contract, where a notice is required",
    sources: [SOURCES.s75Change],
  },
  {
    code: "UK11",
    name: "Contract termination notice",
    where: "Central Digital Platform",
    requirement: "conditional",
    when: "When the contract ends or is terminated",
    sources: [SOURCES.s80TerminationNotice],
  },
];

const PROCUREMENT_TERMINATION_NOTICE: Notice = {
  code: "UK12",
  name: "Procurement termination notice",
  where: "Central Digital Platform",
  requirement: "conditional",
  when: "Only if you decide not to award the contract after publishing a tender or transparency notice",
  sources: [SOURCES.s55Termination],
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const money = formatPence;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function valueBand(valuePence: number, threshold: ThresholdEntry): ValueBand {
  if (valuePence < LIMITS.notifiableBelowThreshold.pence) return "under-30k";
  if (valuePence < threshold.amountPence) return "below-threshold";
  return "above-threshold";
}

function thresholdComparison(valuePence: number, threshold: ThresholdEntry): string {
  const relation = valuePence >= threshold.amountPence ? "at or above" : "below";
  return `${money(valuePence)} is ${relation} the ${money(threshold.amountPence)} threshold for ${threshold.label} that applies to procurements starting ${
    threshold.effectiveTo ? `from ${formatDate(threshold.effectiveFrom)} to ${formatDate(threshold.effectiveTo)}` : `on or after ${formatDate(threshold.effectiveFrom)}`
  }.`;
}

/** "If the procurement started on or after 1 January 2026 …" when another period's figure would change the band. */
function otherPeriodChanges(valuePence: number, current: ThresholdEntry): string[] {
  const aboveNow = valuePence >= current.amountPence;
  return THRESHOLDS.filter((t) => t.kind === current.kind && t.id !== current.id)
    .filter((t) => valuePence >= t.amountPence !== aboveNow)
    .map((t) => {
      const side = aboveNow ? "below" : "at or above";
      return t.effectiveFrom > current.effectiveFrom
        ? `If the procurement started on or after ${formatDate(t.effectiveFrom)}, the threshold would be ${money(t.amountPence)} and this contract would be ${side} it.`
        : `If the procurement had started between ${formatDate(t.effectiveFrom)} and ${formatDate(t.effectiveTo ?? t.effectiveFrom)}, the threshold would have been ${money(t.amountPence)} and this contract would have been ${side} it.`;
    });
}

function transparencyCodeNotices(valuePence: number, nation: NationRule): Notice[] {
  if (!nation.transparencyCode) return [];
  const notices: Notice[] = [];
  if (valuePence > LIMITS.transparencyCodeContract.pence) {
    notices.push({
      code: "TRANSPARENCY_CODE_CONTRACT",
      name: "Contract published under the Local Government Transparency Code",
      where: "Council's published contract data",
      requirement: "required",
      when: "In the council's quarterly publication, because the contract is worth more than £5,000",
      sources: LIMITS.transparencyCodeContract.sources,
    });
  }
  notices.push({
    code: "TRANSPARENCY_CODE_SPEND",
    name: "Spend published under the Local Government Transparency Code",
    where: "Council's published spending data",
    requirement: "conditional",
    when: "Each item of spend over £500",
    sources: LIMITS.transparencyCodeSpend.sources,
  });
  return notices;
}

function transparencyCodeChanges(valuePence: number, nation: NationRule): string[] {
  if (!nation.transparencyCode || valuePence > LIMITS.transparencyCodeContract.pence) return [];
  return ["If the value were more than £5,000, you would also have to publish the contract under the Local Government Transparency Code."];
}

function kpiNotice(valuePence: number): Notice[] {
  if (valuePence <= LIMITS.kpiAndContractPublication.pence) return [];
  return [
    {
      code: "KPIS_AND_CONTRACT",
      name: "Key performance indicators and a copy of the contract",
      where: "Central Digital Platform",
      requirement: "required",
      when: "Set at least 3 KPIs before entering into the contract; publish them and a copy of the contract, because it is worth more than £5 million",
      sources: LIMITS.kpiAndContractPublication.sources,
    },
  ];
}

function kpiChange(valuePence: number): string[] {
  return valuePence > LIMITS.kpiAndContractPublication.pence
    ? []
    : ["If the value were more than £5,000,000, you would also have to set and publish at least 3 key performance indicators and publish a copy of the contract."];
}

interface FrameworkNoticeRules {
  notices: Notice[];
  steps: string[];
  changes: string[];
  caveats: string[];
  sources: Source[];
}

/** Notices for a call-off: PCR 2015 frameworks keep the old rules; PA2023 frameworks use the Act's. */
function frameworkNoticeRules(regulation: Regulation, valuePence: number, threshold: ThresholdEntry): FrameworkNoticeRules {
  const cf = LIMITS.contractsFinderSubCentral.pence;
  if (regulation === "PCR2015") {
    const rules: FrameworkNoticeRules = {
      notices: [],
      steps: [],
      changes: [],
      caveats: [
        "This framework was let under the Public Contracts Regulations 2015, so call-offs from it follow the 2015 notice rules (Contracts Finder), not the Procurement Act 2023 notices.",
      ],
      sources: [SOURCES.pcrReg112ContractsFinder, SOURCES.pcr2015],
    };
    if (valuePence >= cf) {
      rules.notices.push({
        code: "CONTRACTS_FINDER_AWARD",
        name: "Contract award notice on Contracts Finder",
        where: "Contracts Finder",
        requirement: "required",
        when: "After awarding the call-off, because it is worth £30,000 or more",
        sources: LIMITS.contractsFinderSubCentral.sources,
      });
      rules.steps.push("Publish a contract award notice on Contracts Finder.");
      rules.changes.push("If the value were under £30,000, no Contracts Finder award notice would be needed.");
    } else {
      rules.changes.push("If the value were £30,000 or more, you would have to publish a contract award notice on Contracts Finder.");
    }
    return rules;
  }

  const rules: FrameworkNoticeRules = {
    notices: [],
    steps: [],
    changes: [],
    caveats: [],
    sources: [SOURCES.s45Frameworks, SOURCES.frameworksGuidance],
  };
  if (valuePence >= threshold.amountPence) {
    rules.notices.push(
      {
        code: "UK6",
        name: "Contract award notice",
        where: "Central Digital Platform",
        requirement: "required",
        when: "Before entering into the call-off contract",
        sources: [SOURCES.s50ContractAward],
      },
      {
        code: "UK7",
        name: "Contract details notice",
        where: "Central Digital Platform",
        requirement: "required",
        when: "Within 30 days of entering into the call-off contract",
        sources: [SOURCES.s53ContractDetails],
      },
      ...kpiNotice(valuePence),
    );
    rules.steps.push(
      "Publish the contract award notice (UK6) before entering into the call-off contract. A standstill period is not mandatory for framework call-offs, but you may observe a voluntary one.",
      "Enter into the call-off contract and publish the contract details notice (UK7).",
    );
    rules.sources.push(SOURCES.s50ContractAward, SOURCES.s51Standstill, SOURCES.s53ContractDetails);
    rules.changes.push(
      `If the value were under ${money(threshold.amountPence)}, the call-off would be a below-threshold contract: no contract award notice (UK6), but a contract details notice if it is worth £30,000 or more.`,
      ...kpiChange(valuePence),
    );
  } else if (valuePence >= LIMITS.notifiableBelowThreshold.pence) {
    rules.notices.push({
      code: "BELOW_THRESHOLD_CONTRACT_DETAILS",
      name: "Contract details notice (notifiable below-threshold contract)",
      where: "Central Digital Platform",
      requirement: "required",
      when: "As soon as reasonably practicable after entering into the call-off contract",
      sources: [SOURCES.s87BelowThresholdNotices],
    });
    rules.steps.push("Enter into the call-off contract and publish a contract details notice on the Central Digital Platform.");
    rules.sources.push(SOURCES.s87BelowThresholdNotices);
    rules.changes.push(
      `If the value were ${money(threshold.amountPence)} or more, you would publish a contract award notice (UK6) before entering into the call-off and a contract details notice (UK7) after.`,
      "If the value were under £30,000, no contract details notice would be needed.",
    );
  } else {
    rules.changes.push("If the value were £30,000 or more, you would have to publish a contract details notice after entering into the call-off.");
  }
  return rules;
}

// ---------------------------------------------------------------------------
// Framework lot matching
// ---------------------------------------------------------------------------

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

  for (const agreement of frameworks) {
    for (const lot of agreement.lots) {
      if (!lot.categories.includes(input.category)) continue;
      const dates = lotDates(agreement, lot);
      const status = lotStatus(agreement, lot, input.startDate, { expiringWithinDays: options.expiringWithinDays });

      const lotProblems: string[] = [];
      const lotChanges: string[] = [];
      if (!isOpenForNewCallOffs(status)) {
        lotProblems.push(`${agreement.shortName} ${lotLabel(lot)} cannot be used: ${statusReason(status, dates, input.startDate)}.`);
        if (status === "upcoming" && dates.startDate) {
          lotChanges.push(`If the procurement started on or after ${formatDate(dates.startDate)}, ${agreement.shortName} ${lotLabel(lot)} could fit.`);
        }
      }
      if (input.security === "ABOVE_OFFICIAL" && !lot.securityAboveOfficial) {
        lotProblems.push(`${agreement.shortName} ${lotLabel(lot)} is for OFFICIAL information only, and your requirement is above OFFICIAL.`);
        lotChanges.push(`If the requirement were OFFICIAL, ${agreement.shortName} ${lotLabel(lot)} could fit.`);
      }

      for (const route of lot.routes) {
        const problems = [...lotProblems];
        const changes = [...lotChanges];
        if (route.minValue !== null && input.valuePence < route.minValue) {
          problems.push(`${agreement.shortName} ${lotLabel(lot)} is for call-offs worth ${money(route.minValue)} or more.`);
          changes.push(`If the value were ${money(route.minValue)} or more, ${agreement.shortName} ${lotLabel(lot)} could fit.`);
        }
        if (route.maxValue !== null && input.valuePence > route.maxValue) {
          problems.push(`${agreement.shortName} ${lotLabel(lot)} is for call-offs worth up to ${money(route.maxValue)}.`);
          changes.push(`If the value were ${money(route.maxValue)} or less, ${agreement.shortName} ${lotLabel(lot)} could fit.`);
        }
        if (route.maxContractMonths !== null && input.contractMonths > route.maxContractMonths) {
          problems.push(
            `A ${input.contractMonths}-month contract is longer than the ${route.maxContractMonths}-month limit for ${route.method === "direct-award" ? "a direct award" : "further competition"} on ${agreement.shortName} ${lotLabel(lot)}.`,
          );
          changes.push(`If the contract were ${route.maxContractMonths} months or shorter, ${agreement.shortName} ${lotLabel(lot)} could fit.`);
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

        const reasons = [
          `${agreement.shortName} ${lotLabel(lot)} is ${status === "expiring" ? "open but ending soon" : "open"} on ${formatDate(input.startDate)}${
            dates.endDate ? ` (it ends on ${formatDate(dates.endDate)})` : " (no end date is recorded)"
          }.`,
          `The lot covers ${categoryLabel}.`,
          route.maxContractMonths === null
            ? "No contract length limit is recorded for this lot's route."
            : `A ${input.contractMonths}-month contract is within the ${route.maxContractMonths}-month limit.`,
        ];
        if (input.security === "ABOVE_OFFICIAL") reasons.push("The lot is for requirements above OFFICIAL.");
        if (route.method === "direct-award") reasons.push("You can use the framework's call-off terms unchanged, which a direct award requires.");
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

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function frameworkRoutes(
  input: NormalisedInput,
  frameworks: readonly Framework[],
  threshold: ThresholdEntry,
  nation: NationRule,
  options: RouteFinderOptions,
): { routes: EligibleRoute[]; notEligible: IneligibleRoute[]; warnings: Warning[] } {
  const { matches, misses } = matchLots(input, frameworks, options);
  const routes: EligibleRoute[] = [];
  const notEligible: IneligibleRoute[] = [];
  const warnings: Warning[] = [];
  const methods: BuyingMethod[] = ["direct-award", "further-competition"];

  for (const agreement of frameworks) {
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
        minValuePence: m.route.minValue,
        maxValuePence: m.route.maxValue,
        verified: agreement.verified && m.lot.verified && m.route.verified,
        reasons: m.reasons,
      }));
      const verified = lots.every((l) => l.verified);

      const caveats = [...(procedure?.caveats ?? []), ...noticeRules.caveats];
      if (!verified) {
        const unverifiedLots = lots.filter((l) => !l.verified).map((l) => `lot ${l.lotNumber}`);
        caveats.push(
          `Some details of ${agreement.shortName} (${unverifiedLots.join(", ")}) are not verified: ${agreement.notes} Confirm them with the Government Commercial Agency (formerly Crown Commercial Service) before relying on them.`,
        );
        warnings.push({
          code: "unverified-framework-data",
          message: `${title}: some framework details are not verified. Confirm them with the Government Commercial Agency before relying on them.`,
          sources: [{ title: `${agreement.name} (${agreement.number})`, url: agreement.sourceUrl }],
        });
      }
      const expiring = fits.filter((m) => m.status === "expiring");
      if (expiring.length > 0) {
        const ends = expiring.map((m) => m.endDate).filter((d): d is IsoDate => d !== null).sort()[0];
        const message = `${agreement.shortName} ends on ${ends ? formatDate(ends) : "a date soon"}, within ${options.expiringWithinDays ?? EXPIRING_WITHIN_DAYS} days of your start date. You must award the call-off before it ends.`;
        caveats.push(message);
        warnings.push({ code: "framework-expiring", message, sources: [{ title: agreement.name, url: agreement.sourceUrl }] });
      }
      if (!nation.transparencyCode) {
        caveats.push("The Local Government Transparency Code applies to councils in England. Check your own nation's transparency rules.");
      }

      const lotList = lots.map((l) => `lot ${l.lotNumber} (${l.lotName})`).join(", ");
      const summary =
        method === "direct-award"
          ? `Call off ${agreement.shortName} ${lotList} without a competition, following the framework's direct award procedure and using its call-off terms unchanged.`
          : `Run a further competition between the suppliers on ${agreement.shortName} ${lotList}, under the framework's rules.`;

      const whyEligible = [
        `Framework call-offs can be used at any value; this one is worth ${money(input.valuePence)} including VAT.`,
        ...lots.flatMap((l) => l.reasons),
      ];

      const ruleSummary =
        agreement.regulation === "PCR2015"
          ? "A call-off from a framework let under the Public Contracts Regulations 2015 follows that framework's call-off procedure and the 2015 notice rules: an award notice on Contracts Finder for sub-central contracts worth £30,000 or more."
          : "A call-off from a framework let under the Procurement Act 2023 follows the framework's call-off procedure (section 45). Call-offs worth the threshold or more need a contract award notice (UK6) and a contract details notice (UK7); below-threshold call-offs worth £30,000 or more need a contract details notice.";

      const changes = [
        ...(method === "direct-award"
          ? ["If the framework's terms had to change, a direct award would not be possible; further competition might be."]
          : []),
        ...lots
          .filter((l) => l.maxContractMonths !== null)
          .map((l) => `If the contract were longer than ${l.maxContractMonths} months, ${agreement.shortName} lot ${l.lotNumber} would not fit.`),
        ...unique(lots.map((l) => l.endDate).filter((d): d is IsoDate => d !== null)).map(
          (d) => `If the procurement started after ${formatDate(d)}, ${agreement.shortName} lots ending that day would have expired and could not be used.`,
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
  return { routes, notEligible, warnings };
}

// ---------------------------------------------------------------------------
// Routes by value band
// ---------------------------------------------------------------------------

function underThirtyThousandRoute(input: NormalisedInput, threshold: ThresholdEntry, nation: NationRule, quotes: number): EligibleRoute {
  const caveats: string[] = [];
  if (!nation.transparencyCode) {
    caveats.push("The Local Government Transparency Code applies to councils in England. Check your own nation's transparency rules.");
  }
  return {
    id: "own-rules-under-30k",
    kind: "own-rules-under-30k",
    title: "Follow your council's contract procedure rules (under £30,000)",
    summary: `The contract is worth less than £30,000 including VAT, so it is not a notifiable below-threshold contract and no procurement notice is needed. Follow your council's own contract procedure rules, which ask for ${plural(quotes, "written quote", "written quotes")}.`,
    exceptional: false,
    whyEligible: [`The estimated whole-life value, ${money(input.valuePence)} including VAT, is less than £30,000.`],
    steps: [
      "Check the estimate is the whole-life value including VAT, and that the requirement has not been split to bring it under £30,000.",
      `Get ${plural(quotes, "written quote", "written quotes")}, as your council's contract procedure rules require.`,
      "Choose the quote that gives best value against the criteria you set out, and record your reasons.",
      "Award the contract (for example, by purchase order) and keep the records.",
      ...(nation.transparencyCode
        ? ["Publish the contract if it is worth more than £5,000, and each item of spend over £500, as the Local Government Transparency Code requires."]
        : []),
    ],
    notices: transparencyCodeNotices(input.valuePence, nation),
    lots: [],
    agreement: null,
    rule: {
      summary:
        "A council contract worth less than £30,000 including VAT is not a notifiable below-threshold contract under the Procurement Act 2023, so the council's own contract procedure rules set how many quotes to get.",
      comparison: `${money(input.valuePence)} is less than £30,000.`,
      threshold,
      sources: [...LIMITS.notifiableBelowThreshold.sources, SOURCES.transparencyCode],
    },
    whatWouldChange: [
      "If the value were £30,000 or more including VAT, the contract would be a notifiable below-threshold contract: you would publish a contract details notice after award, and a below-threshold tender notice first if you advertise it.",
      ...transparencyCodeChanges(input.valuePence, nation),
    ],
    caveats,
    verified: true,
  };
}

function belowThresholdRoute(input: NormalisedInput, threshold: ThresholdEntry, nation: NationRule): EligibleRoute {
  const caveats = [
    "If you invite tenders, you cannot shortlist suppliers by assessing their suitability before they tender (section 85), though you can check suitability as part of assessing tenders.",
  ];
  if (!nation.transparencyCode) {
    caveats.push("The Local Government Transparency Code applies to councils in England. Check your own nation's transparency rules.");
  }
  return {
    id: "notifiable-below-threshold",
    kind: "notifiable-below-threshold",
    title: "Run your own below-threshold procurement (notifiable below-threshold contract)",
    summary: `The contract is worth between £30,000 and ${money(threshold.amountPence)} including VAT, so it is a notifiable below-threshold contract. You do not have to advertise it. If you do, publish a below-threshold tender notice on the Central Digital Platform before advertising anywhere else. After award, publish a contract details notice.`,
    exceptional: false,
    whyEligible: [
      `The estimated whole-life value, ${money(input.valuePence)} including VAT, is £30,000 or more.`,
      `It is below the ${money(threshold.amountPence)} threshold that applies on ${formatDate(input.startDate)}.`,
    ],
    steps: [
      "Decide, under your contract procedure rules, whether to advertise the opportunity or ask for quotes from suppliers you choose.",
      "If you advertise: publish a below-threshold tender notice on the Central Digital Platform first, before advertising anywhere else, and give suppliers a reasonable time to respond.",
      "Assess the tenders or quotes against the criteria you set out, and award the contract.",
      "Publish a contract details notice on the Central Digital Platform as soon as reasonably practicable after entering into the contract.",
      ...(nation.transparencyCode
        ? ["Publish the contract and each item of spend over £500, as the Local Government Transparency Code requires."]
        : []),
    ],
    notices: [
      {
        code: "BELOW_THRESHOLD_TENDER",
        name: "Below-threshold tender notice",
        where: "Central Digital Platform",
        requirement: "optional",
        when: "Only if you advertise the opportunity: publish it before advertising anywhere else",
        sources: [SOURCES.s87BelowThresholdNotices, SOURCES.centralDigitalPlatformGuidance],
      },
      {
        code: "BELOW_THRESHOLD_CONTRACT_DETAILS",
        name: "Contract details notice (notifiable below-threshold contract)",
        where: "Central Digital Platform",
        requirement: "required",
        when: "As soon as reasonably practicable after entering into the contract",
        sources: [SOURCES.s87BelowThresholdNotices],
      },
      ...transparencyCodeNotices(input.valuePence, nation),
    ],
    lots: [],
    agreement: null,
    rule: {
      summary:
        "A council contract worth £30,000 or more including VAT but below the threshold is a notifiable below-threshold contract (Procurement Act 2023, Part 6): advertising is optional, a below-threshold tender notice comes first if you advertise, and a contract details notice follows award.",
      comparison: thresholdComparison(input.valuePence, threshold),
      threshold,
      sources: [SOURCES.part6BelowThreshold, SOURCES.s85BelowThresholdParticipation, SOURCES.s87BelowThresholdNotices, ...threshold.sources],
    },
    whatWouldChange: [
      `If the value were ${money(threshold.amountPence)} or more including VAT, the contract would be above threshold and the Act's competitive procedures and notices (UK2 to UK7) would apply.`,
      "If the value were under £30,000, no procurement notice would be needed and your council's rules for low-value contracts would apply.",
      ...otherPeriodChanges(input.valuePence, threshold),
    ],
    caveats,
    verified: true,
  };
}

function ownProcedureRoutes(input: NormalisedInput, threshold: ThresholdEntry, nation: NationRule): EligibleRoute[] {
  const v = input.valuePence;
  const overFiveMillion = v > LIMITS.kpiAndContractPublication.pence;
  const preTender = [
    "Publish a preliminary market engagement notice (UK2) if you engage the market before tendering; if you do not, give your reasons in the tender notice.",
    "Optionally publish a planned procurement notice (UK3). A qualifying UK3 lets you shorten the minimum tendering period to 10 days.",
  ];
  const award = [
    "Send an assessment summary to each supplier that submitted an assessed tender.",
    "Publish the contract award notice (UK6). This starts the standstill period.",
    "Wait for the 8-working-day standstill period to end before entering into the contract.",
    "Enter into the contract and publish the contract details notice (UK7) within 30 days.",
    ...(overFiveMillion
      ? ["Because the contract is worth more than £5 million, set at least 3 key performance indicators, publish them, and publish a copy of the contract."]
      : []),
    "After award, publish the payments compliance (UK8), contract performance (UK9), change (UK10) and termination (UK11) notices when they apply.",
  ];
  const notices: Notice[] = [
    {
      code: "UK2",
      name: "Preliminary market engagement notice",
      where: "Central Digital Platform",
      requirement: "conditional",
      when: "If you carry out preliminary market engagement; otherwise give your reasons in the tender notice",
      sources: [SOURCES.s17MarketEngagement],
    },
    {
      code: "UK3",
      name: "Planned procurement notice",
      where: "Central Digital Platform",
      requirement: "optional",
      when: "Before the tender notice; a qualifying one shortens the minimum tendering period to 10 days",
      sources: [SOURCES.s15PlannedProcurement, SOURCES.s54TimeLimits],
    },
    {
      code: "UK4",
      name: "Tender notice",
      where: "Central Digital Platform",
      requirement: "required",
      when: "To start the procedure; allow at least 25 days for tenders (10 days with a qualifying UK3)",
      sources: [SOURCES.s21TenderNotices, SOURCES.s54TimeLimits],
    },
    {
      code: "ASSESSMENT_SUMMARIES",
      name: "Assessment summaries",
      where: "Sent to each supplier that submitted an assessed tender",
      requirement: "required",
      when: "Before publishing the contract award notice",
      sources: [SOURCES.s50ContractAward],
    },
    {
      code: "UK6",
      name: "Contract award notice",
      where: "Central Digital Platform",
      requirement: "required",
      when: "Before entering into the contract; starts the 8-working-day standstill period",
      sources: [SOURCES.s50ContractAward, SOURCES.s51Standstill],
    },
    {
      code: "UK7",
      name: "Contract details notice",
      where: "Central Digital Platform",
      requirement: "required",
      when: "Within 30 days of entering into the contract",
      sources: [SOURCES.s53ContractDetails],
    },
    ...kpiNotice(v),
    ...AFTER_AWARD_NOTICES,
    PROCUREMENT_TERMINATION_NOTICE,
    ...transparencyCodeNotices(v, nation),
  ];
  const whyEligible = [
    `The estimated whole-life value, ${money(v)} including VAT, is at or above the ${money(threshold.amountPence)} threshold that applies on ${formatDate(input.startDate)}, so it is a public contract under the Procurement Act 2023.`,
  ];
  const changes = [
    `If the value were under ${money(threshold.amountPence)} including VAT, the contract would be below threshold and these procedures and notices would not be required.`,
    ...kpiChange(v),
    ...otherPeriodChanges(v, threshold),
  ];
  const rule: AppliedRule = {
    summary:
      "A public contract at or above the threshold must be awarded by a competitive tendering procedure (the open procedure or a competitive flexible procedure), unless a framework or a direct award justification applies.",
    comparison: thresholdComparison(v, threshold),
    threshold,
    sources: [SOURCES.s20Procedures, SOURCES.s21TenderNotices, SOURCES.s50ContractAward, SOURCES.s51Standstill, SOURCES.s53ContractDetails, ...threshold.sources, SOURCES.actGuidance],
  };
  const caveats = nation.transparencyCode
    ? []
    : ["The Local Government Transparency Code applies to councils in England. Check your own nation's transparency rules."];

  return [
    {
      id: "open-procedure",
      kind: "open-procedure",
      title: "Open procedure (your own competitive tender)",
      summary:
        "Advertise the contract with a tender notice and let any supplier submit a tender in a single stage. Assess the tenders, send assessment summaries, publish a contract award notice, observe the standstill period, then publish a contract details notice.",
      exceptional: false,
      whyEligible,
      steps: [
        ...preTender,
        "Publish the tender notice (UK4) and tender documents on the Central Digital Platform. Allow at least 25 days for tenders (10 days with a qualifying UK3).",
        "Assess the tenders against the award criteria set out in the tender notice and documents.",
        ...award,
      ],
      notices,
      lots: [],
      agreement: null,
      rule,
      whatWouldChange: changes,
      caveats,
      verified: true,
    },
    {
      id: "competitive-flexible-procedure",
      kind: "competitive-flexible-procedure",
      title: "Competitive flexible procedure (your own competitive tender, designed by you)",
      summary:
        "Design a procedure that suits the market, for example a participation stage to shortlist suppliers followed by rounds of tendering or negotiation. Set it out in the tender notice, then follow the same award steps and notices as the open procedure.",
      exceptional: false,
      whyEligible,
      steps: [
        ...preTender,
        "Design the procedure (for example, a participation stage, then one or more rounds of tendering or negotiation) and set it out in the tender notice and associated tender documents.",
        "Publish the tender notice (UK4) on the Central Digital Platform. Allow at least 25 days for tenders (10 days with a qualifying UK3).",
        "Run the stages as set out, then assess the final tenders against the award criteria.",
        ...award,
      ],
      notices,
      lots: [],
      agreement: null,
      rule,
      whatWouldChange: changes,
      caveats,
      verified: true,
    },
  ];
}

function scheduleFiveDirectAwardRoute(input: NormalisedInput, threshold: ThresholdEntry, nation: NationRule): EligibleRoute {
  const v = input.valuePence;
  return {
    id: "direct-award-schedule-5",
    kind: "direct-award-schedule-5",
    title: "Direct award outside a framework (exceptional: needs a Schedule 5 justification)",
    summary:
      "Award the contract to a supplier without competition. This is only lawful where one of the justifications in Schedule 5 to the Procurement Act 2023 genuinely applies, for example only one supplier can provide it for technical reasons, or extreme and unavoidable urgency.",
    exceptional: true,
    whyEligible: [
      `The contract is at or above the ${money(threshold.amountPence)} threshold, so it can only be directly awarded if a Schedule 5 justification applies.`,
    ],
    steps: [
      "Check that a direct award justification in Schedule 5 applies, and record the justification and your evidence. Take legal advice.",
      "Publish a transparency notice (UK5) on the Central Digital Platform before awarding the contract.",
      "Publish the contract award notice (UK6) and observe the standstill period unless an exemption applies.",
      "Enter into the contract and publish the contract details notice (UK7) within 30 days.",
      ...(v > LIMITS.kpiAndContractPublication.pence
        ? ["Because the contract is worth more than £5 million, set at least 3 key performance indicators, publish them, and publish a copy of the contract."]
        : []),
      "After award, publish the payments compliance (UK8), contract performance (UK9), change (UK10) and termination (UK11) notices when they apply.",
    ],
    notices: [
      {
        code: "UK5",
        name: "Transparency notice",
        where: "Central Digital Platform",
        requirement: "required",
        when: "Before the direct award",
        sources: [SOURCES.s44Transparency],
      },
      {
        code: "UK6",
        name: "Contract award notice",
        where: "Central Digital Platform",
        requirement: "required",
        when: "Before entering into the contract",
        sources: [SOURCES.s50ContractAward, SOURCES.s51Standstill],
      },
      {
        code: "UK7",
        name: "Contract details notice",
        where: "Central Digital Platform",
        requirement: "required",
        when: "Within 30 days of entering into the contract",
        sources: [SOURCES.s53ContractDetails],
      },
      ...kpiNotice(v),
      ...AFTER_AWARD_NOTICES,
      PROCUREMENT_TERMINATION_NOTICE,
      ...transparencyCodeNotices(v, nation),
    ],
    lots: [],
    agreement: null,
    rule: {
      summary:
        "A public contract may be awarded directly, without a competitive tendering procedure, only where a direct award justification in Schedule 5 applies (section 41). A transparency notice (UK5) must be published first.",
      comparison: thresholdComparison(v, threshold),
      threshold,
      sources: [SOURCES.s41DirectAward, SOURCES.schedule5, SOURCES.s44Transparency, SOURCES.s50ContractAward, SOURCES.s53ContractDetails],
    },
    whatWouldChange: [
      "If no Schedule 5 justification applies, this route is not available: use a competitive procedure or a framework.",
      `If the value were under ${money(threshold.amountPence)} including VAT, no Schedule 5 justification would be needed, because the contract would be below threshold.`,
      ...kpiChange(v),
    ],
    caveats: [
      "Exceptional route: a direct award can be challenged by suppliers. Only use it where a Schedule 5 justification genuinely applies, keep the evidence, and take legal advice first.",
      ...(nation.transparencyCode ? [] : ["The Local Government Transparency Code applies to councils in England. Check your own nation's transparency rules."]),
    ],
    verified: true,
  };
}

// ---------------------------------------------------------------------------
// Main entry point
// ---------------------------------------------------------------------------

function normalise(input: RouteFinderInput): NormalisedInput {
  assertPence(input.valuePence, "valuePence");
  if (!Number.isInteger(input.contractMonths) || input.contractMonths < 1) {
    throw new RangeError(`contractMonths must be a whole number of months, 1 or more (got ${input.contractMonths})`);
  }
  return {
    category: input.category,
    valuePence: input.valuePence,
    contractMonths: input.contractMonths,
    startDate: toIsoDate(input.startDate),
    termsUnchanged: input.termsUnchanged,
    security: input.security,
    nation: input.nation,
    contractKind: input.contractKind ?? "goods-and-services",
  };
}

/**
 * Every route a council could use for this purchase, with steps, notices, the
 * framework lots that fit, the rule applied and what would change the answer.
 * `frameworks` is the catalogue (AgreementSeed[] satisfies it).
 */
export function eligibleRoutes(
  rawInput: RouteFinderInput,
  frameworks: readonly Framework[],
  options: RouteFinderOptions = {},
): RouteFinderResult {
  const input = normalise(rawInput);
  const quotes = options.quotesRequired ?? DEFAULT_QUOTES_REQUIRED;
  if (!Number.isInteger(quotes) || quotes < 1) throw new RangeError(`quotesRequired must be a whole number, 1 or more (got ${quotes})`);

  const nation = NATION_RULES[input.nation];
  const warnings: Warning[] = [];
  const assumptions = [
    "The value is the estimated whole-life value of the contract including VAT, with any extensions and options.",
    "The council is a sub-central contracting authority (not central government or a utility).",
    `Thresholds are those for ${input.contractKind === "goods-and-services" ? "goods and services" : input.contractKind === "works" ? "works" : "light-touch services"} contracts.`,
    "This guide gives advice, not legal certainty: check the rule and source shown with each route.",
  ];

  const threshold = thresholdFor(input.startDate, input.contractKind);
  if (threshold === null) {
    warnings.push({
      code: "not-covered",
      message: `The guide does not cover procurements starting before ${formatDate(COVERED_FROM)}. It holds no threshold figures for ${formatDate(input.startDate)}, so it shows no routes rather than guess.`,
      sources: [SOURCES.schedule1, SOURCES.pcr2015],
    });
    return { input, band: null, coverage: "not-covered", threshold: null, nation, routes: [], notEligible: [], warnings, assumptions };
  }

  let coverage: RouteFinderResult["coverage"] = "full";
  if (nation.coverage === "gap" && nation.message) {
    coverage = "gap";
    warnings.push({ code: "nation-gap", message: nation.message, sources: nation.sources });
  }
  if (input.startDate < ACT_COMMENCEMENT) {
    coverage = "gap";
    warnings.push({
      code: "before-act-commenced",
      message: `The Procurement Act 2023 came into force on ${formatDate(ACT_COMMENCEMENT)}. A procurement started before then ran under the Public Contracts Regulations 2015, so the notices and steps shown (which are the Act's) may not apply.`,
      sources: [SOURCES.pcr2015, SOURCES.act],
    });
  }

  const band = valueBand(input.valuePence, threshold);
  const routes: EligibleRoute[] = [];
  if (band === "under-30k") routes.push(underThirtyThousandRoute(input, threshold, nation, quotes));
  if (band === "below-threshold") routes.push(belowThresholdRoute(input, threshold, nation));
  if (band === "above-threshold") routes.push(...ownProcedureRoutes(input, threshold, nation));

  const framework = frameworkRoutes(input, frameworks, threshold, nation, options);
  routes.push(...framework.routes);
  warnings.push(...framework.warnings);
  if (framework.routes.length === 0) {
    warnings.push({
      code: "no-framework-lot",
      message: `No open framework lot in the catalogue fits ${CATEGORY_LABELS[input.category]} worth ${money(input.valuePence)} for ${plural(input.contractMonths, "month", "months")} starting ${formatDate(input.startDate)}${input.security === "ABOVE_OFFICIAL" ? " above OFFICIAL" : ""}.`,
      sources: [],
    });
  }

  if (band === "above-threshold") {
    routes.push(scheduleFiveDirectAwardRoute(input, threshold, nation));
    if (framework.routes.length === 0) {
      for (const r of routes) {
        if (r.kind === "open-procedure" || r.kind === "competitive-flexible-procedure") {
          r.whatWouldChange.push("If an open framework lot fitted this purchase, you could call off the framework instead of running your own procedure.");
        }
      }
    }
  }

  return { input, band, coverage, threshold, nation, routes, notEligible: framework.notEligible, warnings, assumptions };
}
