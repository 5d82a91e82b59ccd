import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { LinkParagraph } from "~/components/buying";
import { NarrowPage } from "~/components/form-page";
import { type FieldErrors, SubmitButton, TextareaField, TextField, useZodForm } from "~/components/forms";
import { HiddenLock, ProjectFormHeader } from "~/components/project";
import { bindFields } from "~/components/project-fields";
import { loadProjectPage, projectAction } from "~/utils/project-route.server";
import { MAX_CRITERIA, criteriaSchema, evaluationFormSchema, scoresSchema, weightedTotal } from "~/models/project.schema";
import { getProjectEvaluation, saveCriteria, saveScores } from "~/models/project.server";
import { handleForm } from "~/utils/form-action.server";
import { ok, type Result } from "~/utils/result";
import { pageTitle } from "~/utils/meta";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Evaluate the shortlist");
export const handle = { title: "Evaluate the shortlist" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader(args: LoaderFunctionArgs) {
  const { project, access } = await loadProjectPage(args, getProjectEvaluation);
  const criteria = project.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight, description: c.description }));
  const weightsTotal = criteria.reduce((s, c) => s + c.weight, 0);
  return {
    project: { id: project.id, lockVersion: project.lockVersion, locked: project.status !== "open" },
    criteria,
    weightsTotal,
    entries: project.shortlist.map((e) => ({
      id: e.id,
      productName: e.frozenResult.productName,
      supplierName: e.frozenResult.supplierName,
      scores: e.scores.map((s) => ({ criterionId: s.criterionId, score: s.score, notes: s.notes })),
      total: weightsTotal === 100 ? weightedTotal(criteria, e.scores) : null,
    })),
    ...access,
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, ({ request, projectId, actor, redirectWithFlash }) =>
    handleForm(request, {
      schema: evaluationFormSchema,
      run: async (form): Promise<Result<"criteria" | "scores">> => {
        const done =
          form.intent === "scores" ? await saveScores(projectId, form.input, actor) : await saveCriteria(projectId, form.input, actor);
        return done.ok ? ok(form.intent) : done;
      },
      onSuccess: (intent) =>
        intent === "scores"
          ? redirectWithFlash(`/projects/${projectId}/evaluation#totals`, "Scores saved")
          : redirectWithFlash(`/projects/${projectId}/evaluation`, "Evaluation criteria saved"),
    }),
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function useIntentErrors(intent: string) {
  const actionData = useActionData<typeof action>();
  const mine = actionData && (actionData.values?.intent ?? "criteria") === intent;
  return { serverErrors: mine ? actionData.errors : undefined, posted: mine ? (actionData.values ?? {}) : undefined };
}

type ZodForm = ReturnType<typeof useZodForm>;

function CriteriaForm({ data, form, posted }: { data: Data; form: ZodForm; posted?: Record<string, unknown> }) {
  const rows = Math.min(MAX_CRITERIA, Math.max(data.criteria.length + 2, 4));
  const { field } = bindFields(form, posted);
  const criterion = (i: number, name: "name" | "weight" | "description") => {
    const saved = data.criteria[i];
    return field(`criteria.${i}.${name}`, saved ? String(saved[name]) : "");
  };
  const totalError = form.error("criteria");
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="criteria" />
      <HiddenLock lockVersion={data.project.lockVersion} register={form.register} />
      <div id="criteria" className={`govuk-form-group${totalError ? " govuk-form-group--error" : ""}`} tabIndex={-1}>
        <p className="govuk-body">
          Give each criterion a weight as a whole percentage. The weights must add up to 100. Leave rows you do not need empty.
        </p>
        {totalError ? (
          <p className="govuk-error-message" id="criteria-error">
            <span className="govuk-visually-hidden">Error:</span> {totalError}
          </p>
        ) : null}
        {Array.from({ length: rows }, (_, i) => (
          <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" key={i}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Criterion {i + 1}</legend>
            <input type="hidden" {...form.register(`criteria.${i}.id`)} value={data.criteria[i]?.id ?? ""} />
            <TextField label="Name" hint={i === 0 ? "For example, Meets our requirements" : undefined} {...criterion(i, "name")} />
            <TextField label="Weight" suffix="%" width="3" inputMode="numeric" {...criterion(i, "weight")} />
            <TextField label="How you will judge it (optional)" {...criterion(i, "description")} />
          </fieldset>
        ))}
      </div>
      <SubmitButton>Save criteria</SubmitButton>
    </Form>
  );
}

