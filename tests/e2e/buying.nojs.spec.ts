// Without JavaScript: the guide works question by question (with server-side
// errors), and a buying project can be started and its steps completed with plain form posts.
import { test, expect, expectNoAxeViolations, login } from "./support";

test("the buying-route guide works without JavaScript", async ({ page }) => {
  await page.goto("/buy/category");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.locator(".govuk-error-summary")).toContainText("Select what you are buying");
  await expectNoAxeViolations(page);
  await page.getByLabel("Cloud software").check();
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByLabel(/estimated whole-life value/).fill("a lot");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the estimated value as a number, like 150000");
  await expect(page.locator(".govuk-error-message")).toContainText("Enter the estimated value as a number");
  await expectNoAxeViolations(page);
  await page.getByLabel(/estimated whole-life value/).fill("250000");
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByLabel(/How long will the contract last/).fill("36");
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByLabel("Day").fill("30");
  await page.getByLabel("Month").fill("2");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Date the procurement starts must be a real date");
  await page.getByLabel("Day").fill("23");
  await page.getByLabel("Month").fill("11");
  await page.getByLabel("Year").fill("2026");
  await page.getByRole("button", { name: "Continue" }).click();

  await page.getByLabel("Yes").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("OFFICIAL", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Wales").check();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await page.getByRole("link", { name: "Change contract length" }).click();
  await expect(page.getByRole("link", { name: "Back" })).toHaveAttribute("href", /^\/buy\/check\?/);
  await page.getByLabel(/How long will the contract last/).fill("24");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await expect(page.locator(".govuk-summary-list")).toContainText("24 months");

  await page.getByRole("button", { name: "See your buying routes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your buying routes");
  await expect(page.getByRole("heading", { level: 2, name: /Open procedure/ })).toBeVisible();
  // The Welsh gap is explained, and non-buyers are told how to get an account.
  await expect(page.getByText(/Welsh Ministers/)).toBeVisible();
  await expect(page.getByRole("link", { name: "create a council buyer account" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Start a buying project/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a buyer starts a blank project and completes a step without JavaScript", async ({ page }) => {
  await login(page, "buyerA");
  await page.goto("/projects");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Start a project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Start a buying project");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a name for the project");
  await expectNoAxeViolations(page);

  await page.getByLabel("Project name").fill("Library self-service kiosks support");
  await page.getByLabel("Cloud support").check();
  await page.getByLabel("Estimated whole-life value, including VAT").fill("90000");
  await page.getByLabel("Contract length, including any extensions").fill("12");
  await page.getByLabel("Yes").check();
  await page.getByLabel("OFFICIAL", { exact: true }).check();
  await expect(page.getByLabel("England")).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByLabel("Project name")).toHaveValue("Library self-service kiosks support");
  await page.getByLabel(/Direct award from G-Cloud 15/).check();
  await page.getByRole("button", { name: "Start the project" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Library self-service kiosks support");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Requirements and budget approval" }).click();
  await page.getByRole("button", { name: "Save and return to the project" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter your requirements");
  await page.getByLabel("What do you need?").fill("Support for 12 self-service kiosks in branch libraries.");
  await page.getByLabel("Ask an approver to approve the budget").check();
  await page.getByRole("button", { name: "Save and return to the project" }).click();
  await expect(page.getByText("Requirements saved and budget approval asked for")).toBeVisible();
  // Budget approval waits for a second officer (four eyes), so the step is still in progress.
  await expect(page.locator("#project-tasks-requirements-status")).toHaveText("In progress");

  // Nothing is shortlisted yet, but the criteria form still checks the weights without JavaScript.
  await page.goto(`${new URL(page.url()).pathname}/evaluation`);
  await expect(page.getByText("Shortlist services before you evaluate them.")).toBeVisible();
  await page.locator("#criteria-0-name").fill("Quality");
  await page.locator("#criteria-0-weight").fill("70");
  await page.getByRole("button", { name: "Save criteria" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("The weights must add up to 100. At the moment they add up to 70.");
  await expectNoAxeViolations(page);
  await page.locator("#criteria-0-weight").fill("100");
  await page.getByRole("button", { name: "Save criteria" }).click();
  await expect(page.getByText("Evaluation criteria saved")).toBeVisible();

  await page.goto(`${new URL(page.url()).pathname.replace(/\/evaluation$/, "")}/record`);
  await expect(page.getByText("To print this record, use your browser's print option.")).toBeVisible();
  await expectNoAxeViolations(page);
});
