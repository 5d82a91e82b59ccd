// Authorisation: roles carry permissions as data ("update:product:own"); routes ask for
// one and then say whether the object is the user's own. Refusals are audited.
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { getSessionUser, type SessionUser } from "./session.server";

export type Access = "own" | "any";

export function hasPermission(user: SessionUser, action: string, entity: string, access: Access): boolean {
  return user.roles.some((role) =>
    role.permissions.some(
      (p) => p.action === action && p.entity === entity && (p.access === "any" || (access === "own" && p.access === "own")),
    ),
  );
}

export function hasRole(user: SessionUser | null, role: string): boolean {
  return Boolean(user?.roles.some((r) => r.name === role));
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export function forbidden(message = "You do not have permission to do that"): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

async function refuse(user: SessionUser, permission: string, objectId: string | undefined, request: Request): Promise<never> {
  await recordAudit({
    actorId: user.id,
    action: "authorisation.refused",
    entityType: permission.split(":")[1] ?? "unknown",
    entityId: objectId ?? null,
    after: { permission, method: request.method, path: new URL(request.url).pathname },
  });
  throw forbidden();
}

/**
 * `requireUserWithPermission(request, "update:product:own")` – the user must be signed in
 * (else redirect to login) and hold the permission (else 403). Pass `isOwn` when the object
 * is known: "own" permissions then only cover the user's own objects.
 */
export async function requireUserWithPermission(
  request: Request,
  permission: `${string}:${string}:${Access}`,
  options: { isOwn?: (user: SessionUser) => boolean; objectId?: string } = {},
): Promise<SessionUser> {
  const user = await requireUser(request);
  const [action, entity, access] = permission.split(":") as [string, string, Access];
  const canAny = hasPermission(user, action, entity, "any");
  if (canAny) return user;
  const canOwn = access === "own" && hasPermission(user, action, entity, "own");
  if (!canOwn) return refuse(user, permission, options.objectId, request);
  if (options.isOwn && !options.isOwn(user)) return refuse(user, permission, options.objectId, request);
  return user;
}

export async function requireRole(request: Request, role: "buyer" | "supplier" | "admin"): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!hasRole(user, role)) {
    await recordAudit({ actorId: user.id, action: "authorisation.refused", entityType: "role", entityId: role });
    throw forbidden();
  }
  return user;
}
