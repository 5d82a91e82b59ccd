// Project setup through the pages, shared by the buying-record, joint-buying and shortlist
// journeys: a direct-award project from the buying guide, then one small lot's search saved
// and frozen. Each journey starts its own project, so none depends on another.
import type { Page } from "@playwright/test";
import { test, expect, waitForHydration } from "./support";

/** Starts a £150,000, 24-month G-Cloud 15 direct-award project for cloud software; returns its path. */
export async function startDirectAwardProject(page: Page, title: string): Promise<string> {
  await page.goto("/projects");
  await page.getByRole("button", { name: "Start a project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a buying project");
  // With JavaScript, answer once React has taken the form over (ADR 0022): a radio checked
  // before hydration was lost in CI, and the form came back with "Select what you are buying".
  if (test.info().project.use.javaScriptEnabled !== false) await waitForHydration(page);
  await page.getByLabel("Project name").fill(title);
  await page.getByLabel("Cloud software").check();
  await page.getByLabel("Estimated whole-life value, including VAT").fill("150000");
  await page.getByLabel("Contract length, including any extensions").fill("24");
  await page.getByLabel("Yes").check();
  await page.getByLabel("OFFICIAL", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel(/Direct award from G-Cloud 15/).check();
  await page.getByRole("button", { name: "Start the project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  return new URL(page.url()).pathname;
}

/** Saves a search of one G-Cloud 15 lot with 3 to 30 services to the project and freezes it; returns how many were frozen. */
export async function saveAndFreezeSmallLot(page: Page, projectUrl: string): Promise<number> {
  await page.goto(`${projectUrl}/search`);
  const lotBoxes = page.locator("fieldset", { has: page.locator("legend", { hasText: /^Lot$/ }) }).locator(".govuk-checkboxes__item");
  const count = await lotBoxes.count();
  let chosen = false;
  for (let i = 0; i < count && !chosen; i++) {
    const label = (await lotBoxes.nth(i).locator("label").textContent())!.trim();
    const n = Number(/\((\d+)\)$/.exec(label)?.[1] ?? 0);
    if (/^G-Cloud 15 lot/.test(label) && n >= 3 && n <= 30) {
      await lotBoxes.nth(i).locator("input").check();
      chosen = true;
    }
  }
  expect(chosen, "a G-Cloud 15 lot with 3 to 30 listings").toBe(true);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL(/[?&]lot=/);
  await page.getByRole("button", { name: "Save this search to this project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Freeze the search results");
  await page
    .getByRole("button", { name: /Freeze these results/ })
    .first()
    .click();
  await expect(page.getByText(/Search results frozen: \d+ services?/)).toBeVisible();
  return Number(/frozen: (\d+)/.exec((await page.getByText(/Search results frozen/).textContent())!)![1]);
}
