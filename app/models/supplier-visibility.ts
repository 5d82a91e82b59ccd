// Who may see a supplier organisation (issue 12 finding 10): once an admin has verified it,
// everyone; before that only its own users and admins. Pages and search documents use these.

/** Prisma `where` for suppliers the public may see. */
export const VERIFIED_SUPPLIER = { verifiedAt: { not: null } } as const;

/** The signed-in user, as far as visibility goes. */
export type SupplierViewer = { supplierId?: string | null; roles: { name: string }[] } | null | undefined;

export function canSeeSupplier(supplier: { id: string; verifiedAt: Date | null }, viewer: SupplierViewer): boolean {
  if (supplier.verifiedAt) return true;
  if (!viewer) return false;
  return viewer.supplierId === supplier.id || viewer.roles.some((r) => r.name === "admin");
}
