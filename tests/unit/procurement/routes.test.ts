import { describe, expect, it } from "vitest";
import { eligibleRoutes, type EligibleRoute, type RouteFinderInput, type RouteFinderResult } from "../../../app/procurement/routes";
import type { Framework } from "../../../app/procurement/types";
import { agreements } from "../../../seed/reference/frameworks";

const base: RouteFinderInput = {
  category: "cloud-software",
  valuePence: 15_000_000, // £150,000
  contractMonths: 24,
  startDate: "2026-11-23",
  termsUnchanged: true,
  security: "OFFICIAL",
  nation: "England",
};

function run(over: Partial<RouteFinderInput> = {}, frameworks: readonly Framework[] = agreements, quotesRequired?: number) {
  return eligibleRoutes({ ...base, ...over }, frameworks, quotesRequired === undefined ? {} : { quotesRequired });
}

const ids = (r: RouteFinderResult) => r.routes.map((route) => route.id);
const route = (r: RouteFinderResult, id: string): EligibleRoute => {
  const found = r.routes.find((x) => x.id === id);
  if (!found) throw new Error(`route ${id} not offered; got ${ids(r).join(", ")}`);
  return found;
};
const codes = (x: EligibleRoute) => x.notices.map((n) => n.code);

/** A synthetic framework, so date boundaries can be tested independently of the real data. */
function testFramework(over: Partial<Framework> = {}): Framework {
  return {
    number: "RM0000.1",
    slug: "rm0000-1",
    name: "Test Cloud Framework",
    shortName: "Test Cloud",
    regulation: "PA2023",
    startDate: "2025-01-01",
    endDate: "2027-03-01",
    verified: true,
    sourceUrl: "https://example.test/RM0000.1",
    notes: "",
    lots: [
      {
        number: "1",
        name: "Software",
        categories: ["cloud-software"],
        securityAboveOfficial: false,
        verified: true,
        routes: [{ method: "direct-award", minValuePence: null, maxValuePence: null, maxContractMonths: 36, verified: true }],
      },
    ],
    ...over,
  };
}

describe("£150,000 of cloud software starting 23 November 2026", () => {
  const result = run();

  it("is a notifiable below-threshold contract under the 2026 threshold", () => {
    expect(result.band).toBe("below-threshold");
    expect(result.threshold?.amountPence).toBe(20_772_000);
    expect(result.coverage).toBe("full");
    expect(ids(result)[0]).toBe("notifiable-below-threshold");
    expect(ids(result)).not.toContain("open-procedure");
  });

  it("offers a G-Cloud direct award on G-Cloud 15, the live G-Cloud", () => {
    const gc15 = route(result, "framework-direct-award-rm1557-15");
    expect(gc15.kind).toBe("framework-direct-award");
    expect(gc15.lots.map((l) => l.lotNumber)).toEqual(["2a", "2b"]);
    expect(gc15.lots.every((l) => l.status === "live")).toBe(true);
    expect(gc15.steps.join(" ")).toMatch(/30 results or fewer/);
    expect(gc15.steps.join(" ")).toMatch(/Do not combine searches/);
    expect(gc15.steps.join(" ")).toMatch(/Export the results/);
    expect(gc15.steps.join(" ")).toMatch(/without negotiating/);
    expect(gc15.steps.join(" ")).toMatch(/clarification questions/);
    // G-Cloud 15 data is flagged unverified, so the route says so.
    expect(gc15.verified).toBe(false);
    expect(gc15.caveats.join(" ")).toMatch(/not verified/);
  });

  it("uses PA2023 notices for a below-threshold call-off: a contract details notice, no UK6", () => {
    const gc15 = route(result, "framework-direct-award-rm1557-15");
    expect(codes(gc15)).toContain("BELOW_THRESHOLD_CONTRACT_DETAILS");
    expect(codes(gc15)).not.toContain("UK6");
    expect(codes(gc15)).not.toContain("CONTRACTS_FINDER_AWARD");
  });

  it("also offers further competition on G-Cloud 15", () => {
    expect(ids(result)).toContain("framework-further-competition-rm1557-15");
  });

  it("does not offer G-Cloud 14, whose lots ended on 28 October 2026, and says why", () => {
    expect(ids(result).some((id) => id.endsWith("rm1557-14"))).toBe(false);
    const gc14 = result.notEligible.find((n) => n.id === "framework-direct-award-rm1557-14");
    expect(gc14?.reasons.join(" ")).toMatch(/ended on 28 October 2026/);
  });

  it("lists the below-threshold notices exactly", () => {
    const own = route(result, "notifiable-below-threshold");
    const tender = own.notices.find((n) => n.code === "BELOW_THRESHOLD_TENDER");
    expect(tender?.requirement).toBe("optional");
    expect(tender?.where).toBe("Central Digital Platform");
    expect(tender?.when).toMatch(/before advertising anywhere else/);
    expect(own.notices.find((n) => n.code === "BELOW_THRESHOLD_CONTRACT_DETAILS")?.requirement).toBe("required");
    expect(codes(own)).toContain("TRANSPARENCY_CODE_CONTRACT");
    expect(own.whatWouldChange.join(" ")).toMatch(/If the value were £207,720 or more/);
    expect(own.rule.sources.some((s) => s.url.startsWith("https://www.legislation.gov.uk/ukpga/2023/54/"))).toBe(true);
  });
});

