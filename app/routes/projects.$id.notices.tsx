import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { SubmitButton, TextField } from "~/components/forms";
import { HiddenLock, ProjectFormHeader } from "~/components/project";
import { CheckboxItem } from "~/components/project-fields";
import { loadProjectPage, projectAction } from "~/utils/project-route.server";
import { noticePublicationSchema, noticesSchema } from "~/models/project.schema";
import { describeRoute, getProjectNotices, recordNoticePublication, saveNotices } from "~/models/project.server";
import { NOTICE_PUBLISHERS, noticePublisherOf } from "~/procurement/notices";
import { handleForm } from "~/utils/form-action.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Publish the notices");
export const handle = { title: "Publish the notices" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader(args: LoaderFunctionArgs) {
  const { project, access } = await loadProjectPage(args, getProjectNotices);
  return {
    project: { id: project.id, title: project.title, lockVersion: project.lockVersion },
    route: (await describeRoute(project.routeId)).label,
    notices: project.notices.map((n) => ({
      id: n.id,
      code: n.code,
      title: n.title,
      done: n.done,
      doneAt: n.doneAt,
      dueAt: n.dueAt,
      publications: n.publications.map((p) => ({
        id: p.id,
        noticeId: p.noticeId,
        url: p.url,
        publisher: noticePublisherOf(p.url),
        recordedAt: p.recordedAt,
      })),
    })),
    ...access,
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, async ({ request, projectId, actor, intent, redirectWithFlash }) => {
    if (intent === "publication") {
      return handleForm(request, {
        schema: noticePublicationSchema,
        run: (input) => recordNoticePublication(projectId, input, actor),
        onSuccess: () => redirectWithFlash(`/projects/${projectId}/notices`, "Published notice recorded"),
      });
    }
    return handleForm(request, {
      schema: noticesSchema,
      arrayKeys: ["done"],
      run: (input) => saveNotices(projectId, input, actor),
      onSuccess: () => redirectWithFlash(`/projects/${projectId}`, "Notices checklist saved"),
    });
  });
}

/** One form per notice records where it was published: each field's id carries the notice's code. */
const PUBLICATION_FIELDS = [
  { name: "noticeId", label: "Notice ID", hint: "For example, 012345-2026" },
  { name: "url", label: "Web address of the published notice", hint: "Starting https://" },
] as const;

export default function Notices() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const postedCode = typeof actionData?.values?.code === "string" ? actionData.values.code : null;
  const posted = (code: string, name: "noticeId" | "url") => {
    const v = postedCode === code ? actionData?.values?.[name] : undefined;
    return typeof v === "string" ? v : undefined;
  };
  return (
    <NarrowPage>
      <ProjectFormHeader errors={errors} title="Publish the notices" access={data} />
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
                  <CheckboxItem
                    key={n.id}
                    id={`notice-${n.code}`}
                    name="done"
                    value={n.code}
                    label={n.title}
                    defaultChecked={n.done}
                    hint={
                      n.done || n.dueAt
                        ? `${n.dueAt ? `Due by ${formatDate(n.dueAt)}. ` : ""}${n.done ? `Ticked on ${formatDate(n.doneAt)}` : ""}`
                        : undefined
                    }
                  />
                ))}
              </div>
            </fieldset>
          </div>
          <SubmitButton>Save the checklist</SubmitButton>
        </Form>
      ) : (
        <ul className="govuk-list govuk-list--bullet">
          {data.notices.map((n) => (
            <li key={n.id}>
              {n.title}: {n.done ? `done ${formatDate(n.doneAt)}` : "not done"}
              {n.dueAt ? ` (due by ${formatDate(n.dueAt)})` : ""}
            </li>
          ))}
        </ul>
      )}

      {data.notices.length ? <h2 className="govuk-heading-m">Where each notice was published</h2> : null}
      {data.notices.length ? (
        <p className="govuk-body">
          Record the notice ID and the web address of each notice you published, on {NOTICE_PUBLISHERS.map((p) => p.name).join(", ")}. A
          correction is added to the record; earlier entries stay.
        </p>
      ) : null}
      {data.notices.map((n) => (
        <section key={n.id} aria-labelledby={`publication-${n.code}-heading`} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s" id={`publication-${n.code}-heading`}>
            {n.title}
          </h3>
          {n.publications.length ? (
            <ul className="govuk-list">
              {n.publications.map((p, i) => (
                <li key={p.id}>
                  {i < n.publications.length - 1 ? "Earlier entry: " : ""}Notice {p.noticeId} on {p.publisher ?? "the notice service"} (
                  <a className="govuk-link" href={p.url} rel="noreferrer noopener">
                    {p.url}
                  </a>
                  ), recorded {formatDateTime(p.recordedAt)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">Not recorded yet.</p>
          )}
          {data.canEdit ? (
            <Form method="post" action={`/projects/${data.project.id}/notices?intent=publication`}>
              <HiddenLock lockVersion={data.project.lockVersion} />
              <input type="hidden" name="code" value={n.code} />
              {PUBLICATION_FIELDS.map((f) => (
                <TextField
                  key={f.name}
                  id={`${f.name}-${n.code}`}
                  name={f.name}
                  label={f.label}
                  hint={f.hint}
                  spellCheck={false}
                  defaultValue={posted(n.code, f.name)}
                  error={postedCode === n.code ? errors[f.name]?.[0] : undefined}
                />
              ))}
              <SubmitButton variant="secondary">
                Record where it was published<span className="govuk-visually-hidden">: {n.title}</span>
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      ))}
    </NarrowPage>
  );
}
