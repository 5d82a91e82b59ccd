// Signing in: rate-limited per IP and per account (limits kept in the database so they
// hold across app instances), with every success and failure audited.
import { recordAudit } from "~/models/audit.server";
import {
  countLoginAttempts,
  getUserForLogin,
  oldestLoginAttempt,
  recordLoginAttempts,
} from "~/models/user.server";
import { now } from "./clock.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";

export const LOGIN_LIMITS = {
  perIpPerMinute: 5,
  perAccountPerHour: 10,
} as const;

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function attemptLogin({ email, password, ip }: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const at = now().getTime();
  const ipKey = `ip:${ip}`;
  const accountKey = `account:${email.toLowerCase()}`;
  const minuteAgo = new Date(at - 60_000);
  const hourAgo = new Date(at - 3_600_000);

  const [ipCount, accountFailures] = await Promise.all([
    countLoginAttempts(ipKey, minuteAgo, false),
    countLoginAttempts(accountKey, hourAgo, true),
  ]);
  if (ipCount >= LOGIN_LIMITS.perIpPerMinute || accountFailures >= LOGIN_LIMITS.perAccountPerHour) {
    const byIp = ipCount >= LOGIN_LIMITS.perIpPerMinute;
    const oldest = await oldestLoginAttempt(byIp ? ipKey : accountKey, byIp ? minuteAgo : hourAgo, !byIp);
    const windowMs = byIp ? 60_000 : 3_600_000;
    const retryAfterSeconds = Math.max(1, Math.ceil(((oldest?.createdAt.getTime() ?? at) + windowMs - at) / 1000));
    await recordAudit({ action: "login.throttled", entityType: "user", after: { email: email.toLowerCase() }, ip });
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }

  const user = await getUserForLogin(email);
  // Compare against a decoy hash when there is no such account, so timing reveals nothing.
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  const succeeded = Boolean(user && valid);
  await recordLoginAttempts([ipKey, accountKey], succeeded);
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
