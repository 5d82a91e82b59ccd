// What a signed-in person does to their own account (issue 15): change their password (every
// other session ends) and ask for a new email-confirmation link (rate-limited), both audited.
import { recordAudit } from "~/models/audit.server";
import { changePassword, getPasswordHash } from "~/models/user.server";
import { limitsFor, takeAttempt } from "~/utils/rate-limit.server";
import { invalid, ok, throttled, type Result } from "~/utils/result";
import { verifyPassword } from "./password.server";
import { sendVerificationEmail } from "./verification.server";

interface AccountHolder {
  id: string;
  email: string;
  emailVerifiedAt: Date | null;
  supplierId: string | null;
}

export async function changeOwnPassword(
  user: AccountHolder,
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<Result<void>> {
  const current = await getPasswordHash(user.id);
  if (!current || !(await verifyPassword(input.currentPassword, current.passwordHash)))
    return invalid({ currentPassword: ["Your current password is not correct"] });
  await changePassword(user.id, input.newPassword);
  await recordAudit({
    actorId: user.id,
    action: "user.password-changed",
    entityType: "user",
    entityId: user.id,
    after: { sessionsEnded: true },
    ip,
  });
  return ok();
}

/** A fresh confirmation link (each revokes the older ones); nothing to do once confirmed. */
export async function resendVerification(user: AccountHolder, ip: string): Promise<Result<void>> {
  if (user.emailVerifiedAt) return ok();
  const limited = await takeAttempt(limitsFor.resendVerification(ip, user.id));
  if (!limited.ok) return throttled(limited.retryAfterSeconds, "confirmation links sent");
  await sendVerificationEmail({ userId: user.id, email: user.email, audience: user.supplierId ? "supplier" : "buyer" });
  await recordAudit({ actorId: user.id, action: "user.verification-resent", entityType: "user", entityId: user.id, ip });
  return ok();
}
