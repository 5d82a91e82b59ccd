// One content pass (issue 18 item 5; docs/content.md): the words a person reads on every main
// page follow the style guide. Each rule is a pattern of the wrong form, checked in the page's
// visible text as rendered; a finding names the page, the rule and the text around it.
import type { Page } from "@playwright/test";
import { test, expect, login } from "./support";
import { MAIN_PAGES, aProject, type Target } from "./main-pages";

const PAGES: Target[] = [
  ...MAIN_PAGES,
  { name: "contracts", path: "/contracts" },
  { name: "pipeline", path: "/pipeline" },
  { name: "renewal radar", role: "buyerA", path: "/radar" },
  { name: "a project's history", role: "buyerA", path: async (page) => `${await aProject(page)}/history` },
  { name: "audit log", role: "admin", path: "/admin/audit" },
  { name: "supplier's listings", role: "supplierA", path: "/supplier" },
];

/** The wrong forms (docs/content.md), each with the rule it breaks. */
const CONTENT_RULES: { rule: string; pattern: RegExp }[] = [
  { rule: "money has two digits of pence or none (£15.50, not £15.5)", pattern: /£\d[\d,]*\.\d(?!\d)/ },
  { rule: "whole pounds have no pence (£4, not £4.00)", pattern: /£\d[\d,]*\.00(?!\d)/ },
  { rule: "the pound sign goes before the amount", pattern: /\d\s*£(?![\d])/ },
  { rule: "amounts over 999 have commas", pattern: /£\d{4,}(?![\d,])/ },
  {
    rule: "a measured quantity over 999 has commas",
    pattern: /(?<![\d.,-])\d{4,}\s+(calls|users|visits|hours|days|cases|households|residents|transactions|staff|applications|requests)\b/,
  },
  { rule: "zero is a sentence, not a count", pattern: /\b(by|including|from) 0 \w+/i },
  {
    rule: "one takes the singular",
    pattern:
      /(?<![\d.,]|Lot )\b1 (published )?(products|councils|suppliers|listings|contracts|case studies|services|messages|officers|results)\b/,
  },
  { rule: "one listing was saved as a draft", pattern: /\b1 listing was saved as drafts\b/ },
  { rule: "'not known' is a value, not glued to a label", pattern: /\b(Ends|Ended|Started|Starts|Expires|Used by) Not known\b/ },
  { rule: "no internal codes (rule names)", pattern: /\b[A-Z]{2,}(?:_[A-Z0-9]+){2,}\b/ },
  {
    rule: "no internal codes (audit actions)",
    pattern:
      /(?<![\w@./-])(authorisation|authorization|project|listing|contract|user|supplier|case_study|pipeline|award|session)\.[a-z_]+(?![\w@-]|\.[a-z])/,
  },
  { rule: "a change between percentages is in percentage points", pattern: /\d%\s*(→|to)\s*[\d.]+%[^%\n]{0,40}\b(up|down) [\d.]+%/i },
];

async function visibleMainText(page: Page): Promise<string> {
  // Raw records an auditor reads as they are stored (<pre>, <code>: audit change data, ids) are left out.
  return page.locator("main").evaluate((main) => {
    const raw = [...main.querySelectorAll<HTMLElement>("pre, code")];
    const before = raw.map((el) => el.style.display);
    raw.forEach((el) => (el.style.display = "none"));
    const text = (main as HTMLElement).innerText;
    raw.forEach((el, i) => (el.style.display = before[i]));
    return text;
  });
}

function contentFindings(text: string): string[] {
  const found: string[] = [];
  for (const { rule, pattern } of CONTENT_RULES) {
    const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    for (const m of text.matchAll(global)) {
      const at = m.index ?? 0;
      found.push(`${rule}: "…${text.slice(Math.max(0, at - 30), at + m[0].length + 30).replace(/\s+/g, " ")}…"`);
      if (found.length > 30) return found;
    }
  }
  return found;
}

test("the content rules catch the wrong forms and pass the right ones", () => {
  const wrong = [
    "From £15.5 a month",
    "£4.00 per user",
    "910000 → 135000 £",
    "Cost £212000",
    "41000 calls",
    "Used by 0 councils",
    "including 0 similar to yours",
    "1 published products",
    "1 listing was saved as drafts",
    "Ends Not known",
    "BELOW_THRESHOLD_CONTRACT_DETAILS",
    "authorisation.refused",
    "95.1% → 96.3% Up 1%",
  ];
  for (const text of wrong) expect(contentFindings(text), text).not.toEqual([]);
  const right = [
    "From £15.50 a month",
    "£4 per user",
    "£910,000 to £135,000",
    "41,000 calls",
    "No councils have used it yet",
    "1 published product",
    "1 listing was saved as a draft",
    "End date: not known",
    "Contract details notice (UK7)",
    "buyer@brighton-hove.gov.uk",
    "https://www.contractsfinder.service.gov.uk/notice/abc",
    "95.1% to 96.3% (up 1.2 percentage points)",
    "RM1557.15",
    "Lot 1 services delivered above OFFICIAL",
  ];
  for (const text of right) expect(contentFindings(text), text).toEqual([]);
});

for (const target of PAGES) {
  test(`content follows the style guide: ${target.name}`, async ({ page }) => {
    if (target.role) await login(page, target.role);
    const path = typeof target.path === "string" ? target.path : await target.path(page);
    await page.goto(path);
    expect(contentFindings(await visibleMainText(page)), `content on ${path}`).toEqual([]);
  });
}
