// Issue 18 item 5 (docs/content.md, "no internal codes anywhere a person reads"): a supplier's
// listing history names its sections and shows changed answers in words, and the case-study
// search documents write their measures as every other page does.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { cookieFor, DEMO } from "../support/session";
import { createCompleteListing, get, listableLotOn, lockOf, post } from "../support/listing-flow";
import { measureSummary } from "~/models/case-study-measure";

useTestDatabase();

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

type HistoryEvent = {
  action: string;
  label: string;
  detail: string | null;
  changes: { key: string; label: string; before: string | string[]; after: string | string[] }[];
};

describe("a listing's history, as its supplier reads it", () => {
  it("names each saved section as the form does and shows changed answers before and after, without codes or JSON", async () => {
    const cookie = await cookieFor(DEMO.supplierA);
    const lotId = await listableLotOn(DEMO.supplierA, "RM1557.15");
    const id = await createCompleteListing(cookie, "History check: missed bins", lotId);
    const changed = await post(
      "supplier.listings.$id.$section",
      `/supplier/listings/${id}/data-security`,
      { id, section: "data-security" },
      cookie,
      {
        lockVersion: await lockOf(id),
        dataLocation: "EEA",
        security: ["cyber-essentials-plus", "iso-27001"],
        securityEvidence: "Cyber Essentials Plus certificate from IASME; penetration test in 2026.",
        accessibilityLevel: "partial",
        accessibilityStatementUrl: "https://kestrel.example/accessibility",
      },
    );
    expect(changed.status).toBe(302);

    const res = await get("supplier.listings.$id.history", `/supplier/listings/${id}/history`, { id }, cookie);
    const { events } = (await res.json()) as { events: HistoryEvent[] };
    const [latest] = events;
    expect(latest.action).toBe("product.section-saved:data-security");
    expect(latest.label).toBe("Saved “Data, security and accessibility”");
    expect(latest.changes).toEqual([
      { key: "dataLocation", label: "Data location", before: "UK only", after: "UK and European Economic Area" },
      {
        key: "security",
        label: "Security accreditations",
        before: ["Cyber Essentials Plus"],
        after: ["Cyber Essentials Plus", "ISO/IEC 27001"],
      },
      {
        key: "accessibilityLevel",
        label: "Accessibility",
        before: "Meets WCAG 2.2 AA",
        after: "Partly meets WCAG 2.2 AA (the statement lists what does not)",
      },
    ]);
    const lots = events.find((e) => e.action === "product.section-saved:lots")!;
    expect(lots.label).toBe("Saved “Framework lots”");
    expect(lots.changes[0].after).toEqual([expect.stringMatching(/^G-Cloud 15 \(RM1557\.15\) lot \w+: /)]);
    const pricing = events.find((e) => e.action === "product.section-saved:pricing")!;
    expect(pricing.changes.find((c) => c.key === "priceFromPence")).toMatchObject({ before: "Not stated", after: "£450" });

    // What the page shows: labels, details and answers (the action code stays in the data only).
    const shown = JSON.stringify(events.map(({ label, detail, changes }) => ({ label, detail, changes })));
    expect(shown).not.toMatch(/data-security|section-saved|product\.|cyber-essentials|iso-27001|wcag-|"EEA"|\\"/);
    expect(events.at(-1)!.label).toBe("Listing created");
  });
});

describe("case-study search documents", () => {
  it("write the measures with the measure wording (money, commas, units), and carry the headline measure for the result", async () => {
    const { caseStudyDocuments } = await import("~/models/search-documents.server");
    const docs = await caseStudyDocuments();
    const withMetrics = await (
      await db()
    ).caseStudy.findMany({
      where: { status: "published", metrics: { some: {} } },
      include: { metrics: { orderBy: { position: "asc" } } },
    });
    expect(withMetrics.length).toBeGreaterThan(0);
    for (const c of withMetrics) {
      const doc = docs.find((d) => d.id === c.id)!;
      expect(doc.headlineMeasure).toBe(measureSummary(c.metrics[0]));
      for (const m of c.metrics) expect(String(doc.outcome)).toContain(measureSummary(m));
      expect(String(doc.outcome)).not.toMatch(/\d{4,}(?![\d,])/);
    }
  });
});
