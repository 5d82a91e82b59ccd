// Who may see which contracts: public contracts are for everyone; a council's private ones only
// for that council's buyers (read:contract:own). Everyone else gets "not found" for them.
import { viewerOf, type ContractViewer } from "~/models/contract.server";
import { EMAIL_UNCONFIRMED_MESSAGE, EMAIL_UNCONFIRMED_STATUS_TEXT, hasPermission } from "./permissions.server";
import { getSessionUser, type SessionUser } from "./session.server";

/** A buyer who has not confirmed their email address sees no council-private data (anyone can sign up at a council's domain). */
export function contractViewerFor(user: SessionUser | null): ContractViewer {
  return viewerOf(user, Boolean(user?.emailVerifiedAt && hasPermission(user, "read", "contract", "own")));
}

/** Adding contracts writes council data: a confirmed email address first, as for projects. */
export function requireConfirmedForContracts(user: SessionUser): void {
  if (!user.emailVerifiedAt) throw new Response(EMAIL_UNCONFIRMED_MESSAGE, { status: 403, statusText: EMAIL_UNCONFIRMED_STATUS_TEXT });
}

export async function contractViewer(request: Request): Promise<{ user: SessionUser | null; viewer: ContractViewer }> {
  const user = await getSessionUser(request);
  return { user, viewer: contractViewerFor(user) };
}
