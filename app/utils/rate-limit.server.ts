// Rate limits that hold under concurrency and across app instances (rows in LoginAttempt).
//
// An attempt is recorded first (one committed INSERT of a row per key) and only then are the
// rows in the window counted, the attempt's own row included. Of N requests racing on a key
// the k-th to commit its row counts at least k rows, so at most `max` of them can see a count
// within the limit, whatever the interleaving, on SQLite and PostgreSQL alike. (Reading the
// count first and writing afterwards let 40 parallel sign-ins all through.) A refused
// attempt's rows are deleted again, so the limit is "at most max checked per window".
import crypto from "node:crypto";
import { prisma } from "./db.server";
import { now } from "./clock.server";
import { ipRateKey } from "./http.server";

export interface Limit {
  /** e.g. `ip:203.0.113.7`, `account:name@council.gov.uk`; see `limitKey`. */
  key: string;
  max: number;
  windowMs: number;
  /** Count only attempts not (yet) marked as succeeded (a pending attempt counts as a failure). */
  onlyFailures?: boolean;
}

export type LimitResult = { ok: true; attemptIds: string[] } | { ok: false; retryAfterSeconds: number; key: string };

/** The key for a per-IP limit: IPv6 addresses count by their /64. */
export function ipLimitKey(scope: string, ip: string): string {
  return `${scope}:${ipRateKey(ip)}`;
}

export function limitKey(scope: string, value: string): string {
  return `${scope}:${value.trim().toLowerCase().slice(0, 254)}`;
}

/** Takes one attempt against every limit, or none of them if any is exceeded. */
export async function takeAttempt(limits: Limit[]): Promise<LimitResult> {
  const at = now();
  const rows = limits.map((l) => ({ id: `rl_${crypto.randomUUID()}`, key: l.key, succeeded: false, createdAt: at }));
  // One statement, committed before anything is counted.
  await prisma.loginAttempt.createMany({ data: rows });
  const counts = await Promise.all(
    limits.map((l) =>
      prisma.loginAttempt.count({
        where: { key: l.key, createdAt: { gte: new Date(at.getTime() - l.windowMs) }, ...(l.onlyFailures ? { succeeded: false } : {}) },
      }),
    ),
  );
  const over = limits.findIndex((l, i) => counts[i] > l.max);
  if (over === -1) return { ok: true, attemptIds: rows.map((r) => r.id) };
  await prisma.loginAttempt.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  const limit = limits[over];
  const oldest = await prisma.loginAttempt.findFirst({
    where: {
      key: limit.key,
      createdAt: { gte: new Date(at.getTime() - limit.windowMs) },
      ...(limit.onlyFailures ? { succeeded: false } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const retryAfterSeconds = Math.max(1, Math.ceil(((oldest?.createdAt.getTime() ?? at.getTime()) + limit.windowMs - at.getTime()) / 1000));
  return { ok: false, retryAfterSeconds, key: limit.key };
}

/** Marks taken attempts as succeeded, so limits counting only failures no longer count them. */
export async function markSucceeded(attemptIds: string[]): Promise<void> {
  if (attemptIds.length) await prisma.loginAttempt.updateMany({ where: { id: { in: attemptIds } }, data: { succeeded: true } });
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The limits of each anonymous or costly account action, in one place (docs/security.md). */
export const LIMITS = {
  login: { perIpPerMinute: 5, perAccountFailuresPerHour: 10 },
  signup: { perIpPerHour: 5, perEmailPerHour: 3 },
  resendVerification: { perUserPerHour: 3, perIpPerHour: 10 },
  passwordReset: { perIpPerHour: 5, perEmailPerHour: 3 },
  passwordResetSubmit: { perIpPerHour: 20 },
  invitation: { perUserPerHour: 20 },
} as const;

export const limitsFor = {
  login: (ip: string, email: string): Limit[] => [
    { key: ipLimitKey("ip", ip), max: LIMITS.login.perIpPerMinute, windowMs: MINUTE },
    { key: limitKey("account", email), max: LIMITS.login.perAccountFailuresPerHour, windowMs: HOUR, onlyFailures: true },
  ],
  /** Buyer sign-up and supplier registration share one per-IP budget. */
  signup: (ip: string, email: string): Limit[] => [
    { key: ipLimitKey("signup-ip", ip), max: LIMITS.signup.perIpPerHour, windowMs: HOUR },
    { key: limitKey("signup-email", email), max: LIMITS.signup.perEmailPerHour, windowMs: HOUR },
  ],
  resendVerification: (ip: string, userId: string): Limit[] => [
    { key: limitKey("resend-user", userId), max: LIMITS.resendVerification.perUserPerHour, windowMs: HOUR },
    { key: ipLimitKey("resend-ip", ip), max: LIMITS.resendVerification.perIpPerHour, windowMs: HOUR },
  ],
  passwordReset: (ip: string, email: string): Limit[] => [
    { key: ipLimitKey("reset-ip", ip), max: LIMITS.passwordReset.perIpPerHour, windowMs: HOUR },
    { key: limitKey("reset-email", email), max: LIMITS.passwordReset.perEmailPerHour, windowMs: HOUR },
  ],
  passwordResetSubmit: (ip: string): Limit[] => [
    { key: ipLimitKey("reset-submit-ip", ip), max: LIMITS.passwordResetSubmit.perIpPerHour, windowMs: HOUR },
  ],
  invitation: (userId: string): Limit[] => [
    { key: limitKey("invite-user", userId), max: LIMITS.invitation.perUserPerHour, windowMs: HOUR },
  ],
};

/** A 429 for a form: the GOV.UK error summary message and Retry-After. */
export function throttledResponse(retryAfterSeconds: number, values: Record<string, unknown> = {}, what = "attempts"): Response {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return Response.json(
    { errors: { form: [`Too many ${what}. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`] }, values },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}
