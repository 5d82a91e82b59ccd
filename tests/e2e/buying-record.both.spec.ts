// The buying record holds the buyer to the route (issue 13), with and without JavaScript. Each
// test starts its own project through the pages, so no test depends on another.
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, login } from "./support";
import { saveAndFreezeSmallLot, startDirectAwardProject } from "./projects-flow";

const LOWER_SCORE_REASON =
  "The highest-scoring supplier withdrew its offer of a UK data centre, which our security policy requires for tenants' data.";
const OVER_ESTIMATE_REASON =
  "Two more housing teams joined the scope after the estimate, which doubles the licences and the data migration work needed.";

/** Two services shortlisted and scored 90 and 60, every other frozen result set aside: ready to award. */
async function readyToAward(page: Page, title: string) {
  const projectUrl = await startDirectAwardProject(page, title);
  const frozen = await saveAndFreezeSmallLot(page, projectUrl);
  await page.goto(`${projectUrl}/shortlist`);
  for (let i = 0; i < 2; i++) {
    await page
      .getByLabel(/^Why shortlist/)
      .first()
      .fill(`Meets the requirement (${i + 1})`);
    await page
      .getByRole("button", { name: /^Add to shortlist/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 2, name: `Shortlist (${i + 1})` })).toBeVisible();
  }
  const rest = page.locator('input[name="frozenResultIds"]');
  if ((await rest.count()) > 0) {
    for (const box of await rest.all()) await box.check();
    await page.getByLabel("Why you are setting them aside").fill("Does not meet the must-have: repairs scheduling");
    await page.getByRole("button", { name: "Set aside", exact: true }).click();
    await expect(page.getByText("Results set aside")).toBeVisible();
  }
  await page.goto(`${projectUrl}/evaluation`);
  await page.locator("#criteria-0-name").fill("Meets our requirements");
  await page.locator("#criteria-0-weight").fill("100");
  await page.getByRole("button", { name: "Save criteria" }).click();
  // Either outcome ends the wait, so a refusal fails here with its message, not a timeout.
  const errorSummary = page.locator(".govuk-error-summary");
  await expect(page.getByText("Evaluation criteria saved").or(errorSummary)).toBeVisible({ timeout: 20_000 });
  await expect(errorSummary).toHaveCount(0);
  await page.locator("#scores-0-score").fill("90");
  await page.locator("#scores-1-score").fill("60");
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByText("Scores saved")).toBeVisible();
  return { projectUrl, frozen };
}

async function fillAward(page: Page, projectUrl: string, o: { entry: number; value: string; endYear: string; justification: string }) {
  await page.goto(`${projectUrl}/outcome`);
  await page.getByLabel("Contract awarded").check();
  await page.locator("input[name=entryId]").nth(o.entry).check();
  await page.getByLabel("Contract value, including VAT").fill(o.value);
  const start = page.locator("fieldset", { has: page.locator("legend", { hasText: "Contract start date" }) });
  await start.getByLabel("Day").fill("5");
  await start.getByLabel("Month").fill("1");
  await start.getByLabel("Year").fill("2027");
  const end = page.locator("fieldset", { has: page.locator("legend", { hasText: "Contract end date" }) });
  await end.getByLabel("Day").fill("4");
  await end.getByLabel("Month").fill("1");
  await end.getByLabel("Year").fill(o.endYear);
  await page.getByLabel("Why did you make this decision?").fill(o.justification);
  await page.getByRole("button", { name: "Record the outcome" }).click();
}

test("a G-Cloud 15 direct award cannot freeze a DOS search, and a second freeze is refused until the first is abandoned", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, "buyerA");
  const projectUrl = await startDirectAwardProject(page, "Freeze rules");
  await page.goto(`${projectUrl}/search?type=products&lot=${encodeURIComponent("DOS 7 lot 2")}`);
  await expect(
    page.getByText(
      /This project is a direct award from G-Cloud 15, so its search can only use G-Cloud 15 lot .*DOS 7 lot 2 is not a lot of this route/,
    ),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Save this search to this project" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await saveAndFreezeSmallLot(page, projectUrl);
  // The search is locked: the search page refuses another save with why.
  await page.goto(`${projectUrl}/search?type=products`);
  await page.getByRole("button", { name: "Save this search to this project" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(/search was frozen on .* abandon that freeze with the reason/);
  await expectNoAxeViolations(page);

  await page.goto(`${projectUrl}/freeze`);
  await page.getByText("Start over: abandon this frozen search").click();
  await page.getByLabel("Why are you abandoning this frozen search?").fill("The search used last year's requirement for repairs");
  await page.getByRole("button", { name: "Abandon this frozen search" }).click();
  await expect(page.getByText("Frozen search abandoned")).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /\(abandoned\)/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveAndFreezeSmallLot(page, projectUrl);
  await page.goto(`${projectUrl}/record`);
  // Both freezes are in the record; the abandoned one with why (in its section and in the history).
  await expect(page.getByRole("heading", { level: 3, name: /^Frozen .*\(abandoned\)$/ })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 3, name: /^Frozen / })).toHaveCount(2);
  await expect(page.getByText("The search used last year's requirement for repairs")).toHaveCount(2);
});

