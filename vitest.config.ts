import path from "node:path";
import { defineConfig } from "vitest/config";

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
    env: { PORTAL_TODAY: "2026-11-23", NODE_ENV: "test" },
    projects: [
      // Pure logic and the search contract: no database.
      { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/search/**/*.test.ts"], env: { PORTAL_TODAY: "2026-11-23", NODE_ENV: "test" } } },
      // Data layer: each file on its own copy of a seeded database (SQLite, or PostgreSQL with TEST_DATABASE=postgresql).
      {
        ...shared,
        test: {
          name: "data",
          include: ["tests/data/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          env: { PORTAL_TODAY: "2026-11-23", NODE_ENV: "test" },
        },
      },
    ],
  },
});
