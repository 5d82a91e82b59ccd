// A framework's status is always worked out from its dates, never stored.
import { daysBetween, toIsoDate } from "./dates";
import type { Framework, FrameworkLot, IsoDate } from "./types";

/**
 * - upcoming: starts after the date
 * - live: open for new call-offs
 * - expiring: open, but ends within `expiringWithinDays` (90) days of the date
 * - expired: ended before the date (a framework ending ON the date is still live that day)
 * - unknown: no start date is recorded, so the guide cannot say it has begun
 */
export type FrameworkStatus = "upcoming" | "live" | "expiring" | "expired" | "unknown";

export const EXPIRING_WITHIN_DAYS = 90;

export interface StatusOptions {
  expiringWithinDays?: number;
}

export function frameworkStatus(
  startDate: Date | string | null | undefined,
  endDate: Date | string | null | undefined,
  onDate: Date | string,
  options: StatusOptions = {},
): FrameworkStatus {
  const on = toIsoDate(onDate);
  const start = startDate == null ? null : toIsoDate(startDate);
  const end = endDate == null ? null : toIsoDate(endDate);
  if (end !== null && end < on) return "expired";
  if (start === null) return "unknown";
  if (on < start) return "upcoming";
  const window = options.expiringWithinDays ?? EXPIRING_WITHIN_DAYS;
  if (end !== null && daysBetween(on, end) <= window) return "expiring";
  return "live";
}

/** True for the statuses that may be offered as a route for a new purchase. */
export function isOpenForNewCallOffs(status: FrameworkStatus): status is "live" | "expiring" {
  return status === "live" || status === "expiring";
}

/**
 * The dates that govern a lot: its own dates where it has them, bounded by the
 * agreement's (latest start, earliest end).
 */
export function lotDates(
  agreement: Pick<Framework, "startDate" | "endDate">,
  lot: Pick<FrameworkLot, "startDate" | "endDate">,
): { startDate: IsoDate | null; endDate: IsoDate | null } {
  const starts = [agreement.startDate, lot.startDate].filter((d): d is IsoDate => d != null);
  const ends = [agreement.endDate, lot.endDate].filter((d): d is IsoDate => d != null);
  return {
    startDate: starts.length ? starts.reduce((a, b) => (a > b ? a : b)) : null,
    endDate: ends.length ? ends.reduce((a, b) => (a < b ? a : b)) : null,
  };
}

export function lotStatus(
  agreement: Pick<Framework, "startDate" | "endDate">,
  lot: Pick<FrameworkLot, "startDate" | "endDate">,
  onDate: Date | string,
  options: StatusOptions = {},
): FrameworkStatus {
  const { startDate, endDate } = lotDates(agreement, lot);
  return frameworkStatus(startDate, endDate, onDate, options);
}
