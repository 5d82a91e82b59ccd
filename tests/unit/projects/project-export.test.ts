import { describe, expect, it } from "vitest";
import {
  csvCell,
  frozenSearchCsv,
  ocdsAwardRelease,
  procurementMethodFor,
  toCsv,
  type ProjectAwardForOcds,
} from "../../../app/models/project-export";
import { presentFrozenSearch, presentOutcome, type OutcomeInput } from "../../../app/models/project-presenter";
import type { ApprovalRow } from "../../../app/models/project-approval.server";
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
    const search = presentFrozenSearch({
      id: "f1",
      query: "=cmd|' /C calc'!A0",
      filters: JSON.stringify({ facets: { framework: ["G-Cloud 15"] }, frameworks: "live", sort: "relevance" }),
      frozenAt: new Date("2026-11-23T10:15:00Z"),
      results: [
        {
          id: "r1",
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
          id: "r2",
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
    const csv = frozenSearchCsv({ council: "Brighton and Hove", project: "Repairs", search });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Council,Project,Search query,Filters,Frozen at (UTC),Position,Product ID,Product version ID,Version number,Product name,Supplier,Supplier size,Price from (GBP),Price unit",
    );
    expect(lines[1]).toBe(
      `Brighton and Hove,Repairs,'=cmd|' /C calc'!A0,Framework: G-Cloud 15; Live frameworks only,2026-11-23T10:15:00.000Z,1,p1,v1,3,"Acme, Cloud",Acme,Small,100.00,per user per month`,
    );
    // Prices are written from integer pence exactly, always with the pence.
    expect(lines[2]).toMatch(/,Micro,19\.99,per user per month$/);
    expect(lines[3]).toBe("");
    // The CSV says what the record and the shortlist say (one presenter).
    expect(search.results[0]).toMatchObject({ supplier: "Acme (Small)", price: "£100 per user per month", pricePounds: "100.00" });
    expect(search.filters).toBe("Framework: G-Cloud 15; Live frameworks only");
  });

  it("a frozen result lists the frozen version's documents in the form's order, with their labels", () => {
    const [result] = presentFrozenSearch({
      id: "f1",
      query: "",
      filters: "{}",
      frozenAt: new Date("2026-11-23T10:15:00Z"),
      results: [
        {
          id: "r1",
          position: 1,
          productId: "p1",
          productVersionId: "v1",
          productName: "Acme",
          supplierName: "Acme",
          supplierSize: "small",
          priceFromPence: 100,
          priceUnit: "per month",
          productVersion: {
            versionNumber: 1,
            documents: [
              { id: "d2", kind: "pricing", fileName: "prices.pdf", contentType: "application/pdf", sizeBytes: 2000 },
              {
                id: "d1",
                kind: "service-definition",
                fileName: "def.odt",
                contentType: "application/vnd.oasis.opendocument.text",
                sizeBytes: 10,
              },
            ],
          },
        },
      ],
    }).results;
    expect(result.documents).toEqual([
      { id: "d1", kindLabel: "Service definition", fileName: "def.odt", typeLabel: "OpenDocument text (ODT)", sizeBytes: 10 },
      { id: "d2", kindLabel: "Pricing document", fileName: "prices.pdf", typeLabel: "PDF", sizeBytes: 2000 },
    ]);
  });
});

