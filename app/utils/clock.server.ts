// One place to read "now", so tests and demos can pin the date (PORTAL_TODAY)
// and session-expiry tests can move time forward.
let offsetMs = 0;

export function now(): Date {
  const pinned = process.env.PORTAL_TODAY;
  // A pinned date keeps the real time of day, so timestamps still move.
  const base = pinned ? Date.parse(`${pinned}T00:00:00Z`) + (Date.now() % 86_400_000) : Date.now();
  return new Date(base + offsetMs);
}

/** Test helper: move the clock forward (or back) by ms. */
export function advanceClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
