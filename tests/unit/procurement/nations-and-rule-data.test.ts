// Issue 13 item 6 and issue 19 item 1: the corrected facts at their boundaries, the nation
// logic, every framework that covers a need, and every seeded agreement sourced per fact group.
import { describe, expect, it } from "vitest";
import { computeSupplierSize, isSme } from "../../../app/models/supplier-size";
import { frameworkStatus, isOpenForNewCallOffs } from "../../../app/procurement/framework-status";
import { eligibleRoutes, type RouteFinderInput, type RouteFinderResult } from "../../../app/procurement/routes";
import { REQUIRED_FACT_GROUPS, agreements, predecessorsOf, type AgreementSeed } from "../../../seed/reference/frameworks";

const TODAY = "2026-11-23";
const base: RouteFinderInput = {
  category: "cloud-software",
  valuePence: 15_000_000,
  contractMonths: 24,
  startDate: TODAY,
  termsUnchanged: true,
  security: "OFFICIAL",
  nation: "England",
};
const run = (over: Partial<RouteFinderInput> = {}) => eligibleRoutes({ ...base, ...over }, agreements);
const kinds = (r: RouteFinderResult) => r.routes.map((x) => x.kind);
const agreementsOffered = (r: RouteFinderResult) => [...new Set(r.routes.flatMap((x) => (x.agreement ? [x.agreement.number] : [])))].sort();
const byNumber = (n: string): AgreementSeed => agreements.find((a) => a.number === n)!;
const lotMax = (agreement: string, lot: string) =>
  byNumber(agreement)
    .lots.find((l) => l.number === lot)!
    .routes.map((r) => r.maxContractMonths);

describe("G-Cloud 15 rule data (corrections of 1 December 2026)", () => {
  it("lot 2a allows 72 months and not 73; lot 1a allows 96 and not 97", () => {
    expect(lotMax("RM1557.15", "2a")).toEqual([72, 72]);
    expect(lotMax("RM1557.15", "1a")).toEqual([96, 96]);
    const fits = (lot: string, months: number) =>
      run({ category: lot === "1a" ? "cloud-hosting" : "cloud-software", contractMonths: months })
        .routes.flatMap((r) => r.lots)
        .some((l) => l.agreementNumber === "RM1557.15" && l.lotNumber === lot);
    expect(fits("2a", 72)).toBe(true);
    expect(fits("2a", 73)).toBe(false);
    expect(fits("1a", 96)).toBe(true);
    expect(fits("1a", 97)).toBe(false);
  });

  it("is an open framework with terms of 18 + 18 + 12 months from 17 September 2026, re-opening about March 2028", () => {
    const gc15 = byNumber("RM1557.15");
    expect(gc15.type).toBe("open-framework");
    expect(gc15.terms.map((t) => [t.number, t.startDate, t.endDate, t.reopens])).toEqual([
      [1, "2026-09-17", "2028-03-16", false],
      [2, "2028-03-17", "2029-09-16", true],
      [3, "2029-09-17", "2030-09-16", true],
    ]);
    expect(gc15.terms.every((t) => !t.verified && t.sourceUrl.startsWith("https://"))).toBe(true);
  });

  it("G-Cloud 14: 36 + 12 month call-offs, lots 1-3 and 4 ended 28 October 2026; no longer the G-Cloud buyers' guide as a source", () => {
    const gc14 = byNumber("RM1557.14");
    expect(gc14.lots.flatMap((l) => l.routes.map((r) => r.maxContractMonths)).slice(0, 3)).toEqual([48, 48, 48]);
    expect(gc14.endDate).toBe("2026-10-28");
    const urls = agreements.flatMap((a) => [a.sourceUrl, ...a.facts.flatMap((f) => f.sources.map((s) => s.url))]);
    expect(urls.some((u) => u.includes("g-cloud-buyers-guide"))).toBe(false);
    const routeSources = run().routes.flatMap((r) => r.rule.sources.map((s) => s.url));
    expect(routeSources.some((u) => u.includes("g-cloud-buyers-guide"))).toBe(false);
  });
});

