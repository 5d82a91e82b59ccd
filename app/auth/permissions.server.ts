// Authorisation: roles carry permissions as data ("update:product:own"); routes ask for
// one and then say whether the object is the user's own. Council-private data also needs a
// confirmed email address. Refusals are audited with IP, user agent, method and path.
import { redirect } from "@remix-run/node";
import { recordAudit } from "~/models/audit.server";
import { notFound, requestIp } from "~/utils/http.server";
import type { Permission, PermissionAction, PermissionEntity } from "~/models/access-control";
import { getSessionUser, type SessionUser } from "./session.server";

export type Access = "own" | "any";

/** Whether one of the user's roles grants the permission (no other condition). */
function holdsPermission(user: SessionUser, action: string, entity: string, access: Access): boolean {
  return user.roles.some((role) =>
    role.permissions.some(
      (p) => p.action === action && p.entity === entity && (p.access === "any" || (access === "own" && p.access === "own")),
    ),
  );
}

/** Whether the user may do this: the role grants it and, for council-private data held "own", the email is confirmed. */
export function hasPermission(user: SessionUser, action: PermissionAction, entity: PermissionEntity, access: Access): boolean {
  if (holdsPermission(user, action, entity, "any")) return true;
  if (access !== "own" || !holdsPermission(user, action, entity, "own")) return false;
  return !(needsConfirmedEmail(action, entity) && !user.emailVerifiedAt);
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

/** The 403 for an account whose email address is not confirmed yet (the error page explains and links to /account). */
export const EMAIL_UNCONFIRMED_STATUS_TEXT = "Email address not confirmed";
export const EMAIL_UNCONFIRMED_MESSAGE =
  "Confirm your email address to see your council's buying projects and unpublished case studies. We sent you a link when you created your account; you can ask for a new one from your account page.";

/**
 * Council membership comes from the email address's domain, so it only counts once the
 * address is confirmed: own-scoped reads and changes of a council's private data (its buying
 * projects, its unpublished case studies) need `emailVerifiedAt`. Creating is gated in the
 * create actions, so their pages can explain what to do first.
 */
export function needsConfirmedEmail(action: string, entity: string): boolean {
  return (entity === "project" || entity === "case-study") && (action === "read" || action === "update");
}

/** The fields every security audit event carries: where the request came from and what it asked for. */
export function requestFacts(request: Request) {
  const url = new URL(request.url);
  return {
    ip: requestIp(request),
    userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
    method: request.method,
    path: url.pathname.slice(0, 500),
  };
}

type RefusalReason = "permission" | "not-own" | "email-unconfirmed" | "role";

async function audit(
  user: SessionUser,
  entityType: string,
  objectId: string | null | undefined,
  request: Request,
  details: Record<string, unknown>,
) {
  const { ip, ...facts } = requestFacts(request);
  await recordAudit({
    actorId: user.id,
    action: "authorisation.refused",
    entityType,
    entityId: objectId ?? null,
    after: { ...details, ...facts, ip },
    ip,
  });
}

async function refuse(
  user: SessionUser,
  permission: string,
  objectId: string | undefined,
  request: Request,
  reason: RefusalReason,
  response: Response,
): Promise<never> {
  await audit(user, permission.split(":")[1] ?? "unknown", objectId, request, { permission, reason });
  throw response;
}

export interface PermissionOptions {
  isOwn?: (user: SessionUser) => boolean;
  objectId?: string;
  /** Where the object's existence is private: "not yours" answers 404, exactly like "no such thing". */
  notFoundIfNotOwn?: boolean;
}

/**
 * The one authorisation check for a signed-in user: 403 without the permission (or, for
 * council-private data, without a confirmed email), 403 or 404 when the object is not theirs.
 * Every refusal is audited with IP, user agent, method and path.
 */
export async function checkPermission(
  user: SessionUser,
  request: Request,
  permission: Permission,
  options: PermissionOptions = {},
): Promise<SessionUser> {
  const [action, entity, access] = permission.split(":") as [string, string, Access];
  if (holdsPermission(user, action, entity, "any")) return user;
  const canOwn = access === "own" && holdsPermission(user, action, entity, "own");
  if (!canOwn) return refuse(user, permission, options.objectId, request, "permission", forbidden());
  if (needsConfirmedEmail(action, entity) && !user.emailVerifiedAt) {
    return refuse(
      user,
      permission,
      options.objectId,
      request,
      "email-unconfirmed",
      new Response(EMAIL_UNCONFIRMED_MESSAGE, { status: 403, statusText: EMAIL_UNCONFIRMED_STATUS_TEXT }),
    );
  }
  if (options.isOwn && !options.isOwn(user)) {
    return refuse(user, permission, options.objectId, request, "not-own", options.notFoundIfNotOwn ? notFound() : forbidden());
  }
  return user;
}

/**
 * `requireUserWithPermission(request, "update:product:own")` – the user must be signed in
 * (else redirect to login) and hold the permission (else 403). Pass `isOwn` when the object
 * is known: "own" permissions then only cover the user's own objects.
 */
export async function requireUserWithPermission(
  request: Request,
  permission: Permission,
  options: PermissionOptions = {},
): Promise<SessionUser> {
  return checkPermission(await requireUser(request), request, permission, options);
}

type AreaRole = "buyer" | "supplier" | "admin";

/** The signed-in user must hold the role, or one of the roles (else 403, audited with the role(s) asked for). */
export async function requireRole(request: Request, role: AreaRole | readonly AreaRole[]): Promise<SessionUser> {
  const user = await requireUser(request);
  const roles: readonly AreaRole[] = typeof role === "string" ? [role] : role;
  if (!roles.some((r) => hasRole(user, r))) {
    const asked = roles.join(",");
    await audit(user, "role", asked, request, { role: asked, reason: "role" });
    throw forbidden();
  }
  return user;
}
