// Prisma tasks for both databases from the one schema (prisma/schema.prisma).
//   generate  derive the PostgreSQL schema, generate both clients
//   diff NAME write a new migration for SQLite and PostgreSQL from the schema change
//   deploy    apply pending migrations to DATABASE_URL (see app/utils/migrate.server.ts)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { modelClockMeta } from "./model-clock-meta";
import { prismaCliEnv } from "./prisma-env";

const SQLITE_SCHEMA = "prisma/schema.prisma";
const PG_DIR = "prisma/postgresql";
const PG_SCHEMA = `${PG_DIR}/schema.prisma`;

function prisma(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(path.resolve("node_modules/.bin/prisma"), args, {
    env: prismaCliEnv(env),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function derivePostgresSchema(): void {
  const source = fs.readFileSync(SQLITE_SCHEMA, "utf8");
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "./generated/sqlite"', 'output       = "../generated/postgresql"');
  if (derived === source) throw new Error("Could not derive the PostgreSQL schema: provider line not found");
  fs.mkdirSync(PG_DIR, { recursive: true });
  fs.writeFileSync(PG_SCHEMA, `// GENERATED from prisma/schema.prisma by scripts/prisma.ts — do not edit.\n${derived}`);
}

function writeClockMeta(): void {
  const meta = modelClockMeta(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
  fs.mkdirSync("prisma/generated", { recursive: true });
  fs.writeFileSync(
    "prisma/generated/clock-meta.ts",
    `// GENERATED from prisma/schema.prisma by scripts/prisma.ts — do not edit.\nexport const MODEL_CLOCK_META: Record<string, { created: string[]; updated: string[]; relations: Record<string, string> }> = ${JSON.stringify(meta, null, 2)};\n`,
  );
}

function generate(): void {
  derivePostgresSchema();
  writeClockMeta();
  prisma(["generate", "--schema", SQLITE_SCHEMA], { DATABASE_URL: "file:./prisma/data/dev.db" });
  prisma(["generate", "--schema", PG_SCHEMA], { DATABASE_URL: "postgresql://localhost/placeholder" });
}

function requirePgUrl(): string {
  const url = process.env.DATABASE_URL_PG;
  if (!url) throw new Error('Set DATABASE_URL_PG (eval "$(bash scripts/pg-throwaway.sh start)") to diff the PostgreSQL schema');
  return url;
}

// Each migration folder keeps the schema it was made from, so the next diff is
// schema-to-schema and needs no database (migrate dev cannot run offline).
function diff(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration name: lowercase letters, digits and _ only");
  derivePostgresSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const [schema, dir, url] of [
    [SQLITE_SCHEMA, "prisma/migrations", "file:./prisma/data/dev.db"],
    // The JS schema engine opens its adapter even for a schema-to-schema diff.
    [PG_SCHEMA, `${PG_DIR}/migrations`, requirePgUrl()],
  ] as const) {
    fs.mkdirSync(dir, { recursive: true });
    const previous = fs
      .readdirSync(dir)
      .filter((d) => fs.existsSync(path.join(dir, d, "schema.prisma")))
      .sort()
      .at(-1);
    const from = previous ? ["--from-schema-datamodel", path.join(dir, previous, "schema.prisma")] : ["--from-empty"];
    const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], { DATABASE_URL: url });
    if (!/CREATE|ALTER|DROP/i.test(sql)) {
      console.log(`${dir}: no changes`);
      continue;
    }
    const target = path.join(dir, `${stamp}_${name}`);
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, "migration.sql"), sql);
    fs.copyFileSync(schema, path.join(target, "schema.prisma"));
    console.log(`wrote ${target}/migration.sql`);
  }
}

async function deploy(): Promise<void> {
  const { migrateDatabase } = await import("../app/utils/migrate.server");
  const applied = await migrateDatabase(process.env.DATABASE_URL ?? "file:./prisma/data/dev.db");
  console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date");
}

const [command, arg] = process.argv.slice(2);
if (command === "generate") generate();
else if (command === "diff") diff(arg ?? "");
else if (command === "deploy") await deploy();
else {
  console.error("usage: tsx scripts/prisma.ts generate | diff NAME | deploy");
  process.exit(2);
}
