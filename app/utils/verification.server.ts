import crypto from "node:crypto";
import { createVerificationToken, consumeVerificationToken } from "~/models/user.server";
import { now } from "./clock.server";
import { sendMail } from "./mail.server";

const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Creates a one-time link (only its hash is stored) and mails it. */
export async function sendVerificationEmail({ userId, email, origin }: { userId: string; email: string; origin: string }) {
  const token = crypto.randomBytes(32).toString("base64url");
  await createVerificationToken(userId, "email-verification", hashToken(token), new Date(now().getTime() + TOKEN_TTL_MS));
  const link = `${origin}/verify-email?token=${token}`;
  await sendMail({
    to: email,
    subject: "Confirm your email address for Council Marketplace",
    text: `Confirm your email address to start buying projects and writing case studies:\n${link}\n\nThe link works once and expires in 24 hours.`,
  });
  return link;
}

export function verifyEmailToken(token: string) {
  return consumeVerificationToken(hashToken(token), now());
}
