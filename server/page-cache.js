// Placeholder for the public-page cache (issue 17): a pass-through until it is built.
// server.js mounts it just before the Remix handler, so it sees the CSRF token and the nonce.
export function publicPageCache() {
  return (_req, _res, next) => next();
}
