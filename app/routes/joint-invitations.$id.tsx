// Joint buying (issue 16, item 4): the invitation a council receives to take part in another
// council's buying project. A confirmed buyer at the invited council accepts or declines, once;
// anyone else gets 404 (an invitation's existence is the councils' business).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { InsetText, LinkParagraph, SummaryList } from "~/components/buying";
import { NarrowPage } from "~/components/form-page";
import { ChoiceField, ErrorSummary, SubmitButton } from "~/components/forms";
import { ParticipantStatusTag } from "~/components/joint-buying";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { actorFrom } from "~/auth/project-policy.server";
import { flash } from "~/auth/session.server";
import { JOINT_BUYING_RULES, invitationResponseSchema } from "~/models/project-participants.schema";
import { getInvitation, invitationCouncilId, respondToInvitation } from "~/models/project-participants.server";
import { formatPence } from "~/procurement/money";
import { handleForm } from "~/utils/form-action.server";
import { formatDate } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Invitation to buy jointly");
export const handle = { title: "Invitation to buy jointly" };

/** The invited council's buyers only: 404 for every other council, as for an invitation that does not exist. */
async function requireInvitedBuyer(request: Request, id: string | undefined, permission: "read:project:own" | "update:project:own") {
  const participantId = String(id ?? "").slice(0, 60);
  const councilId = participantId ? await invitationCouncilId(participantId) : null;
  if (!councilId) {
    // No such invitation: the same 404, without recording a refusal about an object that does not exist.
    await requireUserWithPermission(request, permission);
    throw notFound("Invitation not found");
  }
  const user = await requireUserWithPermission(request, permission, {
    isOwn: (u) => u.councilId === councilId,
    objectId: participantId,
    notFoundIfNotOwn: true,
  });
  if (user.councilId !== councilId) throw notFound("Invitation not found");
  return { user, participantId, councilId };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, participantId } = await requireInvitedBuyer(request, params.id, "read:project:own");
  const invitation = await getInvitation(participantId, user.councilId);
  if (!invitation) throw notFound("Invitation not found");
  return { invitation, canAnswer: invitation.status === "invited" && invitation.project.status === "open" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, participantId, councilId } = await requireInvitedBuyer(request, params.id, "update:project:own");
  return handleForm(request, {
    schema: invitationResponseSchema,
    run: (input) => respondToInvitation(participantId, input, { ...actorFrom(user, context, request), councilId }),
    onSuccess: async ({ projectId, status }) =>
      status === "accepted"
        ? redirect(`/projects/${projectId}`, { headers: await flash(request, "Your council is taking part in this project") })
        : redirect(`/joint-invitations/${participantId}`, { headers: await flash(request, "Invitation declined") }),
  });
}

export default function JointInvitation() {
  const { invitation: inv, canAnswer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{inv.project.leadCouncil} buying project</span>
      <h1 className="govuk-heading-l">Invitation to buy jointly: {inv.project.title}</h1>
      <p className="govuk-body">
        <ParticipantStatusTag status={inv.status} />
      </p>
      <SummaryList
        rows={[
          { key: "Lead council", value: inv.project.leadCouncil },
          { key: "Invited council", value: inv.council },
          { key: "Your council's share", value: `${formatPence(inv.sharePence)} including VAT` },
          { key: "The whole project", value: `${formatPence(inv.project.wholePence)} including VAT` },
          { key: "Contract length", value: `${inv.project.contractMonths} months` },
          { key: "Invited", value: `${formatDate(inv.invitedAt)} by ${inv.invitedBy ?? "a former user"}` },
          ...(inv.respondedAt
            ? [{ key: "Answered", value: `${formatDate(inv.respondedAt)} by ${inv.respondedBy ?? "a former user"}` }]
            : []),
        ]}
      />
      <p className="govuk-body">{JOINT_BUYING_RULES.wholeValue}</p>
      <p className="govuk-body">
        If your council takes part, its buyers can read the project, its history and its printable record; {inv.project.leadCouncil}
        &apos;s buyers run the procurement. The award makes a contract for your council for its share.
      </p>
      {canAnswer ? (
        <Form method="post">
          <ChoiceField
            type="radio"
            name="decision"
            legend="Does your council take part?"
            options={[
              { value: "accept", label: "Yes, accept the invitation" },
              { value: "decline", label: "No, decline it" },
            ]}
            defaultValue={null}
            error={errors.decision?.[0]}
          />
          <SubmitButton>Send your answer</SubmitButton>
        </Form>
      ) : inv.status === "accepted" ? (
        <LinkParagraph to={`/projects/${inv.project.id}`}>Go to the project</LinkParagraph>
      ) : (
        <InsetText>This invitation can no longer be answered.</InsetText>
      )}
    </NarrowPage>
  );
}
