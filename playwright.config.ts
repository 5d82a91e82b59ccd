import { defineConfig } from "@playwright/test";

// One start for the pinned clock: the database preparation and the server share it, so a run
// that crosses real midnight keeps one "today" (app/utils/clock.server.ts). Workers inherit it.
process.env.PORTAL_CLOCK_STARTED_AT ??= String(Date.now());
const PORT = Number(process.env.E2E_PORT ?? 3100);
// tests/e2e/support.ts SMTP_PORT_OFFSET
const SMTP_PORT = PORT + 1000;
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [["list"], ["json", { outputFile: `test-results/playwright-${PORT}.json` }]]
    : [["list"], ["json", { outputFile: `test-results/playwright-${PORT}.json` }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "off",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "js", use: { javaScriptEnabled: true }, testIgnore: /\.nojs\.spec\.ts$/ },
    { name: "no-js", use: { javaScriptEnabled: false }, testMatch: /\.(nojs|both)\.spec\.ts$/ },
  ],
  webServer: [
    {
      // The mail server the portal sends to; the tests read what it received (tests/e2e/support.ts).
      command: `npx tsx tests/e2e/smtp-sink.ts ${SMTP_PORT}`,
      port: SMTP_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npx tsx tests/e2e/prepare-db.ts ${PORT} && node server.js`,
      url: `http://localhost:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(PORT),
        NODE_ENV: "production",
        DATABASE_URL: `file:./tests/.tmp/e2e-${PORT}.db`,
        SESSION_SECRET: "e2e-session-secret-that-is-long-enough-0123456789",
        // Production requires the public origin that links in mail use.
        PUBLIC_URL: `http://localhost:${PORT}`,
        // Production requires a mail server: the test one above.
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        MAIL_FROM: "Council Marketplace <no-reply@localhost>",
        PORTAL_TODAY: "2026-11-23",
        PORTAL_CLOCK_STARTED_AT: process.env.PORTAL_CLOCK_STARTED_AT,
        // Each test sends its own X-Forwarded-For so per-IP login limits don't collide.
        TRUST_PROXY: "true",
        COOKIE_SECURE: "false",
        // One process: the tests' own database writes are then searchable at once.
        WEB_CONCURRENCY: "1",
      },
    },
  ],
});
