// One <title> per page, in <head>, error pages included; "Error: " when a form comes back
// with errors (issue 18 item 3), with JavaScript and without.
import { test, expect } from "./support";

async function titles(page: import("@playwright/test").Page) {
  return page.evaluate(() => ({
    all: [...document.querySelectorAll("title")].map((t) => ({ text: t.textContent, inHead: t.parentElement === document.head })),
    document: document.title,
  }));
}

test("a page has one title, in the head", async ({ page }) => {
  await page.goto("/frameworks");
  expect((await titles(page)).all).toEqual([{ text: "Frameworks – Council Marketplace", inHead: true }]);
});

test("a 404 page has one title, in the head", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  expect((await titles(page)).all).toEqual([{ text: "Page not found – Council Marketplace", inHead: true }]);
});

test("a missing product is a 404 with one title", async ({ page }) => {
  const response = await page.goto("/products/no-such-product");
  expect(response?.status()).toBe(404);
  expect((await titles(page)).all).toEqual([{ text: "Page not found – Council Marketplace", inHead: true }]);
});

test("a page the visitor may not see has one title, in the head", async ({ page }) => {
  const response = await page.goto("/admin");
  // Signed out: sent to sign in. Either way, exactly one title in the head.
  expect(response?.ok()).toBeTruthy();
  const t = await titles(page);
  expect(t.all).toHaveLength(1);
  expect(t.all[0].inHead).toBe(true);
});

test("a form that comes back with errors from the server gets Error: in its one title", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email address").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password-for-nobody");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Sign in – Council Marketplace$/);
  const t = await titles(page);
  expect(t.all).toHaveLength(1);
  expect(t.all[0].inHead).toBe(true);
});