test("the award is checked against the route: term, value and score, with every frozen result in the record", async ({ page }) => {
  test.setTimeout(150_000);
  await login(page, "buyerA");
  const { projectUrl, frozen } = await readyToAward(page, "Award checks");

  // Over the lot's maximum call-off length: refused with the rule and its source.
  await fillAward(page, projectUrl, { entry: 0, value: "148000", endYear: "2040", justification: "Highest weighted total." });
  await expect(page.locator(".govuk-error-summary")).toContainText(
    /a call-off on G-Cloud 15 lot .* can run for at most \d+ months.*Source: https:\/\//,
  );
  await expectNoAxeViolations(page);

  // A lower-scoring service needs a justification.
  await fillAward(page, projectUrl, { entry: 1, value: "148000", endYear: "2029", justification: "Best fit" });
  await expect(page.locator(".govuk-error-summary")).toContainText(
    /below .* awarding to other than the highest-scoring service needs a recorded explanation/,
  );

  // 20% over the estimate: a placeholder is refused; a real reason goes into the printable record.
  await fillAward(page, projectUrl, { entry: 0, value: "190000", endYear: "2029", justification: "test long" });
  await expect(page.locator(".govuk-error-summary")).toContainText(
    /27% over the estimate .* more than 20% over needs a recorded explanation/,
  );
  await fillAward(page, projectUrl, { entry: 0, value: "190000", endYear: "2029", justification: OVER_ESTIMATE_REASON });
  await expect(page.getByText(/Outcome recorded: contract awarded/)).toBeVisible();

  await page.goto(`${projectUrl}/record`);
  await expect(page.getByText(OVER_ESTIMATE_REASON).first()).toBeVisible();
  await expect(page.getByText(/27% over the estimate/).first()).toBeVisible();
  // Every frozen result appears with its assessment.
  const assessments = page.locator("table").first().locator("tbody tr td:last-child");
  await expect(assessments).toHaveCount(frozen);
  for (const text of await assessments.allTextContents()) expect(text).toMatch(/^(Shortlisted|Set aside): /);
  await expectNoAxeViolations(page);
});

test("a changed outcome keeps both versions in the record and the OCDS export, and the approver's decision is recorded", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  await login(page, "buyerA");
  const { projectUrl } = await readyToAward(page, "Changed outcome");
  await fillAward(page, projectUrl, { entry: 0, value: "148000", endYear: "2029", justification: "Highest weighted total." });
  await expect(page.getByText(/Outcome recorded: contract awarded/)).toBeVisible();

  // A second officer who is an approver decides the award.
  const other = await browser.newContext({ baseURL: new URL(page.url()).origin, javaScriptEnabled: test.info().project.name === "js" });
  const approverPage = await other.newPage();
  await login(approverPage, "approverA");
  await approverPage.goto(`${projectUrl}/approvals`);
  await expectNoAxeViolations(approverPage);
  await approverPage.getByLabel("Approve").check();
  await approverPage.getByLabel("Note for the record (optional)").fill("Checked against the housing capital budget");
  await approverPage.getByRole("button", { name: /Record the decision/ }).click();
  await expect(approverPage.getByText("Award decision decided")).toBeVisible();
  await expect(approverPage.getByTestId("award-approval")).toContainText(
    /Approved by Marcus Reid on .*Checked against the housing capital budget/,
  );
  await other.close();

  await fillAward(page, projectUrl, { entry: 1, value: "140000", endYear: "2029", justification: LOWER_SCORE_REASON });
  await expect(page.getByText(/Outcome recorded: contract awarded/)).toBeVisible();

  await page.goto(`${projectUrl}/record`);
  await expect(page.getByRole("heading", { level: 3, name: "Earlier outcomes (kept, never overwritten)" })).toBeVisible();
  await expect(page.getByText(/Contract awarded, recorded .*£148,000/)).toBeVisible();
  await expect(page.getByText(LOWER_SCORE_REASON).first()).toBeVisible();
  await expect(page.getByText(/Approved by Marcus Reid on .*Checked against the housing capital budget/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  const latest = await (await page.request.get(`${projectUrl}/ocds.json`)).json();
  expect(latest.tag).toEqual(["awardUpdate"]);
  expect(latest.awards[0].amendments[0]).toMatchObject({
    rationale: LOWER_SCORE_REASON,
    amendsReleaseID: expect.stringMatching(/-award-rev1$/),
  });
  const all = await (await page.request.get(`${projectUrl}/ocds.json?releases=all`)).json();
  expect(
    all.releases.map((r: { awards: { value: { amount: number }; status: string }[] }) => [r.awards[0].value.amount, r.awards[0].status]),
  ).toEqual([
    [148000, "active"],
    [140000, "pending"],
  ]);
});
