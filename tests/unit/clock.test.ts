// The pinned clock (PORTAL_TODAY) never runs backwards, and every process of a run that shares
// PORTAL_CLOCK_STARTED_AT reads the same time. The first version added the real time of day to the
// pinned date, so at real midnight it jumped back a day and a CI run that crossed midnight failed
// every sign-in after it (sessions looked older than the password change made minutes before).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const saved = { today: process.env.PORTAL_TODAY, started: process.env.PORTAL_CLOCK_STARTED_AT };

async function freshClock() {
  vi.resetModules();
  return import("~/utils/clock.server");
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  process.env.PORTAL_TODAY = saved.today;
  if (saved.started === undefined) delete process.env.PORTAL_CLOCK_STARTED_AT;
  else process.env.PORTAL_CLOCK_STARTED_AT = saved.started;
});

describe("pinned clock", () => {
  it("keeps running forward across real midnight (a demo without a shared start)", async () => {
    delete process.env.PORTAL_CLOCK_STARTED_AT;
    process.env.PORTAL_TODAY = "2026-11-23";
    vi.setSystemTime(new Date("2026-12-01T23:59:30Z"));
    const { now } = await freshClock();
    const before = now();
    expect(before.toISOString()).toBe("2026-11-23T23:59:30.000Z");
    vi.setSystemTime(new Date("2026-12-02T00:00:30Z"));
    const after = now();
    expect(after.getTime() - before.getTime()).toBe(60_000);
    expect(after.toISOString()).toBe("2026-11-24T00:00:30.000Z");
  });

  it("with a shared start, reads 09:00 on the pinned day at that moment in every process, whatever the real time", async () => {
    const startedAt = Date.parse("2026-12-01T23:55:00Z");
    process.env.PORTAL_TODAY = "2026-11-23";
    process.env.PORTAL_CLOCK_STARTED_AT = String(startedAt);

    vi.setSystemTime(new Date("2026-12-01T23:58:00Z"));
    const first = await freshClock(); // a process started before real midnight
    const seededAt = first.now();
    expect(seededAt.toISOString()).toBe("2026-11-23T09:03:00.000Z");

    vi.setSystemTime(new Date("2026-12-02T00:05:00Z"));
    const second = await freshClock(); // another process of the same run, started after it
    const signedInAt = second.now();
    expect(signedInAt.toISOString()).toBe("2026-11-23T09:10:00.000Z");
    expect(first.now().getTime()).toBe(signedInAt.getTime());
    expect(signedInAt.getTime()).toBeGreaterThan(seededAt.getTime());
  });

  it("follows the real clock when nothing is pinned", async () => {
    delete process.env.PORTAL_TODAY;
    vi.setSystemTime(new Date("2027-03-04T05:06:07Z"));
    const { now } = await freshClock();
    expect(now().toISOString()).toBe("2027-03-04T05:06:07.000Z");
  });
});
