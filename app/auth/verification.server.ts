// One-time links in mail (email confirmation, password reset): 256-bit random tokens of
// which only the SHA-256 hash is stored, each for one purpose, the newest replacing older
// ones, every link starting with the configured PUBLIC_URL (never the request's Host).
import crypto from "node:crypto";
import { createVerificationToken, consumeVerificationToken } from "~/models/user.server";
import { now } from "~/utils/clock.server";
import { publicOrigin } from "~/utils/env.server";
import { queueMail } from "~/models/mail.server";

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function newToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/** A link on the portal's configured public origin. */
export function publicLink(path: string): string {
  return `${publicOrigin()}${path}`;
}

/** Creates a one-time link (only its hash is stored; earlier links stop working) and mails it. */
export async function sendVerificationEmail({
  userId,
  email,
  audience = "buyer",
}: {
  userId: string;
  email: string;
  audience?: "buyer" | "supplier";
}) {
  const { token, tokenHash } = newToken();
  await createVerificationToken(userId, "email-verification", tokenHash, new Date(now().getTime() + TOKEN_TTL_MS));
  const link = publicLink(`/verify-email?token=${token}`);
  await queueMail({ to: email, template: "email-verification", data: { link, audience } });
  return link;
}

/** Confirms an email address with a live email-verification token; any other token is refused. */
export function verifyEmailToken(token: string) {
  return consumeVerificationToken(hashToken(token), now(), "email-verification");
}

/**
 * What someone gets who already has an account when a sign-up, registration or invitation
 * names their address: the page says only "check your email", whoever asked.
 */
export async function sendAccountExistsEmail(email: string, context = "create an account") {
  await queueMail({
    to: email,
    template: "account-exists",
    data: { context, loginLink: publicLink("/login"), resetLink: publicLink("/forgot-password") },
  });
}
