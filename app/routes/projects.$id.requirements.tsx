import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { LinkParagraph, Paragraphs } from "~/components/buying";
import { ChoiceField, SubmitButton, TextareaField, useZodForm } from "~/components/forms";
import { ApprovalStatusText, HiddenLock, ProjectFormHeader } from "~/components/project";
import { bindFields } from "~/components/project-fields";
import { requireProjectAccess } from "~/auth/project-policy.server";
import { projectAction } from "~/utils/project-route.server";
import { requirementsSchema } from "~/models/project.schema";
import { getProjectRequirements, updateRequirements } from "~/models/project.server";
import { listApprovals } from "~/models/project-approval.server";
import { approvalState } from "~/models/project-presenter";
import { handleForm } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Requirements and budget approval");
export const handle = { title: "Requirements and budget approval" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, projectId, canEdit } = await requireProjectAccess(request, params.id, "read");
  const [project, approvals] = await Promise.all([getProjectRequirements(projectId), listApprovals(projectId)]);
  if (!project) throw notFound("Project not found");
  return {
    project: { ...project, locked: project.status !== "open" },
    budget: approvalState(approvals, "budget"),
    canEdit,
    verified: Boolean(user.emailVerifiedAt),
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, ({ request, projectId, actor, redirectWithFlash }) =>
    handleForm(request, {
      schema: requirementsSchema,
      run: (input) => updateRequirements(projectId, input, actor),
      onSuccess: ({ approvalRequested }) =>
        redirectWithFlash(
          `/projects/${projectId}`,
          approvalRequested ? "Requirements saved and budget approval asked for" : "Requirements saved",
        ),
    }),
  );
}

export default function Requirements() {
  const { project, budget, canEdit, verified } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit, error } = useZodForm(requirementsSchema, actionData?.errors);
  const { field } = bindFields({ register, error }, actionData?.values);
  const editable = canEdit && !project.locked;
  const canAsk = !project.budgetApproved && budget?.status !== "requested";
  return (
    <NarrowPage>
      <ProjectFormHeader errors={errors} title="Requirements and budget approval" access={{ verified, canEdit }} locked={project.locked} />
      {editable ? (
        <Form method="post" noValidate onSubmit={onSubmit}>
          <HiddenLock lockVersion={project.lockVersion} register={register} />
          <TextareaField
            label="What do you need?"
            rows={10}
            hint="Write down what the service must do, who will use it and any standards it must meet. You will assess services against this, without negotiating with suppliers."
            {...field("requirements", project.requirements)}
          />
          {canAsk ? (
            <ChoiceField
              type="checkbox"
              name="requestBudgetApproval"
              legend="Budget approval"
              hint="Another approver in your council decides it: you cannot approve your own budget."
              small
              options={[{ value: "yes", label: "Ask an approver to approve the budget" }]}
              defaultValue={null}
              error={error("requestBudgetApproval")}
              registered={register("requestBudgetApproval")}
            />
          ) : null}
          <SubmitButton>Save and return to the project</SubmitButton>
        </Form>
      ) : (
        <>
          <h2 className="govuk-heading-m">Requirements</h2>
          <Paragraphs text={project.requirements} empty="Not written yet." />
        </>
      )}
      <h2 className="govuk-heading-m">Budget approval</h2>
      <p className="govuk-body">
        <ApprovalStatusText approval={budget} none="Not asked for yet." />
      </p>
      <LinkParagraph to={`/projects/${project.id}/approvals`}>Approvals for this project</LinkParagraph>
    </NarrowPage>
  );
}
