import { describe, expect, it } from "vitest";
import {
  csvCell,
  frozenSearchCsv,
  ocdsAwardRelease,
  procurementMethodFor,
  toCsv,
  type ProjectAwardForOcds,
} from "../../../app/models/project-export";
import { validateOcdsRelease } from "../../support/ocds-schema";

describe("CSV", () => {
  it("quotes fields per RFC 4180", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(
      toCsv([
        ["a", "b"],
        ["c", 1],
      ]),
    ).toBe("a,b\r\nc,1\r\n");
  });

  it("neutralises spreadsheet formulas with a leading single quote", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("safe=text")).toBe("safe=text");
  });

  it("writes the search, filters, freeze time and each listing's version on every row", () => {
    const csv = frozenSearchCsv({
      id: "f1",
      query: "=cmd|' /C calc'!A0",
      filters: JSON.stringify({ facets: { framework: ["G-Cloud 15"] }, frameworks: "live", sort: "relevance" }),
      frozenAt: new Date("2026-11-23T10:15:00Z"),
      project: { title: "Repairs", council: { name: "Brighton and Hove" } },
      results: [
        {
          position: 1,
          productId: "p1",
          productVersionId: "v1",
          productName: "Acme, Cloud",
          supplierName: "Acme",
          supplierSize: "small",
          priceFromPence: 10_000,
          priceUnit: "per user per month",
          productVersion: { versionNumber: 3 },
        },
        {
          position: 2,
          productId: "p2",
          productVersionId: "v2",
          productName: "Beta",
          supplierName: "Beta",
          supplierSize: "micro",
          priceFromPence: 1_999,
          priceUnit: "per user per month",
          productVersion: { versionNumber: 1 },
        },
      ],
    });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Council,Project,Search query,Filters,Frozen at (UTC),Position,Product ID,Product version ID,Version number,Product name,Supplier,Supplier size,Price from (GBP),Price unit",
    );
    expect(lines[1]).toBe(
      `Brighton and Hove,Repairs,'=cmd|' /C calc'!A0,Framework: G-Cloud 15; Live frameworks only,2026-11-23T10:15:00.000Z,1,p1,v1,3,"Acme, Cloud",Acme,small,100.00,per user per month`,
    );
    // Prices are written from integer pence exactly, always with the pence.
    expect(lines[2]).toMatch(/,micro,19\.99,per user per month$/);
    expect(lines[3]).toBe("");
  });
});

describe("OCDS release", () => {
  const award: ProjectAwardForOcds = {
    project: {
      id: "proj1",
      title: "Repairs system",
      requirements: "A repairs system",
      routeId: "framework-direct-award-rm1557-15",
      estimatedValuePence: 15_000_000,
      council: { code: "BNH", name: "Brighton and Hove", officialName: "Brighton and Hove City Council", nation: "England" },
      outcome: {
        id: "out1",
        kind: "awarded",
        valuePence: 14_800_000,
        startDate: new Date("2027-01-05T00:00:00Z"),
        endDate: new Date("2029-01-04T00:00:00Z"),
        justification: "Best fit",
        decidedAt: new Date("2026-11-23T12:00:00Z"),
        productVersion: {
          id: "v1",
          name: "Acme Repairs",
          versionNumber: 2,
          productId: "p1",
          product: { supplier: { id: "s1", legalName: "Acme Ltd", tradingName: "Acme", companyNumber: "01234567", computedSize: "small" } },
        },
      },
    },
    agreement: { number: "RM1557.15", name: "G-Cloud 15", sourceUrl: "https://www.crowncommercial.gov.uk/agreements/RM1557.15" },
  };

  it("describes the award and validates against the OCDS 1.1 release schema", () => {
    const release = ocdsAwardRelease(award, "ocds-cmkt01")!;
    expect(release.ocid).toBe("ocds-cmkt01-proj1");
    expect(release.tag).toEqual(["award"]);
    expect(release.tender.procurementMethod).toBe("limited");
    expect(release.tender.mainProcurementCategory).toBe("services");
    expect(release.awards[0]).toMatchObject({
      status: "active",
      value: { amount: 148000, currency: "GBP" },
      contractPeriod: { startDate: "2027-01-05T00:00:00.000Z" },
    });
    expect(release.parties.map((p) => p.roles)).toEqual([["buyer"], ["supplier"]]);
    expect(release.parties[1]).toMatchObject({ id: "GB-COH-01234567", details: { scale: "sme" } });
    expect(release.buyer).toEqual({ id: "GB-LAE-BNH", name: "Brighton and Hove City Council" });
    expect(release.relatedProcesses?.[0]).toMatchObject({ relationship: ["framework"], identifier: "RM1557.15" });
    expect(validateOcdsRelease(release)).toEqual([]);
  });

  it("writes amounts in pounds exactly from integer pence", () => {
    const odd = structuredClone(award);
    odd.project.estimatedValuePence = 123_456_789;
    odd.project.outcome!.valuePence = 2_999_999;
    const release = ocdsAwardRelease(odd, "ocds-cmkt01")!;
    expect(release.tender.value).toEqual({ amount: 1234567.89, currency: "GBP" });
    expect(release.awards[0].value).toEqual({ amount: 29999.99, currency: "GBP" });
    expect(JSON.stringify(release)).toContain('"amount":1234567.89');
    expect(JSON.stringify(release)).toContain('"amount":29999.99');
    expect(validateOcdsRelease(release)).toEqual([]);
  });

  it("uses large for large suppliers and has no release without an award", () => {
    const large = structuredClone(award);
    large.project.outcome!.productVersion!.product.supplier.computedSize = "large";
    expect(ocdsAwardRelease(large, "ocds-cmkt01")!.parties[1]).toMatchObject({ details: { scale: "large" } });
    const cancelled = structuredClone(award);
    cancelled.project.outcome!.kind = "cancelled";
    expect(ocdsAwardRelease(cancelled, "ocds-cmkt01")).toBeNull();
  });

  it("the schema check catches a broken release", () => {
    const release = ocdsAwardRelease(award, "ocds-cmkt01")! as unknown as Record<string, unknown>;
    expect(validateOcdsRelease({ ...release, tag: ["not-a-tag"], date: "yesterday" }).length).toBeGreaterThan(0);
  });

  it("maps routes to the OCDS method codelist", () => {
    expect(procurementMethodFor("framework-direct-award-rm1557-15")).toBe("limited");
    expect(procurementMethodFor("framework-further-competition-rm1557-15")).toBe("selective");
    expect(procurementMethodFor("open-procedure")).toBe("open");
    expect(procurementMethodFor("direct-award-schedule-5")).toBe("direct");
  });
});
