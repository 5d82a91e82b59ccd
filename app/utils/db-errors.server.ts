// Database faults (disk full, file read-only or gone, server down or paused, pool exhausted)
// become one clear 503 for the request that met them, never a generic 500 or a hang.
import { serviceUnavailable } from "./http.server";
export const UNAVAILABLE_MESSAGE =
  "The service is having a problem with its database. Your last change may not have been saved: check it before you repeat it.";

const SQLITE_UNAVAILABLE = new Set([
  "SQLITE_FULL",
  "SQLITE_IOERR",
  "SQLITE_READONLY",
  "SQLITE_CANTOPEN",
  "SQLITE_CORRUPT",
  "SQLITE_NOTADB",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
]);
/** Faults after which this process's connection may be unusable: open a fresh one. */
const SQLITE_RESET = new Set(["SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_CORRUPT", "SQLITE_NOTADB"]);
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);
const MESSAGE_UNAVAILABLE =
  /database is locked|disk I\/O error|database or disk is full|readonly database|unable to open database|file is not a database|ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection timeout|timeout exceeded when trying to connect|Operation has timed out|Query read timeout|statement timeout|idle-in-transaction timeout|terminating connection|the database system is (starting up|shutting down)|too many clients|Unable to start a transaction|Transaction already closed|has been removed or replaced|read-only transaction/i;

function codes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== "object" || depth > 4) return [];
  const e = error as {
    code?: unknown;
    name?: unknown;
    cause?: unknown;
    meta?: unknown;
    extendedCode?: unknown;
    originalCode?: unknown;
    kind?: unknown;
  };
  const own = [e.code, e.name, e.extendedCode, e.originalCode, e.kind].filter((c): c is string => typeof c === "string");
  return [...own, ...codes(e.cause, depth + 1), ...codes(e.meta, depth + 1)];
}

function messages(error: unknown, depth = 0): string {
  if (!error || typeof error !== "object" || depth > 4) return String(error ?? "");
  const e = error as { message?: unknown; cause?: unknown; meta?: unknown };
  return [typeof e.message === "string" ? e.message : "", messages(e.cause, depth + 1), e.meta ? JSON.stringify(e.meta) : ""].join(" ");
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Response) return false;
  const found = codes(error);
  if (
    found.some(
      (c) =>
        PRISMA_UNAVAILABLE.has(c) || SQLITE_UNAVAILABLE.has(c.split("_").slice(0, 2).join("_")) || /^(08|53|57P)/.test(c) || c === "25006",
    )
  )
    return true;
  return MESSAGE_UNAVAILABLE.test(messages(error));
}

export function needsFreshConnection(error: unknown): boolean {
  const found = codes(error);
  if (
    found.some(
      (c) => SQLITE_RESET.has(c.split("_").slice(0, 2).join("_")) || /^(08|57P)/.test(c) || c === "P1001" || c === "P1017" || c === "25006",
    )
  )
    return true;
  return /disk I\/O error|database or disk is full|readonly database|unable to open database|file is not a database|ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|has been removed or replaced|Transaction already closed|Unable to start a transaction|read-only transaction/i.test(
    messages(error),
  );
}

export class DatabaseFileReplacedError extends Error {
  code = "CM_DATABASE_FILE_REPLACED";
}

/** The SQLite file was made read-only while running: writes stop as a fresh connection's would. */
export class DatabaseFileReadOnlyError extends Error {
  code = "SQLITE_READONLY";
}

/** The 503 a loader or action throws; the root error boundary shows it as a page. */
export function unavailableResponse(): Response {
  return serviceUnavailable(UNAVAILABLE_MESSAGE);
}
