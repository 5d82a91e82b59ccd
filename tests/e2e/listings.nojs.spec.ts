// The listing form works without JavaScript, with the GOV.UK error summary.
import { test, expect, expectNoAxeViolations, login } from "./support";

test("a section with bad input shows the error summary and keeps what was typed", async ({ page }) => {
  await login(page, "supplierA");
  await page.goto("/supplier/listings/new");
  await page.getByRole("button", { name: "Start a new listing" }).click();
  await page.getByRole("link", { name: "Pricing" }).click();
  await page.getByLabel("Starting price").fill("twelve pounds");
  await page.getByRole("button", { name: "Save and return to the listing" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Enter the starting price as a number, like 12.50");
  await expect(summary).toContainText("Select what the price is for");
  await expect(page.getByLabel("Starting price")).toHaveValue("twelve pounds");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
  await page.getByLabel("Starting price").fill("12.50");
  await page.getByLabel("What the price is for").selectOption("per user per month");
  await page.getByRole("group", { name: "Does the price include VAT?" }).getByLabel("Yes").check();
  await page.getByRole("group", { name: "Is there a free trial?" }).getByLabel("No").check();
  await page.getByRole("button", { name: "Save and return to the listing" }).click();
  await expect(page.locator(".govuk-task-list__item", { hasText: "Pricing" })).toContainText("Completed");
});

test("script typed into a listing is shown as text", async ({ page }) => {
  await login(page, "supplierA");
  await page.goto("/supplier/listings/new");
  await page.getByRole("button", { name: "Start a new listing" }).click();
  await page.getByRole("link", { name: "About the product or service" }).click();
  await page.getByLabel("Listing name").fill("<img src=x onerror=alert(1)>Bins");
  await page.getByLabel("Summary").fill("s");
  await page.getByLabel("Description").fill("d");
  await page.getByLabel("Category").selectOption("Other");
  await page.getByRole("button", { name: "Save and return to the listing" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("<img src=x onerror=alert(1)>Bins");
  expect(await page.locator("main img").count()).toBe(0);
});
