// The pages where a council's buyers add what the council publishes (/contracts/new,
// /contracts/upload, /pipeline/new): the permission, and an account at a council. What they
// post speaks for the council, so posting also needs a confirmed email address.
import type { Permission } from "~/models/access-control";
import { requireConfirmedForContracts } from "./contract-policy.server";
import { forbidden, requireUserWithPermission } from "./permissions.server";
import type { SessionUser } from "./session.server";

export async function requireCouncilBuyer(
  request: Request,
  permission: Permission,
  { posting = false }: { posting?: boolean } = {},
): Promise<{ user: SessionUser; councilId: string }> {
  const user = await requireUserWithPermission(request, permission);
  if (!user.councilId) throw forbidden();
  if (posting) requireConfirmedForContracts(user);
  return { user, councilId: user.councilId };
}