describe("£250,000 above the threshold", () => {
  const result = run({ valuePence: 25_000_000 });

  it("offers the open and competitive flexible procedures with UK2, UK3, UK4, UK6 and UK7", () => {
    expect(result.band).toBe("above-threshold");
    for (const id of ["open-procedure", "competitive-flexible-procedure"]) {
      const r = route(result, id);
      expect(codes(r)).toEqual(expect.arrayContaining(["UK2", "UK3", "UK4", "ASSESSMENT_SUMMARIES", "UK6", "UK7"]));
      expect(r.notices.find((n) => n.code === "UK3")?.requirement).toBe("optional");
      expect(r.notices.find((n) => n.code === "UK4")?.when).toMatch(/at least 25 days.*10 days/);
      expect(r.steps.join(" ")).toMatch(/8-working-day standstill/);
      expect(codes(r)).not.toContain("KPIS_AND_CONTRACT");
      expect(r.whatWouldChange.join(" ")).toMatch(/under £207,720/);
    }
  });

  it("puts the notices in order: UK2 before UK4 before UK6 before UK7", () => {
    const order = codes(route(result, "open-procedure"));
    expect(order.indexOf("UK2")).toBeLessThan(order.indexOf("UK4"));
    expect(order.indexOf("UK4")).toBeLessThan(order.indexOf("UK6"));
    expect(order.indexOf("UK6")).toBeLessThan(order.indexOf("UK7"));
  });

  it("offers a direct award outside a framework only as an exceptional Schedule 5 route with UK5, UK6, UK7", () => {
    const da = route(result, "direct-award-schedule-5");
    expect(da.exceptional).toBe(true);
    expect(codes(da).slice(0, 3)).toEqual(["UK5", "UK6", "UK7"]);
    expect(da.caveats.join(" ")).toMatch(/Schedule 5/);
    expect(da.rule.sources.map((s) => s.url)).toContain("https://www.legislation.gov.uk/ukpga/2023/54/schedule/5");
    expect(ids(result).at(-1)).toBe("direct-award-schedule-5");
  });

  it("uses UK6 and UK7 for an above-threshold call-off from a PA2023 framework", () => {
    const gc15 = route(result, "framework-direct-award-rm1557-15");
    expect(codes(gc15)).toEqual(expect.arrayContaining(["UK6", "UK7"]));
    expect(codes(gc15)).not.toContain("BELOW_THRESHOLD_CONTRACT_DETAILS");
  });

  it("does not offer the exceptional direct award below the threshold", () => {
    expect(ids(run())).not.toContain("direct-award-schedule-5");
  });
});

