// Open frameworks (Procurement Act 2023 s49) run in framework terms: suppliers are admitted
// for a term, and the framework may re-open to new suppliers between terms. A supplier's
// award on a lot belongs to the term in force on the date it was awarded.
import { toIsoDate } from "./dates";
import type { IsoDate } from "./types";

export interface FrameworkTerm {
  number: number;
  startDate: IsoDate;
  endDate: IsoDate;
  reopens: boolean;
  verified: boolean;
}

/** The term in force on `date` (inclusive at both ends), or null when none is recorded for it. */
export function termOn<T extends Pick<FrameworkTerm, "startDate" | "endDate">>(terms: readonly T[], date: Date | string): T | null {
  const on = toIsoDate(date);
  return terms.find((t) => t.startDate <= on && on <= t.endDate) ?? null;
}

/** The next term that re-opens the framework to new suppliers after `date`, if any is recorded. */
export function nextReopening<T extends Pick<FrameworkTerm, "startDate" | "reopens">>(terms: readonly T[], date: Date | string): T | null {
  const on = toIsoDate(date);
  return [...terms].sort((a, b) => (a.startDate < b.startDate ? -1 : 1)).find((t) => t.reopens && t.startDate > on) ?? null;
}
