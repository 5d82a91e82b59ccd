// Issue 18 item 5 (docs/content.md: no internal codes anywhere a person reads): the formatters
// the pipeline and the audit log filter use, each in one place.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { cpvCodeText } from "~/utils/cpv";
import { formatDateRange, usedBySentence } from "~/utils/format";
import { internalLink } from "~/utils/internal-link";
import { AUDIT_ACTION_CHOICES, auditActionField, auditEventLabel } from "~/models/audit-actions";
import { AUDIT_ACTION_LABELS } from "~/utils/labels";

describe("cpvCodeText", () => {
  it("gives a known code its description, with the code after it", () => {
    expect(cpvCodeText("48000000")).toBe("Software package and information systems (CPV code 48000000)");
    expect(cpvCodeText("48000000-8")).toBe("Software package and information systems (CPV code 48000000)");
  });

  it("says an unknown code is a CPV code, so it never reads as a name", () => {
    expect(cpvCodeText("03000000")).toBe("CPV code 03000000");
  });

  it("words every CPV code in the real Contracts Finder notices the portal imports", () => {
    const notices = fs.readFileSync("tests/fixtures/contracts-finder/release-package-2025-q1.json", "utf8");
    const codes = new Set([...notices.matchAll(/"scheme":\s*"CPV",\s*"id":\s*"(\d{8})"/g)].map((m) => m[1]));
    expect(codes.size).toBeGreaterThan(100);
    for (const code of codes) expect(cpvCodeText(code), code).not.toMatch(/^CPV code/);
  });
});

describe("the audit log's action choices", () => {
  it("offers every labelled action, and a buying project's, by its words", () => {
    const byValue = new Map(AUDIT_ACTION_CHOICES.map((c) => [c.value, c.label]));
    expect(byValue.get("login.failed")).toBe("Sign-in failed");
    expect(byValue.get("project.created")).toBe("Started the project");
    for (const action of Object.keys(AUDIT_ACTION_LABELS)) expect(byValue.has(action), action).toBe(true);
    // No label is a code (a code has a dot between lower-case words).
    for (const { label } of AUDIT_ACTION_CHOICES) expect(label, label).not.toMatch(/^[a-z-]+\.[a-z-]+/);
  });

  it("lists them in alphabetical order of their labels", () => {
    const labels = AUDIT_ACTION_CHOICES.map((c) => c.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en-GB")));
  });

  it("accepts no action or a known one, and refuses an unknown code with a clear message", () => {
    expect(auditActionField.parse(undefined)).toBe("");
    expect(auditActionField.parse("user.password-reset-forced")).toBe("user.password-reset-forced");
    const unknown = auditActionField.safeParse("login.");
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toBe("Select an action from the list");
  });

  it("names a project's event as its history does and any other from the registry", () => {
    expect(auditEventLabel("project.created")).toBe("Started the project");
    expect(auditEventLabel("product.section-saved:pricing")).toBe("Saved a section of a listing");
  });
});

describe("usedBySentence (a product page)", () => {
  it("never says 0 councils, nor 0 similar", () => {
    expect(usedBySentence(0, null)).toBe("No council has published a case study or an award for this product yet.");
    expect(usedBySentence(0, 0)).toBe("No council has published a case study or an award for this product yet.");
    expect(usedBySentence(3, 0)).toBe("Used by 3 councils, none of them similar to yours.");
    expect(usedBySentence(1, 0)).toBe("Used by 1 council, which is not similar to yours.");
  });

  it("counts councils and similar ones with singulars and thousands separators", () => {
    expect(usedBySentence(1, null)).toBe("Used by 1 council.");
    expect(usedBySentence(1_204, 1)).toBe("Used by 1,204 councils, including 1 similar to yours.");
  });
});

describe("internalLink (every list of notifications)", () => {
  it("follows a path in the portal and nothing else", () => {
    expect(internalLink("/pipeline/abc")).toBe("/pipeline/abc");
    for (const bad of [
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
      "/\t/evil.example",
      "/\n/evil.example",
      "",
      null,
      undefined,
    ])
      expect(internalLink(bad), String(bad)).toBeNull();
  });
});

describe("formatDateRange (the frameworks list and a framework's page)", () => {
  it("says once what is not known, never 'Not known to Not known'", () => {
    expect(formatDateRange("2024-05-01", "2028-04-30")).toBe("1 May 2024 to 30 April 2028");
    expect(formatDateRange(null, null)).toBe("Not known");
    expect(formatDateRange("2024-05-01", null)).toBe("From 1 May 2024, end not known");
    expect(formatDateRange(null, "2028-04-30")).toBe("Start not known, until 30 April 2028");
  });
});
