// One Prisma client for the process, on SQLite (default) or PostgreSQL, chosen by DATABASE_URL.
// Both generated clients come from the same schema, so they share one API; the SQLite
// client's types stand for both.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../prisma/generated/postgresql/client";
import { getEnv } from "./env.server";
import { isPostgresUrl } from "./migrate.server";

export type { Prisma } from "../../prisma/generated/sqlite/client";
export type PrismaClient = SqliteClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

declare global {
  // eslint-disable-next-line no-var
  var __cmPrisma: { url: string; client: PrismaClient } | undefined;
}

export function createPrismaClient(url: string): PrismaClient {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  }
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }) });
  return client;
}

function getPrisma(): PrismaClient {
  // Read per call (not cached) so each test file can point at its own database.
  const url = process.env.DATABASE_URL || getEnv().DATABASE_URL;
  if (!globalThis.__cmPrisma || globalThis.__cmPrisma.url !== url) {
    globalThis.__cmPrisma = { url, client: createPrismaClient(url) };
  }
  return globalThis.__cmPrisma.client;
}

// A proxy so importers keep one `prisma` name while tests can point DATABASE_URL elsewhere.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getPrisma();
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export function databaseKind(): "sqlite" | "postgresql" {
  return isPostgresUrl(process.env.DATABASE_URL || getEnv().DATABASE_URL) ? "postgresql" : "sqlite";
}
