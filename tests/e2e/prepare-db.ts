// A fresh, seeded database for the end-to-end run; Playwright's webServer command runs
// this before starting the server, so the server never sees a half-made file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

function prepareDatabase(port: string) {
  const file = `tests/.tmp/e2e-${port}.db`;
  fs.mkdirSync("tests/.tmp", { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  execFileSync("npx", ["tsx", "seed/index.ts", "--suppliers", "60", "--products", "200", "--case-studies", "80"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: `file:./${file}`, PORTAL_TODAY: "2026-11-23" },
  });
}

prepareDatabase(process.argv[2] ?? "3100");
