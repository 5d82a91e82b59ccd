// Production server: Express in front of the Remix build, adding security headers,
// a per-request CSP nonce, a body-size limit and a cross-site request check before any
// action runs. One worker per core by default (WEB_CONCURRENCY to change).
import cluster from "node:cluster";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { createNonce, securityHeaders, crossSiteRefusal } from "./server/security.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
process.env.NODE_ENV ??= "production";
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));
// Bodies larger than any form needs (CSV uploads are at most 1 MB) are refused before parsing.
const MAX_BODY_BYTES = 2_000_000;

const build = await import(path.resolve("build/index.js"));

if (cluster.isPrimary && workers > 1) {
  // Migrations run once, here, before any worker starts. Each worker keeps its own
  // embedded search index and follows the search outbox (docs/decisions/0007-search-outbox.md).
  await build.entry.module.prepareDatabaseOnly();
  let restarts = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (code === 0) return;
    restarts += 1;
    console.error(`worker ${worker.process.pid} exited with ${code}`);
    if (restarts <= 5) cluster.fork();
    else process.exit(1);
  });
} else {
  await startServer();
}

async function startServer() {
  // Validates the environment, migrates, and builds the search index before serving.
  await build.entry.module.startup();

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", process.env.TRUST_PROXY === "true");

  app.use((req, res, next) => {
    res.locals.nonce = createNonce();
    res.set(securityHeaders({ nonce: res.locals.nonce, production }));
    const refusal = crossSiteRefusal({
      method: req.method,
      host: req.get("host") ?? "",
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
    });
    if (refusal) {
      res.status(403).type("text/plain").send(`Forbidden: ${refusal}`);
      return;
    }
    if (Number(req.get("content-length") ?? 0) > MAX_BODY_BYTES) {
      res.status(413).type("text/plain").send("The request is too large. Forms accept at most 2 MB.");
      return;
    }
    next();
  });

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ nonce: res.locals.nonce, ip: req.ip ?? "unknown" }),
    }),
  );

  app.listen(port, () => {
    console.log(`Council Marketplace on http://localhost:${port}${cluster.isWorker ? ` (worker ${process.pid})` : ""}`);
  });
}
