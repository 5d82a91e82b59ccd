import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../seed/demo-accounts";

/** The test SMTP server listens on E2E_PORT + this (playwright.config.ts). */
export const SMTP_PORT_OFFSET = 1000;

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

/** React and GOV.UK Frontend start after the first paint (ADR 0022): a JS journey that relies on what
 * JavaScript adds (live search, client-side checks) waits for the root's mark before it acts. */
export async function waitForHydration(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
}

export type DemoRole = "admin" | "buyerA" | "approverA" | "buyerB" | "supplierA" | "supplierB";

export function demoAccount(role: DemoRole) {
  const pick = {
    admin: (a: (typeof DEMO_ACCOUNTS)[number]) => a.role === "admin",
    buyerA: (a: (typeof DEMO_ACCOUNTS)[number]) => a.email === "buyer@brighton-hove.gov.uk",
    approverA: (a: (typeof DEMO_ACCOUNTS)[number]) => a.email === "approver@brighton-hove.gov.uk",
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

/** Every message the test SMTP server has received (tests/e2e/smtp-sink.ts), oldest first. */
export function readMailbox(): { to: string[]; subject: string; text: string }[] {
  const port = Number(process.env.E2E_PORT ?? 3100) + SMTP_PORT_OFFSET;
  const file = `tests/.tmp/e2e-mail-${port}.jsonl`;
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { to: string[]; subject: string; text: string });
}

/**
 * The path of the newest link of this purpose mailed to `email`, read from the test SMTP
 * server; waits for the portal's sender, which delivers just after the request commits.
 */
export async function mailedLink(email: string, purpose: "email-verification" | "password-reset"): Promise<string> {
  const pattern = purpose === "password-reset" ? /\/reset-password\?token=[A-Za-z0-9_-]+/ : /\/verify-email\?token=[A-Za-z0-9_-]+/;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = readMailbox()
      .filter((m) => m.to.includes(email.toLowerCase()))
      .map((m) => pattern.exec(m.text)?.[0])
      .filter(Boolean)
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${purpose} mail for ${email} reached the test SMTP server`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
