// Input and output types of the buying-route guide. Types only.
import type { NationRule } from "./nations";
import type { ThresholdEntry } from "./thresholds";
import type { BuyingCategory, BuyingMethod, ContractKind, IsoDate, Nation, Regulation, SecurityClassification, Source } from "./types";

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
  /**
   * The same value excluding VAT, in integer pence, where the buyer knows it. Scotland's
   * regulated-procurement threshold is set excluding VAT; without it the guide assumes VAT at 20%.
   */
  valueExcludingVatPence?: number;
}

export interface RouteFinderOptions {
  /** Written quotes the council's contract procedure rules require under £30,000 (a per-council setting). */
  quotesRequired?: number;
  /** Days before a framework's end date from which it counts as "expiring". */
  expiringWithinDays?: number;
}

export type ValueBand = "under-30k" | "below-threshold" | "above-threshold";

export type RouteKind =
  | "own-rules-under-30k"
  | "notifiable-below-threshold"
  | "open-procedure"
  | "competitive-flexible-procedure"
  | "direct-award-schedule-5"
  | "framework-direct-award"
  | "framework-further-competition"
  | "scotland-below-regulated"
  | "scotland-regulated-procurement";

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
  | "TRANSPARENCY_CODE_SPEND"
  | "PCS_CONTRACT_NOTICE"
  | "PCS_AWARD_NOTICE";

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
  | "nation-differences"
  | "nation-not-advised"
  | "before-act-commenced"
  | "unverified-framework-data"
  | "framework-expiring"
  | "framework-routes-unconfirmed"
  | "framework-choice"
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
  /** Excluding VAT: given, or worked out at 20% (see `valueExcludingVatAssumed`). */
  valueExcludingVatPence: number;
  valueExcludingVatAssumed: boolean;
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
