// Admin pages render for admins and pass axe; everyone else is refused.
import { test, expect, expectNoAxeViolations, login } from "./support";

const ADMIN_PAGES = [
  "/admin",
  "/admin/moderation",
  "/admin/awards",
  "/admin/case-studies",
  "/admin/service-areas",
  "/admin/council-domains",
  "/admin/users",
  "/account",
];

test("admin pages pass axe", async ({ page }) => {
  // Eight pages, each checked by axe; /admin/users has two forms a row (sign out, force a reset).
  test.setTimeout(120_000);
  await login(page, "admin");
  for (const path of ADMIN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectNoAxeViolations(page);
  }
});

test("an admin adds a council domain with the error summary on bad input", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin/council-domains");
  await page.getByLabel("Email domain").fill("not a domain");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a domain like leeds.gov.uk");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email domain").fill("wakefield.gov.uk");
  await page.getByLabel("Council").selectOption("WKF");
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByRole("cell", { name: "wakefield.gov.uk", exact: true })).toBeVisible();
});

test("a supplier is refused the admin area", async ({ page }) => {
  await login(page, "supplierA");
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
});
