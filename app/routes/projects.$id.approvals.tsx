// Four eyes (issue 13, item 5): an approver in the project's council decides the budget and
// award requests another officer made; a council with nobody else to ask records why.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ChoiceField, SubmitButton, TextareaField } from "~/components/forms";
import { ApprovalStatusText, ProjectFormHeader } from "~/components/project";
import { DataTable } from "~/components/data-table";
import { requireProjectAccess } from "~/auth/project-policy.server";
import { projectAction } from "~/utils/project-route.server";
import { forbidden, hasPermission } from "~/auth/permissions.server";
import { approvalDecisionSchema, noSecondPersonSchema } from "~/models/project.schema";
import { getProjectAwardSummary } from "~/models/project.server";
import { approvalState } from "~/models/project-presenter";
import { FOUR_EYES_RULE, decideApproval, listApprovals, otherApprovers, recordNoSecondPerson } from "~/models/project-approval.server";
import { formatPence } from "~/procurement/money";
import { handleForm } from "~/utils/form-action.server";
import { formatDateTime } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Approvals");
export const handle = { title: "Approvals" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

const SUBJECT_LABELS = { budget: "Budget approval", award: "Award decision" } as const;
const STATUS_LABELS: Record<string, string> = {
  requested: "Waiting for an approver",
  approved: "Approved",
  rejected: "Rejected",
  "no-second-person": "No second person available",
  withdrawn: "Replaced by a later request",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, projectId, canEdit } = await requireProjectAccess(request, params.id, "read");
  const [project, approvals] = await Promise.all([getProjectAwardSummary(projectId), listApprovals(projectId)]);
  if (!project) throw notFound("Project not found");
  const sameCouncil = user.councilId === project.councilId;
  const others = sameCouncil ? await otherApprovers(project.councilId, user.id) : [];
  return {
    project: { id: project.id, title: project.title, status: project.status },
    award: project.outcome,
    approvals,
    budget: approvalState(approvals, "budget"),
    awardApproval: project.outcome ? approvalState(approvals, "award", project.outcome.revision) : null,
    budgetApproved: project.budgetApproved,
    userId: user.id,
    canApprove: sameCouncil && Boolean(user.emailVerifiedAt) && hasPermission(user, "approve", "project", "own"),
    otherApprovers: others.map((o) => o.name),
    canEdit,
    verified: Boolean(user.emailVerifiedAt),
    // Through the data: a value from a .server module is not in the browser's bundle.
    rule: FOUR_EYES_RULE,
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, async ({ request, user, projectId, actor, intent, redirectWithFlash }) => {
    const back = `/projects/${projectId}/approvals`;
    if (intent === "decide") {
      // Before the body is read: only approvers decide.
      if (!hasPermission(user, "approve", "project", "own")) throw forbidden("Only an approver can decide this");
      return handleForm(request, {
        schema: approvalDecisionSchema,
        run: (input) => decideApproval(projectId, input, actor),
        onSuccess: ({ subject }) => redirectWithFlash(back, `${SUBJECT_LABELS[subject]} decided`),
      });
    }
    return handleForm(request, {
      schema: noSecondPersonSchema,
      run: (input) => recordNoSecondPerson(projectId, input, actor),
      onSuccess: () => redirectWithFlash(back, "Recorded that no second person was available"),
    });
  });
}

