// Sessions: a signed, httpOnly, SameSite=Lax cookie carrying only a session id; the
// session itself lives in the database so it can expire, be revoked and be ended
// on password change. Flash messages ride in the same cookie.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getEnv, isProduction } from "~/utils/env.server";
import { now } from "~/utils/clock.server";
import { noteRequestUser } from "~/utils/log.server";
import { createSession, deleteSession, getSession, getUserById, touchSession, type UserWithAccess } from "~/models/user.server";

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

function secureCookies(): boolean {
  const override = getEnv().COOKIE_SECURE;
  return override ? override === "true" : isProduction();
}

type SessionData = { sessionId: string };
type FlashData = { message: string };
let storage: ReturnType<typeof createCookieSessionStorage<SessionData, FlashData>> | undefined;
function sessionStorage() {
  if (!storage) {
    const secure = secureCookies();
    storage = createCookieSessionStorage<SessionData, FlashData>({
      cookie: {
        // __Host- binds the cookie to this exact host over HTTPS, with Path=/ and no Domain.
        name: secure ? "__Host-cm_session" : "cm_session",
        httpOnly: true,
        sameSite: "lax",
        secure,
        path: "/",
        secrets: [getEnv().SESSION_SECRET],
      },
    });
  }
  return storage;
}

export function getCookieSession(request: Request) {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

export function commitCookieSession(session: Awaited<ReturnType<typeof getCookieSession>>) {
  return sessionStorage().commitSession(session);
}

export function destroyCookieSession(session: Awaited<ReturnType<typeof getCookieSession>>) {
  return sessionStorage().destroySession(session);
}

export type SessionUser = UserWithAccess;

/** The signed-in user, or null if there is no live session (expired, idle or revoked). */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const cookie = await getCookieSession(request);
  const sessionId = cookie.get("sessionId");
  if (typeof sessionId !== "string") return null;
  const session = await getSession(sessionId);
  if (!session) return null;
  const at = now();
  const idle = at.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
  if (idle || session.expiresAt <= at) {
    await deleteSession(session.id);
    return null;
  }
  const user = await getUserById(session.userId);
  if (!user || user.passwordChangedAt > session.createdAt) {
    await deleteSession(session.id);
    return null;
  }
  // Record activity at most once a minute to keep reads cheap.
  if (at.getTime() - session.lastSeenAt.getTime() > 60_000) await touchSession(session.id, at);
  noteRequestUser(user.id);
  return user;
}

/** Starts a fresh session (new id) for the user and redirects with the cookie set. */
export async function startSession(request: Request, { userId, redirectTo, ip }: { userId: string; redirectTo: string; ip?: string }) {
  const cookie = await getCookieSession(request);
  const previous = cookie.get("sessionId");
  if (typeof previous === "string") await deleteSession(previous);
  const session = await createSession({
    userId,
    expiresAt: new Date(now().getTime() + ABSOLUTE_TIMEOUT_MS),
    ip,
    userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? undefined,
  });
  cookie.set("sessionId", session.id);
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await commitCookieSession(cookie) } });
}

export async function endSession(request: Request) {
  const cookie = await getCookieSession(request);
  const sessionId = cookie.get("sessionId");
  if (typeof sessionId === "string") await deleteSession(sessionId);
  return redirect("/", { headers: { "Set-Cookie": await destroyCookieSession(cookie) } });
}

// Browsers drop tabs and newlines from a Location and read "\\" as "/", so "/\t/evil.example"
// and "/\\evil.example" mean "//evil.example" (another site): such characters are refused outright.
const UNSAFE_REDIRECT_CHARACTERS =
  /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\u2044\u2215\u29f8\ufe68\uff0f\uff3c\\]/;
const REDIRECT_BASE = "http://same-origin.invalid";

/**
 * Only same-origin paths: never redirect to another site after login. The target is parsed
 * as a URL against a placeholder origin and must stay on it; what is returned is the parsed,
 * normalised path (percent-encoded), so the browser follows exactly what was checked.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string" || to.length > 2000) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE_REDIRECT_CHARACTERS.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, REDIRECT_BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== REDIRECT_BASE || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example": still another site to a browser.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

export async function flash(request: Request, message: string) {
  const cookie = await getCookieSession(request);
  cookie.flash("message", message);
  return { "Set-Cookie": await commitCookieSession(cookie) };
}

export async function readFlash(request: Request): Promise<{ message: string | null; headers: HeadersInit }> {
  const cookie = await getCookieSession(request);
  const message = cookie.get("message");
  return {
    message: typeof message === "string" ? message : null,
    headers: typeof message === "string" ? { "Set-Cookie": await commitCookieSession(cookie) } : {},
  };
}
