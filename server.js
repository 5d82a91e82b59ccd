// Production server: Express in front of the Remix build, adding security headers,
// a per-request CSP nonce, a body-size limit and a cross-site request check before any
// action runs. One worker per core by default (WEB_CONCURRENCY to change).
import { fork } from "node:child_process";
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import compression from "compression";
import express from "express";
import {
  createNonce,
  csrfProtection,
  crossSiteRefusal,
  MAX_BODY_BYTES,
  remixRequestHandler,
  securityHeaders,
  sendRefusal,
  streamingBodyLimit,
} from "./server/security.js";
import { errorSummary, log, requestLogging, runWithRequest } from "./server/log.js";
import { publicPageCache } from "./server/page-cache.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
process.env.NODE_ENV ??= "production";
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
// The local .env that `npm run setup` writes ("Not for production") has no PUBLIC_URL yet:
// for that quick start only, links in mail point at this machine. A real deployment sets
// PUBLIC_URL and production refuses to start without it (app/utils/env.server.ts).
if (
  !process.env.PUBLIC_URL &&
  fs.existsSync(".env") &&
  fs.readFileSync(".env", "utf8").startsWith("# Local settings written by npm run setup")
) {
  process.env.PUBLIC_URL = `http://localhost:${port}`;
  log.warn(
    `PUBLIC_URL is not set: using ${process.env.PUBLIC_URL} for links in mail (local quick start). Set PUBLIC_URL for any real deployment.`,
  );
}
// Outside production without a SESSION_SECRET, one random secret for this run, shared by
// every worker (they inherit the environment); never a constant from the source.
if (!production && !process.env.SESSION_SECRET) {
  process.env.SESSION_SECRET = crypto.randomBytes(32).toString("hex");
  log.warn(
    "SESSION_SECRET is not set: using a random secret for this run (sessions end on restart). Run npm run setup to write one to .env.",
  );
}
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));

const build = await import(path.resolve("build/index.js"));
// The stylesheet's content hash, so browsers may cache it for good and still get a new one after a deploy.
const STYLESHEET_VERSION = fs.existsSync("public/styles/app.css")
  ? crypto.createHash("sha256").update(fs.readFileSync("public/styles/app.css")).digest("hex").slice(0, 12)
  : "dev";
const STYLESHEET_HREF = `/styles/app.css?v=${STYLESHEET_VERSION}`;

if (process.env.CM_SEARCH_PROCESS) {
  await runSearchProcess(process.env.CM_SEARCH_PROCESS);
} else if (cluster.isPrimary && workers > 1) {
  // Migrations run once, here, before any worker starts.
  await startOrExit(() => build.entry.module.prepareDatabaseOnly());
  // With the embedded engine, one search process per machine holds the index and follows the
  // search outbox; the workers query it over a Unix socket (docs/decisions/0014-own-inverted-index-and-one-build-per-machine.md).
  const search = build.entry.module.wantsSearchProcess() ? superviseSearchProcess() : null;
  // A crashed worker is restarted with back-off; only a burst of crashes slows restarts down,
  // never the lifetime total (a long-running site must survive its sixth crash).
  const CRASH_WINDOW_MS = 5 * 60_000;
  let crashes = [];
  let stopping = false;
  const workerEnv = search ? { CM_SEARCH_SOCKET: search.socketPath } : {};
  for (let i = 0; i < workers; i++) cluster.fork(workerEnv);
  // Once every worker has stopped, the search process (in-flight requests may still search).
  const finish = () => (search ? search.stop().then(() => process.exit(0)) : process.exit(0));
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) void finish();
      return;
    }
    if (code === 0 && !signal) return;
    const at = Date.now();
    crashes = crashes.filter((t) => at - t < CRASH_WINDOW_MS).concat(at);
    const delay = Math.min(30_000, 500 * 2 ** (crashes.length - 1));
    log.error(
      { workerPid: worker.process.pid, code, signal, recentCrashes: crashes.length, restartInMs: delay },
      "worker exited; restarting",
    );
    setTimeout(() => cluster.fork(workerEnv), delay);
  });
  // Graceful stop (systemd sends SIGTERM): workers finish in-flight requests, then exit.
  for (const sig of ["SIGTERM", "SIGINT"]) {
    process.on(sig, () => {
      stopping = true;
      search?.stopping();
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 15_000).unref();
      if (Object.keys(cluster.workers ?? {}).length === 0) void finish();
    });
  }
} else {
  await startServer();
}

/**
 * The primary's search process: started once, restarted with back-off when it dies (the workers
 * answer searches with "search unavailable" meanwhile and reconnect by themselves), stopped last.
 * Its socket lives in a directory only this user can open, removed when the primary exits.
 */
function superviseSearchProcess() {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "cm-search-"));
  const socketPath = path.join(directory, "search.sock");
  process.on("exit", () => fs.rmSync(directory, { recursive: true, force: true }));
  let child = null;
  let stopping = false;
  let crashes = [];
  const start = () => {
    child = fork(process.argv[1], process.argv.slice(2), {
      env: { ...process.env, CM_SEARCH_PROCESS: socketPath },
      execArgv: process.execArgv,
    });
    child.on("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      const at = Date.now();
      crashes = crashes.filter((t) => at - t < 5 * 60_000).concat(at);
      const delay = Math.min(30_000, 500 * 2 ** (crashes.length - 1));
      log.error({ code, signal, recentCrashes: crashes.length, restartInMs: delay }, "search process exited; restarting");
      setTimeout(() => {
        if (!stopping) start();
      }, delay);
    });
  };
  start();
  return {
    socketPath,
    pid: () => child?.pid,
    stopping: () => {
      stopping = true;
    },
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        if (!child) return resolve();
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

/** The search process (see superviseSearchProcess): the index, its outbox follower and the socket. */
async function runSearchProcess(socketPath) {
  // The primary gone (killed): nothing would stop this process, so it stops itself.
  process.on("disconnect", () => process.exit(0));
  const handle = await startOrExit(() => build.entry.module.startSearchProcess(socketPath));
  let closing = false;
  process.on("SIGTERM", () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    handle
      .close()
      .then(() => build.entry.module.shutdown())
      .catch(() => {})
      .finally(() => process.exit(0));
  });
  process.on("SIGINT", () => {}); // Ctrl-C reaches the whole group: the primary stops this process last.
}

