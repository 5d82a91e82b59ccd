// A council officer (buyer A, Brighton and Hove) writes a case study naming two listed
// products and one that is not listed, submits it; an administrator publishes it; it then
// shows on the product pages, in case study search under its service area, and to a
// similar council on its "councils like mine" page. Axe runs on every page on the way.
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, login } from "./support";

const TITLE = "Library app cut queues at Brighton and Hove libraries";

async function firstProduct(page: Page, supplierSlug: string) {
  await page.goto(`/suppliers/${supplierSlug}`);
  const link = page.locator("h2:has-text('Products and services') + ul a").first();
  const name = (await link.textContent())!.trim();
  const href = (await link.getAttribute("href"))!;
  const supplier = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  return { name, href, supplier };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

async function chooseProduct(page: Page, product: { name: string; supplier: string }) {
  await page.getByLabel("Find a product by name or supplier").fill(product.name);
  await page.getByRole("button", { name: "Find products" }).click();
  const box = page.getByRole("checkbox", { name: `${product.name} (${product.supplier})`, exact: true });
  await expect(box).toBeVisible();
  await box.check();
}

test("a council officer's case study is published and appears on product pages, in search and to similar councils", async ({ page }) => {
  test.setTimeout(180_000);
  const kestrel = await firstProduct(page, "kestrel-civic-software");
  const brightwater = await firstProduct(page, "brightwater-digital");

  await login(page, "buyerA");
  await page.goto("/case-studies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case studies");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Write a case study" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write a case study");
  await expectNoAxeViolations(page);

  // With JavaScript, the same schema checks the form before it is sent.
  await page.getByRole("button", { name: "Submit for review" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Enter a title for the case study");
  await expectNoAxeViolations(page);

  await page.locator("#title").fill(TITLE);
  await page.getByLabel("Service area").selectOption({ label: "Libraries" });
  await page.getByLabel("Summary").fill("Residents book, renew and join the library from their phones.");
  await page.getByLabel("What problem were you trying to solve?").fill("Queues at the counter for renewals and new cards.");
  await page.getByLabel("How did you approach it?").fill("We bought a library app and linked it to our catalogue.");
  await page.locator("#metrics-0-name").fill("Average queue at the counter");
  await page.locator("#metrics-0-before").fill("twelve");
  await page.locator("#metrics-0-after").fill("4");
  await page.locator("#metrics-0-unit").fill("minutes");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(summary).toContainText("Enter the value before for “Average queue at the counter” as a number, like 14");
  await page.locator("#metrics-0-before").fill("12");
  await page.locator("#metrics-1-name").fill("Members joining online");
  await page.locator("#metrics-1-before").fill("5");
  await page.locator("#metrics-1-after").fill("46");
  await page.locator("#metrics-1-unit").fill("%");
  await page.locator("#metrics-1-higherIsBetter").check();
  await page.getByLabel("What happened as a result?").fill("Queues fell and staff spend more time on events.");
  await page.getByLabel("Total cost, if you can share it").fill("38,000");
  await page.getByLabel("How was it funded?").fill("Libraries transformation fund");
  await page.locator("#startDate").fill("3");
  await page.locator("#startDate-month").fill("2");
  await page.locator("#startDate-year").fill("2025");
  await page.locator("#endDate").fill("28");
  await page.locator("#endDate-month").fill("11");
  await page.locator("#endDate-year").fill("2025");

  await chooseProduct(page, kestrel);
  await chooseProduct(page, brightwater);
  await expect(page.getByRole("checkbox", { name: `${kestrel.name} (${kestrel.supplier})`, exact: true })).toBeChecked();
  await page.getByLabel("Product name").fill("Self-service kiosks");
  await page.getByLabel("Supplier name").fill("Shelfwise Ltd");
  await page.getByLabel("Buying route (optional)").selectOption({ label: "Direct award from a framework" });
  await page.locator("#assets-0-title").fill("Library app user research");
  await page.locator("#assets-0-type").selectOption("service-design");
  await page.locator("#assets-0-url").fill("https://github.com/brighton-hove/library-app-research");
  await page.locator("#assets-0-licence").fill("OGL v3.0");
  await expect(page.getByLabel("Contact email address")).toHaveValue("buyer@brighton-hove.gov.uk");
  await page.getByRole("button", { name: "Submit for review" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.locator(".govuk-notification-banner")).toContainText("Case study submitted");
  await expect(page.getByText("Awaiting review")).toBeVisible();
  await expectNoAxeViolations(page);
  const caseStudyUrl = new URL(page.url()).pathname;

  await signOut(page);
  expect((await page.goto(caseStudyUrl))?.status()).toBe(404);

  await login(page, "admin");
  await page.goto("/admin/case-studies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case studies to review");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Review: ${TITLE}`);
  await expect(page.getByText("A new case study: it has never been published")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Case study approved and published");
  await signOut(page);

  // The public page: the story, a before/after chart with the same numbers in a table, links both ways.
  await page.goto(caseStudyUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByRole("img", { name: /Average queue at the counter: before 12 minutes, after 4 minutes/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "The same figures as a table" })).toContainText("Members joining online");
  await expect(page.getByRole("link", { name: kestrel.name })).toHaveAttribute("href", kestrel.href);
  await expect(page.getByText("Self-service kiosks from Shelfwise Ltd")).toBeVisible();
  await expectNoAxeViolations(page);

  for (const product of [kestrel, brightwater]) {
    await page.goto(product.href);
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
    await expectNoAxeViolations(page);
  }

  await page.goto("/search?type=case-studies&serviceArea=Libraries");
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/search?type=case-studies&serviceArea=Housing&q=library+app+queues");
  await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);

  await page.goto("/case-studies?serviceArea=libraries");
  await expect(page.locator(".cm-result").first()).toContainText(TITLE);

  // A council like Brighton and Hove sees it among its peers' case studies.
  await page.goto("/councils/BNH/peers");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Councils like Brighton and Hove");
  await expectNoAxeViolations(page);
  const peer = page.locator("tbody tr").first().locator("th a");
  const peerName = (await peer.textContent())!.trim();
  await peer.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(peerName.split(" ")[0]);
  await page.getByRole("link", { name: new RegExp(`^Councils like ${peerName}$`) }).click();
  const brightonRow = page.locator("tbody tr", { has: page.getByRole("link", { name: "Brighton and Hove", exact: true }) });
  await expect(brightonRow).toContainText(TITLE);
  await expect(brightonRow).toContainText("same type of council");
  await expectNoAxeViolations(page);

  await page.goto("/reuse?q=library+app");
  await expect(page.getByRole("heading", { name: /1 council has shared 1 asset matching “library app”/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a supplier named in a case study adds a response but cannot edit the council's text", async ({ page }) => {
  await login(page, "supplierA");
  await page.goto("/supplier/case-studies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case studies that name you");
  await expectNoAxeViolations(page);
  const row = page.locator("tbody tr").first();
  const title = (await row.locator("td").first().getByRole("link").textContent())!.trim();
  await row.getByRole("link", { name: /Add a response|Change your response/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Respond to “${title}”`);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Publish response" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter your response");
  await page.getByLabel("Response from Kestrel Civic Software").fill("We have since added text message updates, at no extra cost.");
  await page.getByRole("button", { name: "Publish response" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const response = page.locator("section", {
    has: page.getByRole("heading", { name: /Response from Kestrel Civic Software \(the supplier, not/ }),
  });
  await expect(response).toContainText("We have since added text message updates");
  await expect(page.getByRole("link", { name: "Edit this case study" })).toHaveCount(0);
  const editUrl = `${new URL(page.url()).pathname}/edit`;
  const refused = await page.goto(editUrl);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have permission to view or change this");
});

test("an administrator adds a service area that councils can then choose", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin/service-areas");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service areas");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add service area" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the name of the service area");
  await page.getByLabel("Name").fill("Coroners and registration");
  await page.getByRole("button", { name: "Add service area" }).click();
  await expect(page.locator(".govuk-notification-banner")).toContainText("Service area “Coroners and registration” added");
  await expect(page.getByRole("link", { name: "Coroners and registration" })).toBeVisible();
  await page.goto("/case-studies");
  await expect(page.getByLabel("Service area").locator("option", { hasText: "Coroners and registration" })).toHaveCount(1);
  await expectNoAxeViolations(page);
});
