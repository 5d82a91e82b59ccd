// The buying-route guide: given what a council is buying, how much it is worth,
// when the procurement starts and a list of frameworks, return every route the
// council could use, with steps, notices, the rule applied and its source.
//
// Pure and table-driven: no I/O, no Prisma, no clock. The caller passes the
// start date (default: today) and the framework list. The only data imported
// are the threshold, nation, notice and source tables.
//
// This file holds the routes that depend on the value band (under £30,000,
// below threshold, above threshold) and eligibleRoutes(), which puts them
// together with the framework call-off routes from framework-routes.ts.
import { formatDate, toIsoDate } from "./dates";
import { otherPeriodChanges, plural, thresholdComparison } from "./explain";
import { frameworkRoutes } from "./framework-routes";
import { assertPence, formatPence } from "./money";
import { NATION_RULES, SCOTLAND_REGULATED_THRESHOLDS, type NationRule } from "./nations";
import {
  TRANSPARENCY_CODE_ELSEWHERE,
  afterContractNotices,
  contractAwardNotice,
  kpiChange,
  transparencyCodeCaveats,
  transparencyCodeChanges,
  transparencyCodeNotices,
} from "./notices";
import type {
  AppliedRule,
  EligibleRoute,
  Notice,
  NormalisedInput,
  RouteFinderInput,
  RouteFinderOptions,
  RouteFinderResult,
  ValueBand,
  Warning,
} from "./route-types";
import { SOURCES } from "./sources";
import { ACT_COMMENCEMENT, COVERED_FROM, LIMITS, thresholdFor, type ThresholdEntry } from "./thresholds";
import { CATEGORY_LABELS, type Framework } from "./types";

export type * from "./route-types";

/** Written quotes asked for under £30,000 unless the council's own setting says otherwise. */
export const DEFAULT_QUOTES_REQUIRED = 3;

export function valueBand(valuePence: number, threshold: ThresholdEntry): ValueBand {
  if (valuePence < LIMITS.notifiableBelowThreshold.pence) return "under-30k";
  if (valuePence < threshold.amountPence) return "below-threshold";
  return "above-threshold";
}

// ---------------------------------------------------------------------------
// Routes by value band
// ---------------------------------------------------------------------------

function underThirtyThousandRoute(input: NormalisedInput, threshold: ThresholdEntry, nation: NationRule, quotes: number): EligibleRoute {
  return {
    id: "own-rules-under-30k",
    kind: "own-rules-under-30k",
    title: "Follow your council's contract procedure rules (under £30,000)",
    summary: `The contract is worth less than £30,000 including VAT, so it is not a notifiable below-threshold contract and no procurement notice is needed. Follow your council's own contract procedure rules, which ask for ${plural(quotes, "written quote", "written quotes")}.`,
    exceptional: false,
    whyEligible: [`The estimated whole-life value, ${formatPence(input.valuePence)} including VAT, is less than £30,000.`],
    steps: [
      "Check the estimate is the whole-life value including VAT, and that the requirement has not been split to bring it under £30,000.",
      `Get ${plural(quotes, "written quote", "written quotes")}, as your council's contract procedure rules require.`,
      "Choose the quote that gives best value against the criteria you set out, and record your reasons.",
      "Award the contract (for example, by purchase order) and keep the records.",
      ...(nation.transparencyCode
        ? [
            "Publish the contract if it is worth more than £5,000, and each item of spend over £500, as the Local Government Transparency Code requires.",
          ]
        : []),
    ],
    notices: transparencyCodeNotices(input.valuePence, nation),
    lots: [],
    agreement: null,
    rule: {
      summary:
        "A council contract worth less than £30,000 including VAT is not a notifiable below-threshold contract under the Procurement Act 2023, so the council's own contract procedure rules set how many quotes to get.",
      comparison: `${formatPence(input.valuePence)} is less than £30,000.`,
      threshold,
      sources: [...LIMITS.notifiableBelowThreshold.sources, SOURCES.transparencyCode],
    },
    whatWouldChange: [
      "If the value were £30,000 or more including VAT, the contract would be a notifiable below-threshold contract: you would publish a contract details notice after award, and a below-threshold tender notice first if you advertise it.",
      ...transparencyCodeChanges(input.valuePence, nation),
    ],
    caveats: transparencyCodeCaveats(nation),
    verified: true,
  };
}

