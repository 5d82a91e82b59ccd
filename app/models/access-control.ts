// Roles and their permissions, as data. "own" means the object belongs to the
// user's organisation (their council or their supplier); "any" means every object.
export const ROLE_NAMES = ["buyer", "supplier", "admin"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export type PermissionString = `${string}:${string}:${"own" | "any"}`;

export const ROLE_PERMISSIONS: Record<RoleName, { description: string; permissions: PermissionString[] }> = {
  buyer: {
    description: "Council staff: buying projects and case studies for their own council",
    permissions: [
      "create:project:own",
      "read:project:own",
      "update:project:own",
      "create:case-study:own",
      "read:case-study:own",
      "update:case-study:own",
    ],
  },
  supplier: {
    description: "A member of one supplier organisation: its profile, awards and listings",
    permissions: [
      "update:supplier:own",
      "create:award:own",
      "create:product:own",
      "read:product:own",
      "update:product:own",
      "respond:case-study:own",
    ],
  },
  admin: {
    description: "Portal administrators: moderation, verification and oversight",
    permissions: [
      "moderate:product:any",
      "read:product:any",
      "moderate:case-study:any",
      "read:case-study:any",
      "verify:award:any",
      "verify:supplier:any",
      "read:project:any",
      "read:audit:any",
      "manage:user:any",
      "manage:reference:any",
    ],
  },
};

export function parsePermission(permission: PermissionString) {
  const [action, entity, access] = permission.split(":") as [string, string, "own" | "any"];
  return { action, entity, access };
}
