// First-run setup for the embedded default: a local .env with a random session secret,
// the GOV.UK stylesheet, the SQLite database (migrated) and seed data if it is empty.
import crypto from "node:crypto";
import fs from "node:fs";
import { execFileSync } from "node:child_process";

if (!fs.existsSync(".env")) {
  fs.writeFileSync(
    ".env",
    // Keep the database it was given (e.g. DATABASE_URL=postgresql://… npm start).
    `# Local settings written by npm run setup. Not for production.\nSESSION_SECRET=${crypto.randomBytes(32).toString("hex")}\nDATABASE_URL=${process.env.DATABASE_URL ?? "file:./prisma/data/dev.db"}\nPUBLIC_URL=${process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`}\n# Mail stays in the outbox at /admin/outbox; set SMTP_URL (and remove this) to send it.\nMAIL_DELIVERY=${process.env.SMTP_URL ? "smtp" : "outbox"}\n`,
  );
  console.log("wrote .env with a new SESSION_SECRET");
}
process.loadEnvFile(".env");

const { migrateDatabase } = await import("../app/utils/migrate.server");
const { createPrismaClient } = await import("../app/utils/db.server");
const url = process.env.DATABASE_URL ?? "file:./prisma/data/dev.db";
const applied = await migrateDatabase(url);
if (applied.length) console.log(`applied migrations: ${applied.join(", ")}`);

const prisma = createPrismaClient(url);
const councils = await prisma.council.count();
await prisma.$disconnect();
if (councils === 0 || process.argv.includes("--reseed")) {
  console.log("seeding the database with reference and demo data…");
  execFileSync("npx", ["tsx", "seed/index.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
} else {
  console.log(`database already seeded (${councils} councils); npm run setup -- --reseed to start again`);
}
