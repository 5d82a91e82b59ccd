// One content pass (issue 18 item 5; docs/content.md): the words a person reads on every main
// page follow the style guide. Each rule is a pattern of the wrong form, checked in the page's
// visible text as rendered; a finding names the page, the rule and the text around it.
// Runs with JavaScript and without (the no-JS page is the server's rendering, the JS page what
// hydration leaves).
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, login } from "./support";
import { MAIN_PAGES, aListingToReview, aListingWithHistory, aProject, firstLink, type Target } from "./main-pages";
import { LISTING_SECTIONS } from "../../app/models/listing.schema";
import { LISTING_CODE_OPTIONS } from "../../app/models/listing-history";
import { DOCUMENT_KINDS } from "../../app/models/listing-document.schema";
import { COST_BANDS, ROLE_NAMES } from "../../app/utils/labels";

const PAGES: Target[] = [
  ...MAIN_PAGES,
  { name: "search, case studies", path: "/search?q=housing&type=case-studies" },
  { name: "search, suppliers", path: "/search?q=software&type=suppliers" },
  // A seeded supplier with one published product (seed/generate.ts is deterministic): "1 published product".
  { name: "search, a supplier with one product", path: "/search?q=Marshgate&type=suppliers" },
  { name: "a contract, as a council buyer", role: "buyerA", path: firstLink("/contracts", /^\/contracts\/(?!new$|upload$)[^/?#.]+$/) },
  { name: "a council's forward plan", path: "/pipeline/seedpipelinebnh00001" },
  { name: "a planning notice in the pipeline", path: firstLink("/pipeline", /^\/pipeline\/(?!new$|seedpipeline)[^/?#]+$/) },
  { name: "a project's history", role: "buyerA", path: async (page) => `${await aProject(page)}/history` },
  { name: "a project's notices", role: "buyerA", path: async (page) => `${await aProject(page)}/notices` },
  { name: "notifications", role: "buyerA", path: "/account/notifications" },
  { name: "search alerts", role: "buyerA", path: "/account/alerts" },
  { name: "account", role: "buyerA", path: "/account" },
  { name: "audit log", role: "admin", path: "/admin/audit" },
  { name: "audit log, one action", role: "admin", path: "/admin/audit?what=login.succeeded" },
  { name: "a listing to review", role: "admin", path: aListingToReview },
  { name: "admin: accounts", role: "admin", path: "/admin/users" },
  { name: "admin: suppliers", role: "admin", path: "/admin/suppliers" },
  { name: "admin: framework awards", role: "admin", path: "/admin/awards" },
  { name: "supplier's listings", role: "supplierA", path: "/supplier" },
  { name: "a listing's history", role: "supplierA", path: aListingWithHistory },
  { name: "supplier's framework awards", role: "supplierA", path: "/supplier/awards" },
  { name: "supplier's accreditations", role: "supplierA", path: "/supplier/accreditations" },
  { name: "supplier's profile", role: "supplierA", path: "/supplier/profile" },
];

/**
 * Stored codes with a hyphen or underscore (no ordinary word has one): listing section slugs, the
 * listing answers' codes, document kinds, cost bands and roles. Each has a label in a registry.
 */
const STORED_CODES = [
  ...LISTING_SECTIONS.map((s) => s.slug),
  ...Object.values(LISTING_CODE_OPTIONS).flatMap((options) => options.map((o) => o.value)),
  ...DOCUMENT_KINDS.map((k) => k.value),
  ...COST_BANDS.map((b) => b.value),
  ...Object.keys(ROLE_NAMES),
].filter((code, i, all) => /[a-z][-_][a-z0-9]/.test(code) && all.indexOf(code) === i);
const escaped = (code: string) => code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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
      /(?<![\w@./-])(authorisation|authorization|project|listing|product|contract|user|supplier|case_study|case-study|pipeline|award|session|access-request|search-alert|accreditation)\.[a-z_][a-z_-]*(?![\w@]|\.[a-z])/,
  },
  { rule: "no stored codes (each has a label)", pattern: new RegExp(`(?<![\\w./-])(${STORED_CODES.map(escaped).join("|")})(?![\\w/-])`) },
  { rule: "no internal codes (snake_case values)", pattern: /(?<![\w@./-])[a-z]+(?:_[a-z]+)+(?![\w@.-])/ },
  { rule: "no raw JSON", pattern: /[{[]\s*"[^"\n]{1,40}"\s*:/ },
  { rule: "a CPV code says it is one (cpvCodeText)", pattern: /\bCPV codes\s+\d{8}/ },
  { rule: "an OCDS identifier is labelled Notice ID, not shown as a name", pattern: /(?<!Notice ID\s*|\()\bocds-[a-z0-9]{6}-/ },
  { rule: "dates are written out, not ISO timestamps", pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/ },
  { rule: "times are 9:30am, not 09:30 (formatDateTime)", pattern: /\b\d{4} at \d{2}:\d{2}\b/ },
  { rule: "no missing values shown as code", pattern: /(?<![\w-])(undefined|null|NaN)(?![\w-])|\[object Object\]/ },
  { rule: "a change between percentages is in percentage points", pattern: /\d%\s*(→|to)\s*[\d.]+%[^%\n]{0,40}\b(up|down) [\d.]+%/i },
];

async function visibleMainText(page: Page): Promise<string> {
  // Raw records an auditor reads as they are stored (<pre>, <code>: audit change data, ids) are left
  // out, and so are an input's prefix and suffix ("£" before the box), which would otherwise be
  // read as following the hint above them ("for example 1,250,000 £").
  return page.locator("main").evaluate((main) => {
    const raw = [...main.querySelectorAll<HTMLElement>("pre, code, .govuk-input__prefix, .govuk-input__suffix")];
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
    "Saved section: data-security",
    "product.section-saved:data-security",
    "Security accreditations cyber-essentials-plus",
    'Details {"dataLocation":"UK","security":["cyber-essentials-plus"]}',
    "Accessibility wcag-2.2-aa",
    "Role council_lead",
    "open_procedure",
    "Saved 2026-11-23T09:00:00.000Z",
    "Saved 23 November 2026 at 09:00",
    "Ends null",
    "Price undefined",
    "CPV codes\t48000000",
    "Published notice\tocds-b5fd17-9b871573-fdb6-49c9-aacd-7ca713d54d9a",
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
    "Saved “Data, security and accessibility”",
    "Security accreditations Cyber Essentials Plus",
    "Meets WCAG 2.2 AA",
    "Council lead",
    "23 November 2026 at 9am",
    "1 December 2026 at 9:30am",
    "ESPO 383_25 and KCS-Y20023",
    "first_last@council.gov.uk",
    "Self-service and joined-up casework",
    "CPV codes\tSoftware package and information systems (CPV code 48000000)",
    "CPV codes\tCPV code 44000000",
    "Notice ID\tocds-b5fd17-9b871573-fdb6-49c9-aacd-7ca713d54d9a",
    "Contracts Finder (ocds-b5fd17-9b871573-fdb6-49c9-aacd-7ca713d54d9a)",
  ];
  for (const text of right) expect(contentFindings(text), text).toEqual([]);
});

for (const target of PAGES) {
  test(`content follows the style guide and axe finds nothing: ${target.name}`, async ({ page }) => {
    if (target.role) await login(page, target.role);
    const path = typeof target.path === "string" ? target.path : await target.path(page);
    await page.goto(path);
    expect(contentFindings(await visibleMainText(page)), `content on ${path}`).toEqual([]);
    // And the page as a whole passes axe with GOV.UK's tag set, with JavaScript and without.
    await expectNoAxeViolations(page);
  });
}

test("a listing's history names its sections and answers as the form does", async ({ page, javaScriptEnabled }) => {
  await login(page, "supplierA");
  const history = await aListingWithHistory(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(history);
  // With JavaScript the page hydrates (html[data-hydrated], set by the root) with no page error.
  if (javaScriptEnabled) await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  const main = page.locator("main");
  await expect(main.getByRole("heading", { name: "Saved “Data, security and accessibility”" }).first()).toBeVisible();
  const security = main.getByRole("table", { name: /^What changed: Saved “Data, security and accessibility”/ }).first();
  await expect(security.getByRole("row", { name: /Security accreditations/ })).toContainText("Cyber Essentials Plus");
  await expect(security.getByRole("row", { name: /Data location/ })).toContainText("UK only");
  const pricing = main.getByRole("table", { name: /^What changed: Saved “Pricing”/ }).first();
  await expect(pricing.getByRole("row", { name: /Starting price/ })).toContainText("£1,500.50");
  expect(contentFindings(await visibleMainText(page))).toEqual([]);
  expect(errors).toEqual([]);
});

/** The review page's rows for the coded questions (the route's field labels), with each question's stored codes. */
const CODED_ROWS: Record<string, string> = {
  "Data location": "dataLocation",
  Security: "security",
  "Data import formats": "dataImportFormats",
  "Data export formats": "dataExportFormats",
  "Availability (%)": "availability",
  "Support hours": "supportHours",
  "Urgent response time": "supportResponse",
  Backups: "backupFrequency",
  "Accessibility level": "accessibilityLevel",
};

test("a listing to review shows each coded answer as the listing form words it", async ({ page }) => {
  await login(page, "admin");
  await page.goto(await aListingToReview(page));
  const table = page.locator("main").getByRole("table", { name: "What changed" });
  let checked = 0;
  for (const [question, key] of Object.entries(CODED_ROWS)) {
    const options = LISTING_CODE_OPTIONS[key];
    // A code that is a word of its own labels ("UK" in "UK only") cannot be told from them.
    const codes = options.map((o) => o.value).filter((code) => !options.some((o) => o.label.split(/\s+/).includes(code)));
    const header = page.locator("th", { hasText: new RegExp(`^\\s*${question.replace(/[()]/g, "\\$&")}\\s*(Changed)?\\s*$`) });
    const cells = table.locator("tbody tr").filter({ has: header }).getByRole("cell");
    for (const text of await cells.allInnerTexts()) {
      for (const code of codes)
        expect(text, `${question}: ${text}`).not.toMatch(new RegExp(`(?<!\\S)${code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\S)`));
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(0);
  // A named example: the seeded support hours are worded, never "business-hours" or "24-7".
  await expect(table.locator("tbody tr").filter({ has: page.locator("th", { hasText: /^\s*Support hours/ }) })).toContainText(
    /Working hours|24 hours a day|Extended hours|None|Not stated/,
  );
});

test("the audit log's 'What' filter offers the actions by their labels and filters by one", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin/audit");
  const what = page.getByLabel("What");
  await expect(what.locator("option").first()).toHaveText("Any action");
  await what.selectOption({ label: "Signed in" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]what=login\.succeeded(&|$)/);
  await expect(page.getByLabel("What")).toHaveValue("login.succeeded");
  const rows = page.locator("main table tbody tr");
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.locator("td").nth(2)).toHaveText("Signed in");
  await expect(page.getByRole("link", { name: "Download these events as CSV" })).toHaveAttribute("href", /what=login\.succeeded/);

  // A code typed into the URL that names no action is a clear error, not a 500.
  const refused = await page.goto("/admin/audit?what=login.");
  expect(refused?.status()).toBe(200);
  await expect(page.locator(".govuk-error-summary")).toContainText("Select an action from the list");
  await expect(page).toHaveTitle(/^Error: /);
});
