// Roles and their permissions, as data. "own" means the object belongs to the
// user's organisation (their council or their supplier); "any" means every object.
export const ROLE_NAMES = ["buyer", "approver", "council_lead", "supplier", "admin"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

type PermissionShape = `${string}:${string}:${"own" | "any"}`;

export const ROLE_PERMISSIONS = {
  buyer: {
    description: "Council staff: buying projects and case studies for their own council",
    permissions: [
      "create:project:own",
      "read:project:own",
      "update:project:own",
      "create:case-study:own",
      "read:case-study:own",
      "update:case-study:own",
      "create:contract:own",
      "read:contract:own",
      "create:pipeline:own",
    ],
  },
  approver: {
    description: "Council staff who may approve another officer's budget request or award decision (four eyes), held with buyer",
    permissions: ["approve:project:own"],
  },
  council_lead: {
    description: "A council's own lead officer: grants and revokes the approver role for the council's buyers, held with buyer",
    permissions: ["manage:council-team:own"],
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
} as const satisfies Record<RoleName, { description: string; permissions: readonly PermissionShape[] }>;

/** A permission the role table grants to some role, exactly as written there. */
export type GrantedPermission = (typeof ROLE_PERMISSIONS)[RoleName]["permissions"][number];
type ActionEntity<P> = P extends `${infer A}:${infer E}:${string}` ? `${A}:${E}` : never;
/** What a route may ask for: an action on an entity that the role table knows, for one's own objects or any. */
export type Permission = `${ActionEntity<GrantedPermission>}:${"own" | "any"}`;
export type PermissionAction = GrantedPermission extends `${infer A}:${string}:${string}` ? A : never;
export type PermissionEntity = GrantedPermission extends `${string}:${infer E}:${string}` ? E : never;

export function parsePermission(permission: GrantedPermission | Permission) {
  const [action, entity, access] = permission.split(":") as [string, string, "own" | "any"];
  return { action, entity, access };
}
