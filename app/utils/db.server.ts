// One Prisma client for the process, on SQLite (default) or PostgreSQL, chosen by DATABASE_URL.
// Both generated clients come from the same schema, so they share one API; the SQLite
// client's types stand for both.
import fs from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../prisma/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../prisma/generated/postgresql/client";
import { now } from "./clock.server";
import { stampOperation } from "./clock-stamp.server";
import {
  DatabaseFileReadOnlyError,
  DatabaseFileReplacedError,
  isDatabaseUnavailable,
  needsFreshConnection,
  unavailableResponse,
} from "./db-errors.server";
import { getEnv } from "./env.server";
import { isPostgresUrl, sqliteFilePath } from "./migrate.server";
import { log } from "./log.server";
import { watchedPool } from "./pg-watchdog.server";

export type { Prisma } from "../../prisma/generated/sqlite/client";
export type PrismaClient = SqliteClient;
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface ClientEntry {
  url: string;
  client: PrismaClient;
  /** SQLite: the file (device and inode) this connection opened; writes stop if it changes. */
  fileId: string | null;
  retired?: boolean;
}

declare global {
  var __cmPrisma: ClientEntry | undefined;
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

/** `onServerUnresponsive`: PostgreSQL stopped answering (see pg-watchdog.server.ts). */
export function createPrismaClient(url: string, hooks: { onServerUnresponsive?: () => void } = {}): PrismaClient {
  if (isPostgresUrl(url)) {
    const config = postgresPoolConfig(url);
    const pool = watchedPool(config, {
      stuckAfterMs: ms("DATABASE_STUCK_AFTER_MS", 2_000),
      probeTimeoutMs: ms("DATABASE_PROBE_TIMEOUT_MS", 1_500),
      onUnresponsive: hooks.onServerUnresponsive,
    });
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    const client = new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
    return withAppClock(client as unknown as PrismaClient);
  }
  // fileMustExist: a missing database file is a fault to report, never a reason to start empty.
  const adapter = immediateTransactions(new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS, fileMustExist: true }));
  return withAppClock(new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }));
}

/**
 * PostgreSQL: a hung or unreachable server gives an error within seconds, never a hang, and an
 * abandoned transaction cannot hold locks (or the search outbox's snapshot horizon) for long.
 */
const ms = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

function postgresPoolConfig(connectionString: string) {
  return {
    connectionString,
    max: ms("DATABASE_POOL_SIZE", 10),
    connectionTimeoutMillis: ms("DATABASE_CONNECT_TIMEOUT_MS", 3_000),
    idleTimeoutMillis: 30_000,
    query_timeout: ms("DATABASE_QUERY_TIMEOUT_MS", 20_000),
    statement_timeout: ms("DATABASE_STATEMENT_TIMEOUT_MS", 15_000),
    idle_in_transaction_session_timeout: 40_000,
    application_name: "council-marketplace",
  };
}

export function sqliteFileIdentity(url: string): string | null {
  try {
    const stat = fs.statSync(sqliteFilePath(url));
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);

/** Drops a connection after a fault so the next request opens a fresh one. */
function retire(entry: ClientEntry) {
  if (globalThis.__cmPrisma === entry) globalThis.__cmPrisma = undefined;
  if (entry.retired) return;
  entry.retired = true;
  // At once: a SQLite connection whose write failed half-way can keep the write lock, and the
  // fresh connection would wait on it (better-sqlite3 waits synchronously, freezing the process).
  void entry.client.$disconnect().catch(() => {});
}

function assertSameFile(entry: ClientEntry) {
  if (entry.fileId === null) return;
  const current = sqliteFileIdentity(entry.url);
  if (current !== entry.fileId) {
    throw new DatabaseFileReplacedError(
      `The SQLite database file ${sqliteFilePath(entry.url)} has been removed or replaced while the service was running; writes are refused until it is back (restore it, or restart with the right file).`,
    );
  }
  // The connection opened before a chmod would go on writing: refuse as a fresh one would.
  try {
    fs.accessSync(sqliteFilePath(entry.url), fs.constants.W_OK);
  } catch {
    throw new DatabaseFileReadOnlyError(`attempt to write a readonly database: ${sqliteFilePath(entry.url)} is not writable`);
  }
}

/** A database fault becomes a 503 for this request, logged with its cause (and the request id); other errors pass. */
function translateFault(error: unknown, entry: ClientEntry): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  log.error({ err: error, database: databaseKindOf(entry.url) }, "database unavailable");
  if (needsFreshConnection(error)) retire(entry);
  return unavailableResponse();
}

