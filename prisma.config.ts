// Prisma 6.19 in driver-adapter / WASM-engine mode: nothing is downloaded.
// See docs/decisions/0002-prisma-6-offline.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// Without a resolvable URL the CLI falls back to the native engine and tries to download it.
process.env.DATABASE_URL ??= "file:./prisma/data/dev.db";
// Placeholders stop the CLI from looking for (and downloading) native engines.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.resolve("prisma/.no-native-engine");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma/.no-native-engine");

const url = process.env.DATABASE_URL;
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  async adapter() {
    return isPostgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
});
