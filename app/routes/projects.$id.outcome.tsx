import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { SummaryList } from "~/components/buying";
import { DateInput } from "~/components/date-input";
import { ChoiceField, SubmitButton, TextareaField, TextField, useZodForm } from "~/components/forms";
import { HiddenLock, ProjectFormHeader } from "~/components/project";
import { bindFields } from "~/components/project-fields";
import { loadProjectPage, projectAction } from "~/utils/project-route.server";
import { OUTCOME_KINDS, OUTCOME_LABELS, outcomeSchema, weightedTotal, type OutcomeKind } from "~/models/project.schema";
import { getProjectOutcome, recordOutcome } from "~/models/project.server";
import { formatPence, penceToPounds, toIsoDate } from "~/procurement";
import { formatDate, formatDateTime } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Record the outcome");
export const handle = { title: "Record the outcome" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader(args: LoaderFunctionArgs) {
  const { project, access } = await loadProjectPage(args, getProjectOutcome);
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
    ...access,
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, ({ request, projectId, actor, redirectWithFlash }) =>
    handleForm(request, {
      schema: outcomeSchema,
      run: async (input) => {
        const result = await recordOutcome(projectId, input, actor);
        return result.ok ? { ok: true as const, value: { ...result.value, kind: input.kind } } : result;
      },
      onSuccess: ({ kind }) =>
        redirectWithFlash(
          `/projects/${projectId}`,
          `Outcome recorded: ${OUTCOME_LABELS[kind].toLowerCase()}${kind === "awarded" ? ". An approver in your council now decides the award" : ""}`,
        ),
    }),
  );
}

export default function OutcomePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useZodForm(outcomeSchema, actionData?.errors);
  const { field, dateField } = bindFields(form, actionData?.values);
  const o = data.outcome;
  return (
    <NarrowPage>
      <ProjectFormHeader errors={form.errors} title="Record the outcome" access={data} />
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
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <HiddenLock lockVersion={data.project.lockVersion} register={form.register} />
            <ChoiceField
              type="radio"
              legend="What was the outcome?"
              options={OUTCOME_KINDS.map((k) => ({ value: k, label: OUTCOME_LABELS[k] }))}
              {...field("kind", o?.kind)}
            />
            <h2 className="govuk-heading-m">If you awarded the contract</h2>
            {data.entries.length ? (
              <ChoiceField
                type="radio"
                legend="Which shortlisted service did you award the contract to?"
                options={data.entries.map((e) => ({
                  value: e.id,
                  label: e.productName,
                  hint: `${e.supplierName}${e.total !== null ? `. Weighted total ${e.total.toFixed(1)} out of 100` : ""}`,
                }))}
                {...field("entryId", o?.entryId)}
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
              label="Contract value, including VAT"
              prefix="£"
              width="10"
              inputMode="decimal"
              spellCheck={false}
              {...field("value", o?.valueText)}
            />
            <DateInput legend="Contract start date" hint="For example, 5 1 2027" {...dateField("startDate", o?.startDate)} />
            <DateInput legend="Contract end date" hint="For example, 4 1 2029" {...dateField("endDate", o?.endDate)} />
            <h2 className="govuk-heading-m">Reasons</h2>
            <TextareaField
              label="Why did you make this decision?"
              hint="For an award, explain why this service best meets your requirements. Otherwise, explain why no service was suitable or why the procurement was cancelled."
              {...field("justification", o?.justification)}
            />
            <SubmitButton>Record the outcome</SubmitButton>
          </Form>
        </>
      ) : null}
    </NarrowPage>
  );
}
