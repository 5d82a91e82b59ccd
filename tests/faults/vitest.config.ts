// Fault tests against a real server process (issue 14): `node server.js` on its own port and
// database, faults made from outside (file mode, deletion, a file-size limit, the PostgreSQL
// server stopped and paused, Meilisearch absent, workers killed). Run by scripts/test-all.sh
// after the build; one file at a time, since each drives its own server.
import path from "node:path";
import { defineConfig } from "vitest/config";

process.env.PORTAL_CLOCK_STARTED_AT ??= String(Date.now());

export default defineConfig({
  resolve: { alias: { "~": path.resolve(__dirname, "../../app") } },
  test: {
    name: "faults",
    root: path.resolve(__dirname, "../.."),
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    env: { PORTAL_TODAY: "2026-11-23", PORTAL_CLOCK_STARTED_AT: process.env.PORTAL_CLOCK_STARTED_AT, NODE_ENV: "test" },
  },
});
