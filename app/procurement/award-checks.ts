// Checks an award against the route the project recorded (issue 13, item 3). Pure:
// no I/O. What breaks a rule is refused with the rule and its source; what only needs
// explaining needs a justification of substance, which goes into the record.
import { SOURCES } from "./sources";
import { formatPence } from "./money";
import type { Source } from "./types";

/** A justification shorter than this is not an explanation an auditor could rely on. */
export const JUSTIFICATION_MIN_LENGTH = 60;
/** An award more than this much over the estimate needs explaining. */
export const OVER_ESTIMATE_PERCENT = 20;

/** The portal's own rules (not law) are sourced to the issue that set them. */
const PORTAL_RULE: Source = { title: "Council Marketplace buying-record rules (issue 13)", url: "/frameworks" };

export interface AwardException {
  code: "over-estimate" | "crosses-threshold" | "lower-score";
  /** The rule, in plain English, with the figures. */
  rule: string;
  sources: Source[];
}

interface Ymd {
  y: number;
  m: number; // 0-11
  d: number;
}

const parse = (iso: string): Ymd => {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return { y, m: m - 1, d };
};
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
const toTime = (v: Ymd) => Date.UTC(v.y, v.m, v.d);
function addMonths(v: Ymd, months: number): Ymd {
  const total = v.y * 12 + v.m + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  return { y, m, d: Math.min(v.d, daysIn(y, m)) };
}

/**
 * The call-off term in months, counting the end date as the contract's last day; a part
 * month counts as a month (so 5 January 2027 to 4 January 2033 is 72, to 5 January 2033 is 73).
 */
export function callOffMonths(startIso: string, endIso: string): number {
  const start = parse(startIso);
  const endDay = new Date(toTime(parse(endIso)) + 86_400_000);
  const end = { y: endDay.getUTCFullYear(), m: endDay.getUTCMonth(), d: endDay.getUTCDate() };
  let months = (end.y - start.y) * 12 + (end.m - start.m);
  if (toTime(addMonths(start, months)) > toTime(end)) months -= 1;
  if (toTime(addMonths(start, months)) < toTime(end)) months += 1;
  return Math.max(months, 0);
}

export interface TermLimit {
  /** "G-Cloud 15 lot 2a". */
  lotLabel: string;
  maxContractMonths: number | null;
  sourceUrl: string | null;
}

/** The refusal when the term is longer than every lot the awarded service is on allows; null if it fits. */
export function termRefusal(months: number, limits: readonly TermLimit[]): { message: string; sources: Source[] } | null {
  if (limits.length === 0) return null;
  if (limits.some((l) => l.maxContractMonths === null || months <= l.maxContractMonths)) return null;
  const best = limits.reduce((a, b) => ((b.maxContractMonths ?? 0) > (a.maxContractMonths ?? 0) ? b : a));
  const sources: Source[] = best.sourceUrl ? [{ title: `Call-off length on ${best.lotLabel}`, url: best.sourceUrl }] : [];
  return {
    message: `This award runs for ${months} months, but a call-off on ${best.lotLabel} can run for at most ${best.maxContractMonths} months including extensions. Shorten the contract to ${best.maxContractMonths} months or fewer, or use another route.${best.sourceUrl ? ` Source: ${best.sourceUrl}` : ""}`,
    sources,
  };
}

export interface AwardFacts {
  estimatePence: number;
  valuePence: number;
  /** The threshold the project was planned under (from its procurement start date). */
  thresholdPence: number | null;
  /** Weighted totals of the shortlist; null for an entry not fully scored. */
  awardedTotal: number | null;
  bestTotal: number | null;
  bestName: string | null;
  awardedName: string;
}

