// Per-IP limit for anonymous-capable searches (/search, /api/search): issue 12 finding 9.
//
// An in-process token bucket per worker, on purpose not a database row: what a flood of
// searches uses up is the CPU of the worker that runs them (each worker holds its own
// embedded search index), so a per-worker budget bounds exactly the resource at stake, and
// the hot read path gains no database write (SQLite has one writer; a write per keystroke
// of live search would contend with real changes). It is atomic because a worker runs one
// JavaScript thread: the read-and-take below never interleaves with another request's. With
// N workers an address gets at most N times the budget — each worker stays responsive.
// Logins, sign-ups and other writes use the database-backed limits (rate-limit.server.ts).

/**
 * A burst of this many tokens, refilled at REFILL_PER_SECOND. A search costs 1 plus 1 per
 * word that may be matched fuzzily (searchCost, at most 5): typing with live results stays
 * well inside; a flood of long misspelt queries is held to about one a second.
 */
export const SEARCH_BURST = 40;
export const SEARCH_REFILL_PER_SECOND = 4;
const MAX_TRACKED_ADDRESSES = 50_000;

type Bucket = { tokens: number; at: number };
const buckets = new Map<string, Bucket>();

/** IPv6 addresses count by their /64 (one customer's whole network), IPv4 by the address. */
export function searchLimitKey(ip: string): string {
  const address = ip
    .trim()
    .toLowerCase()
    .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  if (!address.includes(":")) return address.slice(0, 64);
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::")
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export type SearchLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Takes `cost` tokens from this address's bucket, or says how long to wait. */
export function takeSearchToken(ip: string, cost = 1, at = Date.now()): SearchLimitResult {
  const key = searchLimitKey(ip || "unknown");
  let bucket = buckets.get(key);
  if (bucket) {
    bucket.tokens = Math.min(SEARCH_BURST, bucket.tokens + ((at - bucket.at) / 1000) * SEARCH_REFILL_PER_SECOND);
    bucket.at = at;
    // Most recently used last, so the oldest are dropped first when the map is full.
    buckets.delete(key);
  } else {
    bucket = { tokens: SEARCH_BURST, at };
    if (buckets.size >= MAX_TRACKED_ADDRESSES) buckets.delete(buckets.keys().next().value!);
  }
  buckets.set(key, bucket);
  if (bucket.tokens < cost)
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / SEARCH_REFILL_PER_SECOND)) };
  bucket.tokens -= cost;
  return { ok: true, remaining: Math.floor(bucket.tokens) };
}

/** For tests: forget every bucket. */
export function resetSearchLimits(): void {
  buckets.clear();
}

export const SEARCH_LIMITED_MESSAGE = "You have searched a lot in a short time. Wait a few seconds and search again.";