describe("value boundaries", () => {
  it("£20,000 gets the council's own rules with the default 3 written quotes", () => {
    const result = run({ valuePence: 2_000_000 });
    expect(result.band).toBe("under-30k");
    const own = route(result, "own-rules-under-30k");
    expect(own.steps.join(" ")).toMatch(/Get 3 written quotes/);
    expect(codes(own)).toEqual(["TRANSPARENCY_CODE_CONTRACT", "TRANSPARENCY_CODE_SPEND"]);
    // Framework call-offs are allowed at any value.
    expect(ids(result)).toContain("framework-direct-award-rm1557-15");
    expect(codes(route(result, "framework-direct-award-rm1557-15"))).not.toContain("BELOW_THRESHOLD_CONTRACT_DETAILS");
  });

  it("uses the council's own number of quotes", () => {
    expect(route(run({ valuePence: 2_000_000 }, agreements, 5), "own-rules-under-30k").steps.join(" ")).toMatch(/Get 5 written quotes/);
    expect(route(run({ valuePence: 2_000_000 }, agreements, 1), "own-rules-under-30k").steps.join(" ")).toMatch(/Get 1 written quote,/);
    expect(() => run({ valuePence: 2_000_000 }, agreements, 0)).toThrow(RangeError);
  });

  it("publishes a contract under the Transparency Code only when it is over £5,000", () => {
    expect(codes(route(run({ valuePence: 500_000 }), "own-rules-under-30k"))).not.toContain("TRANSPARENCY_CODE_CONTRACT");
    expect(codes(route(run({ valuePence: 500_001 }), "own-rules-under-30k"))).toContain("TRANSPARENCY_CODE_CONTRACT");
  });

  it("£29,999.99 is under £30,000; £30,000.00 is not", () => {
    expect(run({ valuePence: 2_999_999 }).band).toBe("under-30k");
    expect(ids(run({ valuePence: 2_999_999 }))).toContain("own-rules-under-30k");
    const at = run({ valuePence: 3_000_000 });
    expect(at.band).toBe("below-threshold");
    expect(ids(at)).toContain("notifiable-below-threshold");
    expect(ids(at)).not.toContain("own-rules-under-30k");
  });

  it("2026 figures: £207,719.99 is below the threshold, £207,720.00 is at it", () => {
    expect(run({ valuePence: 20_771_999, startDate: "2026-06-01" }).band).toBe("below-threshold");
    const at = run({ valuePence: 20_772_000, startDate: "2026-06-01" });
    expect(at.band).toBe("above-threshold");
    expect(ids(at)).toContain("open-procedure");
  });

  it("2024–25 figures: £214,903.99 is below the threshold, £214,904.00 is at it", () => {
    const below = run({ valuePence: 21_490_399, startDate: "2025-06-01" });
    expect(below.band).toBe("below-threshold");
    expect(below.threshold?.id).toBe("2024-goods-and-services");
    expect(run({ valuePence: 21_490_400, startDate: "2025-06-01" }).band).toBe("above-threshold");
  });

  it("switches threshold between 31 December 2025 and 1 January 2026", () => {
    const lastDay = run({ valuePence: 21_000_000, startDate: "2025-12-31" });
    expect(lastDay.threshold?.amountPence).toBe(21_490_400);
    expect(lastDay.band).toBe("below-threshold");
    expect(route(lastDay, "notifiable-below-threshold").whatWouldChange).toContain(
      "If the procurement started on or after 1 January 2026, the threshold would be £207,720 and this contract would be at or above it.",
    );
    const firstDay = run({ valuePence: 21_000_000, startDate: "2026-01-01" });
    expect(firstDay.threshold?.amountPence).toBe(20_772_000);
    expect(firstDay.band).toBe("above-threshold");
    expect(route(firstDay, "open-procedure").whatWouldChange.join(" ")).toMatch(
      /had started between 1 January 2024 and 31 December 2025.*£214,904.*below it/,
    );
  });

  it("adds KPIs and contract publication only over £5 million", () => {
    expect(codes(route(run({ valuePence: 500_000_000 }), "open-procedure"))).not.toContain("KPIS_AND_CONTRACT");
    const over = run({ valuePence: 500_000_001 });
    expect(codes(route(over, "open-procedure"))).toContain("KPIS_AND_CONTRACT");
    expect(route(over, "open-procedure").steps.join(" ")).toMatch(/more than £5 million/);
  });

  it("rejects values that are not whole pence and contract lengths under a month", () => {
    expect(() => run({ valuePence: 150_000.5 })).toThrow(RangeError);
    expect(() => run({ valuePence: -1 })).toThrow(RangeError);
    expect(() => run({ contractMonths: 0 })).toThrow(RangeError);
    expect(() => run({ startDate: "2026-02-30" })).toThrow(RangeError);
  });
});

