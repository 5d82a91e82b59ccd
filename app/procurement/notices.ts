// Notice tables and the rules that pick notices by value, regulation and nation.
import { formatPence } from "./money";
import type { NationRule } from "./nations";
import type { Notice, NoticeCode } from "./route-types";
import { SOURCES } from "./sources";
import { LIMITS, type ThresholdEntry } from "./thresholds";
import type { Regulation, Source } from "./types";

/**
 * Each notice's name as a person reads it, by code: for records that keep only the code (the
 * project history's notices checklist and published-notice events). The notice tables below give
 * the same names with each route's own detail.
 */
export const NOTICE_NAMES: Record<NoticeCode, string> = {
  UK2: "Preliminary market engagement notice (UK2)",
  UK3: "Planned procurement notice (UK3)",
  UK4: "Tender notice (UK4)",
  UK5: "Transparency notice (UK5)",
  UK6: "Contract award notice (UK6)",
  UK7: "Contract details notice (UK7)",
  UK8: "Payments compliance notice (UK8)",
  UK9: "Contract performance notice (UK9)",
  UK10: "Contract change notice (UK10)",
  UK11: "Contract termination notice (UK11)",
  UK12: "Procurement termination notice (UK12)",
  ASSESSMENT_SUMMARIES: "Assessment summaries",
  KPIS_AND_CONTRACT: "Key performance indicators and a copy of the contract",
  BELOW_THRESHOLD_TENDER: "Below-threshold tender notice",
  BELOW_THRESHOLD_CONTRACT_DETAILS: "Contract details notice (notifiable below-threshold contract)",
  CONTRACTS_FINDER_AWARD: "Contract award notice on Contracts Finder",
  TRANSPARENCY_CODE_CONTRACT: "Contract published under the Local Government Transparency Code",
  TRANSPARENCY_CODE_SPEND: "Spend published under the Local Government Transparency Code",
  PCS_CONTRACT_NOTICE: "Contract notice (Public Contracts Scotland)",
  PCS_AWARD_NOTICE: "Contract award notice (Public Contracts Scotland)",
};

/** A notice code's name; a code this version does not know is shown as it was kept. */
export function noticeName(code: string): string {
  return (NOTICE_NAMES as Record<string, string>)[code] ?? code;
}

