// HTTP-level protections applied to every response and every state-changing request.
import crypto from "node:crypto";
import { createRequestHandler as createRemixNodeHandler, writeReadableStreamToWritable } from "@remix-run/node";

export function createNonce() {
  return crypto.randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

export function securityHeaders({ nonce, production }) {
  const headers = {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (production) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses cross-site state-changing requests (CSRF): browsers send Sec-Fetch-Site and
 * Origin on every POST, so a form posted from another site is recognised and refused.
 * Requests with neither header come from non-browser clients, which carry no ambient cookies.
 * Returns null when allowed, or a reason string.
 */
export function crossSiteRefusal({ method, host, origin, secFetchSite }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (secFetchSite && !["same-origin", "none"].includes(secFetchSite)) {
    return `cross-site request refused (Sec-Fetch-Site: ${secFetchSite})`;
  }
  if (origin && origin !== "null") {
    let originHost;
    try {
      originHost = new URL(origin).host;
    } catch {
      return "cross-site request refused (malformed Origin)";
    }
    if (originHost !== host) return `cross-site request refused (Origin ${origin})`;
  } else if (origin === "null") {
    return "cross-site request refused (opaque Origin)";
  }
  return null;
}

// ── pages for refusals made before the app runs (GOV.UK styled, no script) ──────────────

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** A minimal GOV.UK page with the portal's stylesheet, for answers given before Remix runs. */
export function refusalPage({ title, paragraphs }) {
  return `<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head><meta charset="utf-8"><title>${escapeHtml(title)} – Council Marketplace</title><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/styles/app.css"></head>
<body class="govuk-template__body">
<header class="govuk-header" data-module="govuk-header"><div class="govuk-header__container govuk-width-container"><div class="govuk-header__logo"><a href="/" class="govuk-header__link govuk-header__service-name">Council Marketplace</a></div></div></header>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content" role="main">
<h1 class="govuk-heading-l">${escapeHtml(title)}</h1>
${paragraphs.map((p) => `<p class="govuk-body">${escapeHtml(p)}</p>`).join("\n")}
<p class="govuk-body"><a class="govuk-link" href="/">Go to the Council Marketplace home page</a></p>
</main></div>
</body>
</html>`;
}

export function sendRefusal(res, status, title, paragraphs, plain) {
  res.status(status);
  res.set("Cache-Control", "no-store");
  res.format({
    html: () => res.type("html").send(refusalPage({ title, paragraphs })),
    default: () => res.type("text/plain").send(plain ?? `${title}. ${paragraphs.join(" ")}`),
  });
}

// ── a real streaming body limit (issue 12 finding 7) ────────────────────────────────────

export const MAX_BODY_BYTES = 2_000_000;
const DISCARD_BYTES = 4_000_000;
const DISCARD_MS = 5_000;

/**
 * Reads every non-GET body (urlencoded, multipart, JSON, anything) before the app does,
 * counting bytes as they arrive: a declared Content-Length over the limit is refused at
 * once, and a chunked (or lying) body is refused with 413 the moment it passes the limit —
 * reading stops and the connection is closed, so memory stays bounded. The body read is
 * kept as req.rawBody (at most maxBytes) for the CSRF check and the app.
 */
export function streamingBodyLimit({ maxBytes: defaultMaxBytes = MAX_BODY_BYTES, uploads = [] } = {}) {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method.toUpperCase())) return next();
    // Upload routes that take larger files (listing documents) name their own limit.
    const maxBytes = uploads.find((u) => u.path.test(req.path))?.maxBytes ?? defaultMaxBytes;
    const megabytes = `${Math.round(maxBytes / 1_000_000)} MB`;
    const tooLarge = () => {
      // A browser still sending reads the answer only if its upload is not cut at once
      // (and Connection: close would make Node cut it as soon as the answer is written): so
      // a little more is read and thrown away (never kept), then the socket is destroyed —
      // after DISCARD_BYTES or DISCARD_MS at most, however much the client means to send.
      let discarded = 0;
      const cut = () => req.socket.destroy();
      const timer = setTimeout(cut, DISCARD_MS);
      timer.unref();
      req.on("end", () => clearTimeout(timer));
      req.on("data", (chunk) => {
        discarded += chunk.length;
        if (discarded > DISCARD_BYTES) cut();
      });
      req.resume();
      sendRefusal(
        res,
        413,
        "The form is too large to send",
        [`This form accepts at most ${megabytes}. Go back, make the upload or text smaller, and try again.`],
        `The request is too large. This form accepts at most ${megabytes}.`,
      );
    };
    const declared = req.get("content-length");
    if (declared !== undefined && !(Number(declared) <= maxBytes)) {
      tooLarge();
      return;
    }
    const chunks = [];
    let size = 0;
    let settled = false;
    const onData = (chunk) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        settled = true;
        chunks.length = 0;
        req.off("data", onData);
        tooLarge();
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => {
      if (settled) return;
      settled = true;
      req.rawBody = Buffer.concat(chunks, size);
      next();
    });
    req.on("error", (error) => {
      if (settled) return;
      settled = true;
      next(error);
    });
  };
}

// ── CSRF: a signed double-submit token on every non-GET request (issue 12, item 22) ─────

export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "x-csrf-token";

