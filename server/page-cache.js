// The public-page cache (issue 17 item 4): anonymous GETs (and HEADs) of the public pages are
// answered from memory, per worker, instead of running Remix each time.
//
// server.js mounts it after compression, the CSRF cookie and the request context, just before
// the Remix handler: what it keeps is the uncompressed page, and compression still answers each
// client's Accept-Encoding (Vary: Accept-Encoding). What keeps it correct:
// - Only requests without a session cookie (and without Authorization) are served from or stored
//   in it, so a signed-in user's page is never kept and a signed-in user never gets a kept page.
// - Only 200 HTML answers that set no cookie of their own, are not marked no-store or private,
//   and are at most MAX_ENTRY_BYTES; never 404s or errors (they are cheap, and random addresses
//   would push real pages out).
// - What is particular to one response is cut out of the kept page and put back per answer:
//   the CSP nonce (this response's, matching its Content-Security-Policy header), the CSRF form
//   token of this browser's cookie (in the root data, and in any form's hidden field) and the
//   idempotency seed of the page's forms (a fresh one). A page in which any of them still shows
//   after that, or which shows the request id, is not kept.
// - Pages are kept per data generation (app/models/public-data-generation.server.ts: the newest
//   search-outbox row and audit event): asked at most every CHECK_MS, and at once after any
//   non-GET request this worker answered; a page kept under another generation is not served.
//   MAX_AGE_MS bounds what no generation sees (a date that moves at midnight).
// - Bounded memory: least recently used pages go first beyond MAX_BYTES.
// PAGE_CACHE_MAX_BYTES=0 turns it off.
import crypto from "node:crypto";

const MAX_BYTES = Number(process.env.PAGE_CACHE_MAX_BYTES ?? 32 * 1024 * 1024);
const MAX_ENTRY_BYTES = 512 * 1024;
const MAX_AGE_MS = Number(process.env.PAGE_CACHE_MAX_AGE_MS ?? 30_000);
const CHECK_MS = 250;
const MAX_KEY_LENGTH = 2_048;
const REGISTRY = "__cmPublicDataGeneration";

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?cm_session=/;
const PUBLIC_PAGES = [
  /^\/$/,
  /^\/search$/,
  /^\/products\/[^/]+$/,
  /^\/frameworks(?:\/[^/]+)?$/,
  /^\/suppliers\/(?!register$)[^/]+$/,
  /^\/councils\/[^/]+$/,
  /^\/case-studies(?:\/(?!new$)[^/]+)?$/,
];
// Headers a kept page's answer must not carry over: compression decides them per request.
const NOT_KEPT = new Set(["content-length", "content-encoding", "vary", "transfer-encoding", "x-page-cache"]);
const SEED = /formSeed\\*",\\*"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\*"/;

/** Whether a request is for a public page at all (a GET or HEAD of one of PUBLIC_PAGES). */
function publicPage(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.path.endsWith(".data") || "_data" in req.query || "_routes" in req.query) return false;
  return PUBLIC_PAGES.some((pattern) => pattern.test(req.path));
}

/** Whether this request for a public page may be answered from (and its answer kept in) the cache. */
function anonymous(req, res) {
  if (SESSION_COOKIE.test(req.get("cookie") ?? "") || req.get("authorization")) return false;
  return Boolean(res.locals.csrfToken && res.locals.nonce);
}