export const AFTER_AWARD_NOTICES: readonly Notice[] = [
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

export const PROCUREMENT_TERMINATION_NOTICE: Notice = {
  code: "UK12",
  name: "Procurement termination notice",
  where: "Central Digital Platform",
  requirement: "conditional",
  when: "Only if you decide not to award the contract after publishing a tender or transparency notice",
  sources: [SOURCES.s55Termination],
};

/** The contract award notice (UK6), published before the contract (or call-off) is entered into. */
export function contractAwardNotice(when: string, sources: readonly Source[]): Notice {
  return { code: "UK6", name: "Contract award notice", where: "Central Digital Platform", requirement: "required", when, sources };
}

/** The contract details notice (UK7), within 30 days of entering into the `contract` ("call-off contract" for a framework). */
export function contractDetailsNotice(contract = "contract"): Notice {
  return {
    code: "UK7",
    name: "Contract details notice",
    where: "Central Digital Platform",
    requirement: "required",
    when: `Within 30 days of entering into the ${contract}`,
    sources: [SOURCES.s53ContractDetails],
  };
}

/**
 * What a public contract awarded under the Procurement Act 2023 publishes from entering into it
 * on: contract details (UK7), KPIs when over £5 million, the after-award and termination
 * notices, and the council's Transparency Code publications.
 */
export function afterContractNotices(valuePence: number, nation: NationRule): Notice[] {
  return [
    contractDetailsNotice(),
    ...kpiNotice(valuePence),
    ...AFTER_AWARD_NOTICES,
    PROCUREMENT_TERMINATION_NOTICE,
    ...transparencyCodeNotices(valuePence, nation),
  ];
}

export function transparencyCodeNotices(valuePence: number, nation: NationRule): Notice[] {
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

/** Outside England the Transparency Code does not apply, so the council checks its own nation's rules. */
export const TRANSPARENCY_CODE_ELSEWHERE =
  "The Local Government Transparency Code applies to councils in England. Check your own nation's transparency rules.";

/** A route's caveat where the Transparency Code does not apply; none in England. */
export function transparencyCodeCaveats(nation: NationRule): string[] {
  return nation.transparencyCode ? [] : [TRANSPARENCY_CODE_ELSEWHERE];
}

export function transparencyCodeChanges(valuePence: number, nation: NationRule): string[] {
  if (!nation.transparencyCode || valuePence > LIMITS.transparencyCodeContract.pence) return [];
  return ["If the value were more than £5,000, you would also have to publish the contract under the Local Government Transparency Code."];
}

export function kpiNotice(valuePence: number): Notice[] {
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

export function kpiChange(valuePence: number): string[] {
  return valuePence > LIMITS.kpiAndContractPublication.pence
    ? []
    : [
        "If the value were more than £5,000,000, you would also have to set and publish at least 3 key performance indicators and publish a copy of the contract.",
      ];
}

export interface FrameworkNoticeRules {
  notices: Notice[];
  steps: string[];
  changes: string[];
  caveats: string[];
  sources: Source[];
}

/** Notices for a call-off: PCR 2015 frameworks keep the old rules; PA2023 frameworks use the Act's. */
export function frameworkNoticeRules(regulation: Regulation, valuePence: number, threshold: ThresholdEntry): FrameworkNoticeRules {
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
      contractAwardNotice("Before entering into the call-off contract", [SOURCES.s50ContractAward]),
      contractDetailsNotice("call-off contract"),
      ...kpiNotice(valuePence),
    );
    rules.steps.push(
      "Publish the contract award notice (UK6) before entering into the call-off contract. A standstill period is not mandatory for framework call-offs, but you may observe a voluntary one.",
      "Enter into the call-off contract and publish the contract details notice (UK7).",
    );
    rules.sources.push(SOURCES.s50ContractAward, SOURCES.s51Standstill, SOURCES.s53ContractDetails);
    rules.changes.push(
      `If the value were under ${formatPence(threshold.amountPence)}, the call-off would be a below-threshold contract: no contract award notice (UK6), but a contract details notice if it is worth £30,000 or more.`,
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
      `If the value were ${formatPence(threshold.amountPence)} or more, you would publish a contract award notice (UK6) before entering into the call-off and a contract details notice (UK7) after.`,
      "If the value were under £30,000, no contract details notice would be needed.",
    );
  } else {
    rules.changes.push(
      "If the value were £30,000 or more, you would have to publish a contract details notice after entering into the call-off.",
    );
  }
  return rules;
}

/** Where a council publishes its notices: the only places a published notice's URL may point to. */
export const NOTICE_PUBLISHERS = [
  { name: "Find a Tender", host: "www.find-tender.service.gov.uk" },
  { name: "Contracts Finder", host: "www.contractsfinder.service.gov.uk" },
  { name: "Public Contracts Scotland", host: "www.publiccontractsscotland.gov.uk" },
  { name: "Sell2Wales", host: "www.sell2wales.gov.wales" },
] as const;

/** Why a published notice's address is not acceptable, or null: an https page on one of the notice services. */
export function publishedNoticeUrlProblem(value: string): string | null {
  const names = NOTICE_PUBLISHERS.map((p) => p.name).join(", ");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `Enter the notice's web address, starting https://, from ${names}`;
  }
  const host = url.hostname.toLowerCase();
  const known = NOTICE_PUBLISHERS.some((p) => host === p.host || host === p.host.replace(/^www\./, ""));
  if (url.protocol !== "https:" || !known || url.username || url.password || url.port)
    return `Enter an https:// address of the notice on ${names}`;
  return null;
}

/** The publisher a notice address belongs to (after publishedNoticeUrlProblem passed). */
export function noticePublisherOf(value: string): string | null {
  try {
    const host = new URL(value).hostname.toLowerCase();
    return NOTICE_PUBLISHERS.find((p) => host === p.host || host === p.host.replace(/^www\./, ""))?.name ?? null;
  } catch {
    return null;
  }
}