function belowThresholdRoute(input: NormalisedInput, threshold: ThresholdEntry, nation: NationRule): EligibleRoute {
  return {
    id: "notifiable-below-threshold",
    kind: "notifiable-below-threshold",
    title: "Run your own below-threshold procurement (notifiable below-threshold contract)",
    summary: `The contract is worth between £30,000 and ${formatPence(threshold.amountPence)} including VAT, so it is a notifiable below-threshold contract. You do not have to advertise it. If you do, publish a below-threshold tender notice on the Central Digital Platform before advertising anywhere else. After award, publish a contract details notice.`,
    exceptional: false,
    whyEligible: [
      `The estimated whole-life value, ${formatPence(input.valuePence)} including VAT, is £30,000 or more.`,
      `It is below the ${formatPence(threshold.amountPence)} threshold that applies on ${formatDate(input.startDate)}.`,
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
      sources: [
        SOURCES.part6BelowThreshold,
        SOURCES.s85BelowThresholdParticipation,
        SOURCES.s87BelowThresholdNotices,
        ...threshold.sources,
      ],
    },
    whatWouldChange: [
      `If the value were ${formatPence(threshold.amountPence)} or more including VAT, the contract would be above threshold and the Act's competitive procedures and notices (UK2 to UK7) would apply.`,
      "If the value were under £30,000, no procurement notice would be needed and your council's rules for low-value contracts would apply.",
      ...otherPeriodChanges(input.valuePence, threshold),
    ],
    caveats: [
      "If you invite tenders, you cannot shortlist suppliers by assessing their suitability before they tender (section 85), though you can check suitability as part of assessing tenders.",
      ...transparencyCodeCaveats(nation),
    ],
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
      ? [
          "Because the contract is worth more than £5 million, set at least 3 key performance indicators, publish them, and publish a copy of the contract.",
        ]
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
    contractAwardNotice("Before entering into the contract; starts the 8-working-day standstill period", [
      SOURCES.s50ContractAward,
      SOURCES.s51Standstill,
    ]),
    ...afterContractNotices(v, nation),
  ];
  const whyEligible = [
    `The estimated whole-life value, ${formatPence(v)} including VAT, is at or above the ${formatPence(threshold.amountPence)} threshold that applies on ${formatDate(input.startDate)}, so it is a public contract under the Procurement Act 2023.`,
  ];
  const changes = [
    `If the value were under ${formatPence(threshold.amountPence)} including VAT, the contract would be below threshold and these procedures and notices would not be required.`,
    ...kpiChange(v),
    ...otherPeriodChanges(v, threshold),
  ];
  const rule: AppliedRule = {
    summary:
      "A public contract at or above the threshold must be awarded by a competitive tendering procedure (the open procedure or a competitive flexible procedure), unless a framework or a direct award justification applies.",
    comparison: thresholdComparison(v, threshold),
    threshold,
    sources: [
      SOURCES.s20Procedures,
      SOURCES.s21TenderNotices,
      SOURCES.s50ContractAward,
      SOURCES.s51Standstill,
      SOURCES.s53ContractDetails,
      ...threshold.sources,
      SOURCES.actGuidance,
    ],
  };
  const caveats = transparencyCodeCaveats(nation);

  // The two procedures differ only in how the tendering runs: the same eligibility, rule, notices and award steps.
  const both = {
    exceptional: false,
    whyEligible,
    notices,
    lots: [],
    agreement: null,
    rule,
    whatWouldChange: changes,
    caveats,
    verified: true,
  };
  return [
    {
      id: "open-procedure",
      kind: "open-procedure",
      title: "Open procedure (your own competitive tender)",
      summary:
        "Advertise the contract with a tender notice and let any supplier submit a tender in a single stage. Assess the tenders, send assessment summaries, publish a contract award notice, observe the standstill period, then publish a contract details notice.",
      ...both,
      steps: [
        ...preTender,
        "Publish the tender notice (UK4) and tender documents on the Central Digital Platform. Allow at least 25 days for tenders (10 days with a qualifying UK3).",
        "Assess the tenders against the award criteria set out in the tender notice and documents.",
        ...award,
      ],
    },
    {
      id: "competitive-flexible-procedure",
      kind: "competitive-flexible-procedure",
      title: "Competitive flexible procedure (your own competitive tender, designed by you)",
      summary:
        "Design a procedure that suits the market, for example a participation stage to shortlist suppliers followed by rounds of tendering or negotiation. Set it out in the tender notice, then follow the same award steps and notices as the open procedure.",
      ...both,
      steps: [
        ...preTender,
        "Design the procedure (for example, a participation stage, then one or more rounds of tendering or negotiation) and set it out in the tender notice and associated tender documents.",
        "Publish the tender notice (UK4) on the Central Digital Platform. Allow at least 25 days for tenders (10 days with a qualifying UK3).",
        "Run the stages as set out, then assess the final tenders against the award criteria.",
        ...award,
      ],
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
      `The contract is at or above the ${formatPence(threshold.amountPence)} threshold, so it can only be directly awarded if a Schedule 5 justification applies.`,
    ],
    steps: [
      "Check that a direct award justification in Schedule 5 applies, and record the justification and your evidence. Take legal advice.",
      "Publish a transparency notice (UK5) on the Central Digital Platform before awarding the contract.",
      "Publish the contract award notice (UK6) and observe the standstill period unless an exemption applies.",
      "Enter into the contract and publish the contract details notice (UK7) within 30 days.",
      ...(v > LIMITS.kpiAndContractPublication.pence
        ? [
            "Because the contract is worth more than £5 million, set at least 3 key performance indicators, publish them, and publish a copy of the contract.",
          ]
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
      contractAwardNotice("Before entering into the contract", [SOURCES.s50ContractAward, SOURCES.s51Standstill]),
      ...afterContractNotices(v, nation),
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
      `If the value were under ${formatPence(threshold.amountPence)} including VAT, no Schedule 5 justification would be needed, because the contract would be below threshold.`,
      ...kpiChange(v),
    ],
    caveats: [
      "Exceptional route: a direct award can be challenged by suppliers. Only use it where a Schedule 5 justification genuinely applies, keep the evidence, and take legal advice first.",
      ...transparencyCodeCaveats(nation),
    ],
    verified: true,
  };
}

// ---------------------------------------------------------------------------
// Scotland: the council's own procurements follow Scottish law (issue 13 item 6)
// ---------------------------------------------------------------------------

const SCOTLAND_BELOW_REGULATED: AppliedRule["sources"] = [SOURCES.scotlandAct2014Section3, SOURCES.scotlandThresholds];

/** The 2014 Act's regulated-procurement threshold (excluding VAT) for the contract kind. */
export function scotlandRegulatedLimit(kind: NormalisedInput["contractKind"]): number {
  return kind === "works" ? SCOTLAND_REGULATED_THRESHOLDS.worksPence : SCOTLAND_REGULATED_THRESHOLDS.goodsAndServicesPence;
}

function scotlandBelowRegulatedRoute(input: NormalisedInput, threshold: ThresholdEntry): EligibleRoute {
  const limit = scotlandRegulatedLimit(input.contractKind);
  return {
    id: "scotland-below-regulated",
    kind: "scotland-below-regulated",
    title: `Follow your council's standing orders (below ${formatPence(limit)} excluding VAT in Scotland)`,
    summary: `The contract is worth less than ${formatPence(limit)} excluding VAT, so it is not a regulated procurement under the Procurement Reform (Scotland) Act 2014. Your council's standing orders and contract procedure rules set how to buy it (for example how many quotes).`,
    exceptional: false,
    whyEligible: [
      `The estimated value excluding VAT, ${formatPence(input.valueExcludingVatPence)}, is less than ${formatPence(limit)}${input.valueExcludingVatAssumed ? " (worked out from the value including VAT at the standard 20% rate)" : ""}.`,
    ],
    steps: [
      `Check the estimate is the whole value of the contract excluding VAT, and that the requirement has not been split to bring it under ${formatPence(limit)}.`,
      "Follow your council's standing orders and contract procedure rules (quotes, Quick Quote on Public Contracts Scotland where your rules ask for it).",
      "Choose the offer that gives best value against the criteria you set out, and record your reasons.",
    ],
    notices: [],
    lots: [],
    agreement: null,
    rule: {
      summary:
        "A Scottish public contract for goods or services is a regulated procurement only from £50,000 excluding VAT (section 3 of the Procurement Reform (Scotland) Act 2014); below that the 2014 Act's duties, including advertising on Public Contracts Scotland, do not apply.",
      comparison: `${formatPence(input.valueExcludingVatPence)} excluding VAT is less than ${formatPence(limit)}.`,
      threshold,
      sources: SCOTLAND_BELOW_REGULATED,
    },
    whatWouldChange: [
      `If the value were ${formatPence(limit)} or more excluding VAT, it would be a regulated procurement: you would advertise it and publicise the award on Public Contracts Scotland.`,
    ],
    caveats: [
      TRANSPARENCY_CODE_ELSEWHERE,
      `The Scottish thresholds were under review (consultation closed 8 January 2026); check they have not changed.`,
    ],
    verified: true,
  };
}

function scotlandRegulatedRoute(input: NormalisedInput, threshold: ThresholdEntry): EligibleRoute {
  const limit = scotlandRegulatedLimit(input.contractKind);
  const aboveGpa = input.valuePence >= threshold.amountPence;
  return {
    id: "scotland-regulated-procurement",
    kind: "scotland-regulated-procurement",
    title: "Regulated procurement: advertise on Public Contracts Scotland",
    summary: `The contract is worth ${formatPence(limit)} or more excluding VAT, so it is a regulated procurement under the Procurement Reform (Scotland) Act 2014. You must advertise it on Public Contracts Scotland and publicise the award there.${aboveGpa ? " It is also above the GPA threshold, so the Public Contracts (Scotland) Regulations 2015 apply to the procedure." : ""}`,
    exceptional: false,
    whyEligible: [
      `The estimated value excluding VAT, ${formatPence(input.valueExcludingVatPence)}, is ${formatPence(limit)} or more${input.valueExcludingVatAssumed ? " (worked out from the value including VAT at the standard 20% rate)" : ""}.`,
    ],
    steps: [
      "Follow the Procurement Reform (Scotland) Act 2014 duties for a regulated procurement, and your council's standing orders.",
      "Publish a contract notice on Public Contracts Scotland to seek offers (Public Contracts Scotland also publishes it on Find a Tender when it is above the GPA threshold).",
      "Assess the offers against the criteria you set out, and award the contract.",
      "Publish a contract award notice on Public Contracts Scotland.",
      ...(aboveGpa
        ? [
            "Above the GPA threshold, follow the procedures of the Public Contracts (Scotland) Regulations 2015 (the guide does not set them out).",
          ]
        : []),
    ],
    notices: [
      {
        code: "PCS_CONTRACT_NOTICE",
        name: "Contract notice",
        where: "Public Contracts Scotland",
        requirement: "required",
        when: "To seek offers in the regulated procurement (section 23(1))",
        sources: [SOURCES.scotlandAct2014PublicContractsWebsite, SOURCES.scotlandAdvertising],
      },
      {
        code: "PCS_AWARD_NOTICE",
        name: "Contract award notice",
        where: "Public Contracts Scotland",
        requirement: "required",
        when: "After award (section 23(2))",
        sources: [SOURCES.scotlandAct2014PublicContractsWebsite],
      },
    ],
    lots: [],
    agreement: null,
    rule: {
      summary:
        "A Scottish contracting authority must publicise its intention to seek offers in a regulated procurement, and the award, on the Public Contracts website (Public Contracts Scotland): sections 3, 22 and 23 of the Procurement Reform (Scotland) Act 2014.",
      comparison: `${formatPence(input.valueExcludingVatPence)} excluding VAT is at or above ${formatPence(limit)}.`,
      threshold,
      sources: [
        ...SCOTLAND_REGULATED_THRESHOLDS.sources,
        SOURCES.scotlandAct2014PublicContractsWebsite,
        SOURCES.scotlandAdvertising,
        SOURCES.scotlandGpaThresholds,
      ],
    },
    whatWouldChange: [
      `If the value were under ${formatPence(limit)} excluding VAT, it would not be a regulated procurement and your standing orders alone would apply.`,
      "If a UK framework let under the Procurement Act 2023 covered it, you could call off that framework under the Act's call-off rules instead.",
    ],
    caveats: [
      TRANSPARENCY_CODE_ELSEWHERE,
      "The Scottish thresholds were under review (consultation closed 8 January 2026); check they have not changed.",
    ],
    verified: true,
  };
}

/** Wales: the Act's notices go through the Welsh digital platform. Northern Ireland: no payments compliance notices. */
function applyNationToRoute(route: EligibleRoute, nation: NationRule): EligibleRoute {
  let notices = route.notices;
  let steps = route.steps;
  if (!nation.paymentsComplianceNotices) {
    notices = notices.filter((n) => n.code !== "UK8");
    steps = steps.map((s) => s.replace("the payments compliance (UK8), contract performance (UK9)", "the contract performance (UK9)"));
  }
  const platform = nation.noticePlatform;
  if (platform) {
    notices = notices.map((n) =>
      n.where === "Central Digital Platform" ? { ...n, where: `${platform.name}, which passes it to the Central Digital Platform` } : n,
    );
    if (notices.some((n) => n.where.startsWith(platform.name))) {
      steps = [...steps, platform.explanation];
    }
  }
  return { ...route, notices, steps };
}

// ---------------------------------------------------------------------------
// Main entry point
// ---------------------------------------------------------------------------

function normalise(input: RouteFinderInput): NormalisedInput {
  assertPence(input.valuePence, "valuePence");
  if (!Number.isInteger(input.contractMonths) || input.contractMonths < 1) {
    throw new RangeError(`contractMonths must be a whole number of months, 1 or more (got ${input.contractMonths})`);
  }
  if (input.valueExcludingVatPence !== undefined) assertPence(input.valueExcludingVatPence, "valueExcludingVatPence");
  return {
    category: input.category,
    valuePence: input.valuePence,
    // Standard-rate VAT (20%) when the buyer does not give the figure: value / 1.2.
    valueExcludingVatPence: input.valueExcludingVatPence ?? Math.round((input.valuePence * 5) / 6),
    valueExcludingVatAssumed: input.valueExcludingVatPence === undefined,
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
  if (nation.message) {
    warnings.push({
      code: nation.coverage === "gap" ? "nation-gap" : "nation-differences",
      message: nation.message,
      sources: nation.sources,
    });
  }
  if (nation.coverage === "gap") coverage = "gap";
  for (const message of nation.notAdvised) warnings.push({ code: "nation-not-advised", message, sources: nation.sources });
  if (nation.regime === "scotland") {
    assumptions.push(
      input.valueExcludingVatAssumed
        ? `Scotland's regulated-procurement threshold is excluding VAT: ${formatPence(input.valueExcludingVatPence)} was worked out from ${formatPence(input.valuePence)} at the standard 20% rate. If the purchase is zero-rated or exempt, give the value excluding VAT.`
        : `The value excluding VAT, ${formatPence(input.valueExcludingVatPence)}, is compared with Scotland's regulated-procurement threshold.`,
    );
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
  const scotland = nation.regime === "scotland";
  if (scotland) {
    routes.push(
      input.valueExcludingVatPence < scotlandRegulatedLimit(input.contractKind)
        ? scotlandBelowRegulatedRoute(input, threshold)
        : scotlandRegulatedRoute(input, threshold),
    );
  } else {
    if (band === "under-30k" && nation.belowThresholdRoutes) routes.push(underThirtyThousandRoute(input, threshold, nation, quotes));
    if (band === "below-threshold" && nation.belowThresholdRoutes) routes.push(belowThresholdRoute(input, threshold, nation));
    if (band === "above-threshold") routes.push(...ownProcedureRoutes(input, threshold, nation));
  }

  const framework = frameworkRoutes(input, frameworks, threshold, nation, options);
  routes.push(...framework.routes);
  warnings.push(...framework.warnings);
  if (framework.routes.length === 0) {
    warnings.push({
      code: "no-framework-lot",
      message: `No open framework lot in the catalogue fits ${CATEGORY_LABELS[input.category]} worth ${formatPence(input.valuePence)} for ${plural(input.contractMonths, "month", "months")} starting ${formatDate(input.startDate)}${input.security === "ABOVE_OFFICIAL" ? " above OFFICIAL" : ""}.`,
      sources: [],
    });
  }

  if (band === "above-threshold" && !scotland) {
    routes.push(scheduleFiveDirectAwardRoute(input, threshold, nation));
    if (framework.routes.length === 0) {
      for (const r of routes) {
        if (r.kind === "open-procedure" || r.kind === "competitive-flexible-procedure") {
          r.whatWouldChange.push(
            "If an open framework lot fitted this purchase, you could call off the framework instead of running your own procedure.",
          );
        }
      }
    }
  }

  return {
    input,
    band,
    coverage,
    threshold,
    nation,
    routes: routes.map((r) => applyNationToRoute(r, nation)),
    notEligible: framework.notEligible,
    warnings,
    assumptions,
  };
}
