// Dates with a time, as docs/content.md writes them (GOV.UK style): "1 December 2026 at 9:30am".
import { describe, expect, it } from "vitest";
import { formatDateTime } from "~/utils/format";

describe("formatDateTime", () => {
  it("writes the time on the 12-hour clock with am or pm and no leading zero, in UK time", () => {
    expect(formatDateTime(new Date("2026-12-01T09:30:00Z"))).toBe("1 December 2026 at 9:30am");
    expect(formatDateTime("2026-12-01T17:05:00Z")).toBe("1 December 2026 at 5:05pm");
    // British Summer Time: 08:15 UTC is 9:15am in London.
    expect(formatDateTime(new Date("2026-07-14T08:15:00Z"))).toBe("14 July 2026 at 9:15am");
  });

  it("leaves ':00' off the hour and says midday and midnight", () => {
    expect(formatDateTime(new Date("2026-11-23T09:00:00Z"))).toBe("23 November 2026 at 9am");
    expect(formatDateTime(new Date("2026-11-23T12:00:00Z"))).toBe("23 November 2026 at midday");
    expect(formatDateTime(new Date("2026-11-23T00:00:00Z"))).toBe("23 November 2026 at midnight");
    expect(formatDateTime(new Date("2026-11-23T00:30:00Z"))).toBe("23 November 2026 at 12:30am");
    expect(formatDateTime(new Date("2026-11-23T12:45:00Z"))).toBe("23 November 2026 at 12:45pm");
  });
});