export default function Approvals() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const pending = data.approvals.filter((a) => a.status === "requested");
  const decidable = data.canApprove ? pending.filter((a) => a.requestedById !== data.userId) : [];
  const soleSubjects = [
    ...(!data.budgetApproved && data.project.status === "open" ? (["budget"] as const) : []),
    ...(data.award && (!data.awardApproval || data.awardApproval.status === "requested") ? (["award"] as const) : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ProjectFormHeader errors={errors} title="Approvals" access={data} />
        <p className="govuk-body">{data.rule}</p>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Budget approval</dt>
            <dd className="govuk-summary-list__value" data-testid="budget-approval">
              <ApprovalStatusText approval={data.budget} none="Not asked for yet." />
            </dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Award decision</dt>
            <dd className="govuk-summary-list__value" data-testid="award-approval">
              {data.award ? (
                <>
                  {data.award.productName ?? "No award"}
                  {data.award.valuePence !== null ? `, ${formatPence(data.award.valuePence)}` : ""} (revision {data.award.revision}):{" "}
                  <ApprovalStatusText approval={data.awardApproval} none="No decision asked for." />
                </>
              ) : (
                "No award recorded yet."
              )}
            </dd>
          </div>
        </dl>

        {decidable.map((a) => (
          <Form method="post" action={`/projects/${data.project.id}/approvals?intent=decide`} key={a.id}>
            <input type="hidden" name="approvalId" value={a.id} />
            <h2 className="govuk-heading-m">
              Decide: {SUBJECT_LABELS[a.subject]}
              {a.outcomeRevision ? ` (outcome revision ${a.outcomeRevision})` : ""}
            </h2>
            <p className="govuk-body">
              Asked by {a.requestedBy ?? "someone"} on {formatDateTime(a.requestedAt)}.
            </p>
            <ChoiceField
              type="radio"
              name="decision"
              legend="Your decision"
              small
              options={[
                { value: "approve", label: "Approve" },
                { value: "reject", label: "Reject" },
              ]}
              defaultValue={null}
              error={errors.decision?.[0]}
            />
            <TextareaField name="note" label="Note for the record (optional)" rows={3} error={errors.note?.[0]} />
            <SubmitButton>
              Record the decision<span className="govuk-visually-hidden">: {SUBJECT_LABELS[a.subject]}</span>
            </SubmitButton>
          </Form>
        ))}

        {data.canEdit && data.otherApprovers.length === 0 && soleSubjects.length ? (
          <Form method="post" action={`/projects/${data.project.id}/approvals?intent=no-second-person`}>
            <h2 className="govuk-heading-m">No second person available</h2>
            <p className="govuk-body">
              Nobody else in your council is an approver. If no second person can decide, record why: the record will show that this
              decision had one pair of eyes.
            </p>
            <ChoiceField
              type="radio"
              name="subject"
              legend="Which decision"
              small
              options={soleSubjects.map((s) => ({ value: s, label: SUBJECT_LABELS[s] }))}
              defaultValue={soleSubjects.length === 1 ? soleSubjects[0] : null}
              error={errors.subject?.[0]}
            />
            <TextareaField
              name="reason"
              label="Why no second person was available"
              rows={4}
              defaultValue={typeof actionData?.values?.reason === "string" ? actionData.values.reason : undefined}
              error={errors.reason?.[0]}
            />
            <SubmitButton variant="secondary">Record that no second person was available</SubmitButton>
          </Form>
        ) : null}

        <h2 className="govuk-heading-m">All requests and decisions</h2>
        <DataTable
          caption="Approval requests and decisions"
          captionSize="none"
          rows={data.approvals}
          rowKey={(a) => a.id}
          empty={<p className="govuk-body">No approvals asked for yet.</p>}
          columns={[
            {
              header: "Decision",
              cell: (a) => `${SUBJECT_LABELS[a.subject]}${a.outcomeRevision ? ` (revision ${a.outcomeRevision})` : ""}`,
            },
            { header: "Asked", cell: (a) => `${a.requestedBy ?? "—"}, ${formatDateTime(a.requestedAt)}` },
            { header: "Decided", cell: (a) => (a.decidedAt ? `${a.decidedBy ?? "—"}, ${formatDateTime(a.decidedAt)}` : "—") },
            { header: "Status", cell: (a) => `${STATUS_LABELS[a.status] ?? a.status}${a.reason ? `: ${a.reason}` : ""}` },
          ]}
        />
      </div>
    </div>
  );
}
