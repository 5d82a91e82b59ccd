// The alerts journey (issue 15): a new officer at a council no one was seeded for (North
// Yorkshire: no demo account, and its domain only from the shared council domains list) signs
// up, confirms their address by the link that reached the test SMTP server, signs in as North
// Yorkshire's officer, saves a search with a daily email, and — once something new
// matches and the alert job has run two days later — sees the notification in the portal and
// gets the email, whose unsubscribe link then works signed out.
import { execFileSync } from "node:child_process";
import { loadCouncilEmailDomains } from "../../seed/council-email-domains";
import { DEMO_ACCOUNTS, DEMO_COUNCIL_DOMAINS } from "../../seed/demo-accounts";
import { test, expect, expectNoAxeViolations, readMailbox, SMTP_PORT_OFFSET } from "./support";

const PASSWORD = "officer passphrase for alerts";
const PORT = Number(process.env.E2E_PORT ?? 3100);

/** Runs a command against the end-to-end database the way an operator would. */
function runAgainstE2eDatabase(args: string[], today: string) {
  execFileSync("npx", args, {
    stdio: "pipe",
    env: {
      ...process.env,
      DATABASE_URL: `file:./tests/.tmp/e2e-${PORT}.db`,
      SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
      PUBLIC_URL: `http://localhost:${PORT}`,
      SMTP_URL: `smtp://127.0.0.1:${PORT + SMTP_PORT_OFFSET}`,
      PORTAL_TODAY: today,
    },
  });
}

const DOMAIN = "northyorks.gov.uk";
const COUNCIL = { code: "NYE", name: "North Yorkshire" };

/** The full confirmation link in the newest mail to `email` that the test SMTP server received. */
async function mailedConfirmationLink(email: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const link = readMailbox()
      .filter((m) => m.to.includes(email))
      .map((m) => /https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+/.exec(m.text)?.[0])
      .filter(Boolean)
      .at(-1);
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no confirmation mail for ${email} reached the test SMTP server`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("North Yorkshire is a council no one was seeded for: its domain comes only from the shared domains list", () => {
  // The seed's council domains: the shared list (seed/council-email-domains.csv) plus the demo councils' own.
  expect(loadCouncilEmailDomains().filter((d) => d.domain === DOMAIN)).toEqual([
    { councilCode: COUNCIL.code, domain: DOMAIN, note: "current" },
  ]);
  expect(DEMO_COUNCIL_DOMAINS.filter((d) => d.domain === DOMAIN || d.councilCode === COUNCIL.code)).toEqual([]);
  expect(DEMO_ACCOUNTS.filter((a) => a.email.endsWith(`@${DOMAIN}`) || a.councilCode === COUNCIL.code)).toEqual([]);
});

test("a new officer signs up, confirms by email, saves a search and later sees a notification", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const word = `zanzibarcase${testInfo.project.name.replace(/[^a-z]/g, "")}`;
  const email = `new.officer.${testInfo.project.name}@${DOMAIN}`;
  expect(readMailbox().filter((m) => m.to.includes(email))).toEqual([]);

  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Nadia Officer");
  await page.getByLabel("Council email address").fill(email);
  await page.getByLabel("Create a password").fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");

  // The link as the test SMTP server received it: on the portal's public address, opened as is.
  const confirmation = await mailedConfirmationLink(email);
  expect(new URL(confirmation).origin).toBe(`http://localhost:${PORT}`);
  await page.goto(confirmation);
  // Signing up does not sign in: the confirmed officer is sent to sign in.
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await expect(page.getByText("Your email address is confirmed. Sign in to continue.")).toBeVisible();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  // The officer belongs to North Yorkshire Council, by their address's domain, and is confirmed.
  await page.goto("/account");
  const details = page.locator(".govuk-summary-list");
  await expect(
    details.locator(".govuk-summary-list__row").filter({ hasText: "Organisation" }).locator(".govuk-summary-list__value"),
  ).toHaveText(COUNCIL.name);
  await expect(details.locator(".govuk-summary-list__row").filter({ hasText: "Email" })).toContainText("Confirmed");

  // Nothing matches yet; the search is saved anyway, to hear when something does.
  await page.goto(`/search?type=suppliers&q=${word}`);
  await expect(page.locator("#result-count")).toHaveText(`0 results for “${word}”`);
  await page.getByRole("link", { name: "Save this search" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save this search");
  await expectNoAxeViolations(page);
  await page.getByLabel("Name this search").fill("");
  await page.getByRole("button", { name: "Save search" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a name for this search");
  // The summary takes focus once the page has settled after the answer; then correct the form.
  await expect(page.locator(".govuk-error-summary")).toBeFocused();
  await page.getByLabel("Name this search").fill("Case management suppliers");
  await page.getByLabel("Daily email").check();
  await page.getByRole("button", { name: "Save search" }).click();
  await expect(page).toHaveURL(/\/account\/alerts$/);
  await expect(page.getByRole("table")).toContainText("Case management suppliers");
  await expect(page.getByRole("table")).toContainText("Daily email");
  await expectNoAxeViolations(page);

  // Later: a new supplier matches, and two days on the alert job runs (as `npm run jobs:run-due` would).
  runAgainstE2eDatabase(["tsx", "tests/e2e/alerts-fixture.ts", word], "2026-11-23");
  runAgainstE2eDatabase(["tsx", "scripts/jobs-run-due.ts", "--only=alerts:saved-searches"], "2026-11-25");

  await page.goto("/account/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  await expect(
    page.getByRole("listitem").filter({ hasText: "1 new or changed match for your saved search “Case management suppliers”" }),
  ).toHaveCount(1);
  await expectNoAxeViolations(page);

  const deadline = Date.now() + 15_000;
  let alert: { to: string[]; subject: string; text: string } | undefined;
  while (!alert && Date.now() < deadline) {
    alert = readMailbox().find((m) => m.to.includes(email) && m.subject === "1 new or changed match for “Case management suppliers”");
    if (!alert) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(alert?.text).toContain(`Brand New ${word} Digital`);
  const unsubscribe = /\/unsubscribe\/[A-Za-z0-9._-]+/.exec(alert?.text ?? "")?.[0];
  expect(unsubscribe).toBeTruthy();

  // The unsubscribe link, in a browser that is not signed in.
  const signedOut = await page
    .context()
    .browser()!
    .newContext({ baseURL: `http://localhost:${PORT}` });
  const other = await signedOut.newPage();
  await other.goto(unsubscribe!);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Stop these emails");
  await other.getByRole("button", { name: "Stop these emails" }).click();
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("You will not get these emails any more");
  await signedOut.close();

  await page.goto("/account/alerts");
  await expect(page.getByRole("table")).toContainText("No emails");
});
