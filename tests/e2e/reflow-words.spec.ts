// Reflow the GOV.UK way (issue 18, item 1): at 1280, 375 and 320 CSS pixels no ordinary word
// is broken across lines by the wrapping, and the page never scrolls sideways. Wide tables may
// scroll inside their own focusable container (WCAG 1.4.10 allows it); only genuinely
// unbreakable strings (web addresses, email addresses, ids) may wrap anywhere.
import type { Page } from "@playwright/test";
import { test, expect, login } from "./support";
import { MAIN_PAGES as TARGETS } from "./main-pages";

const WIDTHS = [1280, 375, 320];

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
