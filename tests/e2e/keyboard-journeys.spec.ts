// Keyboard and screen-reader journeys for issue 18 items 2, 3 and 7, with JavaScript: the
// search "Show" radios keep focus under the arrow keys, filters fold behind "Show filters" on a
// narrow screen, client-side navigation moves focus to the new h1 and announces the title, an
// error react-hook-form finds puts "Error: " in the title, and a pending form's button is
// disabled and reads "Saving…".
import { test, expect } from "./support";

test("choosing a 'Show' radio with the arrow keys keeps focus on the radios", async ({ page }) => {
  await page.goto("/search?q=housing");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("radio", { name: "Everything" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/type=products/);
  await expect(page.getByRole("heading", { name: "Filter", level: 2 })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Products and services" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(/type=suppliers/);
  await expect(page.getByRole("radio", { name: "Suppliers", exact: true })).toBeFocused();
  await expect(page.getByRole("radio", { name: "Suppliers", exact: true })).toBeChecked();
  // A link to another type still shows the right choice: the form follows the address.
  await page.goto("/search?q=housing");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("link", { name: /^See all [\d,]+ products and services$/ }).click();
  await expect(page).toHaveURL(/type=products/);
  await expect(page.getByRole("radio", { name: "Products and services" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Everything" })).not.toBeChecked();
});

test("on a narrow screen the results come first and the filters open from 'Show filters'", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/search?q=housing&type=products");
  const toggle = page.getByRole("button", { name: "Show filters" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  const firstFilter = page.locator(".cm-facet input[type=checkbox]").first();
  await expect(firstFilter).toBeHidden();
  const firstResult = page.locator(".cm-result").first();
  await expect(firstResult).toBeVisible();
  // The first result starts within the first screen (it was 2,117 px down).
  const top = await firstResult.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThan(812);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Hide filters" })).toHaveAttribute("aria-expanded", "true");
  await expect(firstFilter).toBeVisible();
  // Ticking a filter with the keyboard keeps the panel open and the focus on the filter.
  await firstFilter.focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/&[a-z]+=/);
  await expect(firstFilter).toBeFocused();
  await expect(page.getByRole("button", { name: "Hide filters" })).toBeVisible();
});

test("on a wide screen the filters sit beside the results with no toggle", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/search?q=housing&type=products");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator(".cm-facet input[type=checkbox]").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Show filters" })).toBeHidden();
});

test("after a client-side navigation focus is on the new h1 and the title is announced", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByRole("link", { name: "Frameworks", exact: true }).first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/frameworks$/);
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toBeFocused();
  await expect(h1).toHaveAttribute("tabindex", "-1");
  const announcer = page.getByTestId("route-announcer");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toHaveText("Frameworks – Council Marketplace");
});

test("an error found in the browser puts 'Error: ' in the one title", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Email address").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expect(page).toHaveTitle("Error: Sign in – Council Marketplace");
  expect(await page.locator("title").count()).toBe(1);
  await expect(page.locator(".govuk-error-summary")).toBeFocused();
});

test("a form being sent disables its button, which reads 'Saving…', and a second press sends nothing", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  let posts = 0;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/login(\.data)?(\?.*)?$/, async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    posts += 1;
    await held;
    await route.continue();
  });
  await page.getByLabel("Email address").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password-for-nobody");
  await page.getByLabel("Password").press("Enter");
  const saving = page.getByRole("button", { name: "Saving…" });
  await expect(saving).toBeDisabled();
  await page.getByLabel("Password").press("Enter");
  expect(posts).toBe(1);
  release();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(posts).toBe(1);
});
