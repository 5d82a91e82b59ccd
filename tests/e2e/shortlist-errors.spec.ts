// The shortlist's missing-reason error with JavaScript on (issue 18; the page's one error
// summary since d38fbde): react-hook-form catches an empty "Why shortlist …?" in the browser,
// without posting, and the page shows it the GOV.UK way: the error summary takes focus and links
// to the row's reason field, the field has its "Error:" message, the page title starts "Error: ",
// and axe finds nothing. Correcting the reason adds the service and the error goes away.
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, login } from "./support";
import { saveAndFreezeSmallLot, startDirectAwardProject } from "./projects-flow";

const TITLE = "Shortlist services – Council Marketplace";
const MESSAGE = "Enter why you are shortlisting this service";

/** A new direct-award project of buyer A's with the results of one small lot's search frozen; returns its path. */
async function projectWithFrozenResults(page: Page, title: string): Promise<string> {
  const projectUrl = await startDirectAwardProject(page, title);
  await saveAndFreezeSmallLot(page, projectUrl);
  return projectUrl;
}

test("an empty shortlist reason is caught in the browser: focused error summary linking to the field, 'Error: ' title, no axe violations", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, "buyerA");
  const projectUrl = await projectWithFrozenResults(page, "Shortlist errors with JavaScript");

  await page.goto(`${projectUrl}/shortlist`);
  // React has taken over (the root sets this once hydrated): the form's own checks are live.
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
  await expect(page).toHaveTitle(TITLE);
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toHaveCount(0);

  // Nothing may reach the server: this is the browser's check, not the server's answer.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });

  const reason = page.getByLabel(/^Why shortlist/).first();
  const reasonId = await reason.getAttribute("id");
  expect(reasonId).toMatch(/^reason-/);
  await page
    .getByRole("button", { name: /^Add to shortlist/ })
    .first()
    .click();

  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("alert")).toContainText("There is a problem");
  const link = summary.getByRole("link", { name: MESSAGE });
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute("href", `#${reasonId}`);
  await expect(page).toHaveTitle(`Error: ${TITLE}`);
  // The row's own message, with the visually hidden "Error:", describes its field.
  const inline = page.locator(`#${reasonId}-error`);
  await expect(inline).toHaveText(`Error: ${MESSAGE}`);
  await expect(reason).toHaveAttribute("aria-describedby", `${reasonId}-error`);
  expect(posts).toEqual([]);
  await expectNoAxeViolations(page);

  // The summary's link takes the officer to the field.
  await link.click();
  await expect(reason).toBeFocused();

  // Corrected, the service is added and the error is gone, from the page and its title.
  await reason.fill("Meets the repairs scheduling must-have");
  await page
    .getByRole("button", { name: /^Add to shortlist/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Shortlist (1)" })).toBeVisible();
  await expect(page.getByText("Added to the shortlist")).toBeVisible();
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveTitle(TITLE);
  expect(posts.length).toBeGreaterThan(0);
});
