export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export function badRequest(message: string): Response {
  return new Response(message, { status: 400, statusText: "Bad Request" });
}

/**
 * The 503 a loader or action throws when something it needs is down (the database, search, the
 * document store): a plain message, try again in 30 seconds, never cached. The root error
 * boundary shows it as a page; a resource route answers it as text.
 */
export function serviceUnavailable(message: string, statusText = "Service unavailable"): Response {
  return new Response(message, {
    status: 503,
    statusText,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30", "Cache-Control": "no-store" },
  });
}

export function clientIp(context: { ip?: string } | undefined, request: Request): string {
  return context?.ip ?? requestIp(request);
}

/**
 * The client address when only the Request is at hand: server.js copies Express's `req.ip`
 * (which honours TRUST_PROXY) into this header, replacing anything the client sent.
 */
export const CLIENT_IP_HEADER = "x-cm-client-ip";
export function requestIp(request: Request): string {
  return (
    request.headers.get(CLIENT_IP_HEADER)?.slice(0, 64) ??
    request.headers.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 64) ??
    "unknown"
  );
}

/**
 * The part of a client address that per-IP limits count: an IPv4 address as it is (an
 * IPv4-mapped IPv6 address counts as its IPv4 address), an IPv6 address by its /64 prefix,
 * since one customer gets a whole /64 and could otherwise rotate through 2^64 addresses.
 */
export function ipRateKey(ip: string): string {
  let address = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1];
  if (!address.includes(":")) return address || "unknown";
  // An embedded IPv4 tail (::1.2.3.4) becomes two hextets.
  const tail = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number);
    address = address.slice(0, tail.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = address.split("::", 2) as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = rest === undefined ? [] : rest ? rest.split(":") : [];
  const missing = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill("0"), ...right];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return address.slice(0, 64);
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
