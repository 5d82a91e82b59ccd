// Which roles an account may hold, by the organisation it belongs to (issue 15): council
// officers are buyers and may also be approvers; supplier users are suppliers; portal
// administrators belong to neither. Pure, so the admin page and the model agree.
import { roleName } from "~/utils/labels";

export const ROLE_RULE =
  "Council officers can be buyers, approvers and the council's lead; supplier users can only be suppliers; administrators belong to no council or supplier. An approver or lead must also be a buyer.";

export function rolesAllowedFor(user: { councilId: string | null; supplierId: string | null }): string[] {
  if (user.councilId) return ["buyer", "approver", "council_lead"];
  if (user.supplierId) return ["supplier"];
  return ["admin"];
}

/** Why `roles` break the rule for this account, or null when they are allowed. */
export function checkRoles(user: { councilId: string | null; supplierId: string | null }, roles: string[]): string | null {
  if (roles.length === 0) return "Choose at least one role.";
  const allowed = rolesAllowedFor(user);
  const outside = roles.filter((r) => !allowed.includes(r));
  if (outside.length)
    return `This account cannot hold the ${outside.map((r) => roleName(r).toLowerCase()).join(" and ")} role: ${ROLE_RULE}`;
  if (roles.includes("approver") && !roles.includes("buyer")) return "An approver must also be a buyer.";
  if (roles.includes("council_lead") && !roles.includes("buyer")) return "A council lead must also be a buyer.";
  return null;
}