describe("every seeded agreement is sourced per fact group (issue 19)", () => {
  it("has a fact with a source URL and a verified flag for each required group", () => {
    for (const a of agreements) {
      for (const group of REQUIRED_FACT_GROUPS) {
        const fact = a.facts.find((f) => f.group === group);
        expect(fact, `${a.number} ${group}`).toBeDefined();
        expect(fact!.sources.length, `${a.number} ${group}`).toBeGreaterThan(0);
        for (const s of fact!.sources) expect(s.url).toMatch(/^https?:\/\/[^ ]+$/);
        expect(typeof fact!.verified).toBe("boolean");
      }
      expect(a.sourceUrl).toMatch(/^https:\/\//);
      expect(a.owner).not.toBe("");
    }
  });

  it("no live agreement lacks lots or dates", () => {
    const live = agreements.filter((a) => isOpenForNewCallOffs(frameworkStatus(a.startDate, a.endDate, TODAY)));
    expect(live.map((a) => a.number)).toEqual(expect.arrayContaining(["RM1557.15", "RM1043.9", "RM6285"]));
    for (const a of live) {
      expect(a.startDate, a.number).not.toBeNull();
      expect(a.endDate, a.number).not.toBeNull();
      expect(a.lots.length, a.number).toBeGreaterThan(0);
    }
  });

  it("links successors on both sides, only to agreements in the catalogue", () => {
    const numbers = new Set(agreements.map((a) => a.number));
    for (const a of agreements) for (const n of a.replacedBy) expect(numbers.has(n), `${a.number} → ${n}`).toBe(true);
    expect(byNumber("RM1557.12").replacedBy).toEqual(["RM1557.13"]);
    expect(predecessorsOf("RM1557.15").sort()).toEqual(["RM1557.14", "RM6292"]);
    expect(predecessorsOf("RM1043.9").sort()).toEqual(["RM1043.8", "RM6263"]);
  });

  it("never offers the earlier generations as a route", () => {
    for (const category of ["cloud-software", "cloud-hosting", "cloud-support", "digital-outcomes", "specialists"] as const) {
      const offered = agreementsOffered(run({ category }));
      for (const old of ["RM1557.12", "RM1557.13", "RM1557.13L4", "RM1043.7", "RM1557.14", "RM1043.8", "RM6263"])
        expect(offered).not.toContain(old);
    }
  });

  it("records DOS 7 as 30 January 2026 to 29 January 2032, unverified, with its four lots", () => {
    const dos7 = byNumber("RM1043.9");
    expect([dos7.startDate, dos7.endDate, dos7.verified]).toEqual(["2026-01-30", "2032-01-29", false]);
    expect(dos7.lots.map((l) => l.name)).toEqual([
      "Digital outcomes",
      "Digital Capability & Delivery Partners",
      "Digital specialists",
      "User research",
    ]);
    expect(dos7.facts.find((f) => f.group === "dates")!.verified).toBe(false);
  });
});

describe("every framework whose scope covers the need is offered", () => {
  it("a cloud software buyer also sees Back Office Software 2, with help on the choice", () => {
    const result = run({ category: "cloud-software" });
    expect(agreementsOffered(result)).toEqual(["RM1557.15", "RM6285"]);
    expect(result.warnings.find((w) => w.code === "framework-choice")?.message).toMatch(/G-Cloud.*Back Office Software 2/);
  });

  it("a back office software buyer also sees G-Cloud 15", () => {
    const result = run({ category: "back-office-software" });
    expect(agreementsOffered(result)).toEqual(["RM1557.15", "RM6285"]);
  });

  it("offers Technology Services 4 for technology services, and says plainly which covering lot's routes are not confirmed", () => {
    const result = run({ category: "technology-services", valuePence: 50_000_000 });
    // Lots 1 to 5a carry (unverified) call-off routes; lot 6's are not known, so it is not offered.
    expect(agreementsOffered(result)).toEqual(["TS4"]);
    expect(result.warnings.find((w) => w.code === "framework-routes-unconfirmed")?.message).toMatch(/Technology Services 4 \(TS4\)/);
  });
});

describe("Scotland (Procurement Reform (Scotland) Act 2014)", () => {
  const scot = (exVatPence: number) =>
    run({ nation: "Scotland", valuePence: Math.round(exVatPence * 1.2), valueExcludingVatPence: exVatPence });

  it("£49,999 excluding VAT is not a regulated procurement", () => {
    const result = scot(4_999_900);
    expect(kinds(result)).toContain("scotland-below-regulated");
    expect(kinds(result)).not.toContain("scotland-regulated-procurement");
  });

  it("£50,000 excluding VAT must be advertised on Public Contracts Scotland", () => {
    const result = scot(5_000_000);
    const regulated = result.routes.find((r) => r.kind === "scotland-regulated-procurement")!;
    expect(regulated.notices.map((n) => [n.code, n.where])).toEqual([
      ["PCS_CONTRACT_NOTICE", "Public Contracts Scotland"],
      ["PCS_AWARD_NOTICE", "Public Contracts Scotland"],
    ]);
    expect(kinds(result)).not.toContain("scotland-below-regulated");
  });

  it("never lists 'you do not have to advertise it' routes at £150,000 and above, and no Act own-procedure routes", () => {
    for (const value of [15_000_000, 30_000_000]) {
      const result = run({ nation: "Scotland", valuePence: value });
      for (const r of result.routes) expect(r.summary).not.toMatch(/do not have to advertise/);
      expect(kinds(result)).not.toEqual(expect.arrayContaining(["notifiable-below-threshold"]));
      for (const k of [
        "notifiable-below-threshold",
        "own-rules-under-30k",
        "open-procedure",
        "competitive-flexible-procedure",
        "direct-award-schedule-5",
      ]) {
        expect(kinds(result)).not.toContain(k);
      }
      expect(kinds(result)).toContain("scotland-regulated-procurement");
    }
  });

  it("keeps G-Cloud 15 call-offs under the Act's call-off rules (s115A), and does not list PCR 2015 frameworks it has not checked", () => {
    const result = run({ nation: "Scotland" });
    expect(agreementsOffered(result)).toEqual(["RM1557.15"]);
    const gc15 = result.routes.find((r) => r.id === "framework-direct-award-rm1557-15")!;
    expect(gc15.caveats.join(" ")).toMatch(/section 115A/);
    expect(
      result.warnings
        .filter((w) => w.code === "nation-not-advised")
        .map((w) => w.message)
        .join(" "),
    ).toMatch(/Public Contracts Regulations 2015/);
  });

  it("works without the ex-VAT figure, assuming 20% and saying so", () => {
    const result = run({ nation: "Scotland", valuePence: 6_000_000 }); // £60,000 incl. VAT = £50,000 ex VAT
    expect(kinds(result)).toContain("scotland-regulated-procurement");
    expect(run({ nation: "Scotland", valuePence: 5_999_880 }).routes.map((r) => r.kind)).toContain("scotland-below-regulated");
    expect(result.assumptions.join(" ")).toMatch(/standard 20% rate/);
  });
});

describe("Wales and Northern Ireland", () => {
  it("Wales: the Act's routes at the same £207,720 threshold, notices through Sell2Wales to the Central Digital Platform", () => {
    const result = run({ nation: "Wales", valuePence: 20_772_000 });
    expect(result.threshold?.amountPence).toBe(20_772_000);
    expect(kinds(result)).toContain("open-procedure");
    const open = result.routes.find((r) => r.kind === "open-procedure")!;
    expect(open.notices.find((n) => n.code === "UK4")?.where).toBe(
      "the Welsh digital platform (Sell2Wales), which passes it to the Central Digital Platform",
    );
    expect(result.warnings.find((w) => w.code === "nation-differences")?.sources.map((s) => s.url)).toContain(
      "https://legislation.gov.uk/wsi/2024/782/regulation/5/made?view=plain",
    );
    expect(kinds(run({ nation: "Wales", valuePence: 20_771_999 }))).toContain("notifiable-below-threshold");
  });

  it("Northern Ireland: above threshold the Act's routes without payments compliance notices (s69(6)(a))", () => {
    const result = run({ nation: "Northern Ireland", valuePence: 25_000_000 });
    expect(kinds(result)).toContain("open-procedure");
    for (const r of result.routes) {
      expect(r.notices.map((n) => n.code)).not.toContain("UK8");
      expect(r.steps.join(" ")).not.toMatch(/payments compliance/);
    }
    expect(
      run({ valuePence: 25_000_000 })
        .routes.find((r) => r.kind === "open-procedure")!
        .notices.map((n) => n.code),
    ).toContain("UK8");
  });

  it("Northern Ireland: below the threshold it says what it cannot advise and lists no below-threshold route", () => {
    const result = run({ nation: "Northern Ireland", valuePence: 15_000_000 });
    expect(kinds(result)).not.toContain("notifiable-below-threshold");
    expect(kinds(result)).not.toContain("own-rules-under-30k");
    expect(result.coverage).toBe("gap");
    expect(result.warnings.find((w) => w.code === "nation-not-advised")?.message).toMatch(
      /cannot yet advise on contracts below the threshold/,
    );
  });
});

describe("SME test: fewer than 250 staff and turnover ≤ £44m or balance sheet ≤ £38m", () => {
  it("200 staff, £60m turnover, £30m balance sheet is an SME (medium)", () => {
    expect(computeSupplierSize(200, 6_000_000_000, 3_000_000_000)).toBe("medium");
    expect(isSme(computeSupplierSize(200, 6_000_000_000, 3_000_000_000))).toBe(true);
  });

  it("the balance sheet limit is £38m inclusive; without a balance sheet turnover decides", () => {
    expect(computeSupplierSize(200, 6_000_000_000, 3_800_000_000)).toBe("medium");
    expect(computeSupplierSize(200, 6_000_000_000, 3_800_000_001)).toBe("large");
    expect(computeSupplierSize(200, 6_000_000_000)).toBe("large");
    expect(computeSupplierSize(250, 100_000, 100_000)).toBe("large");
  });
});