function withFaultHandling(entry: ClientEntry): PrismaClient {
  return entry.client.$extends({
    query: {
      $allModels: {
        async $allOperations({ operation, args, query }) {
          try {
            if (WRITES.has(operation)) assertSameFile(entry);
            return await query(args);
          } catch (error) {
            throw translateFault(error, entry);
          }
        },
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * SQLite makes the -wal and -shm files with the database file's mode: a connection opened while
 * the file was read-only leaves them read-only, and every later connection read-only with them,
 * after the file is writable again. Ours to fix: they are given the database file's mode back.
 */
function repairSidecarModes(file: string) {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    const mode = fs.statSync(file).mode & 0o666;
    for (const sidecar of [`${file}-wal`, `${file}-shm`]) {
      try {
        fs.accessSync(sidecar, fs.constants.W_OK);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EACCES") fs.chmodSync(sidecar, mode);
      }
    }
  } catch {
    // the file itself is not writable (or not there): writes are refused before they start
  }
}

function getEntry(): ClientEntry {
  // Read per call (not cached) so each test file can point at its own database.
  const url = process.env.DATABASE_URL || getEnv().DATABASE_URL;
  if (!globalThis.__cmPrisma || globalThis.__cmPrisma.url !== url) {
    const fileId = isPostgresUrl(url) ? null : sqliteFileIdentity(url);
    if (!isPostgresUrl(url) && fileId === null) {
      log.error({ file: sqliteFilePath(url) }, "database file missing: writes and reads refused until it is back");
      throw unavailableResponse();
    }
    if (!isPostgresUrl(url)) repairSidecarModes(sqliteFilePath(url));
    const entry: ClientEntry = { url, client: undefined as unknown as PrismaClient, fileId };
    entry.client = createPrismaClient(url, { onServerUnresponsive: () => retire(entry) });
    entry.client = withFaultHandling(entry);
    globalThis.__cmPrisma = entry;
  }
  return globalThis.__cmPrisma;
}

const FAULT_TRANSLATED_METHODS = new Set(["$transaction", "$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe"]);

// A proxy so importers keep one `prisma` name while tests can point DATABASE_URL elsewhere,
// and so a fault in a transaction or raw query is a 503 like any other.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const entry = getEntry();
    const value: unknown = Reflect.get(entry.client, prop);
    if (typeof value !== "function") return value;
    if (!FAULT_TRANSLATED_METHODS.has(String(prop))) return value.bind(entry.client);
    return (...args: unknown[]) => {
      if (prop !== "$queryRaw" && prop !== "$queryRawUnsafe") {
        try {
          assertSameFile(entry);
        } catch (error) {
          return Promise.reject(translateFault(error, entry));
        }
      }
      return ((value as (...a: unknown[]) => Promise<unknown>).apply(entry.client, args) as Promise<unknown>).catch((error: unknown) => {
        throw translateFault(error, entry);
      });
    };
  },
});

/** Health: null when the SQLite file this process uses is in place, else what is wrong. */
export function databaseFileProblem(): string | null {
  const url = process.env.DATABASE_URL || getEnv().DATABASE_URL;
  if (isPostgresUrl(url)) return null;
  const current = sqliteFileIdentity(url);
  if (current === null)
    return `The database file ${sqliteFilePath(url)} is missing: it was removed or replaced while the service was running`;
  const entry = globalThis.__cmPrisma;
  if (entry && entry.url === url && entry.fileId !== current)
    return `The database file ${sqliteFilePath(url)} has been removed or replaced while the service was running`;
  return null;
}

function databaseKindOf(url: string): "sqlite" | "postgresql" {
  return isPostgresUrl(url) ? "postgresql" : "sqlite";
}

export function databaseKind(): "sqlite" | "postgresql" {
  return isPostgresUrl(process.env.DATABASE_URL || getEnv().DATABASE_URL) ? "postgresql" : "sqlite";
}