describe("dates the guide does not cover", () => {
  it("returns a clear not-covered warning before 1 January 2024, with no routes", () => {
    const result = run({ startDate: "2023-12-31" });
    expect(result.coverage).toBe("not-covered");
    expect(result.threshold).toBeNull();
    expect(result.band).toBeNull();
    expect(result.routes).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(["not-covered"]);
    expect(result.warnings[0].message).toMatch(/does not cover procurements starting before 1 January 2024/);
  });

  it("warns that procurements started before 24 February 2025 ran under PCR 2015", () => {
    const early = run({ startDate: "2024-01-01" });
    expect(early.threshold?.amountPence).toBe(21_490_400);
    expect(early.coverage).toBe("gap");
    expect(early.warnings.map((w) => w.code)).toContain("before-act-commenced");
    expect(run({ startDate: "2025-02-24" }).warnings.map((w) => w.code)).not.toContain("before-act-commenced");
  });
});

describe("framework dates", () => {
  it("does not offer a framework that ended the day before the start date", () => {
    const result = run({ startDate: "2027-03-02" }, [testFramework()]);
    expect(ids(result)).not.toContain("framework-direct-award-rm0000-1");
    expect(result.notEligible[0].reasons.join(" ")).toMatch(/ended on 1 March 2027, before your start date of 2 March 2027/);
    expect(result.warnings.map((w) => w.code)).toContain("no-framework-lot");
  });

  it("offers a framework that ends on the start date, with an expiring warning", () => {
    const result = run({ startDate: "2027-03-01" }, [testFramework()]);
    const r = route(result, "framework-direct-award-rm0000-1");
    expect(r.lots[0].status).toBe("expiring");
    expect(result.warnings.map((w) => w.code)).toContain("framework-expiring");
    expect(r.caveats.join(" ")).toMatch(/ends on 1 March 2027/);
  });

  it("marks a framework ending within 90 days as expiring, and further away as live", () => {
    expect(route(run({ startDate: "2026-12-01" }, [testFramework()]), "framework-direct-award-rm0000-1").lots[0].status).toBe("expiring");
    expect(route(run({ startDate: "2026-11-30" }, [testFramework()]), "framework-direct-award-rm0000-1").lots[0].status).toBe("live");
  });

  it("does not offer a framework with no confirmed start date", () => {
    const result = run({}, [testFramework({ startDate: null })]);
    expect(result.routes.some((r) => r.kind === "framework-direct-award")).toBe(false);
    expect(result.notEligible[0].reasons.join(" ")).toMatch(/no confirmed start date/);
  });

  it("uses the real G-Cloud dates: G-Cloud 14 on its last day, G-Cloud 15 from its start", () => {
    const lastDay = run({ startDate: "2026-10-28" });
    expect(route(lastDay, "framework-direct-award-rm1557-14").lots[0].status).toBe("expiring");
    expect(ids(lastDay)).toContain("framework-direct-award-rm1557-15");
    expect(ids(run({ startDate: "2026-10-29" }))).not.toContain("framework-direct-award-rm1557-14");

    const beforeGc15 = run({ startDate: "2026-09-16" });
    expect(ids(beforeGc15)).not.toContain("framework-direct-award-rm1557-15");
    expect(beforeGc15.notEligible.find((n) => n.id === "framework-direct-award-rm1557-15")?.whatWouldChange.join(" ")).toMatch(
      /on or after 17 September 2026/,
    );
    expect(ids(beforeGc15)).toContain("framework-direct-award-rm1557-14");
  });

  it("never offers expired DOS 6 or DSP for specialists in November 2026, but offers DOS 7", () => {
    const result = run({ category: "specialists" });
    expect(ids(result)).toContain("framework-further-competition-rm1043-9");
    expect(ids(result).some((id) => id.endsWith("rm6263") || id.endsWith("rm1043-8"))).toBe(false);
  });
});

