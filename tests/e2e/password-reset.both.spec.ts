// "Forgot your password?" from the sign-in page to signing in with the new password, with
// and without JavaScript (issue 12 finding 12). GOV.UK error summaries on the way; the link
// works once; the same "check your email" whether or not the address has an account.
import { test, expect, expectNoAxeViolations, mailedLink } from "./support";

const FIRST = "first passphrase for resets";
const CHOSEN = "chosen after forgetting it";

test("a buyer who forgot their password resets it from the sign-in page and signs in with the new one", async ({ page }, testInfo) => {
  const email = `reset.${testInfo.project.name}@leeds.gov.uk`;
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Reset Journey");
  await page.getByLabel("Council email address").fill(email);
  await page.getByLabel("Create a password").fill(FIRST);
  await page.getByLabel("Confirm password").fill(FIRST);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter your email address");
  await expect(page.locator("#email-error")).toContainText("Enter your email address");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByText("If the address you entered has a Council Marketplace account")).toBeVisible();
  await expectNoAxeViolations(page);

  const link = await mailedLink(email, "password-reset");
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await page.getByLabel("New password", { exact: true }).fill(CHOSEN);
  await page.getByLabel("Confirm new password").fill("something else entirely");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Passwords must match");
  await expectNoAxeViolations(page);
  await page.getByLabel("New password", { exact: true }).fill(CHOSEN);
  await page.getByLabel("Confirm new password").fill(CHOSEN);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator(".govuk-notification-banner")).toContainText("Your password has been changed");

  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(FIRST);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a correct email address and password");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(CHOSEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("That link has expired or was already used");
  await expectNoAxeViolations(page);
});

test("asking for a reset for an address without an account gets the same answer", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill("nobody.at.all@leeds.gov.uk");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByText("If the address you entered has a Council Marketplace account")).toBeVisible();
});
