// Wording helpers shared by the route builders: money, lists, and how a value
// compares with the threshold (including under the other period's figure).
import { formatDate } from "./dates";
import { formatPence } from "./money";
import { THRESHOLDS, type ThresholdEntry } from "./thresholds";

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function thresholdComparison(valuePence: number, threshold: ThresholdEntry): string {
  const relation = valuePence >= threshold.amountPence ? "at or above" : "below";
  return `${formatPence(valuePence)} is ${relation} the ${formatPence(threshold.amountPence)} threshold for ${threshold.label} that applies to procurements starting ${
    threshold.effectiveTo
      ? `from ${formatDate(threshold.effectiveFrom)} to ${formatDate(threshold.effectiveTo)}`
      : `on or after ${formatDate(threshold.effectiveFrom)}`
  }.`;
}

/** "If the procurement started on or after 1 January 2026 …" when another period's figure would change the band. */
export function otherPeriodChanges(valuePence: number, current: ThresholdEntry): string[] {
  const aboveNow = valuePence >= current.amountPence;
  return THRESHOLDS.filter((t) => t.kind === current.kind && t.id !== current.id)
    .filter((t) => valuePence >= t.amountPence !== aboveNow)
    .map((t) => {
      const side = aboveNow ? "below" : "at or above";
      return t.effectiveFrom > current.effectiveFrom
        ? `If the procurement started on or after ${formatDate(t.effectiveFrom)}, the threshold would be ${formatPence(t.amountPence)} and this contract would be ${side} it.`
        : `If the procurement had started between ${formatDate(t.effectiveFrom)} and ${formatDate(t.effectiveTo ?? t.effectiveFrom)}, the threshold would have been ${formatPence(t.amountPence)} and this contract would have been ${side} it.`;
    });
}
