// Who may follow councils and service areas (issue 15): a council's buyers and a supplier's
// people. Whoever may follow also sees and stops what they follow at /account/follows, which
// every follow email links to ("Change what you follow"). Administrators oversee the portal and
// follow nothing: 403, audited like every refusal.
import { hasRole, requireRole } from "./permissions.server";
import type { SessionUser } from "./session.server";

export const FOLLOWER_ROLES = ["buyer", "supplier"] as const;

export function mayFollow(user: SessionUser | null): user is SessionUser {
  return FOLLOWER_ROLES.some((role) => hasRole(user, role));
}

/** The signed-in user who may follow (signed out: to sign in; anyone else: 403, audited). */
export function requireFollower(request: Request): Promise<SessionUser> {
  return requireRole(request, FOLLOWER_ROLES);
}
