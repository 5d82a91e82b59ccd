// One-time links in mail (email confirmation, password reset): 256-bit random tokens of
// which only the SHA-256 hash is stored, each for one purpose, the newest replacing older
// ones, every link starting with the configured PUBLIC_URL (never the request's Host).
import crypto from "node:crypto";
import { createVerificationToken, consumeVerificationToken } from "~/models/user.server";
import { now } from "~/utils/clock.server";
import { publicOrigin } from "~/utils/env.server";
import { sendMail } from "~/utils/mail.server";

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

const VERIFICATION_TEXT = {
  buyer: "Confirm your email address to start buying projects and writing case studies:",
  supplier: "Your organisation is registered on Council Marketplace. Confirm your email address:",
} as const;

/** Creates a one-time link (only its hash is stored; earlier links stop working) and mails it. */
export async function sendVerificationEmail({
  userId,
  email,
  audience = "buyer",
}: {
  userId: string;
  email: string;
  audience?: keyof typeof VERIFICATION_TEXT;
}) {
  const { token, tokenHash } = newToken();
  await createVerificationToken(userId, "email-verification", tokenHash, new Date(now().getTime() + TOKEN_TTL_MS));
  const link = publicLink(`/verify-email?token=${token}`);
  await sendMail({
    to: email,
    subject: "Confirm your email address for Council Marketplace",
    text: `${VERIFICATION_TEXT[audience]}\n${link}\n\nThe link works once and expires in 24 hours.`,
  });
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
  await sendMail({
    to: email,
    subject: "You already have a Council Marketplace account",
    text:
      `Someone tried to ${context} on Council Marketplace with this email address, which already has an account.\n\n` +
      `If it was you, sign in: ${publicLink("/login")}\nForgotten your password? Reset it: ${publicLink("/forgot-password")}\n\n` +
      "If it was not you, you can ignore this email: nothing has changed.",
  });
}
