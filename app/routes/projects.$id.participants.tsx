// Joint buying (issue 16, item 4): the councils taking part in a project and their shares of the
// estimated value. The lead council's buyers invite, change shares (until the search is frozen)
// and withdraw; accepted participants' buyers read the page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { InsetText } from "~/components/buying";
import { SelectField, SubmitButton, TextField } from "~/components/forms";
import { ParticipantsTable, type ParticipantView } from "~/components/joint-buying";
import { ProjectFormHeader } from "~/components/project";
import { loadProjectPage, projectAction } from "~/utils/project-route.server";
import {
  JOINT_BUYING_RULES,
  changeShareSchema,
  inviteParticipantSchema,
  withdrawParticipantSchema,
} from "~/models/project-participants.schema";
import {
  changeParticipantShare,
  inviteParticipant,
  jointBuyingSummary,
  listInvitableCouncils,
  withdrawParticipant,
} from "~/models/project-participants.server";
import { formatPence, penceToPounds } from "~/procurement/money";
import { thresholdFor } from "~/procurement/thresholds";
import { handleForm } from "~/utils/form-action.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Councils buying jointly");
export const handle = { title: "Councils buying jointly" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader(args: LoaderFunctionArgs) {
  const { project: summary, access } = await loadProjectPage(args, jointBuyingSummary);
  const { project, ...joint } = summary;
  const open = project.status === "open";
  const threshold = thresholdFor(project.procurementStart);
  return {
    project: { id: project.id, title: project.title },
    joint,
    frozen: project.frozen,
    open,
    threshold: threshold ? { amountPence: threshold.amountPence, label: threshold.label } : null,
    councils: access.canEdit && open && !project.frozen ? await listInvitableCouncils(project.councilId) : [],
    ...access,
  };
}

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, async ({ request, projectId, actor, intent, redirectWithFlash }) => {
    const back = `/projects/${projectId}/participants`;
    if (intent === "share")
      return handleForm(request, {
        schema: changeShareSchema,
        run: (input) => changeParticipantShare(projectId, input, actor),
        onSuccess: ({ council }) => redirectWithFlash(back, `${council}'s share changed`),
      });
    if (intent === "withdraw")
      return handleForm(request, {
        schema: withdrawParticipantSchema,
        run: (input) => withdrawParticipant(projectId, input, actor),
        onSuccess: ({ council }) => redirectWithFlash(back, `${council} withdrawn from the project`),
      });
    return handleForm(request, {
      schema: inviteParticipantSchema,
      run: (input) => inviteParticipant(projectId, input, actor),
      onSuccess: ({ council }) => redirectWithFlash(back, `${council} invited`),
    });
  });
}

export default function Participants() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const base = `/projects/${data.project.id}/participants`;
  const changeable = data.canEdit && data.open && !data.frozen;
  const rule = actionData?.failure?.rule;
  const actions =
    data.canEdit && data.open
      ? (p: ParticipantView) =>
          p.status === "invited" || p.status === "accepted" ? (
            <>
              {changeable ? (
                <Form method="post" action={`${base}?intent=share`}>
                  <input type="hidden" name="participantId" value={p.id} />
                  <input type="hidden" name="lockVersion" value={p.lockVersion} />
                  <div className="govuk-form-group">
                    <label className="govuk-label govuk-label--s" htmlFor={`share-${p.id}`}>
                      New share for {p.council.officialName}
                    </label>
                    <div className="govuk-input__wrapper">
                      <div className="govuk-input__prefix" aria-hidden="true">
                        £
                      </div>
                      <input
                        className="govuk-input govuk-input--width-10"
                        id={`share-${p.id}`}
                        name="share"
                        type="text"
                        inputMode="decimal"
                        defaultValue={penceToPounds(p.sharePence)}
                      />
                    </div>
                  </div>
                  <SubmitButton variant="secondary">
                    Change the share<span className="govuk-visually-hidden"> of {p.council.officialName}</span>
                  </SubmitButton>
                </Form>
              ) : null}
              <Form method="post" action={`${base}?intent=withdraw`}>
                <input type="hidden" name="participantId" value={p.id} />
                <input type="hidden" name="lockVersion" value={p.lockVersion} />
                <SubmitButton variant="warning">
                  Withdraw<span className="govuk-visually-hidden"> {p.council.officialName}</span>
                </SubmitButton>
              </Form>
            </>
          ) : null
      : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ProjectFormHeader errors={errors} project={data.project} title="Councils buying jointly" access={data} locked={!data.open} />
        {rule ? <InsetText>{rule}</InsetText> : null}
        <p className="govuk-body">{JOINT_BUYING_RULES.wholeValue}</p>
        {data.threshold ? (
          <p className="govuk-body" data-testid="whole-value-threshold">
            The whole, {formatPence(data.joint.wholePence)}, is{" "}
            {data.joint.wholePence >= data.threshold.amountPence ? "at or above" : "below"} the {formatPence(data.threshold.amountPence)}{" "}
            threshold for {data.threshold.label} under the Procurement Act 2023, whatever each council&apos;s share.
          </p>
        ) : null}
        {data.frozen ? <InsetText>{JOINT_BUYING_RULES.frozen}</InsetText> : null}
        <ParticipantsTable joint={data.joint} actions={actions} />

        {changeable ? (
          <Form method="post" action={`${base}?intent=invite`}>
            <h2 className="govuk-heading-m">Invite a council</h2>
            <SelectField
              name="councilId"
              label="Council"
              hint="A confirmed buyer at that council accepts or declines"
              options={[{ value: "", label: "Choose a council" }, ...data.councils.map((c) => ({ value: c.id, label: c.officialName }))]}
              defaultValue={values.councilId ?? ""}
              error={errors.councilId?.[0]}
            />
            <TextField
              name="share"
              label="That council's share of the estimated value"
              hint={`In pounds, including VAT. At most ${formatPence(data.joint.leadPence)} is left of the whole.`}
              prefix="£"
              width="10"
              inputMode="decimal"
              defaultValue={values.share ?? ""}
              error={errors.share?.[0]}
            />
            <TextField
              name="email"
              type="email"
              label="Email address of a buyer at that council (optional)"
              hint="Leave it blank to tell every confirmed buyer there"
              autoComplete="off"
              spellCheck={false}
              defaultValue={values.email ?? ""}
              error={errors.email?.[0]}
            />
            <SubmitButton>Send the invitation</SubmitButton>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
