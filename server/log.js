// The one logger: JSON lines (pino) on stdout, one per request and per error, each carrying the
// request id (and the signed-in user's id) of the request it belongs to. Used by server.js and,
// through app/utils/log.server.ts, by the app. Both load this file (server.js directly, the app
// bundled into build/), so the logger and the request context live on globalThis: one of each.
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import pino from "pino";

// Never in a log line, wherever they appear in what is logged.
const REDACT = [
  "password",
  "*.password",
  "token",
  "*.token",
  "cookie",
  "*.cookie",
  "headers.cookie",
  "headers.authorization",
  "*.headers.cookie",
  "*.headers.authorization",
  "body",
  "*.body",
];

/** @returns {{ logger: import("pino").Logger, context: AsyncLocalStorage<{ requestId: string, userId?: string }> }} */
function shared() {
  const g = /** @type {any} */ (globalThis);
  if (!g.__cmLog) {
    const context = new AsyncLocalStorage();
    const logger = pino({
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: "[redacted]" },
      serializers: { err: errorSummary, error: errorSummary },
      // Every line written while a request is being handled names that request.
      mixin() {
        const store = context.getStore();
        return store ? { requestId: store.requestId, ...(store.userId ? { userId: store.userId } : {}) } : {};
      },
    });
    g.__cmLog = { logger, context };
  }
  return g.__cmLog;
}

/**
 * An error as a log field: its kind, code and first 1,000 characters of message and stack;
 * never the whole object (a Prisma or pg error can carry query parameters).
 * @param {unknown} error
 */
export function errorSummary(error) {
  if (!error || typeof error !== "object") return { message: String(error).slice(0, 1_000) };
  const e = /** @type {{ name?: unknown, code?: unknown, message?: unknown, stack?: unknown, status?: unknown }} */ (error);
  if (typeof Response !== "undefined" && error instanceof Response) return { response: error.status };
  return {
    type: typeof e.name === "string" ? e.name : undefined,
    code: typeof e.code === "string" || typeof e.code === "number" ? e.code : undefined,
    message: typeof e.message === "string" ? e.message.slice(0, 1_000) : undefined,
    stack: typeof e.stack === "string" ? e.stack.split("\n").slice(0, 8).join("\n").slice(0, 1_000) : undefined,
  };
}

export const log = shared().logger;

/**
 * Runs `fn` (and everything it starts) as part of the request `store`.
 * @template T
 * @param {{ requestId: string, userId?: string }} store
 * @param {() => T} fn
 * @returns {T}
 */
export function runWithRequest(store, fn) {
  return shared().context.run(store, fn);
}

/** The request being handled, if any. */
export function currentRequest() {
  return shared().context.getStore();
}

/**
 * Notes the signed-in user for the current request's log line.
 * @param {string} userId
 */
export function noteRequestUser(userId) {
  const store = shared().context.getStore();
  if (store) store.userId = userId;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The request id: the one a proxy sent in X-Request-Id when it is plainly an id (8–64 letters,
 * digits and hyphens), else a new one, so a user can quote it and it can be found in the logs.
 * @param {string | undefined} incoming
 */
export function requestIdFrom(incoming) {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Express middleware: gives each request its id (X-Request-Id on the response) and writes one
 * line when it ends: method, path (never the query string, which can carry tokens), status,
 * duration and the user id when signed in. No headers, cookies or bodies.
 * @returns {(req: any, res: any, next: () => void) => void}
 */
export function requestLogging() {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const store = { requestId: requestIdFrom(req.get("x-request-id")) };
    res.locals.requestStore = store;
    res.locals.requestId = store.requestId;
    res.set("X-Request-Id", store.requestId);
    let written = false;
    const line = (aborted) => {
      if (written) return;
      written = true;
      const status = aborted ? 499 : res.statusCode;
      const fields = {
        requestId: store.requestId,
        method: req.method,
        path: redactPath(req.path),
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(store.userId ? { userId: store.userId } : {}),
      };
      if (status >= 500) log.error(fields, "request");
      else log.info(fields, "request");
    };
    res.on("finish", () => line(false));
    res.on("close", () => line(!res.writableFinished));
    runWithRequest(store, next);
  };
}

// Paths whose last part is a secret (invitation links): the secret is replaced in the log.
const SECRET_PATHS = [/^(\/invitations\/)[^/]+/];

/** @param {string} path */
export function redactPath(path) {
  let out = path;
  for (const pattern of SECRET_PATHS) out = out.replace(pattern, "$1[redacted]");
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}
