// Signed-in requests for data-layer tests: a real Session row and a real signed cookie,
// so loaders and actions are exercised exactly as the browser would reach them.
import { createSession, getUserByEmail } from "~/models/user.server";
import { commitCookieSession, getCookieSession } from "~/auth/session.server";
import { ABSOLUTE_TIMEOUT_MS } from "~/auth/session.server";
import { now } from "~/utils/clock.server";

export const DEMO = {
  admin: "admin@councilmarketplace.example",
  buyerA: "buyer@brighton-hove.gov.uk",
  buyerB: "buyer@leeds.gov.uk",
  supplierA: "supplier@kestrel-civic.example",
  supplierB: "supplier@brightwater-digital.example",
} as const;

export async function cookieFor(email: string): Promise<string> {
  const user = await getUserByEmail(email);
  if (!user) throw new Error(`No user ${email} in the test database`);
  const session = await createSession({ userId: user.id, expiresAt: new Date(now().getTime() + ABSOLUTE_TIMEOUT_MS) });
  const cookie = await getCookieSession(new Request("http://localhost/"));
  cookie.set("sessionId", session.id);
  const setCookie = await commitCookieSession(cookie);
  return setCookie.split(";")[0];
}

/** A Request as a browser would send it: optional session cookie, form body for POSTs. */
export function makeRequest(
  path: string,
  { cookie, method = "GET", form }: { cookie?: string; method?: string; form?: Record<string, string | string[]> } = {},
): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  let body: URLSearchParams | undefined;
  if (form) {
    body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`http://localhost${path}`, { method: form ? "POST" : method, headers, body });
}

export const context = { nonce: "", ip: "127.0.0.1" };

/** Runs a loader/action and returns the Response it returned or threw (403s and redirects are thrown). */
export async function responseOf(fn: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await fn();
    if (result instanceof Response) return result;
    // `data(body, { status, headers })` from an action (app/utils/form-action.server.ts).
    if (result && typeof result === "object" && (result as { type?: unknown }).type === "DataWithResponseInit") {
      const { data, init } = result as { data: unknown; init: ResponseInit | null };
      return Response.json(data, init ?? undefined);
    }
    return Response.json(result);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}
