// The main pages of the portal, for checks that visit every one of them (reflow-words.spec.ts,
// content.both.spec.ts): a path, or a function that finds one (a product, a case study, a project).
import type { Page } from "@playwright/test";
import { expect, type DemoRole } from "./support";

export type Target = { name: string; role?: DemoRole; path: string | ((page: Page) => Promise<string>) };

/** The href of the first link on `from` whose href matches `pattern`. */
export function firstLink(from: string, pattern: RegExp) {
  return async (page: Page) => {
    await page.goto(from);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => pattern.test(h));
    if (!href) throw new Error(`no link matching ${pattern} on ${from}`);
    return href;
  };
}

/** The buyer's first project, started through the buying guide when there is none yet. */
export async function aProject(page: Page) {
  await page.goto("/projects");
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const existing = hrefs.find((h) => /^\/projects\/(?!new$|save-search)[^/?#]+$/.test(h));
  if (existing) return existing;
  const next = async (heading: RegExp) => {
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  };
  await page.goto("/buy");
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("What are you buying?");
  await page.getByLabel("Cloud software").check();
  await next(/estimated whole-life value/);
  await page.getByLabel(/estimated whole-life value/).fill("150000");
  await next(/How long will the contract last/);
  await page.getByLabel(/How long will the contract last/).fill("24");
  await next(/When does the procurement start/);
  await next(/call-off terms/);
  await page.getByLabel("Yes").check();
  await next(/security classification/);
  await page.getByLabel("OFFICIAL", { exact: true }).check();
  await next(/Which nation/);
  await next(/Check your answers/);
  await page.getByRole("button", { name: "See your buying routes" }).click();
  await page.getByRole("button", { name: /Start a buying project with this route\s*:\s*Direct award from G-Cloud 15/ }).click();
  await page.getByLabel("Project name").fill("Reflow check: housing repairs case management");
  await page.getByRole("button", { name: "Start the project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reflow check: housing repairs case management");
  return new URL(page.url()).pathname;
}

/**
 * The history page of a draft listing of supplier A's whose sections were saved through the
 * form (a name, a price, a lot, data and security answers), so its history has changed answers
 * to show; made once and found again by name.
 */
export async function aListingWithHistory(page: Page) {
  const name = "Content check: missed bins reporting";
  await page.goto("/supplier");
  const existing = page.locator("main").getByRole("link", { name, exact: true });
  if (await existing.count()) return `${await existing.first().getAttribute("href")}/history`;
  await page.goto("/supplier/listings/new");
  await page.getByRole("button", { name: "Start a new listing" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Untitled listing");
  const listing = new URL(page.url()).pathname;
  const save = async (section: string, fill: () => Promise<void>) => {
    await page.getByRole("link", { name: section }).click();
    await fill();
    await page.getByRole("button", { name: "Save and return to the listing" }).click();
    await expect(page.locator(".govuk-notification-banner--success")).toContainText("saved as a draft");
  };
  await save("About the product or service", async () => {
    await page.getByLabel("Listing name").fill(name);
    await page.getByLabel("Summary").fill("Residents report missed bins online.");
    await page.getByLabel("Description").fill("A hosted service for missed bins.\nCrews see reports on their round.");
    await page.getByLabel("Category").selectOption("Waste and recycling");
  });
  await save("Pricing", async () => {
    await page.getByLabel("Starting price").fill("1500.5");
    await page.getByLabel("What the price is for").selectOption("per instance per month");
    await page.getByRole("group", { name: "Does the price include VAT?" }).getByLabel("No").check();
    await page.getByRole("group", { name: "Is there a free trial?" }).getByLabel("Yes").check();
  });
  await save("Framework lots", async () => {
    await page.locator("input[name=lotIds]").first().check();
  });
  await save("Data, security and accessibility", async () => {
    await page.getByLabel("UK only").check();
    await page.getByLabel("Cyber Essentials Plus").check();
    await page.getByLabel("Evidence for your security standards").fill("Cyber Essentials Plus certificate from IASME.");
    await page.getByLabel("Meets WCAG 2.2 AA", { exact: true }).check();
    await page.getByLabel("Accessibility statement web address").fill("https://kestrel.example/accessibility");
  });
  return `${listing}/history`;
}

/**
 * A listing version awaiting moderation (the admin's review page): the first on the moderation
 * list. The seed submits several (seed/generate.ts), each with the service definition's coded
 * answers (support hours, backups, data formats) that the page must show as the form words them.
 */
export const aListingToReview = firstLink("/admin/moderation", /^\/admin\/moderation\/[^/?#]+$/);

/** The main pages every page-wide check visits (reflow, content). */
export const MAIN_PAGES: Target[] = [
  { name: "home", path: "/" },
  { name: "search with results", path: "/search?q=housing" },
  { name: "search, products", path: "/search?q=housing&type=products" },
  { name: "frameworks", path: "/frameworks" },
  { name: "a framework", path: "/frameworks/RM1557.15" },
  { name: "a product", path: firstLink("/search?q=housing&type=products", /^\/products\/[^/?#]+$/) },
  { name: "a supplier", path: "/suppliers/kestrel-civic-software" },
  { name: "case studies", path: "/case-studies" },
  { name: "a case study", path: firstLink("/case-studies", /^\/case-studies\/(?!new$)[^/?#]+$/) },
  { name: "a council", path: "/councils/bnh" },
  { name: "find a buying route", path: "/buy" },
  { name: "projects", role: "buyerA", path: "/projects" },
  { name: "a project", role: "buyerA", path: aProject },
  { name: "a project's printable record", role: "buyerA", path: async (page) => `${await aProject(page)}/record` },
  { name: "a project's shortlist", role: "buyerA", path: async (page) => `${await aProject(page)}/shortlist` },
  { name: "a project's evaluation", role: "buyerA", path: async (page) => `${await aProject(page)}/evaluation` },
  { name: "contracts register", path: "/contracts" },
  { name: "a contract", path: firstLink("/contracts", /^\/contracts\/(?!new$|upload$)[^/?#.]+$/) },
  { name: "renewal radar", role: "buyerA", path: "/radar" },
  { name: "pipeline", path: "/pipeline" },
  { name: "supplier dashboard", role: "supplierA", path: "/supplier" },
  { name: "a listing's task list", role: "supplierA", path: firstLink("/supplier", /^\/supplier\/listings\/(?!new$)[^/?#]+$/) },
  { name: "moderation list", role: "admin", path: "/admin/moderation" },
  { name: "admin: users", role: "admin", path: "/admin/users" },
  { name: "admin: audit log", role: "admin", path: "/admin/audit" },
];
