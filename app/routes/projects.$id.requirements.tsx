import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { Paragraphs } from "~/components/buying";
import { ChoiceField, ErrorSummary, TextareaField, useZodForm, type FieldErrors } from "~/components/forms";
import { HiddenLock, ProjectPageHeader, ReadOnlyNotice } from "~/components/project";
import { actorFrom, formErrors, requireProjectAccess, unverifiedResponse } from "~/auth/project-policy.server";
import { requirementsSchema } from "~/models/project.schema";
import { getProject, updateRequirements } from "~/models/project.server";
import { formatDate } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Requirements and budget approval");
export const handle = { title: "Requirements and budget approval" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, projectId, canEdit } = await requireProjectAccess(request, params.id, "read");
  const project = await getProject(projectId);
  if (!project) throw notFound("Project not found");
  return {
    project: {
      id: project.id,
      title: project.title,
      lockVersion: project.lockVersion,
      requirements: project.requirements,
      budgetApproved: project.budgetApproved,
      budgetApprovedAt: project.budgetApprovedAt,
      locked: project.status !== "open",
    },
    canEdit,
    verified: Boolean(user.emailVerifiedAt),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, projectId } = await requireProjectAccess(request, params.id, "update");
  if (!user.emailVerifiedAt) return unverifiedResponse();
  const parsed = await parseForm(request, requirementsSchema);
  if (!parsed.success) return formErrors(parsed.errors, parsed.values);
  const result = await updateRequirements(projectId, parsed.data, actorFrom(user, context, request));
  if (!result.ok) return formErrors(result.errors, { requirements: parsed.data.requirements }, result.status);
  return redirect(`/projects/${projectId}`, { headers: await flash(request, "Requirements and budget approval saved") });
}

type ActionData = { errors: FieldErrors; values: Record<string, string> } | undefined;

export default function Requirements() {
  const { project, canEdit, verified } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { register, errors, onSubmit, error } = useZodForm(requirementsSchema, actionData?.errors);
  const editable = canEdit && !project.locked;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <ProjectPageHeader project={project} title="Requirements and budget approval" />
        <ReadOnlyNotice verified={verified} canEdit={canEdit} locked={project.locked} />
        {editable ? (
          <Form method="post" noValidate onSubmit={onSubmit}>
            <HiddenLock lockVersion={project.lockVersion} register={register} />
            <TextareaField
              name="requirements"
              label="What do you need?"
              rows={10}
              hint="Write down what the service must do, who will use it and any standards it must meet. You will assess services against this, without negotiating with suppliers."
              defaultValue={actionData?.values?.requirements ?? project.requirements}
              error={error("requirements")}
              registered={register("requirements")}
            />
            <ChoiceField
              type="checkbox"
              name="budgetApproved"
              legend="Budget approval"
              small
              options={[{ value: "yes", label: "The budget for this purchase is approved" }]}
              defaultValue={project.budgetApproved ? "yes" : null}
              error={error("budgetApproved")}
              registered={register("budgetApproved")}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save and return to the project
            </button>
          </Form>
        ) : (
          <>
            <h2 className="govuk-heading-m">Requirements</h2>
            <Paragraphs text={project.requirements} empty="Not written yet." />
            <h2 className="govuk-heading-m">Budget approval</h2>
            <p className="govuk-body">
              {project.budgetApproved ? `Approved (recorded ${formatDate(project.budgetApprovedAt)})` : "Not approved yet."}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
