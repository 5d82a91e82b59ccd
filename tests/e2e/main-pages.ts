// The main pages of the portal, for checks that visit every one of them (reflow-words.spec.ts,
// content.spec.ts): a path, or a function that finds one (a product, a case study, a project).
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
  { name: "supplier dashboard", role: "supplierA", path: "/supplier" },
  { name: "moderation list", role: "admin", path: "/admin/moderation" },
];
