// Reflow the GOV.UK way (issue 18, item 1): at 1280, 375 and 320 CSS pixels no ordinary word
// is broken across lines by the wrapping, and the page never scrolls sideways. Wide tables may
// scroll inside their own focusable container (WCAG 1.4.10 allows it); only genuinely
// unbreakable strings (web addresses, email addresses, ids) may wrap anywhere.
import type { Page } from "@playwright/test";
import { test, expect, login, type DemoRole } from "./support";

const WIDTHS = [1280, 375, 320];

type Target = { name: string; role?: DemoRole; path: string | ((page: Page) => Promise<string>) };

/** The href of the first link on `from` whose href matches `pattern`. */
function firstLink(from: string, pattern: RegExp) {
  return async (page: Page) => {
    await page.goto(from);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => pattern.test(h));
    if (!href) throw new Error(`no link matching ${pattern} on ${from}`);
    return href;
  };
}

/** The buyer's first project, started through the buying guide when there is none yet. */
async function aProject(page: Page) {
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

const TARGETS: Target[] = [
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

type Broken = { word: string; lines: number; in: string };

/**
 * Every word of every visible text node, measured as the browser lays it out: a word whose
 * characters land on more than one line box is broken. Words split at a hyphen or a dash are
 * measured piece by piece (breaking after a hyphen is ordinary). Web addresses, email
 * addresses and other unbreakable strings (no letters-only word inside) are left out.
 */
async function brokenWords(page: Page): Promise<Broken[]> {
  return page.evaluate(() => {
    const out: { word: string; lines: number; in: string }[] = [];
    const skip =
      "script, style, noscript, template, select, option, textarea, .govuk-visually-hidden, .govuk-visually-hidden-focusable, [hidden]";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!text.trim()) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest(skip)) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === "hidden" || style.display === "none") continue;
      for (const match of text.matchAll(/[^\s\-‐-―]+/g)) {
        const word = match[0];
        if (word.length < 2) continue;
        // Genuinely unbreakable strings may wrap: web addresses, emails, paths, ids.
        if (/[@/\\_]|:\/\/|^www\./i.test(word) || word.length > 30) continue;
        range.setStart(node, match.index!);
        range.setEnd(node, match.index! + word.length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (rects.length < 2) continue;
        // Distinct line boxes: a rect that starts below the previous line's middle is a new line.
        const tops = rects.map((r) => ({ top: r.top, h: r.height })).sort((a, b) => a.top - b.top);
        let lines = 1;
        let lineTop = tops[0].top;
        let lineH = tops[0].h;
        for (const t of tops.slice(1)) {
          if (t.top > lineTop + lineH / 2) {
            lines += 1;
            lineTop = t.top;
            lineH = t.h;
          }
        }
        if (lines > 1) {
          const el = parent;
          const where = `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}`;
          out.push({ word, lines, in: where });
        }
      }
    }
    return out;
  });
}

for (const target of TARGETS) {
  test(`no broken words and no sideways scrolling: ${target.name}`, async ({ page }) => {
    if (target.role) await login(page, target.role);
    const path = typeof target.path === "string" ? target.path : await target.path(page);
    const counts: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      const broken = await brokenWords(page);
      counts.push(`${width}px: ${broken.length}`);
      expect.soft(broken.slice(0, 20), `broken words on ${path} at ${width}px (${broken.length} in all)`).toEqual([]);
      const scroll = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      expect.soft(scroll.scrollWidth, `page scrolls sideways on ${path} at ${width}px`).toBeLessThanOrEqual(scroll.innerWidth);
    }
    test.info().annotations.push({ type: "broken words", description: `${path}: ${counts.join(", ")}` });
    if (process.env.REFLOW_REPORT) console.log(`REFLOW ${target.name} ${path} ${counts.join(" ")}`);
  });
}

test("a wide table scrolls inside its own focusable region, not the page", async ({ page }) => {
  await login(page, "buyerA");
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto("/frameworks");
  const region = page.locator(".app-table-container").first();
  await expect(region).toHaveAttribute("role", "region");
  await expect(region).toHaveAttribute("tabindex", "0");
  await expect(region).toHaveAttribute("aria-label", /.+/);
  await region.focus();
  await expect(region).toBeFocused();
  const scroll = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
  expect(scroll).toBeLessThanOrEqual(0);
});
