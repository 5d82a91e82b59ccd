import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, type FieldErrors } from "~/components/forms";
import { HiddenLock, ProjectPageHeader, ReadOnlyNotice } from "~/components/project";
import { actorFrom, formErrors, requireProjectAccess, unverifiedResponse } from "~/auth/project-policy.server";
import { noticesSchema } from "~/models/project.schema";
import { describeRoute, getProject, saveNotices } from "~/models/project.server";
import { formatDate } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Publish the notices");
export const handle = { title: "Publish the notices" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, projectId, canEdit } = await requireProjectAccess(request, params.id, "read");
  const project = await getProject(projectId);
  if (!project) throw notFound("Project not found");
  return {
    project: { id: project.id, title: project.title, lockVersion: project.lockVersion },
    route: (await describeRoute(project.routeId)).label,
    notices: project.notices.map((n) => ({ id: n.id, code: n.code, title: n.title, done: n.done, doneAt: n.doneAt })),
    canEdit,
    verified: Boolean(user.emailVerifiedAt),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, projectId } = await requireProjectAccess(request, params.id, "update");
  if (!user.emailVerifiedAt) return unverifiedResponse();
  const parsed = await parseForm(request, noticesSchema, ["done"]);
  if (!parsed.success) return formErrors(parsed.errors, parsed.values);
  const result = await saveNotices(projectId, parsed.data, actorFrom(user, context, request));
  if (!result.ok) return formErrors(result.errors, {}, result.status);
  return redirect(`/projects/${projectId}`, { headers: await flash(request, "Notices checklist saved") });
}

type ActionData = { errors: FieldErrors } | undefined;

export default function Notices() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={actionData?.errors ?? {}} />
        <ProjectPageHeader project={data.project} title="Publish the notices" />
        <ReadOnlyNotice verified={data.verified} canEdit={data.canEdit} />
        <p className="govuk-body">
          The notices for {data.route}. Tick each one when you have published it, or when it does not apply to this purchase.
        </p>
        {data.notices.length === 0 ? (
          <p className="govuk-body">This route needs no procurement notices.</p>
        ) : data.canEdit ? (
          <Form method="post">
            <HiddenLock lockVersion={data.project.lockVersion} />
            <div className="govuk-form-group">
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Notices published or not needed</legend>
                <div className="govuk-checkboxes" data-module="govuk-checkboxes">
                  {data.notices.map((n) => (
                    <div className="govuk-checkboxes__item" key={n.id}>
                      <input
                        className="govuk-checkboxes__input"
                        id={`notice-${n.code}`}
                        name="done"
                        type="checkbox"
                        value={n.code}
                        defaultChecked={n.done}
                        aria-describedby={n.done ? `notice-${n.code}-hint` : undefined}
                      />
                      <label className="govuk-label govuk-checkboxes__label" htmlFor={`notice-${n.code}`}>
                        {n.title}
                      </label>
                      {n.done ? (
                        <div id={`notice-${n.code}-hint`} className="govuk-hint govuk-checkboxes__hint">
                          Ticked on {formatDate(n.doneAt)}
                        </div>
                      ) : null}
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save the checklist
            </button>
          </Form>
        ) : (
          <ul className="govuk-list govuk-list--bullet">
            {data.notices.map((n) => (
              <li key={n.id}>
                {n.title}: {n.done ? `done ${formatDate(n.doneAt)}` : "not done"}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
