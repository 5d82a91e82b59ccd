import { describe, expect, it } from "vitest";
import { eligibleRoutes, frameworkStatus, isIsoDate, lotStatus, type Framework } from "../../../app/procurement";
import { agreements, type AgreementSeed } from "../../../seed/reference/frameworks";

const byNumber = (n: string): AgreementSeed => {
  const a = agreements.find((x) => x.number === n);
  if (!a) throw new Error(`missing ${n}`);
  return a;
};

describe("framework reference data", () => {
  it("covers every agreement in the procurement reference, and the research's additions", () => {
    const numbers = agreements.map((a) => a.number);
    for (const n of ["RM1043.8", "RM1043.9", "RM1557.14", "RM1557.15", "RM6098", "RM6263", "RM6285", "RM6292"])
      expect(numbers).toContain(n);
    // Earlier generations for history, GCA technology agreements and buying organisations' frameworks (issue 19).
    for (const n of [
      "RM1557.12",
      "RM1557.13",
      "RM1557.13L4",
      "RM1043.7",
      "RM6100",
      "TS4",
      "RM6116",
      "RM6335",
      "YPO-1223",
      "ESPO-383_25",
      "KCS-Y25005",
      "CPC-ICT-HARDWARE",
      "SP-21-034",
    ]) {
      expect(numbers).toContain(n);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("derives unique slugs from the agreement number", () => {
    for (const a of agreements) expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(agreements.map((a) => a.slug)).size).toBe(agreements.length);
    expect(byNumber("RM1557.14").slug).toBe("rm1557-14");
  });

  it("stores only real ISO dates, with starts before ends", () => {
    for (const a of agreements) {
      for (const d of [a.startDate, a.endDate, ...a.lots.flatMap((l) => [l.startDate, l.endDate])]) {
        if (d != null) expect(isIsoDate(d)).toBe(true);
      }
      if (a.startDate && a.endDate) expect(a.startDate < a.endDate).toBe(true);
    }
  });

  it("explains in the notes anything marked unverified", () => {
    for (const a of agreements) {
      const anythingUnverified = !a.verified || a.lots.some((l) => !l.verified || l.routes.some((r) => !r.verified));
      if (anythingUnverified) expect(a.notes).toMatch(/[Uu]nverified/);
    }
  });

  it("has unique lot numbers, and routes on every lot of a live agreement's call-off lots that the guide offers", () => {
    for (const a of agreements) {
      expect(new Set(a.lots.map((l) => l.number)).size).toBe(a.lots.length);
      // A lot without routes is never offered; its agreement's notes must say the routes were not found.
      if (a.lots.some((l) => l.routes.length === 0)) expect(a.notes).toMatch(/never offers it|does not offer it/);
    }
  });

  it("records the dates in the reference", () => {
    expect(byNumber("RM1557.14")).toMatchObject({ startDate: "2024-10-29", endDate: "2026-10-28", regulation: "PCR2015" });
    expect(byNumber("RM1557.15")).toMatchObject({ regulation: "PA2023", verified: false });
    expect(byNumber("RM1043.9")).toMatchObject({ startDate: "2026-01-30", endDate: "2032-01-29", regulation: "PA2023", verified: false });
    // DOS 6: the CCS page says 27 June 2025, PublicTechnology a further extension to March 2026; never 27 June 2026.
    expect(byNumber("RM1043.8")).toMatchObject({ endDate: "2026-03-31", regulation: "PCR2015", verified: false });
    expect(byNumber("RM6263")).toMatchObject({ endDate: "2026-05-30", regulation: "PCR2015" });
    expect(byNumber("RM6285")).toMatchObject({ startDate: "2025-01-21", endDate: "2029-01-20", regulation: "PCR2015" });
    expect(byNumber("RM6098")).toMatchObject({ verified: false, startDate: null, endDate: null, lots: [] });
    expect(byNumber("RM6292")).toMatchObject({ verified: false, startDate: null, endDate: null, lots: [] });
  });

  it("records Technology Services 4's call-offs as unverified, with no limits the sources do not give (issue 19)", () => {
    const ts4 = byNumber("TS4");
    expect(ts4).toMatchObject({ startDate: "2025-12-12", endDate: "2028-06-11", regulation: "PA2023", verified: false });
    expect(ts4.sourceUrl).toBe("https://www.find-tender.service.gov.uk/api/1.0/ocdsReleasePackages/ocds-h6vhtk-04eac3");
    expect(ts4.facts.every((f) => !f.verified)).toBe(true);
    const offered = ts4.lots.filter((l) => l.routes.length > 0);
    expect(offered.map((l) => l.number)).toEqual(["1", "2", "3", "3a", "4", "4a", "5", "5a"]);
    for (const lot of offered) {
      expect(lot.routes.map((r) => r.method)).toEqual(["direct-award", "further-competition"]);
      for (const r of lot.routes) {
        expect(r).toMatchObject({ minValuePence: null, maxValuePence: null, maxContractMonths: null, verified: false });
        expect(r.sourceUrl).toMatch(/^https:\/\//);
      }
    }
    // Lot 6's title is cut off in every copy: never offered.
    expect(ts4.lots.find((l) => l.number === "6")?.routes).toEqual([]);
    expect(ts4.eligibility).not.toBe("");
    expect(byNumber("RM6100").replacedBy).toEqual(["TS4"]);
  });

  it("flags only G-Cloud 15 lot 1b for above OFFICIAL", () => {
    const above = agreements.flatMap((a) => a.lots.filter((l) => l.securityAboveOfficial).map((l) => `${a.number}/${l.number}`));
    expect(above).toEqual(["RM1557.15/1b"]);
  });

  it("gives the expected statuses on 23 November 2026", () => {
    const on = "2026-11-23";
    const status = (n: string) => frameworkStatus(byNumber(n).startDate, byNumber(n).endDate, on);
    expect(status("RM1557.14")).toBe("expired");
    expect(status("RM1557.15")).toBe("live");
    expect(status("RM1043.9")).toBe("live");
    expect(status("RM1043.8")).toBe("expired");
    expect(status("RM6263")).toBe("expired");
    expect(status("RM6285")).toBe("live");
    expect(status("RM6098")).toBe("unknown");
    const gc14 = byNumber("RM1557.14");
    for (const lot of gc14.lots) expect(lotStatus(gc14, lot, on)).toBe("expired");
  });

  it("fits the shape the buying-route rules accept", () => {
    // Compile-time: AgreementSeed[] is assignable to the rules' Framework type.
    const frameworks: readonly Framework[] = agreements;
    const result = eligibleRoutes(
      {
        category: "cloud-hosting",
        valuePence: 10_000_000,
        contractMonths: 12,
        startDate: "2026-11-23",
        termsUnchanged: true,
        security: "OFFICIAL",
        nation: "England",
      },
      frameworks,
    );
    expect(result.routes.map((r) => r.id)).toContain("framework-direct-award-rm1557-15");
  });
});