describe("OCDS release", () => {
  const approvals: ApprovalRow[] = [
    {
      id: "a1",
      subject: "award",
      outcomeRevision: 1,
      status: "approved",
      requestedById: "u1",
      requestedBy: "Officer",
      requestedAt: new Date("2026-11-23T12:05:00Z"),
      decidedBy: "Approver",
      decidedAt: new Date("2026-11-23T13:00:00Z"),
      reason: "",
    },
  ];
  const revision: OutcomeInput = {
    sequence: 1,
    kind: "awarded",
    productName: "Acme Repairs",
    productVersion: { name: "Acme Repairs", versionNumber: 2 },
    valuePence: 14_800_000,
    startDate: new Date("2027-01-05T00:00:00Z"),
    endDate: new Date("2029-01-04T00:00:00Z"),
    justification: "Best fit",
    exceptions: "[]",
    decidedAt: new Date("2026-11-23T12:00:00Z"),
  };
  const version = {
    id: "v1",
    name: "Acme Repairs",
    versionNumber: 2,
    productId: "p1",
    product: { supplier: { id: "s1", legalName: "Acme Ltd", tradingName: "Acme", companyNumber: "01234567", computedSize: "small" } },
  };
  const award: ProjectAwardForOcds = {
    project: {
      id: "proj1",
      title: "Repairs system",
      requirements: "A repairs system",
      routeId: "framework-direct-award-rm1557-15",
      route: "Direct award from G-Cloud 15 (RM1557.15)",
      estimatedValuePence: 15_000_000,
      council: { code: "BNH", name: "Brighton and Hove", officialName: "Brighton and Hove City Council", nation: "England" },
    },
    outcome: { ...presentOutcome(revision, approvals), productVersion: version },
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
    odd.outcome!.valuePence = 2_999_999;
    const release = ocdsAwardRelease(odd, "ocds-cmkt01")!;
    expect(release.tender.value).toEqual({ amount: 1234567.89, currency: "GBP" });
    expect(release.awards[0].value).toEqual({ amount: 29999.99, currency: "GBP" });
    expect(JSON.stringify(release)).toContain('"amount":1234567.89');
    expect(JSON.stringify(release)).toContain('"amount":29999.99');
    expect(validateOcdsRelease(release)).toEqual([]);
  });

  it("uses large for large suppliers and has no release without an award", () => {
    const large = structuredClone(award);
    large.outcome!.productVersion!.product.supplier.computedSize = "large";
    expect(ocdsAwardRelease(large, "ocds-cmkt01")!.parties[1]).toMatchObject({ details: { scale: "large" } });
    const cancelled = structuredClone(award);
    cancelled.outcome!.kind = "cancelled";
    expect(ocdsAwardRelease(cancelled, "ocds-cmkt01")).toBeNull();
  });

  it("the schema check catches a broken release", () => {
    const release = ocdsAwardRelease(award, "ocds-cmkt01")! as unknown as Record<string, unknown>;
    expect(validateOcdsRelease({ ...release, tag: ["not-a-tag"], date: "yesterday" }).length).toBeGreaterThan(0);
  });

  it("says what the record says: route, product, value, contract period and award decision from the one presenter", () => {
    const release = ocdsAwardRelease(award, "ocds-cmkt01")!;
    const view = award.outcome!;
    expect(release.tender.procurementMethodDetails).toBe(award.project.route);
    expect(release.awards[0].description).toBe(`${view.product} from Acme`);
    expect(view.product).toBe("Acme Repairs (version 2)");
    expect(release.awards[0].value.amount * 100).toBe(view.valuePence);
    expect(release.awards[0].contractPeriod).toEqual({ startDate: view.startDate!.toISOString(), endDate: view.endDate!.toISOString() });
    expect(release.date).toBe(view.at.toISOString());
    // Until a second officer approves, the record says "waiting" and the release says "pending".
    const waiting = presentOutcome(revision, [{ ...approvals[0], status: "requested", decidedBy: null, decidedAt: null }]);
    expect(waiting.approval).toMatch(/^Waiting for an approver/);
    expect(ocdsAwardRelease({ ...award, outcome: { ...waiting, productVersion: version } }, "ocds-cmkt01")!.awards[0].status).toBe(
      "pending",
    );
    expect(view.approval).toMatch(/^Approved by Approver/);
    expect(release.awards[0].status).toBe("active");
  });

  it("a changed outcome amends the earlier revisions as the record lists them", () => {
    const first = presentOutcome({ ...revision, sequence: 1, valuePence: 100_050 }, approvals);
    const second = {
      ...presentOutcome({ ...revision, sequence: 2, justification: "Price corrected", decidedAt: new Date("2026-11-24T09:00:00Z") }, []),
      productVersion: version,
    };
    const release = ocdsAwardRelease({ ...award, outcome: second }, "ocds-cmkt01", [first])!;
    expect(release.id).toBe("ocds-cmkt01-proj1-award-rev2");
    expect(release.tag).toEqual(["awardUpdate"]);
    expect(release.awards[0].status).toBe("pending");
    expect(release.awards[0].amendments?.[0]).toMatchObject({
      rationale: "Price corrected",
      amendsReleaseID: "ocds-cmkt01-proj1-award-rev1",
      releaseID: "ocds-cmkt01-proj1-award-rev2",
    });
    expect(release.awards[0].amendments?.[0].description).toContain(`award to ${first.product} for ${first.value}`);
    expect(first.value).toBe("£1,000.50");
    expect(validateOcdsRelease(release)).toEqual([]);
  });

  it("maps routes to the OCDS method codelist", () => {
    expect(procurementMethodFor("framework-direct-award-rm1557-15")).toBe("limited");
    expect(procurementMethodFor("framework-further-competition-rm1557-15")).toBe("selective");
    expect(procurementMethodFor("open-procedure")).toBe("open");
    expect(procurementMethodFor("direct-award-schedule-5")).toBe("direct");
  });
});
