// Layout shift (issue 17 item 5: Lighthouse mobile CLS ≤ 0.02): the main public pages on a
// phone-sized screen must not move once drawn. Chromium reports every layout shift as a
// `layout-shift` performance entry (the figures Lighthouse's CLS adds up); this sums them for a
// whole page load, up to hydration and GOV.UK Frontend's start, and fails above 0.02.
//
// On a fast local server the page's JavaScript often runs before the first paint, when a late
// change moves nothing anyone saw; on a phone over 4G the page is drawn well before it. So the
// page's scripts are held back until the page has been drawn (its `load` event and two frames),
// then released: whatever they change after that shows up as shift, as it would for a visitor.
import type { Page } from "@playwright/test";
import { test, expect } from "./support";

const LIMIT = 0.02;

type Shift = { value: number; hadRecentInput: boolean; sources: string[] };

async function shiftsOn(page: Page, path: string): Promise<Shift[]> {
  let release!: () => void;
  const drawn = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.startsWith("/build/") && url.pathname.endsWith(".js"),
    async (route) => {
      await drawn;
      await route.continue();
    },
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: Shift[] };
    w.__shifts = [];
    const describe = (node: Node | null | undefined) =>
      node instanceof Element
        ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ""}${node.classList.length ? `.${[...node.classList].join(".")}` : ""}`
        : String(node?.nodeName ?? "?");
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node }[];
      }[]) {
        w.__shifts.push({
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          sources: (entry.sources ?? []).map((s) => describe(s.node)),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  const response = await page.goto(path, { waitUntil: "commit" });
  expect(response?.status(), path).toBe(200);
  // Drawn (the first contentful paint, so the stylesheet has applied) before any of the page's
  // own scripts has run.
  await page.waitForFunction(() => performance.getEntriesByType("paint").some((e) => e.name === "first-contentful-paint"));
  release();
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator('.govuk-header[data-govuk-header-init], .govuk-header:not([data-module="govuk-header"])')).toHaveCount(1);
  // Two frames more, so a shift caused by the last change is reported before reading.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
}

/** A link's path on `from` whose href starts with `prefix` (the seeded ids are not fixed). */
async function firstLink(page: Page, from: string, prefix: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => prefix.test(h));
  if (!href) throw new Error(`no link matching ${prefix} on ${from}`);
  return href;
}

// Lighthouse's mobile screen (a Moto G Power): 412 × 823 CSS pixels at 1.75 device pixels each.
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
test.use(PHONE);

test("the main public pages do not shift once drawn, on a phone-sized screen", async ({ browser, page: lookup, clientIp }, testInfo) => {
  test.setTimeout(120_000);
  const product = await firstLink(lookup, "/suppliers/kestrel-civic-software", /^\/products\/[^/?#]+$/);
  const caseStudy = await firstLink(lookup, "/case-studies", /^\/case-studies\/[^/?#]+$/);
  const pages = [
    "/",
    "/search?q=housing",
    product,
    "/frameworks/RM1557.15",
    "/suppliers/kestrel-civic-software",
    "/councils/bnh",
    caseStudy,
  ];
  const totals: Record<string, number> = {};
  const detail: Record<string, Shift[]> = {};
  for (const path of pages) {
    // A fresh context a page: nothing cached from the page before.
    const context = await browser.newContext({
      ...PHONE,
      baseURL: testInfo.project.use.baseURL,
      extraHTTPHeaders: { "X-Forwarded-For": clientIp },
    });
    const page = await context.newPage();
    try {
      const shifts = (await shiftsOn(page, path)).filter((s) => !s.hadRecentInput);
      totals[path] = Math.round(shifts.reduce((sum, s) => sum + s.value, 0) * 10_000) / 10_000;
      detail[path] = shifts;
    } finally {
      await context.close();
    }
  }
  console.log(`layout shift per page: ${JSON.stringify(totals)}`);
  const over = Object.entries(totals).filter(([, total]) => total > LIMIT);
  expect(over, `pages over ${LIMIT}: ${JSON.stringify(over.map(([p]) => ({ page: p, shifts: detail[p] })))}`).toEqual([]);
});
