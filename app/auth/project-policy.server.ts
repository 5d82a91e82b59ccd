// Who may see or change a buying project: the project's council's buyers
// ("own" permission, checked against the project's council), the buyers of councils that
// accepted a place in it (read only: joint buying) and administrators (read only). Every
// project loader and action calls one of these first.
import { failureData } from "~/utils/form-action.server";
import { checkPermission, hasPermission, requireUserWithPermission } from "~/auth/permissions.server";
import type { SessionUser } from "~/auth/session.server";
import { clientIp, notFound } from "~/utils/http.server";
import { getProjectOwnership } from "~/models/project.server";
import { isAcceptedParticipant } from "~/models/project-participants.server";

export type ProjectMode = "read" | "update";

import { VERIFY_EMAIL_MESSAGE } from "./messages";
export { VERIFY_EMAIL_MESSAGE };

/**
 * The one check before any project loader or action: sign in first; 403 without the role's
 * permission or, for buyers, without a confirmed email address (council membership comes from
 * the address's domain), both before any lookup; then 404 for a missing project and for
 * another council's alike, so nobody learns which project ids exist.
 */
export async function requireProjectAccess(request: Request, projectId: string | undefined, mode: ProjectMode) {
  const permission = `${mode}:project:own` as const;
  const user = await requireUserWithPermission(request, permission);
  const id = String(projectId ?? "").slice(0, 60);
  const owner = id ? await getProjectOwnership(id) : null;
  if (!owner) throw notFound("Project not found");
  // Joint buying: an accepted participant council's buyers read the project; every write stays with the lead's.
  const participant =
    mode === "read" && user.councilId && user.councilId !== owner.councilId && (await isAcceptedParticipant(owner.id, user.councilId));
  await checkPermission(user, request, permission, {
    isOwn: (u) => u.councilId === owner.councilId || Boolean(participant),
    objectId: owner.id,
    notFoundIfNotOwn: true,
  });
  return { user, projectId: owner.id, canEdit: canEditProjects(user, owner.councilId) };
}

/** Council buyers with a confirmed email address may change their own council's projects. */
export function canEditProjects(user: SessionUser, councilId: string | null): boolean {
  return Boolean(user.emailVerifiedAt && councilId && user.councilId === councilId && hasPermission(user, "update", "project", "own"));
}

/** The same 403 as data, in the handleForm failure shape, so `useActionData<typeof action>()` needs no cast. */
export function unverifiedFailure() {
  return failureData({ kind: "forbidden", message: VERIFY_EMAIL_MESSAGE });
}

/** The actor recorded in the audit trail. */
export function actorFrom(user: SessionUser, context: unknown, request: Request) {
  return { id: user.id, ip: clientIp(context as { ip?: string } | undefined, request) };
}
