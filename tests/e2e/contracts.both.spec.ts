// Contracts register journeys (issue 16), with and without JavaScript: a council adds the
// contracts it already holds by CSV; the radar shows a peer's contract ending within 18 months;
// a private contract never appears to another council or anonymously.
import { test, expect, expectNoAxeViolations, login, logout } from "./support";

const HEADER =
  "reference,title,supplier_name,supplier_company_number,agreement,procedure,value_inc_vat,value_ex_vat,start_date,end_date,extension_end_dates,cpv_codes,service_area,notice_url,visibility";

test("a council adds its existing contracts by CSV; a private one never shows to another council or anonymously", async ({
  page,
}, info) => {
  const run = `${info.project.name}-${Date.now()}`;
  await login(page, "buyerB");
  await page.goto("/contracts/upload");
  await expectNoAxeViolations(page);
  // A row with errors first: nothing is saved and the row is named.
  await page.getByLabel("Upload a CSV file").setInputFiles({
    name: "contracts.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${HEADER}\nE2E-${run}-1,Street lighting maintenance ${run},Lumen Ltd,,,,abc,,2024-04-01,2027-03-31,,,,,public\n`),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByRole("table", { name: "Rows with errors" })).toContainText("value_inc_vat");
  await expect(page.getByText("Nothing was saved")).toBeVisible();

  await page.getByLabel("Upload a CSV file").setInputFiles({
    name: "contracts.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      `${HEADER}\n` +
        `E2E-${run}-1,Street lighting maintenance ${run},Lumen Ltd,,,,180000,150000,2024-04-01,2027-03-31,2028-03-31,,Highways and transport,,public\n` +
        `E2E-${run}-2,Debt recovery service ${run},Collectwise Ltd,,,,90000,,2024-04-01,2027-09-30,,,Revenues and benefits,,private\n`,
    ),
  });
  await page.getByRole("button", { name: "Upload and check" }).click();
  await expect(page.getByText("2 added, 0 updated, 0 unchanged.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Leeds sees both in its register; the private one is marked.
  await page.goto(`/contracts?q=${encodeURIComponent(run)}`);
  await expect(page.getByRole("status")).toHaveText("2 contracts");
  await page.getByRole("link", { name: `Debt recovery service ${run}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Debt recovery service ${run}`);
  await expect(page.getByText("Private to your council")).toBeVisible();
  const privateUrl = page.url();
  await logout(page);

  // Anonymously: the public contract is listed, the private one is not, and its page is not found.
  await page.goto(`/contracts?q=${encodeURIComponent(run)}`);
  await expect(page.getByRole("status")).toHaveText("1 contract");
  await expect(page.getByRole("link", { name: `Street lighting maintenance ${run}` })).toBeVisible();
  await expect(page.getByText(`Debt recovery service ${run}`)).toHaveCount(0);
  expect((await page.goto(privateUrl))?.status()).toBe(404);

  // Another council's buyer: the same.
  await login(page, "buyerA");
  await page.goto(`/contracts?q=${encodeURIComponent(run)}`);
  await expect(page.getByRole("status")).toHaveText("1 contract");
  expect((await page.goto(privateUrl))?.status()).toBe(404);
  await page.goto("/councils/LDS");
  await expect(page.locator("#contracts-panel")).toBeVisible();
  await expect(page.locator("main")).not.toContainText(`Debt recovery service ${run}`);
});

test("the radar shows a peer's contract ending within 18 months, on the chart and in its table", async ({ page }) => {
  await login(page, "buyerA");
  await page.goto("/radar");
  await page.getByLabel("Service area").selectOption({ label: "Revenues and benefits" });
  await page.getByLabel("Ending in the next", { exact: true }).selectOption("18");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/serviceArea=revenues-and-benefits&months=18/);
  const table = page.getByRole("table", { name: "Peers' contracts ending in the next 18 months" });
  await expect(table.getByRole("row", { name: /Southampton.*Revenues and benefits system/ })).toContainText("in 10 months");
  // The chart is a described image; its description names the same contract.
  const chart = page.getByRole("img", { name: /Peers' revenues and benefits contracts ending in the next 18 months/ });
  await expect(chart).toBeVisible();
  await expect(page.locator("#timeline-desc")).toContainText("Southampton: Revenues and benefits system");
  // Medway's contract in the same area is private to Medway.
  await expect(page.getByText("Benefits processing service")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A supplier sees demand, not contracts.
  await logout(page);
  await login(page, "supplierA");
  await page.goto("/radar?serviceArea=revenues-and-benefits&months=18");
  await expect(page.getByText(/\d+ councils' revenues and benefits contracts end in the next 18 months/)).toBeVisible();
  await expect(page.getByText("Southampton")).toHaveCount(0);
});

test("a supplier follows a council from its page and stops following, with and without JavaScript", async ({ page }, info) => {
  // Each project its own supplier and council, so the two runs never meet.
  const [role, code, name] =
    info.project.name === "no-js" ? (["supplierB", "BRD", "Bradford"] as const) : (["supplierA", "BNS", "Barnsley"] as const);
  await page.goto(`/councils/${code}`);
  await expect(page.getByRole("link", { name: `Sign in to follow ${name}` })).toBeVisible();
  await login(page, role);
  await page.goto(`/councils/${code}`);
  await page.getByRole("button", { name: `Follow this council ${name}` }).click();
  await expect(page.getByText(`You now follow ${name}.`)).toBeVisible();
  await expect(page.getByText("You follow this council")).toBeVisible();
  await expectNoAxeViolations(page);
  // It is on the supplier's list of follows, and ends from the council's page.
  await page.goto("/account/follows");
  await expect(page.locator("main")).toContainText(`Council: ${name}`);
  await page.goto(`/councils/${code}`);
  await page.getByRole("button", { name: `Stop following ${name}` }).click();
  await expect(page.getByText(`You no longer follow ${name}`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Follow this council ${name}` })).toBeVisible();
  await page.goto("/account/follows");
  await expect(page.locator("main")).not.toContainText(`Council: ${name}`);
});
