// Threshold amounts the guide applies, as data. Each row says when it applies
// (by the date the procurement starts) and where it comes from. Amounts are
// integer pence including VAT, for sub-central authorities (councils).
import { toIsoDate } from "./dates";
import { SOURCES } from "./sources";
import type { ContractKind, IsoDate, Source } from "./types";

export interface ThresholdEntry {
  id: string;
  kind: ContractKind;
  authority: "sub-central";
  /** Threshold in pence including VAT. A contract worth this much or more is above threshold. */
  amountPence: number;
  /** First procurement start date the figure applies to (inclusive). */
  effectiveFrom: IsoDate;
  /** Last procurement start date the figure applies to (inclusive); null = until replaced. */
  effectiveTo: IsoDate | null;
  label: string;
  sources: readonly Source[];
}

const PERIOD_2024: Pick<ThresholdEntry, "effectiveFrom" | "effectiveTo" | "sources"> = {
  effectiveFrom: "2024-01-01",
  effectiveTo: "2025-12-31",
  sources: [SOURCES.schedule1, SOURCES.thresholds2024],
};
const PERIOD_2026: Pick<ThresholdEntry, "effectiveFrom" | "effectiveTo" | "sources"> = {
  effectiveFrom: "2026-01-01",
  effectiveTo: null,
  sources: [SOURCES.schedule1, SOURCES.thresholds2026],
};

export const THRESHOLDS: readonly ThresholdEntry[] = [
  {
    id: "2024-goods-and-services",
    kind: "goods-and-services",
    authority: "sub-central",
    amountPence: 21_490_400,
    label: "goods and services (sub-central authorities)",
    ...PERIOD_2024,
  },
  { id: "2024-works", kind: "works", authority: "sub-central", amountPence: 537_260_900, label: "works", ...PERIOD_2024 },
  {
    id: "2024-light-touch",
    kind: "light-touch",
    authority: "sub-central",
    amountPence: 66_354_000,
    label: "light-touch services",
    ...PERIOD_2024,
  },
  {
    id: "2026-goods-and-services",
    kind: "goods-and-services",
    authority: "sub-central",
    amountPence: 20_772_000,
    label: "goods and services (sub-central authorities)",
    ...PERIOD_2026,
  },
  { id: "2026-works", kind: "works", authority: "sub-central", amountPence: 519_300_000, label: "works", ...PERIOD_2026 },
  {
    id: "2026-light-touch",
    kind: "light-touch",
    authority: "sub-central",
    amountPence: 66_354_000,
    label: "light-touch services",
    ...PERIOD_2026,
  },
];

/** The guide has no threshold figures for procurements starting before this date. */
export const COVERED_FROM: IsoDate = "2024-01-01";

/** The Procurement Act 2023 came into force on this date; earlier procurements ran under PCR 2015. */
export const ACT_COMMENCEMENT: IsoDate = "2025-02-24";

/** Other fixed amounts the rules use (pence, including VAT), each with its source. */
export const LIMITS = {
  /** A council contract worth this much or more is a notifiable below-threshold contract. */
  notifiableBelowThreshold: { pence: 3_000_000, sources: [SOURCES.part6BelowThreshold, SOURCES.s87BelowThresholdNotices] },
  /** PCR 2015 frameworks: sub-central call-offs worth this much or more go on Contracts Finder. */
  contractsFinderSubCentral: { pence: 3_000_000, sources: [SOURCES.pcrReg112ContractsFinder, SOURCES.contractsFinder] },
  /** Contracts worth more than this need KPIs published and a copy of the contract published. */
  kpiAndContractPublication: { pence: 500_000_000, sources: [SOURCES.s52Kpis, SOURCES.s53ContractDetails] },
  /** Local Government Transparency Code: publish each item of spend over this. */
  transparencyCodeSpend: { pence: 50_000, sources: [SOURCES.transparencyCode] },
  /** Local Government Transparency Code: publish contracts worth more than this. */
  transparencyCodeContract: { pence: 500_000, sources: [SOURCES.transparencyCode] },
} as const;

/**
 * The threshold for a procurement starting on `date`, or null when the date is
 * before the figures the guide holds (the caller must say "not covered", not guess).
 */
export function thresholdFor(date: Date | string, kind: ContractKind = "goods-and-services"): ThresholdEntry | null {
  const iso = toIsoDate(date);
  return THRESHOLDS.find((t) => t.kind === kind && t.effectiveFrom <= iso && (t.effectiveTo === null || iso <= t.effectiveTo)) ?? null;
}
