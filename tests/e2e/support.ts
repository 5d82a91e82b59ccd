import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import Database from "better-sqlite3";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../seed/demo-accounts";

// GOV.UK Frontend's axe tag set.
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

let ipCounter = 0;

export const test = base.extend<{ clientIp: string }>({
  clientIp: async ({}, use, testInfo) => {
    ipCounter += 1;
    await use(`10.${testInfo.workerIndex % 250}.${Math.floor(ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`);
  },
  extraHTTPHeaders: async ({ clientIp }, use) => {
    await use({ "X-Forwarded-For": clientIp });
  },
});

export { expect };

export type DemoRole = "admin" | "buyerA" | "buyerB" | "supplierA" | "supplierB";

export function demoAccount(role: DemoRole) {
  const pick = {
    admin: (a: (typeof DEMO_ACCOUNTS)[number]) => a.role === "admin",
    buyerA: (a: (typeof DEMO_ACCOUNTS)[number]) => a.email === "buyer@brighton-hove.gov.uk",
    buyerB: (a: (typeof DEMO_ACCOUNTS)[number]) => a.email === "buyer@leeds.gov.uk",
    supplierA: (a: (typeof DEMO_ACCOUNTS)[number]) => a.email === "supplier@kestrel-civic.example",
    supplierB: (a: (typeof DEMO_ACCOUNTS)[number]) => a.email === "supplier@brightwater-digital.example",
  }[role];
  const account = DEMO_ACCOUNTS.find(pick);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

export async function login(page: Page, role: DemoRole) {
  const account = demoAccount(role);
  await page.goto("/login");
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/**
 * Runs axe with GOV.UK Frontend's tags. Axe needs JavaScript, so for the no-JS project the
 * page's server-rendered HTML (scripts removed) is checked in a JavaScript-enabled page on
 * the same origin: the same markup and styles the no-JS user gets.
 */
export async function expectNoAxeViolations(page: Page) {
  let target = page;
  let scratch: Page | undefined;
  if (base.info().project.use.javaScriptEnabled === false) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    const browser = page.context().browser()!;
    const context = await browser.newContext({ javaScriptEnabled: true, baseURL: new URL(page.url()).origin });
    scratch = await context.newPage();
    await scratch.goto("/healthz");
    await scratch.setContent(html, { waitUntil: "load" });
    target = scratch;
  }
  try {
    const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  } finally {
    await scratch?.context().close();
  }
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

/**
 * Reads "the mailbox" until the test SMTP server of the mail issue exists: production
 * mode never logs or keeps a message's text, and only a token's hash is stored, so the test
 * gives the newest live token of this purpose for the address a known value (writing its
 * hash to the e2e database) and returns the path the mailed link would have.
 */
export function mailedLink(email: string, purpose: "email-verification" | "password-reset"): string {
  const token = crypto.randomBytes(32).toString("base64url");
  const db = new Database(`tests/.tmp/e2e-${process.env.E2E_PORT ?? 3100}.db`);
  try {
    db.pragma("busy_timeout = 10000");
    const row = db
      .prepare(
        `SELECT t.id FROM VerificationToken t JOIN User u ON u.id = t.userId
         WHERE u.email = ? AND t.purpose = ? AND t.usedAt IS NULL ORDER BY t.rowid DESC LIMIT 1`,
      )
      .get(email.toLowerCase(), purpose) as { id: string } | undefined;
    if (!row) throw new Error(`no live ${purpose} token for ${email}`);
    db.prepare("UPDATE VerificationToken SET tokenHash = ? WHERE id = ?").run(
      crypto.createHash("sha256").update(token).digest("hex"),
      row.id,
    );
  } finally {
    db.close();
  }
  return purpose === "password-reset" ? `/reset-password?token=${token}` : `/verify-email?token=${token}`;
}
