// The size class a supplier is treated as, from what it declares: the SME definition
// CCS/GCA applies (EU Recommendation 2003/361, turnover ceilings in sterling).
//   micro  : fewer than 10 staff  and turnover ≤ £2m
//   small  : fewer than 50 staff  and turnover ≤ £10m
//   medium : fewer than 250 staff and turnover ≤ £44m (≈ €50m)
//   large  : anything else
// Both tests must hold for a band, so the larger answer wins. The definition also allows a
// balance-sheet test; the portal holds no balance sheets, so turnover decides.
// Turnover is integer pence, like every amount of money in the app.
import { formatPence } from "~/procurement/money";

export type SupplierSize = "micro" | "small" | "medium" | "large";

export const SIZE_RULE: { size: Exclude<SupplierSize, "large">; maxStaffExclusive: number; maxTurnoverPence: number }[] = [
  { size: "micro", maxStaffExclusive: 10, maxTurnoverPence: 200_000_000 },
  { size: "small", maxStaffExclusive: 50, maxTurnoverPence: 1_000_000_000 },
  { size: "medium", maxStaffExclusive: 250, maxTurnoverPence: 4_400_000_000 },
];

export function computeSupplierSize(staffCount: number, turnoverPence: number): SupplierSize {
  for (const band of SIZE_RULE) {
    if (staffCount < band.maxStaffExclusive && turnoverPence <= band.maxTurnoverPence) return band.size;
  }
  return "large";
}

export function isSme(size: SupplierSize | string): boolean {
  return size !== "large";
}

const SIZE_ORDER: SupplierSize[] = ["micro", "small", "medium", "large"];

/**
 * Why the figures give the size they do, in plain English, from the same SIZE_RULE table:
 * which limit of the declared band the figures break (declared smaller than computed), or
 * that the figures fit a smaller band (declared larger). Null when declared = computed.
 */
export function explainSizeDifference(declared: SupplierSize | string, staffCount: number, turnoverPence: number): string | null {
  const computed = computeSupplierSize(staffCount, turnoverPence);
  if (declared === computed) return null;
  const declaredIndex = SIZE_ORDER.indexOf(declared as SupplierSize);
  const computedIndex = SIZE_ORDER.indexOf(computed);
  const staff = `${staffCount} ${staffCount === 1 ? "member" : "members"} of staff`;
  const money = formatPence(turnoverPence);
  if (declaredIndex >= 0 && declaredIndex < computedIndex) {
    const band = SIZE_RULE.find((b) => b.size === declared)!;
    const broken = [
      staffCount >= band.maxStaffExclusive ? `${staff} (${declared} means fewer than ${band.maxStaffExclusive})` : null,
      turnoverPence > band.maxTurnoverPence
        ? `turnover of ${money} (${declared} means ${formatPence(band.maxTurnoverPence)} or less)`
        : null,
    ].filter(Boolean);
    return `You declared ${declared}, but with ${broken.join(" and ")} you count as ${computed}. Buyers see ${computed}.`;
  }
  return `You declared ${declared}, but with ${staff} and turnover of ${money} you count as ${computed}. Buyers see ${computed}.`;
}
