// Issue 13's record rules that are pure: the supplier's place on the lot at the award date,
// where a published notice may point, and the schemas of the new forms.
import { describe, expect, it } from "vitest";
import { supplierAwardRefusal, type SupplierLotAward } from "../../../app/procurement/award-checks";
import { noticePublisherOf, publishedNoticeUrlProblem } from "../../../app/procurement/notices";
import { abandonFreezeSchema, noSecondPersonSchema, noticePublicationSchema } from "../../../app/models/project.schema";

const SOURCE = "https://www.crowncommercial.gov.uk/agreements/RM1557.15";
const award = (over: Partial<SupplierLotAward> = {}): SupplierLotAward => ({
  lotLabel: "G-Cloud 15 lot 2a",
  verified: true,
  awardedAt: "2025-11-03T00:00:00.000Z",
  lotStart: "2025-11-03",
  lotEnd: "2027-05-02",
  sourceUrl: SOURCE,
  ...over,
});

describe("the supplier's award on the lot at the award date", () => {
  it("accepts a verified award made on or before the award date on a lot live that day", () => {
    expect(supplierAwardRefusal("Acme", ["G-Cloud 15 lot 2a"], [award()], "2026-11-23T09:00:00Z")).toBeNull();
    expect(supplierAwardRefusal("Acme", ["G-Cloud 15 lot 2a"], [award({ awardedAt: "2026-11-23T00:00:00Z" })], "2026-11-23")).toBeNull();
    expect(supplierAwardRefusal("Acme", ["G-Cloud 15 lot 2a"], [award({ lotEnd: "2026-11-23" })], "2026-11-23")).toBeNull();
  });

  it("refuses with the rule and its source: no award, an unverified one, one made later, or a lot not live that day", () => {
    const none = supplierAwardRefusal("Acme", ["G-Cloud 15 lot 2a"], [], "2026-11-23", SOURCE);
    expect(none?.message).toBe(
      `Acme has no award on G-Cloud 15 lot 2a on 2026-11-23, the date of this award. A call-off under a framework can only be made with a supplier awarded a place on the lot at the date of the award. Source: ${SOURCE}`,
    );
    expect(none?.sources).toEqual([{ title: "The framework agreement and its lots", url: SOURCE }]);
    expect(supplierAwardRefusal("Acme", ["G-Cloud 15 lot 2a"], [award({ verified: false })], "2026-11-23")?.message).toMatch(
      /^Acme has no verified award on G-Cloud 15 lot 2a/,
    );
    expect(
      supplierAwardRefusal("Acme", ["G-Cloud 15 lot 2a"], [award({ awardedAt: "2026-11-24T00:00:00Z" })], "2026-11-23")?.message,
    ).toMatch(/^Acme has no award live on/);
    expect(supplierAwardRefusal("Acme", ["G-Cloud 15 lot 2a"], [award({ lotEnd: "2026-11-22" })], "2026-11-23")).not.toBeNull();
    expect(supplierAwardRefusal("Acme", ["G-Cloud 15 lot 2a"], [award({ lotStart: "2026-11-24" })], "2026-11-23")).not.toBeNull();
  });
});

describe("published notice addresses", () => {
  it("takes https pages on Find a Tender, Contracts Finder, Public Contracts Scotland and Sell2Wales", () => {
    for (const [url, name] of [
      ["https://www.find-tender.service.gov.uk/Notice/012345-2026", "Find a Tender"],
      ["https://www.contractsfinder.service.gov.uk/Notice/6a1b", "Contracts Finder"],
      ["https://www.publiccontractsscotland.gov.uk/search/show/search_view.aspx?ID=NOV123", "Public Contracts Scotland"],
      ["https://www.sell2wales.gov.wales/search/show/search_view.aspx?ID=NOV456", "Sell2Wales"],
      ["https://find-tender.service.gov.uk/Notice/1", "Find a Tender"],
    ] as const) {
      expect(publishedNoticeUrlProblem(url)).toBeNull();
      expect(noticePublisherOf(url)).toBe(name);
    }
  });

  it("refuses http, other hosts, look-alike hosts, credentials, ports and non-URLs", () => {
    for (const url of [
      "http://www.find-tender.service.gov.uk/Notice/1",
      "https://example.com/notice",
      "https://www.find-tender.service.gov.uk.evil.example/Notice/1",
      "https://user:pass@www.find-tender.service.gov.uk/Notice/1",
      "https://www.find-tender.service.gov.uk:8443/Notice/1",
      "javascript:alert(1)",
      "find-tender notice 1",
    ]) {
      expect(publishedNoticeUrlProblem(url)).not.toBeNull();
    }
  });

  it("checks the notice form: an ID of letters, numbers and separators, and the address", () => {
    const ok = noticePublicationSchema.safeParse({
      lockVersion: "3",
      code: "UK7",
      noticeId: "012345-2026",
      url: "https://www.find-tender.service.gov.uk/Notice/012345-2026",
    });
    expect(ok.success).toBe(true);
    const bad = noticePublicationSchema.safeParse({ lockVersion: "3", code: "UK7", noticeId: "<b>", url: "http://x" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(["noticeId", "url"]);
  });
});

describe("starting over and recording one pair of eyes", () => {
  it("needs a reason of substance for both", () => {
    expect(abandonFreezeSchema.safeParse({ frozenSearchId: "f1", reason: "changed" }).success).toBe(false);
    expect(abandonFreezeSchema.safeParse({ frozenSearchId: "f1", reason: "The requirement changed after the budget review" }).success).toBe(
      true,
    );
    expect(noSecondPersonSchema.safeParse({ subject: "budget", reason: "no one" }).success).toBe(false);
    expect(noSecondPersonSchema.safeParse({ subject: "contract", reason: "The only other officer has left the council" }).success).toBe(
      false,
    );
    expect(noSecondPersonSchema.safeParse({ subject: "award", reason: "The only other officer has left the council" }).success).toBe(true);
  });
});
