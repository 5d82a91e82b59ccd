// Who may act for a supplier organisation: its own users. The organisation always comes from
// the session, never from the posted form (issue 11), and is settled before the body is read.
// An object the organisation owns (an award, an accreditation) is checked against its real
// owner: another organisation's object answers 403, audited like every refusal.
import type { Permission } from "~/models/access-control";
import { checkPermission, forbidden, requireUserWithPermission } from "./permissions.server";
import type { SessionUser } from "./session.server";

/** The signed-in supplier user and their organisation's id (403 for anyone without one). */
export async function requireSupplierOrganisation(request: Request, permission: Permission) {
  const user = await requireUserWithPermission(request, permission);
  // Admins may hold "any" permissions but belong to no organisation: these pages are an organisation's own.
  if (!user.supplierId) throw forbidden();
  return { user, supplierId: user.supplierId };
}

/** Refuses (403, audited) an object that belongs to another organisation; a missing object passes through to the model's not-found. */
export async function requireOwnSupplierObject(
  user: SessionUser,
  request: Request,
  permission: Permission,
  object: { id: string; supplierId: string } | null,
) {
  if (!object) return;
  await checkPermission(user, request, permission, { isOwn: (u) => u.supplierId === object.supplierId, objectId: object.id });
}

/**
 * The supplier area (/supplier/*, app/routes/supplier.tsx): supplier users, and admins for the
 * listing pages they read. Each page still checks its own permission (defence in depth).
 */
export async function requireSupplierArea(request: Request) {
  const user = await requireUserWithPermission(request, "read:product:own");
  return { user, supplierId: user.supplierId ?? null };
}
