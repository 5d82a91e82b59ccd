// GOV.UK Frontend's JavaScript is started on the client (issue 18 item 2), under the CSP.
import { test, expect } from "./support";

test("on a phone the header navigation is behind a Menu toggle", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" || /GOV\.UK Frontend/.test(m.text())) errors.push(m.text());
  });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Frameworks", exact: true }).first()).toBeHidden();
  // The heading is close to the top once the navigation is folded away.
  const h1Top = await page.getByRole("heading", { level: 1 }).evaluate((h) => h.getBoundingClientRect().top);
  expect(h1Top).toBeLessThan(303);
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: "Menu" });
  await expect(nav.getByRole("link", { name: "Frameworks" })).toBeVisible();
  await nav.getByRole("link", { name: "Frameworks" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Frameworks");
  // The header stays across client-side navigation; the menu folds away as on a page load.
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Frameworks" })).toBeHidden();
  expect(errors).toEqual([]);
});

test("on a desktop the navigation shows and there is no Menu toggle", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Frameworks" })).toBeVisible();
});

test("a link styled as a button starts with the Space key", async ({ page }) => {
  await page.goto("/buy");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true"); // GOV.UK Frontend and React start after the first paint (ADR 0022)
  const start = page.getByRole("button", { name: "Start now" });
  await start.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("What are you buying?");
});

test("components are started once each, on client-side navigation too", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("[data-module=govuk-header]")).toHaveAttribute("data-govuk-header-init", "");
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Find a buying route" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const start = page.locator("main [data-module=govuk-button]").first();
  await expect(start).toHaveAttribute("data-govuk-button-init", "");
});

test("the favicon is served", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/icon/);
  const body = await response.body();
  expect(body.readUInt16LE(2)).toBe(1); // an ICO file
});
