// Search as an officer uses it, with and without JavaScript: query, facets with counts,
// removable filters, real pagination links, typo tolerance and jargon, helpful empty state.
import { test, expect, expectNoAxeViolations, waitForHydration } from "./support";

test("search, filter, remove the filter and page through results", async ({ page }, testInfo) => {
  const js = testInfo.project.name === "js";
  await page.goto("/search");
  if (js) await waitForHydration(page); // without it the radio below is checked before live search is listening
  await page.getByLabel("Search products, suppliers and case studies").fill("revenues");
  await page.getByRole("radio", { name: "Products and services" }).check();
  if (!js) await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=revenues/);
  await expect(page).toHaveURL(/type=products/);
  const count = page.locator("#result-count");
  await expect(count).toHaveAttribute("aria-live", "polite");
  await expect(count).toContainText(/\d+ results? for “revenues”/);
  const before = Number((await count.textContent())!.match(/[\d,]+/)![0].replace(/,/g, ""));
  await expectNoAxeViolations(page);

  const sizeFacet = page.getByRole("group", { name: "Supplier size" });
  const firstSize = sizeFacet.getByRole("checkbox").first();
  const label = (await sizeFacet.locator("label").first().textContent())!;
  const expected = Number(label.match(/\((\d+)\)/)![1]);
  await firstSize.check();
  if (!js) await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/supplierSize=/);
  await expect(count).toContainText(new RegExp(`^${expected.toLocaleString("en-GB")} results?`));
  await expectNoAxeViolations(page);

  await page
    .getByRole("link", { name: /Remove filter/ })
    .first()
    .click();
  await expect(page).not.toHaveURL(/supplierSize=/);
  await expect(count).toContainText(new RegExp(`^${before.toLocaleString("en-GB")} results?`));
  if (before > 20) {
    await page.getByRole("link", { name: "Page 2" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");
  }
});

test("typos and local-government jargon still find revenues and benefits products", async ({ page }) => {
  await page.goto("/search?q=revnues&type=products");
  await expect(page.locator(".cm-result").first()).toContainText(/revenue/i);
  await page.goto(`/search?q=${encodeURIComponent("revs and bens")}&type=products`);
  await expect(page.locator(".cm-result").first()).toContainText(/revenue|benefit/i);
  await expect(page.locator(".cm-result mark").first()).toBeVisible();
});

test("an empty result explains what to try, and nonsense parameters get a friendly page", async ({ page }) => {
  await page.goto("/search?q=zzqqxxyy&type=products");
  await expect(page.getByRole("heading", { name: "No results" })).toBeVisible();
  await expect(page.getByText("check the spelling or use fewer words")).toBeVisible();
  await expectNoAxeViolations(page);
  const response = await page.goto("/search?page=banana&type=widgets");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("There is a problem with this search");
  await expect(page.getByText("page must be a whole number from 1")).toBeVisible();
});

test("the JSON API answers the documented shape and rejects nonsense with 400", async ({ request }) => {
  const ok = await request.get("/api/search?q=housing&type=products&supplierSize=small&pageSize=5");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ query: "housing", type: "products", page: 1, pageSize: 5 });
  expect(body.hits.length).toBeLessThanOrEqual(5);
  expect(body.hits.every((h: { supplierSize: string }) => h.supplierSize === "small")).toBe(true);
  expect(typeof body.facets.supplierSize).toBe("object");
  expect(typeof body.processingTimeMs).toBe("number");
  const bad = await request.get("/api/search?sort=sideways");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).details[0]).toMatch(/sort must be one of/);
});
