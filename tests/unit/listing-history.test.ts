// A listing's history as its supplier reads it (issue 18 item 5: no internal codes, no JSON).
import { describe, expect, it } from "vitest";
import { listingHistoryEntry, listingSectionTitle, listingValueText } from "~/models/listing-history";
import { LISTING_SECTIONS } from "~/models/listing.schema";

const saved = (section: string, before: unknown, after: unknown) => ({
  action: `product.section-saved:${section}`,
  before: JSON.stringify(before),
  after: JSON.stringify(after),
});

describe("listing history", () => {
  it("names a saved section as the listing form does, never by its slug", () => {
    expect(listingHistoryEntry(saved("data-security", {}, { dataLocation: "UK" })).label).toBe("Saved “Data, security and accessibility”");
    for (const s of LISTING_SECTIONS) expect(listingSectionTitle(s.slug)).toBe(s.title);
    expect(listingHistoryEntry(saved("no-such-section", {}, {})).label).toBe("Saved a section of the listing");
  });

  it("shows the changed answers before and after with the form's labels, and leaves unchanged answers out", () => {
    const entry = listingHistoryEntry(
      saved(
        "data-security",
        { dataLocation: "EEA", security: ["cyber-essentials"], securityEvidence: "Same", accessibilityLevel: "" },
        { dataLocation: "UK", security: ["cyber-essentials", "iso-27001"], securityEvidence: "Same", accessibilityLevel: "wcag-2.2-aa" },
      ),
    );
    expect(entry.changes.map((c) => c.key)).toEqual(["dataLocation", "security", "accessibilityLevel"]);
    expect(entry.changes[0]).toEqual({
      key: "dataLocation",
      label: "Data location",
      before: "UK and European Economic Area",
      after: "UK only",
    });
    expect(entry.changes[1]).toMatchObject({
      label: "Security accreditations",
      before: ["Cyber Essentials"],
      after: ["Cyber Essentials", "ISO/IEC 27001"],
    });
    expect(entry.changes[2].before).toBe("Not stated");
    expect(JSON.stringify(entry)).not.toMatch(/wcag-2\.2-aa|iso-27001|"EEA"|[{]\\"/);
  });

  it("writes prices with the money formatter, yes/no and lots by name, in the form's order", () => {
    const entry = listingHistoryEntry(
      saved(
        "pricing",
        { priceUnit: "", priceFromPence: 0, vatIncluded: false, freeTrial: true },
        { priceUnit: "per user per month", priceFromPence: 1550, vatIncluded: true, freeTrial: true },
      ),
    );
    expect(entry.changes).toEqual([
      { key: "priceFromPence", label: "Starting price", before: "Not stated", after: "£15.50" },
      { key: "priceUnit", label: "What the price is for", before: "Not stated", after: "per user per month" },
      { key: "vatIncluded", label: "VAT included", before: "No", after: "Yes" },
    ]);
    expect(listingValueText("priceFromPence", 21200000, {}, { priceUnit: "per day" })).toBe("£212,000");
    expect(listingValueText("lotIds", ["lot-1", "gone"], { "lot-1": "G-Cloud 15 (RM1557.15) lot 2: Cloud software" })).toEqual([
      "G-Cloud 15 (RM1557.15) lot 2: Cloud software",
      "A lot no longer on the portal",
    ]);
    expect(listingValueText("standards", [])).toBe("None");
  });

  it("says what happened for every listing event, in words", () => {
    const label = (action: string, after: unknown = null, before: unknown = null) =>
      listingHistoryEntry({
        action,
        after: after === null ? null : JSON.stringify(after),
        before: before === null ? null : JSON.stringify(before),
      });
    expect(label("product.created", { versionId: "v1" }).label).toBe("Listing created");
    expect(label("product.submitted", { versionId: "v1", versionNumber: 2 }).label).toBe("Submitted version 2 for review");
    expect(label("product.approved", { publishedVersionId: "v1", versionNumber: 2 }).label).toBe("Approved and published version 2");
    expect(label("product.rejected", { versionId: "v1", reason: "Add a price" })).toMatchObject({
      label: "Changes requested",
      detail: "Reason given: Add a price",
    });
    expect(label("product.withdrawn", { status: "withdrawn" }, { status: "published" }).label).toBe("Withdrawn");
    expect(label("product.document-removed", { versionId: "v1", kind: "sfia-rate-card" }).label).toBe("Removed the SFIA rate card");
    const replaced = label(
      "product.document-uploaded",
      { versionId: "v1", kind: "terms", fileName: "terms-2.pdf", sizeBytes: 120_000 },
      { kind: "terms", fileName: "terms.pdf" },
    );
    expect(replaced).toMatchObject({ label: "Replaced the terms and conditions" });
    expect(replaced.changes).toEqual([
      { key: "document", label: "Terms and conditions", before: "terms.pdf", after: "terms-2.pdf (120 KB)" },
    ]);
    expect(label("product.something-new").label).toBe("Another change to the listing");
  });

  it("says so when a save changed nothing", () => {
    expect(listingHistoryEntry(saved("about", { name: "A" }, { name: "A" }))).toMatchObject({ changes: [], detail: "No answers changed." });
  });
});
