import path from "node:path";
import { defineConfig } from "vitest/config";

// One start for the pinned clock, inherited by global setup and every test process, so a run
// that crosses real midnight keeps one consistent "today" (app/utils/clock.server.ts).
process.env.PORTAL_CLOCK_STARTED_AT ??= String(Date.now());
const clockEnv = { PORTAL_TODAY: "2026-11-23", PORTAL_CLOCK_STARTED_AT: process.env.PORTAL_CLOCK_STARTED_AT, NODE_ENV: "test" as const };

const shared = {
  resolve: { alias: { "~": path.resolve(__dirname, "app") } },
};

export default defineConfig({
  ...shared,
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    env: clockEnv,
    projects: [
      // Pure logic and the search contract: no database.
      { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/search/**/*.test.ts"], env: clockEnv } },
      // Data layer: each file on its own copy of a seeded database (SQLite, or PostgreSQL with TEST_DATABASE=postgresql).
      {
        ...shared,
        test: {
          name: "data",
          include: ["tests/data/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          env: clockEnv,
        },
      },
    ],
  },
});
