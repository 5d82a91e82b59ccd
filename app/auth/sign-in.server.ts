// Signing in: rate-limited per IP (/64 for IPv6) and per account, atomically (the attempt is
// recorded before it is counted: ./rate-limit.server), limits kept in the database so they
// hold across app instances, with every success and failure audited. Every account state
// (real, unknown, invited but not yet accepted) costs the same bcrypt work.
import { recordAudit } from "~/models/audit.server";
import { getUserForLogin } from "~/models/user.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import { LIMITS, limitsFor, markSucceeded, takeAttempt } from "~/utils/rate-limit.server";
import { forbidden, invalid, ok, throttled, type Result } from "~/utils/result";

export const LOGIN_LIMITS = {
  perIpPerMinute: LIMITS.login.perIpPerMinute,
  perAccountPerHour: LIMITS.login.perAccountFailuresPerHour,
} as const;

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "deactivated" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** A bcrypt hash ($2a$/$2b$/$2y$, cost, 53 characters); an invitation placeholder is not one. */
export function isBcryptHash(hash: string): boolean {
  return /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash);
}

// Made once at start-up, so the first unknown account is not slower than the rest.
void decoyPasswordHash();

/** Compares a password in the same time whether or not the account exists or has a usable password. */
export async function checkPassword(password: string, storedHash: string | null | undefined): Promise<boolean> {
  const usable = Boolean(storedHash && isBcryptHash(storedHash));
  const valid = await verifyPassword(password, usable ? storedHash! : await decoyPasswordHash());
  return usable && valid;
}

export async function attemptLogin({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const limited = await takeAttempt(limitsFor.login(ip, email));
  if (!limited.ok) {
    await recordAudit({
      action: "login.throttled",
      entityType: "user",
      after: { email: email.toLowerCase(), limit: limited.key.split(":")[0] },
      ip,
    });
    return { ok: false, reason: "throttled", retryAfterSeconds: limited.retryAfterSeconds };
  }

  const user = await getUserForLogin(email);
  // Always compare (against the decoy when there is no usable hash): never short-circuit.
  const valid = await checkPassword(password, user?.passwordHash);
  // Only someone who knows the password learns the account is deactivated (issue 15).
  if (user && valid && user.deactivatedAt) {
    await recordAudit({ action: "login.refused-deactivated", entityType: "user", entityId: user.id, ip });
    return { ok: false, reason: "deactivated" };
  }
  const succeeded = Boolean(user) && valid;
  if (succeeded) await markSucceeded(limited.attemptIds);
  await recordAudit({
    actorId: succeeded ? user!.id : null,
    action: succeeded ? "login.succeeded" : "login.failed",
    entityType: "user",
    entityId: user?.id ?? null,
    after: succeeded ? undefined : { email: email.toLowerCase() },
    ip,
  });
  return succeeded ? { ok: true, userId: user!.id } : { ok: false, reason: "invalid" };
}

export const WRONG_PASSWORD_MESSAGE = "Enter a correct email address and password";
export const DEACTIVATED_MESSAGE =
  "Your account has been deactivated by a Council Marketplace administrator, so you cannot sign in. Contact the portal administrators if you think this is a mistake.";

/** attemptLogin as a Result for the sign-in form: throttled 429, deactivated 403, wrong details 400. */
export async function signIn(input: { email: string; password: string; ip: string }): Promise<Result<{ userId: string }>> {
  const result = await attemptLogin(input);
  if (result.ok) return ok({ userId: result.userId });
  if (result.reason === "throttled") return throttled(result.retryAfterSeconds, "sign-in attempts");
  if (result.reason === "deactivated") return forbidden(DEACTIVATED_MESSAGE);
  return invalid({ email: [WRONG_PASSWORD_MESSAGE] });
}
