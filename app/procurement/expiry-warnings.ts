// When an agreement, lot or accreditation earns a warning (issue 15): once when it comes within
// its window (90 days for agreements and lots, 30 for accreditations), and once more on the day
// it ends. An end date is the last day it can be used (framework-status.ts), so "ends" fires
// on that day; one that ended a while before the warnings began is not news any more.
import { daysBetween, toIsoDate } from "./dates";
import type { IsoDate } from "./types";

export const AGREEMENT_WARNING_DAYS = 90;
export const ACCREDITATION_WARNING_DAYS = 30;
/** An end further back than this gets no "has ended" warning (e.g. the first run on an old database). */
export const LATE_WARNING_DAYS = 90;

export type WarningStage = "soon" | "ends";

export function warningStage(endDate: Date | IsoDate, today: Date | IsoDate, windowDays: number): WarningStage | null {
  const left = daysBetween(toIsoDate(today), toIsoDate(endDate));
  if (left > windowDays) return null;
  if (left > 0) return "soon";
  if (left >= -LATE_WARNING_DAYS) return "ends";
  return null;
}

/** Whole days from today to the end (0 on the day, negative after). */
export function daysLeft(endDate: Date | IsoDate, today: Date | IsoDate): number {
  return daysBetween(toIsoDate(today), toIsoDate(endDate));
}
