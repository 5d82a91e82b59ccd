// The size class a supplier is treated as, from what it declares. The Procurement Act 2023's
// SME test (as ICAEW quotes it: fewer than 250 staff, and turnover of £44m or less OR a balance
// sheet total of £38m or less), with the micro and small bands of the same (EU 2003/361) scheme:
//   micro  : fewer than 10 staff  and (turnover ≤ £2m  or balance sheet ≤ £2m)
//   small  : fewer than 50 staff  and (turnover ≤ £10m or balance sheet ≤ £10m)
//   medium : fewer than 250 staff and (turnover ≤ £44m or balance sheet ≤ £38m)
//   large  : anything else
// The balance sheet is optional: without it, turnover decides. Amounts are integer pence.
import { formatPence } from "~/procurement/money";
import { SOURCES } from "~/procurement/sources";

export type SupplierSize = "micro" | "small" | "medium" | "large";

export const SIZE_RULE: {
  size: Exclude<SupplierSize, "large">;
  maxStaffExclusive: number;
  maxTurnoverPence: number;
  maxBalanceSheetPence: number;
}[] = [
  { size: "micro", maxStaffExclusive: 10, maxTurnoverPence: 200_000_000, maxBalanceSheetPence: 200_000_000 },
  { size: "small", maxStaffExclusive: 50, maxTurnoverPence: 1_000_000_000, maxBalanceSheetPence: 1_000_000_000 },
  { size: "medium", maxStaffExclusive: 250, maxTurnoverPence: 4_400_000_000, maxBalanceSheetPence: 3_800_000_000 },
];

export const SME_DEFINITION_SOURCE = SOURCES.smeDefinition;

function fitsBand(band: (typeof SIZE_RULE)[number], staffCount: number, turnoverPence: number, balanceSheetPence: number | null): boolean {
  if (staffCount >= band.maxStaffExclusive) return false;
  return turnoverPence <= band.maxTurnoverPence || (balanceSheetPence !== null && balanceSheetPence <= band.maxBalanceSheetPence);
}

export function computeSupplierSize(staffCount: number, turnoverPence: number, balanceSheetPence: number | null = null): SupplierSize {
  for (const band of SIZE_RULE) {
    if (fitsBand(band, staffCount, turnoverPence, balanceSheetPence)) return band.size;
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
export function explainSizeDifference(
  declared: SupplierSize | string,
  staffCount: number,
  turnoverPence: number,
  balanceSheetPence: number | null = null,
): string | null {
  const computed = computeSupplierSize(staffCount, turnoverPence, balanceSheetPence);
  if (declared === computed) return null;
  const declaredIndex = SIZE_ORDER.indexOf(declared as SupplierSize);
  const computedIndex = SIZE_ORDER.indexOf(computed);
  const staff = `${staffCount} ${staffCount === 1 ? "member" : "members"} of staff`;
  const money = formatPence(turnoverPence);
  if (declaredIndex >= 0 && declaredIndex < computedIndex) {
    const band = SIZE_RULE.find((b) => b.size === declared)!;
    const broken = [
      staffCount >= band.maxStaffExclusive ? `${staff} (${declared} means fewer than ${band.maxStaffExclusive})` : null,
      turnoverPence > band.maxTurnoverPence && (balanceSheetPence === null || balanceSheetPence > band.maxBalanceSheetPence)
        ? `turnover of ${money} (${declared} means ${formatPence(band.maxTurnoverPence)} or less${
            balanceSheetPence === null
              ? ""
              : `, or a balance sheet total of ${formatPence(band.maxBalanceSheetPence)} or less, and yours is ${formatPence(balanceSheetPence)}`
          })`
        : null,
    ].filter(Boolean);
    return `You declared ${declared}, but with ${broken.join(" and ")} you count as ${computed}. Buyers see ${computed}.`;
  }
  return `You declared ${declared}, but with ${staff} and turnover of ${money} you count as ${computed}. Buyers see ${computed}.`;
}
