// HTTP-level protections applied to every response and every state-changing request.
import crypto from "node:crypto";

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