/** The page's address as the app sees it: the host (and forwarded host) too, never mixed up. */
function keyOf(req) {
  const key = `${req.protocol}://${req.get("host") ?? ""}|${req.get("x-forwarded-host") ?? ""}|${req.originalUrl}`;
  return key.length <= MAX_KEY_LENGTH ? key : null;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Pieces of `secret` that must not be left in a kept page (it may appear escaped or cut). */
function fragments(secret) {
  if (secret.length < 16) return [secret];
  const third = Math.floor(secret.length / 3);
  return [secret.slice(0, 8), secret.slice(third, third + 8), secret.slice(-8)];
}

/**
 * The page as a template: its text cut where this response's own values were, or null when it
 * must not be kept. Slots: "nonce", "csrf", "seed".
 */
export function toTemplate(html, { nonce, csrfToken, requestId }) {
  const values = { nonce, csrf: csrfToken };
  const seed = SEED.exec(html)?.[1];
  if (seed) values.seed = seed;
  else if (html.includes("formSeed") || html.includes('name="_idempotency"')) return null;
  const bySecret = new Map(Object.entries(values).map(([slot, value]) => [value, slot]));
  const pattern = new RegExp([...bySecret.keys()].map(escapeRegExp).join("|"), "g");
  const parts = [];
  const slots = [];
  let at = 0;
  for (const match of html.matchAll(pattern)) {
    parts.push(html.slice(at, match.index));
    slots.push(bySecret.get(match[0]));
    at = match.index + match[0].length;
  }
  parts.push(html.slice(at));
  const rest = parts.join("");
  for (const secret of [...bySecret.keys(), requestId].filter(Boolean)) {
    if (fragments(secret).some((f) => rest.includes(f))) return null;
  }
  return { parts: parts.map((p) => Buffer.from(p, "utf8")), slots };
}

/** The kept page with this response's values put back. */
export function fromTemplate(template, values) {
  const chunks = [template.parts[0]];
  template.slots.forEach((slot, i) => {
    chunks.push(Buffer.from(values[slot], "utf8"), template.parts[i + 1]);
  });
  return Buffer.concat(chunks);
}

export function publicPageCache() {
  if (!(MAX_BYTES > 0)) return (_req, _res, next) => next();

  /** @type {Map<string, { generation: string, storedAt: number, status: number, headers: [string, string | string[]][], template: { parts: Buffer[], slots: string[] }, bytes: number }>} */
  const pages = new Map();
  let bytes = 0;
  /** Keys being drawn now: other requests for them wait for that page rather than draw it again. */
  const drawing = new Map();

  // The data generation, asked at most every CHECK_MS; a write answered here asks again at once.
  const generation = { value: null, checkedAt: 0, writes: 0, checkedWrites: -1, pending: null };
  function currentGeneration() {
    const read = globalThis[REGISTRY];
    if (typeof read !== "function") return Promise.resolve(null);
    const now = Date.now();
    if (generation.checkedWrites === generation.writes && now - generation.checkedAt < CHECK_MS) {
      return Promise.resolve(generation.value);
    }
    if (generation.pending && generation.pending.writes === generation.writes) return generation.pending.promise;
    const writes = generation.writes;
    const promise = Promise.resolve()
      .then(() => read())
      .then(
        (value) => {
          if (writes >= generation.checkedWrites) {
            generation.value = String(value);
            generation.checkedAt = now;
            generation.checkedWrites = writes;
          }
          return String(value);
        },
        // The database not answering: nothing is served from memory, nothing kept.
        () => null,
      )
      .finally(() => {
        if (generation.pending?.promise === promise) generation.pending = null;
      });
    generation.pending = { writes, promise };
    return promise;
  }

  function lookup(key, current) {
    const page = pages.get(key);
    if (!page) return null;
    if (page.generation !== current || Date.now() - page.storedAt > MAX_AGE_MS) {
      forget(key);
      return null;
    }
    // Least recently used goes first: a page read moves to the end.
    pages.delete(key);
    pages.set(key, page);
    return page;
  }

  function forget(key) {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= page.bytes;
  }

  function keep(key, page) {
    forget(key);
    pages.set(key, page);
    bytes += page.bytes;
    for (const [oldest] of pages) {
      if (bytes <= MAX_BYTES) break;
      forget(oldest);
    }
  }

  function serve(res, page) {
    const body = fromTemplate(page.template, {
      nonce: res.locals.nonce,
      csrf: res.locals.csrfToken,
      seed: crypto.randomUUID(),
    });
    res.status(page.status);
    for (const [name, value] of page.headers) res.setHeader(name, value);
    res.setHeader("Content-Length", body.length);
    res.setHeader("X-Page-Cache", "hit");
    res.end(body);
  }

  /** Lets the answer through to the client while keeping a copy; resolves with the page or null. */
  function record(req, res, current) {
    const before = new Map(res.getHeaderNames().map((name) => [name, String(res.getHeader(name))]));
    const chunks = [];
    let size = 0;
    let head = null;
    const takeHead = () => {
      if (head) return;
      head = { status: res.statusCode, headers: [] };
      for (const name of res.getHeaderNames()) {
        if (NOT_KEPT.has(name)) continue;
        const value = res.getHeader(name);
        if (before.has(name)) {
          // Set before the app ran (security headers, the CSRF cookie): this response's own,
          // never kept. The app changing one of them (a cookie of its own) makes it unkeepable.
          if (String(value) !== before.get(name)) head.unkeepable = true;
          continue;
        }
        head.headers.push([name, value]);
      }
    };
    const collect = (chunk, encoding) => {
      if (chunk == null || size > MAX_ENTRY_BYTES) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
      size += buffer.length;
      if (size <= MAX_ENTRY_BYTES) chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.setHeader("X-Page-Cache", "miss");
    res.write = function (chunk, encoding, callback) {
      takeHead();
      collect(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      takeHead();
      if (typeof chunk !== "function") collect(chunk, encoding);
      return end.call(this, chunk, encoding, callback);
    };
    return new Promise((resolve) => {
      res.once("close", () => resolve(null));
      res.once("finish", () => {
        if (!head || head.unkeepable || head.status !== 200 || size > MAX_ENTRY_BYTES) return resolve(null);
        const type = head.headers.find(([name]) => name === "content-type")?.[1];
        const cacheControl = String(head.headers.find(([name]) => name === "cache-control")?.[1] ?? "");
        if (!/^text\/html/i.test(String(type ?? "")) || /no-store|private/i.test(cacheControl)) return resolve(null);
        const template = toTemplate(Buffer.concat(chunks, size).toString("utf8"), {
          nonce: res.locals.nonce,
          csrfToken: res.locals.csrfToken,
          requestId: res.locals.requestId,
        });
        if (!template) return resolve(null);
        resolve({ generation: current, storedAt: Date.now(), status: head.status, headers: head.headers, template, bytes: size + 512 });
      });
    });
  }

  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      // A change this worker made (or refused): the next page served from memory asks first.
      res.once("finish", () => (generation.writes += 1));
      return next();
    }
    if (!publicPage(req)) return next();
    if (!anonymous(req, res)) {
      res.setHeader("X-Page-Cache", "bypass");
      return next();
    }
    const key = keyOf(req);
    if (!key) return next();
    currentGeneration()
      .then(async (current) => {
        if (current === null) return next();
        let page = lookup(key, current);
        if (!page && drawing.has(key)) {
          await drawing.get(key);
          page = lookup(key, current);
        }
        if (page) return serve(res, page);
        // Only a GET is kept (a HEAD's answer has no body); one drawing per page at a time.
        if (req.method !== "GET" || drawing.has(key)) return next();
        const kept = record(req, res, current).then((drawn) => {
          if (drawn) keep(key, drawn);
        });
        drawing.set(key, kept);
        kept.finally(() => drawing.delete(key));
        next();
      })
      .catch(next);
  };
}
