// Password reset: "Forgot your password?" and an administrator's forced reset.
// Single-use links (only the SHA-256 of the 256-bit token is stored, purpose
// "password-reset", valid 1 hour, a new one revokes older ones), on the configured
// PUBLIC_URL, rate-limited per IP (/64) and per address; the page never says whether the
// address has an account. Setting the new password ends every session the user had.
import crypto from "node:crypto";
import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { hashPassword } from "~/auth/password.server";
import { limitsFor, takeAttempt } from "~/utils/rate-limit.server";
import { hashToken, newToken, PASSWORD_RESET_TTL_MS, publicLink } from "~/auth/verification.server";
import { isBcryptHash } from "~/auth/sign-in.server";
import { auditWriterFor, recordAudit } from "./audit.server";
import { createVerificationToken } from "./user.server";
import { queueMail } from "./mail.server";

const PURPOSE = "password-reset" as const;

/** A change to an account's password, in the audit log in the same transaction. */
const auditUser = auditWriterFor("user");

async function mailResetLink(userId: string, email: string, forced: boolean) {
  const { token, tokenHash } = newToken();
  await createVerificationToken(userId, PURPOSE, tokenHash, new Date(now().getTime() + PASSWORD_RESET_TTL_MS));
  const link = publicLink(`/reset-password?token=${token}`);
  await queueMail({ to: email, template: "password-reset", data: { link, forced } });
  return link;
}

/**
 * Asks for a reset link. Whatever the address, the caller shows the same "check your email"
 * page; only a real account (with a password, not a pending invitation) gets a link.
 */
export async function requestPasswordReset({
  email,
  ip,
}: {
  email: string;
  ip: string;
}): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const limited = await takeAttempt(limitsFor.passwordReset(ip, email));
  if (!limited.ok) {
    await recordAudit({ action: "password-reset.throttled", entityType: "user", after: { email: email.toLowerCase() }, ip });
    return { ok: false, retryAfterSeconds: limited.retryAfterSeconds };
  }
  const user = await prisma.user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, email: true, passwordHash: true },
  });
  // A pending invitation has no password to reset: it is accepted from its own link.
  const resettable = user && !user.passwordHash.startsWith("!invitation-pending:");
  if (user && resettable) await mailResetLink(user.id, user.email, false);
  await recordAudit({
    action: "password-reset.requested",
    entityType: "user",
    entityId: resettable ? user.id : null,
    after: { email: email.toLowerCase(), sent: Boolean(resettable) },
    ip,
  });
  return { ok: true };
}

async function findLiveResetToken(token: string, at: Date) {
  if (!token || token.length > 100) return null;
  const row = await prisma.verificationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, userId: true },
  });
  if (!row || row.purpose !== PURPOSE || row.usedAt || row.expiresAt <= at) return null;
  return row;
}

/** Whether a reset link is live (the page shows the form, or "expired or used"). */
export async function isResetTokenLive(token: string): Promise<boolean> {
  return Boolean(await findLiveResetToken(token, now()));
}

/**
 * Sets the new password from a live reset link, all or nothing: the token is used up
 * (compare-and-set, so a link used twice at once works once), every session ends, and the
 * address counts as confirmed (the link proved it). Null if the link is not live.
 */
export async function resetPassword({
  token,
  password,
  ip,
}: {
  token: string;
  password: string;
  ip: string;
}): Promise<{ userId: string } | null> {
  const row = await findLiveResetToken(token, now());
  if (!row) return null;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const at = now();
    const { count } = await tx.verificationToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: at } },
      data: { usedAt: at },
    });
    if (count === 0) return null;
    const before = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { emailVerifiedAt: true } });
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, passwordChangedAt: at, ...(before.emailVerifiedAt ? {} : { emailVerifiedAt: at }) },
    });
    const sessions = await tx.session.deleteMany({ where: { userId: row.userId } });
    await tx.verificationToken.deleteMany({ where: { userId: row.userId, purpose: PURPOSE, usedAt: null } });
    await auditUser(tx, { id: row.userId, ip }, row.userId, "user.password-reset", { after: { sessionsEnded: sessions.count } });
    return { userId: row.userId };
  });
}

/**
 * An administrator forces a reset: the old password stops working at once, every session
 * ends, and the user is mailed a link to choose a new one.
 */
export async function forcePasswordReset({ userId, adminId, ip }: { userId: string; adminId: string; ip: string }): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true } });
  if (!user || (!isBcryptHash(user.passwordHash) && !user.passwordHash.startsWith("!reset-required:"))) return false;
  const at = now();
  await prisma.$transaction(async (tx) => {
    // Not a bcrypt hash, so no password matches it until the user sets a new one.
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash: `!reset-required:${crypto.randomBytes(32).toString("hex")}`, passwordChangedAt: at },
    });
    const ended = await tx.session.deleteMany({ where: { userId } });
    await auditUser(tx, { id: adminId, ip }, userId, "user.password-reset-forced", { after: { sessionsEnded: ended.count } });
  });
  await mailResetLink(user.id, user.email, true);
  return true;
}