/**
 * Start-up with a dependency not there yet (database starting, network) retries with a clear log
 * line, then exits with one line saying what is wrong (a supervisor restarts it), never a stack.
 */
async function startOrExit(step, attempts = 5) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      // One line, but all of it (an invalid environment lists each setting), never a stack.
      const message = (error instanceof Error ? error.message : String(error))
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean)
        .join(" ");
      if (attempt >= attempts) {
        // The one line a person reads (stderr), then the same as a log line for the log store.
        console.error(`Council Marketplace could not start: ${message}`);
        log.fatal({ attempts }, `could not start: ${message}`);
        log.flush?.();
        process.exit(1);
      }
      const delay = 1_000 * 2 ** (attempt - 1);
      log.error({ attempt, attempts, retryInMs: delay }, `start-up failed, retrying: ${message}`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function startServer() {
  // Validates the environment, migrates, and builds the search index before serving.
  await startOrExit(() => build.entry.module.startup());

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "true");

  // First: every request gets its id and one log line, refusals included.
  app.use(requestLogging());

  app.use((req, res, next) => {
    // The client address (req.ip honours TRUST_PROXY) for code that has only the Request
    // (audit of refused authorisations); whatever a client sent in this header is replaced.
    req.headers["x-cm-client-ip"] = req.ip ?? "unknown";
    res.locals.nonce = createNonce();
    res.set(securityHeaders({ nonce: res.locals.nonce, production }));
    const refusal = crossSiteRefusal({
      method: req.method,
      host: req.get("host") ?? "",
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (refusal) {
      sendRefusal(
        res,
        403,
        "Sorry, this form could not be sent",
        ["It was sent from another website. Go to the Council Marketplace and try again there."],
        `Forbidden: ${refusal}`,
      );
      return;
    }
    next();
  });

  // gzip (or brotli where asked) for HTML, JS, CSS and JSON; tiny responses are left alone.
  app.use(compression({ threshold: 1024 }));

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // The stylesheet is linked as /styles/app.css?v=<content hash> (app/root.tsx): that URL is
  // cached for a year; the bare URL (used by the server's own error pages) for an hour.
  app.use(
    express.static("public", {
      maxAge: "1h",
      setHeaders(res, filePath) {
        if (filePath.endsWith(`${path.sep}app.css`) && res.req.query.v === STYLESHEET_VERSION) {
          res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        }
      },
    }),
  );

  // Bodies larger than any form needs (CSV uploads are at most 1 MB) are refused while they
  // stream in, whatever Content-Length says (chunked too); then every non-GET request must
  // carry the CSRF token of its browser's cookie (server/security.js).
  // Listing documents may be up to 10 MB (app/models/listing-document.schema.ts), with room for the form around them.
  app.use(
    streamingBodyLimit({
      maxBytes: MAX_BODY_BYTES,
      uploads: [{ path: /^\/supplier\/listings\/[^/]+\/documents$/, maxBytes: 10_500_000 }],
    }),
  );
  const secureCookies = process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === "true" : production;
  app.use(csrfProtection({ secret: process.env.SESSION_SECRET, secure: secureCookies }));

  // The request context again: the body was read in stream events, which run outside it.
  app.use((req, res, next) => runWithRequest(res.locals.requestStore, next));

  // Anonymous GETs of public pages (server/page-cache.js).
  app.use(publicPageCache({ build }));

  // Remix, given the body already read, with Cache-Control: no-store on every private response.
  app.all(
    "*",
    remixRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({
        nonce: res.locals.nonce,
        ip: req.ip ?? "unknown",
        csrfToken: res.locals.csrfToken ?? "",
        requestId: res.locals.requestId,
        stylesheetHref: STYLESHEET_HREF,
      }),
    }),
  );

  // An error no route caught (Remix answers its own): logged with the request id, a plain 500.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- Express knows an error handler by its four parameters
  app.use((error, req, res, _next) => {
    log.error({ err: errorSummary(error) }, "unhandled request error");
    if (res.headersSent) return res.destroy();
    sendRefusal(
      res,
      500,
      "Sorry, there is a problem with the service",
      ["Try again later.", `If you contact us about this, quote reference ${res.locals.requestId}.`],
      `Internal server error (reference ${res.locals.requestId}).`,
    );
  });

  const server = app.listen(port, () => {
    log.info({ port }, `Council Marketplace on http://localhost:${port}${cluster.isWorker ? ` (worker ${process.pid})` : ""}`);
  });

  // SIGTERM: stop accepting connections, let in-flight requests finish (10 s at most), stop
  // the job runner and search follower, close the database, exit 0 (not restarted).
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      build.entry.module
        .shutdown()
        .catch(() => {})
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections?.();
  };
  process.on("SIGTERM", stop);
  if (!cluster.isWorker) process.on("SIGINT", stop);
}
