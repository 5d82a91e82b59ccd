// Buyer sign-up (issue 15): the address's domain says which council (or, for a domain that
// councils share, which of them the person chose); the reply is the same whether or not the
// address already has an account ("check your email"). Rate-limited per IP and per address.
import { recordAudit } from "~/models/audit.server";
import { emailDomainOf, findCouncilsForEmailDomain } from "~/models/council-domain.server";
import { isPublicSectorDomain } from "~/models/council-domain.schema";
import { createUserUnlessTaken } from "~/models/user.server";
import type { BuyerSignupInput } from "~/models/auth.schema";
import { limitsFor, takeAttempt } from "~/utils/rate-limit.server";
import { invalid, ok, throttled, type Result } from "~/utils/result";
import { sendAccountExistsEmail, sendVerificationEmail } from "./verification.server";

export const NOT_A_COUNCIL_DOMAIN =
  "Use your council email address. If your council's domain is not recognised, ask a portal administrator to add it";
export const PUBLIC_SECTOR_NOT_COUNCIL =
  "This is a public-sector address, but not at a council we know. Ask for access instead and an administrator will decide";

export async function signUpBuyer(input: BuyerSignupInput, ip: string): Promise<Result<void>> {
  const { name, email, password } = input;
  const limited = await takeAttempt(limitsFor.signup(ip, email));
  if (!limited.ok) return throttled(limited.retryAfterSeconds, "accounts created from here");
  const domain = emailDomainOf(email);
  const councils = await findCouncilsForEmailDomain(domain);
  if (councils.length === 0) return invalid({ email: [isPublicSectorDomain(domain) ? PUBLIC_SECTOR_NOT_COUNCIL : NOT_A_COUNCIL_DOMAIN] });
  let council = councils[0];
  if (councils.length > 1) {
    // A shared domain: the choice must be one of the councils that use it.
    const chosen = councils.find((c) => c.code === input.councilCode?.toUpperCase());
    if (!chosen)
      return invalid({
        councilCode: [`Select which council you work for: ${domain} is used by ${councils.map((c) => c.name).join(" and ")}`],
      });
    council = chosen;
  }
  const created = await createUserUnlessTaken({ email, name, password, role: "buyer", councilId: council.id });
  if (created) {
    await recordAudit({
      actorId: created.id,
      action: "user.created",
      entityType: "user",
      entityId: created.id,
      after: { email, role: "buyer", councilCode: council.code },
      ip,
    });
    await sendVerificationEmail({ userId: created.id, email });
  } else {
    await recordAudit({ action: "user.signup-for-existing-account", entityType: "user", after: { email: email.toLowerCase() }, ip });
    await sendAccountExistsEmail(email);
  }
  return ok();
}
