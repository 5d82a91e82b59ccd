// Production server: Express in front of the Remix build, adding security headers,
// a per-request CSP nonce and a cross-site request check before any action runs.
import fs from "node:fs";
import path from "node:path";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { createNonce, securityHeaders, crossSiteRefusal } from "./server/security.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
process.env.NODE_ENV ??= "production";
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);

const build = await import(path.resolve("build/index.js"));
// Validates the environment and prepares the database and search index before serving.
await build.entry.module.startup?.();

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
  next();
});

// Bodies larger than any form needs (CSV uploads are at most 1 MB) are refused before parsing.
const MAX_BODY_BYTES = 2_000_000;
app.use((req, res, next) => {
  const length = Number(req.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
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
  console.log(`Council Marketplace on http://localhost:${port}`);
});