describe("security classification", () => {
  it("above OFFICIAL: only lots flagged for above OFFICIAL fit", () => {
    const official = run({ category: "cloud-hosting" });
    expect(route(official, "framework-direct-award-rm1557-15").lots.map((l) => l.lotNumber)).toEqual(["1a", "1b"]);
    const above = run({ category: "cloud-hosting", security: "ABOVE_OFFICIAL" });
    const r = route(above, "framework-direct-award-rm1557-15");
    expect(r.lots.map((l) => l.lotNumber)).toEqual(["1b"]);
    expect(r.whyEligible.join(" ")).toMatch(/above OFFICIAL/);
  });

  it("above OFFICIAL cloud software: no lot fits, and the guide says why", () => {
    const result = run({ security: "ABOVE_OFFICIAL" });
    expect(result.routes.some((r) => r.kind.startsWith("framework-"))).toBe(false);
    expect(result.notEligible.find((n) => n.id === "framework-direct-award-rm1557-15")?.reasons.join(" ")).toMatch(
      /OFFICIAL information only/,
    );
    expect(result.warnings.map((w) => w.code)).toContain("no-framework-lot");
    expect(ids(result)).toContain("notifiable-below-threshold");
  });
});

describe("contract length", () => {
  // G-Cloud 15 call-off length (procurement-reference.md, corrections of 1 December 2026: Local
  // Government Lawyer / Sharpe Pritchard and Computer Weekly): lots 2a, 2b and 3 up to 6 years,
  // lots 1a and 1b up to 8 years, not 36 + 12 months.
  it("G-Cloud 15 lot 2a fits a 72-month contract and not a 73-month one", () => {
    const atMax = run({ contractMonths: 72 });
    expect(ids(atMax)).toContain("framework-direct-award-rm1557-15");
    expect(route(atMax, "framework-direct-award-rm1557-15").lots.map((l) => l.lotNumber)).toContain("2a");
    const tooLong = run({ contractMonths: 73 });
    expect(ids(tooLong)).not.toContain("framework-direct-award-rm1557-15");
    expect(ids(tooLong)).not.toContain("framework-further-competition-rm1557-15");
    const why = tooLong.notEligible.find((n) => n.id === "framework-direct-award-rm1557-15");
    expect(why?.reasons.join(" ")).toMatch(/73-month contract is longer than the 72-month limit for a direct award on G-Cloud 15 lot 2a/);
    expect(why?.whatWouldChange.join(" ")).toMatch(/72 months or shorter/);
  });

  it("G-Cloud 15 lot 1a fits a 96-month contract and not a 97-month one", () => {
    const atMax = run({ category: "cloud-hosting", contractMonths: 96 });
    expect(route(atMax, "framework-direct-award-rm1557-15").lots.map((l) => l.lotNumber)).toContain("1a");
    const tooLong = run({ category: "cloud-hosting", contractMonths: 97 });
    expect(ids(tooLong)).not.toContain("framework-direct-award-rm1557-15");
    expect(tooLong.notEligible.find((n) => n.id === "framework-direct-award-rm1557-15")?.reasons.join(" ")).toMatch(
      /97-month contract is longer than the 96-month limit for a direct award on G-Cloud 15 lot 1a/,
    );
  });

  it("£150,000 of cloud software over 72 months and £6m over 60 months fit G-Cloud 15 (issue 13)", () => {
    expect(ids(run({ valuePence: 15_000_000, contractMonths: 72 }))).toContain("framework-direct-award-rm1557-15");
    expect(ids(run({ valuePence: 600_000_000, contractMonths: 60 }))).toContain("framework-direct-award-rm1557-15");
  });

  it("a route with no recorded limit accepts any length", () => {
    const result = run({ category: "back-office-software", contractMonths: 120 });
    expect(ids(result)).toContain("framework-direct-award-rm6285");
  });
});

