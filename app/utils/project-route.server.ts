// What every page of a buying project does first (issue 11), so each loader and action only
// loads or changes what is its own:
//
//   export async function loader(args: LoaderFunctionArgs) {
//     const { project, access } = await loadProjectPage(args, getProjectNotices);
//     return { notices: project.notices, ...access };
//   }
//
//   export async function action(args: ActionFunctionArgs) {
//     return projectAction(args, ({ request, projectId, actor, redirectWithFlash }) =>
//       handleForm(request, {
//         schema: noticesSchema,
//         run: (input) => saveNotices(projectId, input, actor),
//         onSuccess: () => redirectWithFlash(`/projects/${projectId}`, "Notices checklist saved"),
//       }),
//     );
//   }
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { actorFrom, requireProjectAccess, unverifiedFailure } from "~/auth/project-policy.server";
import { flash, type SessionUser } from "~/auth/session.server";
import { notFound } from "~/utils/http.server";

/** A redirect that shows `message` in the flash banner on the next page. */
export async function redirectWithFlash(request: Request, to: string, message: string) {
  return redirect(to, { headers: await flash(request, message) });
}

/**
 * A project page's loader start: read access to the project (403/404 as requireProjectAccess
 * decides), then `load(projectId)`, with 404 "Project not found" when it finds nothing.
 * `access` is what ReadOnlyNotice needs, to spread into the loader's data.
 */
export async function loadProjectPage<T>({ request, params }: LoaderFunctionArgs, load: (projectId: string) => PromiseLike<T | null>) {
  const { user, projectId, canEdit } = await requireProjectAccess(request, params.id, "read");
  const project = await load(projectId);
  if (!project) throw notFound("Project not found");
  return { user, projectId, project, access: { canEdit, verified: Boolean(user.emailVerifiedAt) } };
}

export interface ProjectActionContext {
  request: Request;
  user: SessionUser;
  projectId: string;
  /** Who the audit trail records. */
  actor: ReturnType<typeof actorFrom>;
  /** The `?intent=` of the form posted, where one page has several forms. */
  intent: string | null;
  /** redirectWithFlash for this request. */
  redirectWithFlash: (to: string, message: string) => ReturnType<typeof redirectWithFlash>;
}

/**
 * A project page's action start: update access to the project (403/404 before the body is
 * read), then the 403 for an unconfirmed email address as form errors, then `run`.
 */
export async function projectAction<R>({ request, params, context }: ActionFunctionArgs, run: (ctx: ProjectActionContext) => Promise<R>) {
  const { user, projectId } = await requireProjectAccess(request, params.id, "update");
  if (!user.emailVerifiedAt) return unverifiedFailure();
  return run({
    request,
    user,
    projectId,
    actor: actorFrom(user, context, request),
    intent: new URL(request.url).searchParams.get("intent"),
    redirectWithFlash: (to, message) => redirectWithFlash(request, to, message),
  });
}