/** What about this award needs a recorded justification. */
export function awardExceptions(f: AwardFacts): AwardException[] {
  const out: AwardException[] = [];
  if (f.valuePence * 100 > f.estimatePence * (100 + OVER_ESTIMATE_PERCENT)) {
    const percent = f.estimatePence > 0 ? Math.round(((f.valuePence - f.estimatePence) * 100) / f.estimatePence) : null;
    out.push({
      code: "over-estimate",
      rule: `The award (${formatPence(f.valuePence)}) is ${percent === null ? "above" : `${percent}% over`} the estimate the project was planned on (${formatPence(f.estimatePence)}); more than ${OVER_ESTIMATE_PERCENT}% over needs a recorded explanation.`,
      sources: [PORTAL_RULE],
    });
  }
  if (f.thresholdPence !== null && f.estimatePence < f.thresholdPence && f.valuePence >= f.thresholdPence) {
    out.push({
      code: "crosses-threshold",
      rule: `The project was planned below the ${formatPence(f.thresholdPence)} threshold, but the award (${formatPence(f.valuePence)}) is at or above it, so the notices for an above-threshold contract apply.`,
      sources: [SOURCES.schedule1],
    });
  }
  if (f.bestTotal !== null && (f.awardedTotal === null || f.awardedTotal < f.bestTotal)) {
    out.push({
      code: "lower-score",
      rule: `${f.awardedName} ${f.awardedTotal === null ? "has no complete score" : `scored ${f.awardedTotal}`}, below ${f.bestName ?? "the best shortlisted service"} (${f.bestTotal}); awarding to other than the highest-scoring service needs a recorded explanation.`,
      sources: [PORTAL_RULE],
    });
  }
  return out;
}

const PLACEHOLDER = /^(test|testing|tbc|tbd|todo|n\/?a|na|x+|lorem|asdf|placeholder|reason|justification|see above|as above)\b/i;

/** Why a justification is not good enough, or null. */
export function justificationProblem(text: string): string | null {
  const t = text.trim();
  const words = new Set((t.toLowerCase().match(/[a-z]{3,}/g) ?? []).filter((w) => !["test", "long", "the", "and"].includes(w)));
  if (t.length < JUSTIFICATION_MIN_LENGTH || PLACEHOLDER.test(t) || words.size < 8 || /^(.)\1*$/.test(t.replace(/\s/g, ""))) {
    return `Explain this award in your own words, in at least ${JUSTIFICATION_MIN_LENGTH} characters: what changed since the estimate or why this service rather than the highest-scoring one. A placeholder such as "test" is not a justification.`;
  }
  return null;
}

export interface SupplierLotAward {
  /** "G-Cloud 15 lot 2a". */
  lotLabel: string;
  verified: boolean;
  /** When the supplier was awarded its place on the lot (ISO date). */
  awardedAt: string;
  /** The lot's own window (the agreement's and the lot's dates combined), ISO dates or null when open-ended. */
  lotStart: string | null;
  lotEnd: string | null;
  sourceUrl: string | null;
}

/**
 * A call-off under a framework is only with a supplier that holds a place on the lot at the
 * date of the award: a verified award on one of the lots the service is listed on, made on or
 * before the award date, on a lot live at that date. Null if one such award exists.
 */
export function supplierAwardRefusal(
  supplierName: string,
  lotLabels: readonly string[],
  awards: readonly SupplierLotAward[],
  awardDateIso: string,
  agreementSourceUrl: string | null = null,
): { message: string; sources: Source[] } | null {
  const day = awardDateIso.slice(0, 10);
  const live = (a: SupplierLotAward) =>
    a.verified && a.awardedAt.slice(0, 10) <= day && (!a.lotStart || a.lotStart <= day) && (!a.lotEnd || day <= a.lotEnd);
  if (awards.some(live)) return null;
  const source = awards.find((a) => a.sourceUrl)?.sourceUrl ?? agreementSourceUrl;
  const lots = lotLabels.length ? lotLabels.join(", ") : "the route's lots";
  const why = awards.length === 0 ? "has no award" : awards.some((a) => !a.verified) ? "has no verified award" : "has no award live";
  return {
    message: `${supplierName} ${why} on ${lots} on ${day}, the date of this award. A call-off under a framework can only be made with a supplier awarded a place on the lot at the date of the award.${source ? ` Source: ${source}` : ""}`,
    sources: source ? [{ title: "The framework agreement and its lots", url: source }] : [],
  };
}
