// Pipeline and opportunities (issue 16 item 5), with and without JavaScript: a supplier follows a
// service area; a council buyer publishes a forward plan in it (after a refused attempt that keeps
// what was typed); the supplier sees the notification in the portal and gets the email.
import { test, expect, expectNoAxeViolations, demoAccount, login, readMailbox } from "./support";

test("a supplier following a service area is told of a new forward plan a council buyer publishes there", async ({
  page,
  browser,
}, info) => {
  // Two sign-ins, a refused and an accepted form, and five accessibility checks on a shared machine.
  test.setTimeout(180_000);
  const run = `${info.project.name}-${Date.now()}`;
  const title = `Benefits claims portal ${run}`;
  // One supplier per project, so the JS and no-JS runs do not share a follow.
  const supplier = info.project.name === "no-js" ? "supplierB" : "supplierA";

  await login(page, supplier);
  await page.goto("/account/follows");
  await page.getByLabel("Service area").selectOption({ label: "Revenues and benefits" });
  await page.getByRole("button", { name: "Follow service area" }).click();
  // Followed now, or already from an earlier run against the same database.
  await expect(page.getByRole("main")).toContainText("Revenues and benefits");

  // The council buyer, in a browser of their own.
  const buyerContext = await browser.newContext({
    baseURL: info.project.use.baseURL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`,
    javaScriptEnabled: info.project.use.javaScriptEnabled,
    extraHTTPHeaders: { "X-Forwarded-For": `10.250.${info.workerIndex % 250}.${(Date.now() % 250) + 1}` },
  });
  const buyer = await buyerContext.newPage();
  try {
    await login(buyer, "buyerA");
    await buyer.goto("/pipeline");
    await buyer.getByRole("link", { name: "Publish a forward plan for your council" }).click();
    await expect(buyer.getByRole("heading", { level: 1 })).toHaveText("Publish a forward plan");
    await expectNoAxeViolations(buyer);

    await buyer.getByLabel("What you plan to buy").fill(title);
    await buyer.getByLabel("Service area").selectOption({ label: "Revenues and benefits" });
    await buyer.getByLabel("Month").fill("13");
    await buyer.getByLabel("Year").fill("2027");
    await buyer.getByLabel("Estimated value including VAT").fill("750,000");
    await buyer.getByLabel("Route being considered").selectOption({ label: "Further competition on a framework" });
    await buyer.getByRole("button", { name: "Publish forward plan" }).click();
    const summary = buyer.getByRole("alert");
    await expect(summary).toContainText("Expected start must include a month from 1 to 12");
    await expect(buyer.getByLabel("What you plan to buy")).toHaveValue(title);
    await expectNoAxeViolations(buyer);

    await buyer.getByLabel("Month").fill("4");
    await buyer.getByRole("button", { name: "Publish forward plan" }).click();
    await expect(buyer.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(buyer.getByText("Forward plan published")).toBeVisible();
    await expect(buyer.getByRole("definition").filter({ hasText: "April 2027" })).toBeVisible();
    await expect(buyer.getByRole("definition").filter({ hasText: "£750,000" })).toBeVisible();
    await expectNoAxeViolations(buyer);
  } finally {
    await buyerContext.close();
  }

  // The supplier sees it in the portal and opens it from there.
  await page.goto("/account/notifications");
  const message = `New forward plan from Brighton and Hove: ${title}`;
  await expect(page.locator("li", { hasText: message })).toBeVisible();
  await page.getByRole("link", { name: message }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectNoAxeViolations(page);

  // And by email, through the portal's mail queue to the test SMTP server.
  const email = demoAccount(supplier).email;
  await expect.poll(() => readMailbox().filter((m) => m.to.includes(email) && m.subject === message).length, { timeout: 15_000 }).toBe(1);
});
