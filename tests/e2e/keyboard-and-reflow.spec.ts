// Keyboard-only use of the main journeys, and reflow at 320 CSS pixels (WCAG 1.4.10).
import { test, expect } from "./support";

const REFLOW_PAGES = [
  "/",
  "/search?q=housing&type=products",
  "/frameworks",
  "/frameworks/RM1557.15",
  "/suppliers/kestrel-civic-software",
  "/login",
  "/signup",
  "/accessibility",
];

for (const path of REFLOW_PAGES) {
  test(`${path} reflows at 320px with no horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("skip link is the first stop and jumps to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main-content$/);
});

test("sign in with the keyboard alone", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").focus();
  await page.keyboard.type("buyer@brighton-hove.gov.uk");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("Council-Marketplace-2026");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("search and filter with the keyboard alone", async ({ page }) => {
  await page.goto("/search");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true"); // GOV.UK Frontend and React start after the first paint (ADR 0022)
  await page.getByLabel("Search products, suppliers and case studies").focus();
  await page.keyboard.type("revenues");
  await page.keyboard.press("Enter");
  await expect(page.locator("#result-count")).toContainText("revenues");
  await page.getByRole("radio", { name: "Products and services" }).focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/type=products/);
  const firstFilter = page.locator(".cm-facet input[type=checkbox]").first();
  await firstFilter.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("link", { name: /Remove filter/ }).first()).toBeVisible();
});

test("the error summary takes focus after a failed sign-in, and links to the field", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).focus();
  await page.keyboard.press("Enter");
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Email address")).toBeFocused();
});
