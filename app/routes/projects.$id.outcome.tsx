import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { SummaryList } from "~/components/buying";
import { DateInput } from "~/components/date-input";
import { ChoiceField, ErrorSummary, TextField, TextareaField, useZodForm } from "~/components/forms";
import { HiddenLock, ProjectPageHeader, ReadOnlyNotice } from "~/components/project";
import { dateParts } from "~/models/buying-guide-steps";
import { actorFrom, requireProjectAccess, unverifiedFailure } from "~/auth/project-policy.server";
import { OUTCOME_KINDS, OUTCOME_LABELS, outcomeSchema, weightedTotal, type OutcomeKind } from "~/models/project.schema";
import { getProjectOutcome, recordOutcome } from "~/models/project.server";
import { formatPence, penceToPounds, toIsoDate } from "~/procurement";
import { formatDate, formatDateTime } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Record the outcome");
export const handle = { title: "Record the outcome" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, projectId, canEdit } = await requireProjectAccess(request, params.id, "read");
  const project = await getProjectOutcome(projectId);
  if (!project) throw notFound("Project not found");
  const weightsOk = project.criteria.reduce((s, c) => s + c.weight, 0) === 100;
  const o = project.outcome;
  const awardedEntry = o?.productVersionId
    ? project.shortlist.find((e) => e.frozenResult.productVersionId === o.productVersionId)
    : undefined;
  return {
    project: { id: project.id, lockVersion: project.lockVersion },
    entries: project.shortlist.map((e) => ({
      id: e.id,
      productName: e.frozenResult.productName,
      supplierName: e.frozenResult.supplierName,
      total: weightsOk ? weightedTotal(project.criteria, e.scores) : null,
    })),
    outcome: o
      ? {
          kind: o.kind as OutcomeKind,
          entryId: awardedEntry?.id ?? null,
          productName: o.productVersion?.name ?? null,
          valuePence: o.valuePence,
          valueText: o.valuePence === null ? "" : penceToPounds(o.valuePence),
          startDate: o.startDate ? toIsoDate(o.startDate) : null,
          endDate: o.endDate ? toIsoDate(o.endDate) : null,
          justification: o.justification,
          decidedAt: o.decidedAt,
        }
      : null,
    canEdit,
    verified: Boolean(user.emailVerifiedAt),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, projectId } = await requireProjectAccess(request, params.id, "update");
  if (!user.emailVerifiedAt) return unverifiedFailure();
  return handleForm(request, {
    schema: outcomeSchema,
    run: async (input) => {
      const result = await recordOutcome(projectId, input, actorFrom(user, context, request));
      return result.ok ? { ok: true as const, value: { ...result.value, kind: input.kind } } : result;
    },
    onSuccess: async ({ kind }) =>
      redirect(`/projects/${projectId}`, {
        headers: await flash(
          request,
          `Outcome recorded: ${OUTCOME_LABELS[kind].toLowerCase()}${kind === "awarded" ? ". An approver in your council now decides the award" : ""}`,
        ),
      }),
  });
}

export default function OutcomePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit, error } = useZodForm(outcomeSchema, actionData?.errors);
  const posted = actionData?.values;
  const value = (name: string, fallback: string | null | undefined) =>
    posted && name in posted ? String(posted[name] ?? "") : (fallback ?? "");
  const dateValues = (name: "startDate" | "endDate", iso: string | null | undefined) =>
    posted && `${name}-day` in posted
      ? { day: value(`${name}-day`, ""), month: value(`${name}-month`, ""), year: value(`${name}-year`, "") }
      : dateParts(iso);
  const o = data.outcome;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <ProjectPageHeader title="Record the outcome" />
        <ReadOnlyNotice verified={data.verified} canEdit={data.canEdit} />
        {o ? (
          <>
            <h2 className="govuk-heading-m">Recorded outcome</h2>
            <SummaryList
              rows={[
                { key: "Outcome", value: OUTCOME_LABELS[o.kind] ?? o.kind },
                ...(o.kind === "awarded"
                  ? [
                      { key: "Awarded to", value: o.productName ?? "" },
                      { key: "Contract value", value: formatPence(o.valuePence) },
                      { key: "Contract period", value: `${formatDate(o.startDate)} to ${formatDate(o.endDate)}` },
                    ]
                  : []),
                { key: "Reasons", value: o.justification },
                { key: "Recorded", value: formatDateTime(o.decidedAt) },
              ]}
            />
          </>
        ) : null}
        {data.canEdit ? (
          <>
            {o ? <h2 className="govuk-heading-m">Change the outcome</h2> : null}
            {o ? <p className="govuk-body">The record keeps the earlier outcome in the project&apos;s history.</p> : null}
            <Form method="post" noValidate onSubmit={onSubmit}>
              <HiddenLock lockVersion={data.project.lockVersion} register={register} />
              <ChoiceField
                type="radio"
                name="kind"
                legend="What was the outcome?"
                options={OUTCOME_KINDS.map((k) => ({ value: k, label: OUTCOME_LABELS[k] }))}
                defaultValue={value("kind", o?.kind)}
                error={error("kind")}
                registered={register("kind")}
              />
              <h2 className="govuk-heading-m">If you awarded the contract</h2>
              {data.entries.length ? (
                <ChoiceField
                  type="radio"
                  name="entryId"
                  legend="Which shortlisted service did you award the contract to?"
                  options={data.entries.map((e) => ({
                    value: e.id,
                    label: e.productName,
                    hint: `${e.supplierName}${e.total !== null ? `. Weighted total ${e.total.toFixed(1)} out of 100` : ""}`,
                  }))}
                  defaultValue={value("entryId", o?.entryId)}
                  error={error("entryId")}
                  registered={register("entryId")}
                />
              ) : (
                <p className="govuk-body" id="entryId">
                  Nothing is shortlisted, so you cannot record an award yet.{" "}
                  <Link className="govuk-link" to={`/projects/${data.project.id}/shortlist`}>
                    Shortlist services
                  </Link>
                  .
                </p>
              )}
              <TextField
                name="value"
                label="Contract value, including VAT"
                prefix="£"
                width="10"
                inputMode="decimal"
                spellCheck={false}
                defaultValue={value("value", o?.valueText)}
                error={error("value")}
                registered={register("value")}
              />
              <DateInput
                name="startDate"
                legend="Contract start date"
                hint="For example, 5 1 2027"
                values={dateValues("startDate", o?.startDate)}
                error={error("startDate")}
                register={register}
              />
              <DateInput
                name="endDate"
                legend="Contract end date"
                hint="For example, 4 1 2029"
                values={dateValues("endDate", o?.endDate)}
                error={error("endDate")}
                register={register}
              />
              <h2 className="govuk-heading-m">Reasons</h2>
              <TextareaField
                name="justification"
                label="Why did you make this decision?"
                hint="For an award, explain why this service best meets your requirements. Otherwise, explain why no service was suitable or why the procurement was cancelled."
                defaultValue={value("justification", o?.justification)}
                error={error("justification")}
                registered={register("justification")}
              />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Record the outcome
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
