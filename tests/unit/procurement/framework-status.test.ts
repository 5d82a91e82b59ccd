import { describe, expect, it } from "vitest";
import { EXPIRING_WITHIN_DAYS, frameworkStatus, lotDates, lotStatus } from "../../../app/procurement/framework-status";

describe("frameworkStatus", () => {
  it("is upcoming before the start date and live from it", () => {
    expect(frameworkStatus("2026-09-17", "2030-09-16", "2026-09-16")).toBe("upcoming");
    expect(frameworkStatus("2026-09-17", "2030-09-16", "2026-09-17")).toBe("live");
  });

  it("is expired on the day after the end date, but still open on the end date itself", () => {
    expect(frameworkStatus("2024-10-29", "2026-10-28", "2026-10-29")).toBe("expired");
    expect(frameworkStatus("2024-10-29", "2026-10-28", "2026-10-28")).toBe("expiring");
  });

  it("is expiring when the end date is within 90 days, live when it is further away", () => {
    expect(EXPIRING_WITHIN_DAYS).toBe(90);
    // 2026-10-28 is 90 days after 2026-07-30 and 91 days after 2026-07-29.
    expect(frameworkStatus("2024-10-29", "2026-10-28", "2026-07-30")).toBe("expiring");
    expect(frameworkStatus("2024-10-29", "2026-10-28", "2026-07-29")).toBe("live");
  });

  it("honours a different expiring window", () => {
    expect(frameworkStatus("2024-10-29", "2026-10-28", "2026-07-29", { expiringWithinDays: 120 })).toBe("expiring");
  });

  it("is live with no end date recorded, and unknown with no start date", () => {
    expect(frameworkStatus("2026-01-30", null, "2026-11-23")).toBe("live");
    expect(frameworkStatus(null, null, "2026-11-23")).toBe("unknown");
    expect(frameworkStatus(null, "2030-01-01", "2026-11-23")).toBe("unknown");
  });

  it("is expired when the end date has passed even if the start date is unknown", () => {
    expect(frameworkStatus(null, "2026-05-30", "2026-11-23")).toBe("expired");
  });

  it("accepts Date objects", () => {
    expect(frameworkStatus(new Date("2024-10-29T00:00:00Z"), new Date("2026-10-28T00:00:00Z"), new Date("2026-11-23T09:00:00Z"))).toBe(
      "expired",
    );
  });
});

describe("lot dates", () => {
  const agreement = { startDate: "2024-10-29", endDate: "2026-10-28" };

  it("inherit the agreement's dates when the lot has none", () => {
    expect(lotDates(agreement, {})).toEqual({ startDate: "2024-10-29", endDate: "2026-10-28" });
  });

  it("are bounded by the agreement: latest start, earliest end", () => {
    expect(lotDates(agreement, { startDate: "2025-01-01", endDate: "2027-01-01" })).toEqual({
      startDate: "2025-01-01",
      endDate: "2026-10-28",
    });
    expect(lotStatus(agreement, { endDate: "2026-06-30" }, "2026-07-01")).toBe("expired");
    expect(lotStatus({ startDate: "2024-10-29", endDate: null }, { endDate: "2026-10-28" }, "2026-10-29")).toBe("expired");
  });
});
