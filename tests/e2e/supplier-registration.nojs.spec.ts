// Registration without JavaScript: the server answers bad input with the GOV.UK error
// summary and inline errors, keeps what was entered (never the passwords), and the
// corrected form then registers the organisation.
import { test, expect, expectNoAxeViolations, login, mailedLink } from "./support";

const PASSWORD = "willow cobble harbour tinsel";

test("registration with bad input shows the error summary, keeps the values, and works once corrected", async ({ page }) => {
  await page.goto("/suppliers/register");
  await page.getByLabel("Legal name", { exact: true }).fill("Harrier Systems Ltd");
  await page.getByLabel("Trading name", { exact: true }).fill("Harrier Systems");
  await page.getByLabel("Companies House number", { exact: true }).fill("12 345 678");
  await page.getByLabel("Region or nation where you are based").selectOption("Wales");
  await page.getByLabel("Website (optional)").fill("http://harrier.example");
  await page.getByLabel("Description", { exact: true }).fill("Case management for Welsh councils.");
  await page.getByLabel("Number of staff", { exact: true }).fill("0");
  await page.getByLabel("Annual turnover", { exact: true }).fill("450000");
  // No size chosen.
  await page.getByLabel("Contact name", { exact: true }).fill("Carys Morgan");
  await page.getByLabel("Contact email address", { exact: true }).fill("hello@harrier.example");
  await page.getByLabel("Your full name", { exact: true }).fill("Carys Morgan");
  await page.getByLabel("Your email address", { exact: true }).fill("carys@harrier.example");
  await page.getByLabel("Create a password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Register organisation" }).click();

  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("There is a problem");
  const links = summary.getByRole("link");
  await expect(links).toHaveText([
    "Enter the Companies House number without spaces, like 01234567",
    "Enter a website address that starts with https://, like https://www.example.co.uk",
    "Number of staff must be 1 or more",
    "Select the size of your organisation",
  ]);
  await expect(links.first()).toHaveAttribute("href", "#companyNumber");
  await expect(page).toHaveTitle(/^Error: Register your organisation/);
  await expect(page.locator("#companyNumber-error")).toContainText("Enter the Companies House number without spaces");
  await expect(page.locator("#declaredSize-error")).toContainText("Select the size of your organisation");

  // What was entered is kept, except the passwords.
  await expect(page.getByLabel("Legal name", { exact: true })).toHaveValue("Harrier Systems Ltd");
  await expect(page.getByLabel("Companies House number", { exact: true })).toHaveValue("12 345 678");
  await expect(page.getByLabel("Region or nation where you are based")).toHaveValue("Wales");
  await expect(page.getByLabel("Number of staff", { exact: true })).toHaveValue("0");
  await expect(page.getByLabel("Your email address", { exact: true })).toHaveValue("carys@harrier.example");
  await expect(page.getByLabel("Create a password", { exact: true })).toHaveValue("");
  await expectNoAxeViolations(page);

  await page.getByLabel("Companies House number", { exact: true }).fill("sc445566");
  await page.getByLabel("Website (optional)").fill("https://harrier.example");
  await page.getByLabel("Number of staff", { exact: true }).fill("6");
  await page.getByRole("radio", { name: "Micro", exact: true }).check();
  await page.getByLabel("Create a password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Register organisation" }).click();
  // Registration answers "check your email" (whether or not the email or company exists); the mailed link confirms it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await page.goto(await mailedLink("carys@harrier.example", "email-verification"));
  await expect(page.locator(".govuk-notification-banner")).toContainText("Your email address is confirmed");
  await page.getByLabel("Email address").fill("carys@harrier.example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration complete");
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Size buyers see" })).toContainText("Micro");
  await expect(page.locator(".govuk-inset-text")).toHaveCount(0);
  await expect(page.locator(".govuk-summary-list__row", { hasText: "Companies House number" })).toContainText("SC445566");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Sign out" }).click();

  // Hidden until an admin verifies it, which works without JavaScript too (issue 12 finding 10).
  expect((await page.goto("/suppliers/harrier-systems"))?.status()).toBe(404);
  await login(page, "admin");
  await page.goto("/admin/suppliers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisations to verify");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Verify organisation Harrier Systems" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Harrier Systems verified");
  await page.getByRole("button", { name: "Sign out" }).click();
  expect((await page.goto("/suppliers/harrier-systems"))?.status()).toBe(200);
});

test("a Companies House number that is already registered is refused without saying so", async ({ page }) => {
  await page.goto("/suppliers/kestrel-civic-software");
  const taken = (await page.locator(".govuk-summary-list__row", { hasText: "Companies House number" }).locator("dd").textContent())!.trim();
  expect(taken).toMatch(/^[A-Z0-9]{8}$/);
  await page.goto("/suppliers/register");
  await page.getByLabel("Legal name", { exact: true }).fill("Copycat Ltd");
  await page.getByLabel("Trading name", { exact: true }).fill("Copycat");
  await page.getByLabel("Companies House number", { exact: true }).fill(taken.toLowerCase());
  await page.getByLabel("Region or nation where you are based").selectOption("London");
  await page.getByLabel("Description", { exact: true }).fill("Trying to register someone else's company.");
  await page.getByLabel("Number of staff", { exact: true }).fill("3");
  await page.getByLabel("Annual turnover", { exact: true }).fill("100000");
  await page.getByRole("radio", { name: "Micro", exact: true }).check();
  await page.getByLabel("Contact name", { exact: true }).fill("Alex Copy");
  await page.getByLabel("Contact email address", { exact: true }).fill("hello@copycat.example");
  await page.getByLabel("Your full name", { exact: true }).fill("Alex Copy");
  await page.getByLabel("Your email address", { exact: true }).fill("alex@copycat.example");
  await page.getByLabel("Create a password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Register organisation" }).click();
  // The page does not say the company exists (issue 12 finding 10): the same "check your email" as any registration;
  // the email to the address given explains, and no organisation or account is created.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.locator(".govuk-error-summary")).toHaveCount(0);
  await expect(page.getByText(taken)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
