// Key pages render from seeded data, pass axe, and work with and without JavaScript.
import { test, expect, expectNoAxeViolations, login } from "./support";

const PAGES: { path: string; heading: RegExp }[] = [
  { path: "/", heading: /Buy digital and cloud services/ },
  { path: "/frameworks", heading: /^Frameworks$/ },
  { path: "/frameworks/RM1557.15", heading: /G-Cloud 15/ },
  { path: "/frameworks/RM1557.14", heading: /G-Cloud 14/ },
  { path: "/suppliers/kestrel-civic-software", heading: /Kestrel Civic Software/ },
  { path: "/councils/BNH", heading: /Brighton and Hove City Council/ },
  { path: "/login", heading: /Sign in/ },
  { path: "/signup", heading: /Create a buyer account/ },
  { path: "/search?q=revenues", heading: /Search/ },
];

for (const { path, heading } of PAGES) {
  test(`${path} renders and has no axe violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expectNoAxeViolations(page);
  });
}

test("a product page renders from the supplier's listing", async ({ page }) => {
  await page.goto("/suppliers/kestrel-civic-software");
  const first = page.locator("h2:has-text('Products and services') + ul a").first();
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(/Used by \d+ council/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an unknown address gets a real 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectNoAxeViolations(page);
});

test("health check answers JSON with the database reachable", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: { reachable: true } });
});

test("a wrong password shows the GOV.UK error summary", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("buyer@brighton-hove.gov.uk");
  await page.getByLabel("Password").fill("wrong-password-here");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("There is a problem");
  await expect(summary).toContainText("Enter a correct email address and password");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);
});

test("empty and script input on sign-up get inline errors, no 500, nothing echoed as HTML", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter your full name");
  await expect(page.locator("#name-error")).toContainText("Enter your full name");
  await page.getByLabel("Full name").fill("<script>window.__pwned=1</script>");
  await page.getByLabel("Council email address").fill("someone@brighton-hove.gov.uk");
  await page.getByLabel("Create a password").fill("correct horse battery staple");
  await page.getByLabel("Confirm password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#name-error")).toContainText("must not contain < or >");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expectNoAxeViolations(page);
});

test("a signed-out visitor is sent to sign in, then back", async ({ page }) => {
  await page.goto("/supplier");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsupplier/);
  await page.getByLabel("Email address").fill("supplier@kestrel-civic.example");
  await page.getByLabel("Password").fill("Council-Marketplace-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/supplier$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Supplier dashboard");
});

test("signing in and out as a buyer", async ({ page }) => {
  await login(page, "buyerA");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});
