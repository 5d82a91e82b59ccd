// Who may see or change a listing: its own supplier's users (and admins, for reading).
// Checked on every loader and action, not only hidden in the interface.
import { getProductOwner } from "~/models/product.server";
import { notFound } from "./http.server";
import { requireUserWithPermission } from "./permissions.server";

export async function requireListingAccess(request: Request, productId: string | undefined, mode: "read" | "update") {
  const owner = productId && productId.length <= 60 ? await getProductOwner(productId) : null;
  if (!owner) throw notFound("Listing not found");
  const user = await requireUserWithPermission(request, `${mode}:product:own`, {
    isOwn: (u) => u.supplierId === owner.supplierId,
    objectId: owner.id,
  });
  return { user, owner };
}
