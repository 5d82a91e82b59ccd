// Joint buying (issue 16, item 4), with and without JavaScript: Brighton and Hove invites Leeds
// with a share of the estimated value, a Leeds buyer accepts by the mailed link and reads the
// project, and the award makes a contract for each council.
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, login, readMailbox } from "./support";
import { saveAndFreezeSmallLot, startDirectAwardProject } from "./projects-flow";

/** Freezes a search of one G-Cloud 15 lot with 3 to 30 services, shortlists and scores one, sets the rest aside. */
async function readyToAward(page: Page, projectUrl: string) {
  await saveAndFreezeSmallLot(page, projectUrl);
  await page.goto(`${projectUrl}/shortlist`);
  await page
    .getByLabel(/^Why shortlist/)
    .first()
    .fill("Meets the requirement for both councils");
  await page
    .getByRole("button", { name: /^Add to shortlist/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 2, name: "Shortlist (1)" })).toBeVisible();
  const rest = page.locator('input[name="frozenResultIds"]');
  if ((await rest.count()) > 0) {
    for (const box of await rest.all()) await box.check();
    await page.getByLabel("Why you are setting them aside").fill("Does not meet the must-have: open API for both councils");
    await page.getByRole("button", { name: "Set aside", exact: true }).click();
    await expect(page.getByText("Results set aside")).toBeVisible();
  }
  await page.goto(`${projectUrl}/evaluation`);
  await page.locator("#criteria-0-name").fill("Meets our requirements");
  await page.locator("#criteria-0-weight").fill("100");
  await page.getByRole("button", { name: "Save criteria" }).click();
  await expect(page.getByText("Evaluation criteria saved")).toBeVisible();
  await page.locator("#scores-0-score").fill("90");
  await page.getByRole("button", { name: "Save scores" }).click();
  await expect(page.getByText("Scores saved")).toBeVisible();
}