function ScoresForm({ data, form, posted }: { data: Data; form: ZodForm; posted?: Record<string, unknown> }) {
  const { field } = bindFields(form, posted);
  let k = -1;
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit}>
      <input type="hidden" name="intent" value="scores" />
      <HiddenLock lockVersion={data.project.lockVersion} register={form.register} />
      {data.entries.map((entry) => (
        <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={entry.id}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
            <h3 className="govuk-fieldset__heading">{entry.productName}</h3>
          </legend>
          <p className="govuk-body-s">{entry.supplierName}</p>
          {data.criteria.map((c) => {
            k += 1;
            const existing = entry.scores.find((s) => s.criterionId === c.id);
            const key = (f: string) => `scores.${k}.${f}`;
            const label = `${c.name} for ${entry.productName}`;
            return (
              <div key={c.id} className="govuk-!-margin-bottom-4">
                <input type="hidden" {...form.register(key("entryId"))} value={entry.id} />
                <input type="hidden" {...form.register(key("criterionId"))} value={c.id} />
                <input type="hidden" {...form.register(key("label"))} value={label} />
                <TextField
                  label={
                    <>
                      {c.name} ({c.weight}%): score out of 100<span className="govuk-visually-hidden"> for {entry.productName}</span>
                    </>
                  }
                  width="3"
                  inputMode="numeric"
                  {...field(key("score"), existing ? String(existing.score) : "")}
                />
                <TextareaField
                  label={
                    <>
                      Notes
                      <span className="govuk-visually-hidden">
                        {" "}
                        on {c.name} for {entry.productName}
                      </span>{" "}
                      (optional)
                    </>
                  }
                  rows={2}
                  {...field(key("notes"), existing?.notes)}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
      <SubmitButton>Save scores</SubmitButton>
    </Form>
  );
}

export default function Evaluation() {
  const data = useLoaderData<typeof loader>();
  const editable = data.canEdit && !data.project.locked;
  const base = `/projects/${data.project.id}`;
  // Both forms' hooks live here so one error summary at the top covers them.
  const criteriaState = useIntentErrors("criteria");
  const scoresState = useIntentErrors("scores");
  const criteria = useZodForm(criteriaSchema, criteriaState.serverErrors);
  const scores = useZodForm(scoresSchema, scoresState.serverErrors);
  const errors: FieldErrors = { ...criteria.errors, ...scores.errors };
  const criteriaReady = data.criteria.length > 0 && data.weightsTotal === 100;
  const criteriaForm = editable ? <CriteriaForm data={data} form={criteria} posted={criteriaState.posted} /> : null;
  const scoresForm =
    editable && criteriaReady && data.entries.length ? <ScoresForm data={data} form={scores} posted={scoresState.posted} /> : null;
  return (
    <>
      <ProjectFormHeader errors={errors} title="Evaluate the shortlist" access={data} locked={data.project.locked} />
      {data.entries.length === 0 ? (
        <p className="govuk-body">
          Shortlist services before you evaluate them.{" "}
          <Link className="govuk-link" to={`${base}/shortlist`}>
            Shortlist services
          </Link>
        </p>
      ) : null}
      <NarrowPage>
        <h2 className="govuk-heading-m">Criteria and weights</h2>
        {criteriaForm ??
          (data.criteria.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {data.criteria.map((c) => (
                <li key={c.id}>
                  {c.name}: {c.weight}%{c.description ? ` (${c.description})` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No criteria set.</p>
          ))}
        {data.entries.length && criteriaReady ? (
          <>
            <h2 className="govuk-heading-m">Scores</h2>
            {scoresForm ?? <p className="govuk-body">Scores are shown in the table below.</p>}
          </>
        ) : null}
      </NarrowPage>
      {data.entries.length && criteriaReady ? (
        <TableContainer label="Weighted totals">
          <table className="govuk-table" id="totals">
            <caption className="govuk-table__caption govuk-table__caption--m">Weighted totals</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Service
                </th>
                {data.criteria.map((c) => (
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={c.id}>
                    {c.name} ({c.weight}%)
                  </th>
                ))}
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Weighted total (out of 100)
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.entries.map((e) => (
                <tr className="govuk-table__row" key={e.id}>
                  <th scope="row" className="govuk-table__header">
                    {e.productName}
                  </th>
                  {data.criteria.map((c) => (
                    <td className="govuk-table__cell govuk-table__cell--numeric" key={c.id}>
                      {e.scores.find((s) => s.criterionId === c.id)?.score ?? "–"}
                    </td>
                  ))}
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {e.total === null ? "Not fully scored" : e.total.toFixed(1)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : null}
      {data.entries.length && criteriaReady ? <LinkParagraph to={`${base}/outcome`}>Record the outcome</LinkParagraph> : null}
    </>
  );
}
