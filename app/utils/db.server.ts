// One Prisma client for the process, on SQLite (default) or PostgreSQL, chosen by DATABASE_URL.
// Both generated clients come from the same schema, so they share one API; the SQLite
// client's types stand for both.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../prisma/generated/postgresql/client";
import { now } from "./clock.server";
import { stampOperation } from "./clock-stamp.server";
import { getEnv } from "./env.server";
import { isPostgresUrl } from "./migrate.server";

export type { Prisma } from "../../prisma/generated/sqlite/client";
export type PrismaClient = SqliteClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

declare global {
  // eslint-disable-next-line no-var
  var __cmPrisma: { url: string; client: PrismaClient } | undefined;
}

// A writer waits its turn rather than failing: interactive transactions queue behind the
// one SQLite connection (or the pool) for up to maxWait, and may run for up to timeout.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 };
// SQLite: how long a write waits for another process's write lock before giving up.
const SQLITE_BUSY_TIMEOUT_MS = 30_000;

/**
 * The better-sqlite3 adapter starts transactions with a plain (deferred) BEGIN: a transaction
 * that reads first and then writes cannot wait for another process's lock and fails at once
 * with "database is locked". BEGIN IMMEDIATE takes the write lock up front, so concurrent
 * writers in other processes queue on the busy timeout instead.
 */
function immediateTransactions(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const db = (adapter as unknown as { client: { prepare: (sql: string) => unknown } }).client;
    const prepare = db.prepare.bind(db);
    db.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  return factory;
}

/** Every write's timestamps come from the app's clock (app/utils/clock.server.ts). */
function withAppClock<C extends SqliteClient>(client: C): C {
  return client.$extends({
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (args && typeof args === "object") stampOperation(model, operation, args as Record<string, unknown>, now());
          return query(args);
        },
      },
    },
  }) as unknown as C;
}

export function createPrismaClient(url: string): PrismaClient {
  if (isPostgresUrl(url)) {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions: TRANSACTION_OPTIONS });
    return withAppClock(client as unknown as PrismaClient);
  }
  const adapter = immediateTransactions(new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }));
  return withAppClock(new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }));
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
