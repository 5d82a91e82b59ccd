// One place to read "now", so tests and demos can pin the date (PORTAL_TODAY)
// and session-expiry tests can move time forward.
//
// A pinned clock must never run backwards: the first version added the real time of day to the
// pinned date, so at real midnight every process jumped back 24 hours and sessions made a minute
// earlier looked newer than "now" (a CI run that crossed midnight failed its sign-ins). Now:
// - with PORTAL_CLOCK_STARTED_AT (epoch ms, set once by the test configs and inherited by every
//   process of a run) the clock reads PORTAL_TODAY at 09:00 UTC at that real moment and runs on
//   at real speed, so every process of the run agrees to the millisecond and no run shorter than
//   15 hours leaves the pinned day, whatever the real time of day;
// - without it (a demo) the clock reads the pinned date with the real time of day of the process,
//   and at real midnight moves on to the next pinned day instead of wrapping back.
let offsetMs = 0;
const processStartedAt = Date.now();
const DAY_MS = 86_400_000;
const PINNED_START_TIME = "T09:00:00Z";

export function now(): Date {
  const pinned = process.env.PORTAL_TODAY;
  return new Date((pinned ? pinnedNow(pinned) : Date.now()) + offsetMs);
}

function pinnedNow(pinned: string): number {
  const real = Date.now();
  const anchor = Number(process.env.PORTAL_CLOCK_STARTED_AT);
  if (Number.isFinite(anchor) && anchor > 0) return Date.parse(`${pinned}${PINNED_START_TIME}`) + (real - anchor);
  const realMidnightAtStart = processStartedAt - (processStartedAt % DAY_MS);
  return Date.parse(`${pinned}T00:00:00Z`) + (real - realMidnightAtStart);
}

/** Test helper: move the clock forward (or back) by ms. */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
