// Who may see or change a listing: its own supplier's users (and admins, for reading).
// Checked on every loader and action, not only hidden in the interface. A listing's
// existence is private until it is published, so the answer never tells "missing" from
// "not yours": sign in first (anonymous), the role's permission next (403 for buyers, before
// any lookup), then 404 for both a missing listing and another supplier's.
import { getProductOwner } from "~/models/product.server";
import { notFound } from "~/utils/http.server";
import { checkPermission, requireUserWithPermission } from "./permissions.server";

export async function requireListingAccess(request: Request, productId: string | undefined, mode: "read" | "update") {
  const permission = `${mode}:product:own` as const;
  const user = await requireUserWithPermission(request, permission);
  const owner = productId && productId.length <= 60 ? await getProductOwner(productId) : null;
  if (!owner) throw notFound("Listing not found");
  await checkPermission(user, request, permission, {
    isOwn: (u) => u.supplierId === owner.supplierId,
    objectId: owner.id,
    notFoundIfNotOwn: true,
  });
  return { user, owner };
}
