// A council lead's page (issue 15): the council's buyers, and who may approve budgets and
// award decisions (four eyes). Only the lead's own council; the role table grants it to council_lead.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { StatusTag } from "~/components/case-study-list";
import { ErrorSummary } from "~/components/forms";
import { DataTable } from "~/components/data-table";
import { RowAction } from "~/components/row-action";
import { listCouncilTeam, setCouncilApprover } from "~/models/council-team.server";
import { setCouncilApproverSchema } from "~/models/user-admin.schema";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Your council's team");
export const handle = { title: "Your council's team" };

export async function loader({ request }: LoaderFunctionArgs) {
  const lead = await requireUserWithPermission(request, "manage:council-team:own");
  if (!lead.councilId || !lead.council) throw new Response("Not Found", { status: 404 });
  return { council: lead.council.name, leadId: lead.id, team: await listCouncilTeam(lead.councilId) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const lead = await requireUserWithPermission(request, "manage:council-team:own");
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: setCouncilApproverSchema,
    run: (input) =>
      setCouncilApprover({
        lead: { id: lead.id, councilId: lead.councilId, ip },
        userId: input.userId,
        approver: input.approver === "yes",
      }),
    onSuccess: async ({ name, approver }) =>
      redirect("/account/team", {
        headers: await flash(
          request,
          approver ? `${name} can now approve budgets and award decisions` : `${name} is no longer an approver`,
        ),
      }),
  });
}

export default function CouncilTeam() {
  const { council, team } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <span className="govuk-caption-l">{council}</span>
      <h1 className="govuk-heading-l">Your council&apos;s team</h1>
      <p className="govuk-body">
        Approvers are the second officers who approve another officer&apos;s budget request or award decision (four eyes). Only officers of{" "}
        {council} are listed.
      </p>
      <DataTable
        caption={`${team.length} ${team.length === 1 ? "officer" : "officers"}`}
        rows={team}
        rowKey={(u) => u.id}
        columns={[
          { header: "Officer", cell: (u) => <OfficerCell officer={u} /> },
          { header: "Approver", cell: (u) => (isApprover(u) ? "Yes" : "No") },
          {
            header: "Actions",
            hiddenHeader: true,
            cell: (u) => (
              <RowAction
                fields={{ userId: u.id, approver: isApprover(u) ? "no" : "yes" }}
                label={isApprover(u) ? "Revoke approver" : "Make approver"}
                about={u.email}
                className={`${isApprover(u) ? "govuk-button--warning" : "govuk-button--secondary"} govuk-!-margin-bottom-0`}
              />
            ),
          },
        ]}
      />
      <LinkParagraph to="/account">Back to your account</LinkParagraph>
    </>
  );
}

const isApprover = (u: { roles: { name: string }[] }) => u.roles.some((r) => r.name === "approver");

const OFFICER_STATUS = {
  deactivated: { label: "Deactivated", tag: "govuk-tag--red" },
  unconfirmed: { label: "Email not confirmed", tag: "govuk-tag--grey" },
};

function OfficerCell({
  officer,
}: {
  officer: { name: string; email: string; deactivatedAt: Date | string | null; emailVerifiedAt: Date | string | null };
}) {
  const status = officer.deactivatedAt ? "deactivated" : !officer.emailVerifiedAt ? "unconfirmed" : null;
  return (
    <>
      {officer.name}
      <br />
      <span className="govuk-body-s">{officer.email}</span>
      {status ? (
        <>
          <br />
          <StatusTag status={status} labels={OFFICER_STATUS} />
        </>
      ) : null}
    </>
  );
}