function csrfCookieName(secure) {
  return secure ? "__Host-cm_csrf" : "cm_csrf";
}

function readCookie(header, name) {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The form token for a browser's CSRF cookie value: HMAC-SHA256 under a key derived from the secret. */
export function csrfTokenFor(secret, cookieValue) {
  const key = crypto.createHmac("sha256", secret).update("council-marketplace csrf v1").digest();
  return crypto.createHmac("sha256", key).update(cookieValue).digest("base64url");
}

async function submittedCsrfToken(req) {
  const header = req.get(CSRF_HEADER);
  if (header) return header;
  const body = req.rawBody;
  if (!body || !body.length) return undefined;
  const type = (req.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("application/x-www-form-urlencoded"))
      return new URLSearchParams(body.toString("utf8")).get(CSRF_FIELD) ?? undefined;
    if (type.startsWith("multipart/form-data")) {
      const form = await new Request("http://csrf.invalid/", {
        method: "POST",
        headers: { "Content-Type": req.get("content-type") },
        body,
      }).formData();
      const value = form.get(CSRF_FIELD);
      return typeof value === "string" ? value : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function sameToken(a, b) {
  const left = Buffer.from(String(a));
  const right = Buffer.from(String(b));
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}

/**
 * Every browser gets a random, HttpOnly CSRF cookie (__Host- prefixed when secure); pages
 * put HMAC(secret, cookie) in a hidden _csrf field of every non-GET form (app/components/form.tsx,
 * via res.locals.csrfToken → the load context → the root loader). A non-GET request whose
 * field (or X-CSRF-Token header) does not match its cookie is refused with a 403 page,
 * whatever its Origin and Sec-Fetch-Site say: an attacker's page can neither read the
 * cookie nor compute the token. Runs after streamingBodyLimit (it reads req.rawBody).
 */
export function csrfProtection({ secret, secure }) {
  if (!secret) throw new Error("csrfProtection needs a secret");
  const name = csrfCookieName(secure);
  const cookieFlags = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return async (req, res, next) => {
    try {
      let id = readCookie(req.get("cookie"), name);
      if (id && !/^[A-Za-z0-9_-]{32,64}$/.test(id)) id = undefined;
      const issue = () => {
        id = crypto.randomBytes(32).toString("base64url");
        res.append("Set-Cookie", `${name}=${id}; ${cookieFlags}`);
      };
      if (SAFE_METHODS.has(req.method.toUpperCase())) {
        if (!id) issue();
        res.locals.csrfToken = csrfTokenFor(secret, id);
        return next();
      }
      const submitted = await submittedCsrfToken(req);
      if (!id || !submitted || !sameToken(submitted, csrfTokenFor(secret, id))) {
        if (!id) issue();
        sendRefusal(
          res,
          403,
          "Sorry, this form could not be sent",
          [
            "The page you sent it from was out of date, or the form was sent from another website.",
            "Go back, reload the page and try again.",
          ],
          "Forbidden: the form's security token is missing or does not match. Reload the page and try again.",
        );
        return;
      }
      res.locals.csrfToken = csrfTokenFor(secret, id);
      next();
    } catch (error) {
      next(error);
    }
  };
}

// ── Cache-Control: no-store on anything private (issue 12 finding 14) ───────────────────

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?cm_session=/;

/**
 * A response must not be stored by the browser or any cache when it was made for a
 * signed-in user (the request carries the session cookie, so every page, .data and
 * resource response — CSV exports too — is covered) or when it sets a cookie.
 */
export function mustNotBeStored(requestCookieHeader, responseHeaders) {
  return SESSION_COOKIE.test(requestCookieHeader ?? "") || responseHeaders.has("set-cookie");
}

// ── the Remix handler: the already-read body, and no-store on private responses ─────────

/** The Fetch Request for Remix, as @remix-run/express builds it, with the body read by streamingBodyLimit. */
export function remixRequest(req, res) {
  // req.hostname honours "trust proxy"; the port comes from X-Forwarded-Host or Host (as the adapter does).
  const portOf = (value) => Number.parseInt(value?.split(":")[1] ?? "", 10);
  const port = [portOf(req.get("x-forwarded-host")), portOf(req.get("host"))].find((p) => Number.isSafeInteger(p));
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const init = { method: req.method, headers: remixHeaders(req.headers), signal: controller.signal };
  // Only non-GET requests have a rawBody (streamingBodyLimit): GET and HEAD never carry one.
  if (req.rawBody) init.body = req.rawBody;
  return new Request(url.href, init);
}

// As @remix-run/express does (its package exports only createRequestHandler).
function remixHeaders(requestHeaders) {
  const headers = new Headers();
  for (const [key, values] of Object.entries(requestHeaders)) {
    if (!values) continue;
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else headers.set(key, values);
  }
  return headers;
}

async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function remixRequestHandler({ build, mode, getLoadContext }) {
  const handle = createRemixNodeHandler(build, mode);
  return async (req, res, next) => {
    try {
      const request = remixRequest(req, res);
      let response = await handle(request, await getLoadContext?.(req, res));
      if (mustNotBeStored(req.get("cookie"), response.headers)) {
        const headers = new Headers(response.headers);
        headers.set("Cache-Control", "no-store");
        response = new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}