describe("framework terms", () => {
  it("excludes direct award when the terms cannot be used unchanged, but keeps further competition", () => {
    const result = run({ termsUnchanged: false });
    expect(ids(result)).not.toContain("framework-direct-award-rm1557-15");
    expect(ids(result)).toContain("framework-further-competition-rm1557-15");
    const why = result.notEligible.find((n) => n.id === "framework-direct-award-rm1557-15");
    expect(why?.reasons.join(" ")).toMatch(/call-off terms unchanged/);
    expect(why?.whatWouldChange.join(" ")).toMatch(/could use the framework's terms unchanged/);
  });

  it("explains an expired framework by its dates alone, not by other checks", () => {
    const result = run({ termsUnchanged: false, contractMonths: 60 });
    const gc14 = result.notEligible.find((n) => n.id === "framework-direct-award-rm1557-14");
    expect(gc14?.reasons).toEqual([
      "G-Cloud 14 lot 2 (Cloud software) cannot be used: it ended on 28 October 2026, before your start date of 23 November 2026.",
    ]);
    expect(gc14?.whatWouldChange).toEqual([
      "If the procurement had started on or before 28 October 2026, G-Cloud 14 lot 2 (Cloud software) could have been used.",
    ]);
  });
});

describe("warnings", () => {
  it("warns once per framework with unverified details", () => {
    const result = run();
    const unverified = result.warnings.filter((w) => w.code === "unverified-framework-data");
    // Cloud software is offered on G-Cloud 15 and, since issue 13, on Back Office Software 2 too.
    expect(unverified.map((w) => w.message.match(/\((RM[\d.]+)\)/)?.[1]).sort()).toEqual(["RM1557.15", "RM6285"]);
  });

  it("always states the assumptions behind the answer", () => {
    expect(run().assumptions.join(" ")).toMatch(/whole-life value of the contract including VAT/);
  });
});

describe("PCR 2015 framework notices (Back Office Software 2)", () => {
  const bos = (valuePence: number) => route(run({ category: "back-office-software", valuePence }), "framework-direct-award-rm6285");

  it("needs a Contracts Finder award notice at £30,000.00 but not at £29,999.99", () => {
    expect(codes(bos(3_000_000))).toContain("CONTRACTS_FINDER_AWARD");
    expect(codes(bos(2_999_999))).not.toContain("CONTRACTS_FINDER_AWARD");
  });

  it("keeps the 2015 notice rules above the threshold: Contracts Finder, not UK6/UK7", () => {
    const r = bos(25_000_000);
    expect(codes(r)).toContain("CONTRACTS_FINDER_AWARD");
    expect(codes(r)).not.toContain("UK6");
    expect(codes(r)).not.toContain("UK7");
    expect(r.caveats.join(" ")).toMatch(/Public Contracts Regulations 2015/);
    expect(r.steps.join(" ")).not.toMatch(/30 results or fewer/);
  });
});

describe("nations", () => {
  it("England is fully covered", () => {
    const result = run();
    expect(result.coverage).toBe("full");
    expect(result.warnings.map((w) => w.code)).not.toContain("nation-gap");
  });

  it.each(["Wales", "Scotland", "Northern Ireland"] as const)("%s states its own rules, not England's, with sources", (nation) => {
    const result = run({ nation });
    const warning = result.warnings.find((w) => w.code === "nation-gap" || w.code === "nation-differences");
    expect(warning?.message).not.toMatch(/figures shown are the UK \(England\) figures/);
    expect(warning?.sources.length).toBeGreaterThan(0);
    // The English Transparency Code is never applied outside England.
    for (const r of result.routes) expect(codes(r)).not.toContain("TRANSPARENCY_CODE_CONTRACT");
  });
});

describe("every route explains itself", () => {
  it("has a title, summary, reasons, steps, a sourced rule and what would change", () => {
    for (const value of [2_000_000, 15_000_000, 25_000_000, 600_000_000]) {
      const result = run({ valuePence: value });
      expect(result.routes.length).toBeGreaterThan(0);
      for (const r of result.routes) {
        expect(r.title).not.toBe("");
        expect(r.summary).not.toBe("");
        expect(r.whyEligible.length).toBeGreaterThan(0);
        expect(r.steps.length).toBeGreaterThan(0);
        expect(r.whatWouldChange.length).toBeGreaterThan(0);
        expect(r.rule.sources.length).toBeGreaterThan(0);
        for (const s of r.rule.sources) expect(s.url).toMatch(/^https:\/\//);
        expect(r.rule.threshold).not.toBeNull();
      }
    }
  });
});
