// The case study form without JavaScript: server-side validation with the GOV.UK error
// summary, "add another" rows, the product finder and saving a draft all work as plain posts.
import { test, expect, expectNoAxeViolations, login } from "./support";

test("writing a case study works without JavaScript, including the error summary", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/suppliers/kestrel-civic-software");
  const productLink = page.locator("h2:has-text('Products and services') + ul a").first();
  const productName = (await productLink.textContent())!.trim();

  await login(page, "buyerA");
  await page.goto("/case-studies/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write a case study");

  await page.locator("#title").fill("Parking permits went online without JavaScript");
  await page.getByLabel("Service area").selectOption({ label: "Highways and transport" });
  await page.locator("#metrics-0-name").fill("Days to issue a permit");
  await page.locator("#metrics-0-before").fill("ten");
  await page.locator("#metrics-0-after").fill("1");
  await page.getByRole("button", { name: "Submit for review" }).click();

  await expect(page).toHaveTitle(/^Error: Write a case study/);
  const summary = page.locator(".govuk-error-summary");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  const numberError = summary.getByRole("link", { name: "Enter the value before for “Days to issue a permit” as a number, like 14" });
  await expect(numberError).toHaveAttribute("href", "#metrics-0-before");
  await expect(summary.getByRole("link", { name: "Enter the problem you set out to solve" })).toBeVisible();
  await expect(page.locator("#metrics-0-before-error")).toContainText(
    "Enter the value before for “Days to issue a permit” as a number, like 14",
  );
  await expect(page.locator("#metrics-0-before")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#title")).toHaveValue("Parking permits went online without JavaScript");
  await expectNoAxeViolations(page);
  await numberError.click();
  await expect(page.locator("#metrics-0-before")).toBeFocused();

  // "Add another measure" keeps every answer and adds a row.
  await page.locator("#metrics-0-before").fill("10");
  await expect(page.locator("legend").getByText("Measure 4", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Add another measure" }).click();
  await expect(page.locator("legend").getByText("Measure 4", { exact: true })).toBeVisible();
  await expect(page.locator("#metrics-0-before")).toHaveValue("10");
  await expect(page.locator(".govuk-error-summary")).toHaveCount(0);

  // The product finder is a submit button too.
  await page.getByLabel("Find a product by name or supplier").fill(productName);
  await page.getByRole("button", { name: "Find products" }).click();
  const box = page.getByRole("checkbox", { name: new RegExp(`^${productName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(`) });
  await expect(box).toBeVisible();
  await box.check();

  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page).toHaveURL(/\/case-studies\/parking-permits-went-online-without-javascript\/edit$/);
  await expect(page.locator(".govuk-notification-banner")).toContainText("Draft saved");
  await expect(box).toBeChecked();
  await expect(page.locator("#metrics-0-before")).toHaveValue("10");
  await expectNoAxeViolations(page);

  await page.getByLabel("Summary").fill("Residents apply for and renew parking permits online.");
  await page.getByLabel("What problem were you trying to solve?").fill("Paper forms took days to process.");
  await page.getByLabel("How did you approach it?").fill("We bought a permits product.");
  await page.getByLabel("What happened as a result?").fill("Permits are issued the next day.");
  await page.getByLabel("Or choose a cost band").selectOption({ label: "Under £30,000" });
  await page.getByLabel("How was it funded?").fill("Parking account");
  await page.locator("#startDate").fill("1");
  await page.locator("#startDate-month").fill("13");
  await page.locator("#startDate-year").fill("2025");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Start date must be a real date");
  await page.locator("#startDate-month").fill("3");
  await page.getByRole("button", { name: "Submit for review" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Parking permits went online without JavaScript");
  await expect(page.getByText("Awaiting review")).toBeVisible();
  await expectNoAxeViolations(page);
});
