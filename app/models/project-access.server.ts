// Who may see or change a buying project: the project's council's buyers
// ("own" permission, checked against the project's council) and administrators
// (read only). Every project loader and action calls one of these first.
import { hasPermission, requireUserWithPermission } from "~/utils/permissions.server";
import type { SessionUser } from "~/utils/session.server";
import { clientIp, notFound } from "~/utils/http.server";
import { getProjectOwnership } from "./project.server";

export type ProjectMode = "read" | "update";

export const VERIFY_EMAIL_MESSAGE = "Confirm your email address before you start or change a buying project. We sent you a link when you created your account.";

/** 403 unless the user may read (or update) this project; 404 if there is no such project. */
export async function requireProjectAccess(request: Request, projectId: string | undefined, mode: ProjectMode) {
  const id = String(projectId ?? "").slice(0, 60);
  const owner = id ? await getProjectOwnership(id) : null;
  const permission = `${mode}:project:own` as const;
  if (!owner) {
    // Refuse people without the permission before saying whether the project exists.
    await requireUserWithPermission(request, permission);
    throw notFound("Project not found");
  }
  const user = await requireUserWithPermission(request, permission, { isOwn: (u) => u.councilId === owner.councilId, objectId: owner.id });
  return { user, projectId: owner.id, canEdit: canEditProjects(user, owner.councilId) };
}

/** Council buyers with a confirmed email address may change their own council's projects. */
export function canEditProjects(user: SessionUser, councilId: string | null): boolean {
  return Boolean(user.emailVerifiedAt && councilId && user.councilId === councilId && hasPermission(user, "update", "project", "own"));
}

/** What an action answers when the user has not confirmed their email address (the page explains and links to /verify-email). */
export function unverifiedResponse(): Response {
  return Response.json({ errors: { form: [VERIFY_EMAIL_MESSAGE] }, values: {} }, { status: 403 });
}

/** The actor recorded in the audit trail. */
export function actorFrom(user: SessionUser, context: unknown, request: Request) {
  return { id: user.id, ip: clientIp(context as { ip?: string } | undefined, request) };
}

/** A form that came back with problems: GOV.UK error summary data, never a 500. */
export function formErrors(errors: Record<string, string[]>, values: Record<string, unknown> = {}, status = 400): Response {
  return Response.json({ errors, values }, { status });
}