/** The invitation link for this project mailed to `email` (the test SMTP server), waiting for the sender. */
async function invitationLink(email: string, title: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = readMailbox()
      // The JS and no-JS runs invite Leeds at the same time: each reads its own project's mail.
      .filter((m) => m.to.includes(email) && m.subject.endsWith(title))
      .map((m) => /\/joint-invitations\/[A-Za-z0-9]+/.exec(m.text)?.[0])
      .filter(Boolean)
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no joint buying invitation reached ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("two councils run a joint project to an award that creates a contract for each", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const title = `Joint revenues system (${test.info().project.name})`;
  await login(page, "buyerA");
  const projectUrl = await startDirectAwardProject(page, title);

  // The lead invites Leeds with its share; a share past the whole is refused with the rule.
  await page.goto(`${projectUrl}/participants`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Councils buying jointly");
  await expect(page.getByTestId("whole-value-threshold")).toContainText("below the £207,720 threshold");
  await page.getByLabel("Council", { exact: true }).selectOption({ label: "Leeds City Council" });
  await page.getByLabel("That council's share of the estimated value").fill("200000");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("more than the project's estimated value of £150,000");
  await page.getByLabel("Council", { exact: true }).selectOption({ label: "Leeds City Council" });
  await page.getByLabel("That council's share of the estimated value").fill("50000");
  await page.getByLabel(/Email address of a buyer at that council/).fill("buyer@leeds.gov.uk");
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText("Leeds City Council invited")).toBeVisible();
  const table = page.getByTestId("participants");
  await expect(table.getByRole("row", { name: /Leeds City Council/ })).toContainText("Invited");
  await expect(table.getByRole("row", { name: /Brighton and Hove/ })).toContainText("£100,000");
  await expectNoAxeViolations(page);

  // A Leeds buyer follows the mailed link and accepts.
  const leedsContext = await browser.newContext({
    baseURL: new URL(page.url()).origin,
    javaScriptEnabled: test.info().project.name === "js",
  });
  const leeds = await leedsContext.newPage();
  await login(leeds, "buyerB");
  await leeds.goto(await invitationLink("buyer@leeds.gov.uk", title));
  await expect(leeds.getByRole("heading", { level: 1 })).toHaveText(`Invitation to buy jointly: ${title}`);
  await expectNoAxeViolations(leeds);
  await leeds.getByLabel("Yes, accept the invitation").check();
  await leeds.getByRole("button", { name: "Send your answer" }).click();
  await expect(leeds.getByText("Your council is taking part in this project")).toBeVisible();
  await expect(leeds.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(leeds.getByText("only its council's buyers can change it")).toBeVisible();
  await expect(leeds.getByTestId("participants").getByRole("row", { name: /Leeds City Council/ })).toContainText("Taking part");
  await expectNoAxeViolations(leeds);
  await leeds.goto(`${projectUrl}/participants`);
  await expect(leeds.getByTestId("participants").getByRole("row", { name: /Leeds City Council/ })).toContainText("Taking part");
  await expect(leeds.getByRole("button", { name: "Send the invitation" })).toHaveCount(0);

  // The lead runs the procurement and awards it for the whole.
  await readyToAward(page, projectUrl);
  await page.goto(`${projectUrl}/participants`);
  await expect(
    page.getByText(/search has been frozen on it, so the councils taking part and their shares can no longer change/),
  ).toBeVisible();
  await page.goto(`${projectUrl}/outcome`);
  await page.getByLabel("Contract awarded").check();
  await page.locator("input[name=entryId]").first().check();
  await page.getByLabel("Contract value, including VAT").fill("148000");
  const start = page.locator("fieldset", { has: page.locator("legend", { hasText: "Contract start date" }) });
  await start.getByLabel("Day").fill("5");
  await start.getByLabel("Month").fill("1");
  await start.getByLabel("Year").fill("2027");
  const end = page.locator("fieldset", { has: page.locator("legend", { hasText: "Contract end date" }) });
  await end.getByLabel("Day").fill("4");
  await end.getByLabel("Month").fill("1");
  await end.getByLabel("Year").fill("2029");
  await page.getByLabel("Why did you make this decision?").fill("Highest weighted total for both councils.");
  await page.getByRole("button", { name: "Record the outcome" }).click();
  await expect(page.getByText(/Outcome recorded: contract awarded/)).toBeVisible();

  // One contract each: Leeds's for its share, the lead's for the rest, each private to its council.
  await page.goto(`/contracts?q=${encodeURIComponent(title)}`);
  await expect(page.getByText("£98,000").first()).toBeVisible();
  await expect(page.getByText("£50,000")).toHaveCount(0);
  await leeds.goto(`/contracts?q=${encodeURIComponent(title)}`);
  await expect(leeds.getByText("£50,000").first()).toBeVisible();
  await expect(leeds.getByText("£98,000")).toHaveCount(0);
  await expectNoAxeViolations(leeds);

  // Leeds reads the one audit trail and the OCDS export names it a buyer.
  await leeds.goto(`${projectUrl}/history`);
  await expect(leeds.getByText("Accepted the invitation to buy jointly")).toBeVisible();
  await expect(leeds.getByText("Recorded the outcome")).toBeVisible();
  const release = (await (await leeds.request.get(`${projectUrl}/ocds.json`)).json()) as { parties: { name: string; roles: string[] }[] };
  expect(release.parties.filter((p) => p.roles.includes("buyer")).map((p) => p.name)).toEqual([
    "Brighton and Hove City Council",
    "Leeds City Council",
  ]);
  // The printable record shows the councils buying jointly, to Leeds too.
  await leeds.goto(`${projectUrl}/record`);
  const recorded = leeds.getByTestId("participants");
  await expect(recorded.getByRole("row", { name: /Leeds City Council/ })).toContainText(/Taking part.*£50,000.*Accepted by/);
  await expect(recorded.getByRole("row", { name: /Brighton and Hove/ })).toContainText("£100,000");
  await expectNoAxeViolations(leeds);
  await leedsContext.close();
});
