// A council lead's page (issue 15): the council's buyers, and who may approve budgets and
// award decisions (four eyes). Only the lead's own council; the role table grants it to council_lead.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary } from "~/components/forms";
import { TableContainer } from "~/components/table-container";
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
      <TableContainer label={`${team.length} officers`}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{team.length} officers</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Officer
              </th>
              <th scope="col" className="govuk-table__header">
                Approver
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {team.map((u) => {
              const approver = u.roles.some((r) => r.name === "approver");
              return (
                <tr className="govuk-table__row" key={u.id}>
                  <td className="govuk-table__cell">
                    {u.name}
                    <br />
                    <span className="govuk-body-s">{u.email}</span>
                    {u.deactivatedAt ? (
                      <>
                        <br />
                        <strong className="govuk-tag govuk-tag--red">Deactivated</strong>
                      </>
                    ) : !u.emailVerifiedAt ? (
                      <>
                        <br />
                        <strong className="govuk-tag govuk-tag--grey">Email not confirmed</strong>
                      </>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">{approver ? "Yes" : "No"}</td>
                  <td className="govuk-table__cell">
                    <Form method="post">
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="approver" value={approver ? "no" : "yes"} />
                      <button
                        type="submit"
                        className={`govuk-button ${approver ? "govuk-button--warning" : "govuk-button--secondary"} govuk-!-margin-bottom-0`}
                        data-module="govuk-button"
                      >
                        {approver ? "Revoke approver" : "Make approver"}
                        <span className="govuk-visually-hidden"> ({u.email})</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableContainer>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account">
          Back to your account
        </Link>
      </p>
    </>
  );
}
