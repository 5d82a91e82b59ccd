import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { inviteColleagueSchema, inviteColleagueServerSchema } from "~/models/supplier-account.schema";
import { getSupplierAccount, inviteColleague, listTeam, type TeamMemberStatus } from "~/models/supplier-account.server";
import { now } from "~/utils/clock.server";
import { formatDate } from "~/utils/format";
import { formDataToObject, parseWithSchema, readFormData } from "~/utils/forms";
import { clientIp, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { forbidden, requireUserWithPermission } from "~/auth/permissions.server";
import { limitsFor, takeAttempt, throttledResponse } from "~/utils/rate-limit.server";
import { flash } from "~/auth/session.server";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Team");
export const handle = { title: "Team" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "update:supplier:own");
  if (!user.supplierId) throw forbidden();
  const [supplier, team] = await Promise.all([getSupplierAccount(user.supplierId), listTeam(user.supplierId, now())]);
  if (!supplier) throw notFound();
  return { supplier: { id: supplier.id, tradingName: supplier.tradingName }, team, currentUserId: user.id };
}

type ActionData = { errors: Record<string, string[]>; values: Record<string, unknown> } | undefined;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const input = formDataToObject(formData);
  const supplierId = typeof input.supplierId === "string" ? input.supplierId : "";
  const user = await requireUserWithPermission(request, "update:supplier:own", {
    isOwn: (u) => Boolean(supplierId) && u.supplierId === supplierId,
    objectId: supplierId || undefined,
  });
  const parsed = parseWithSchema(inviteColleagueServerSchema, input);
  if (!parsed.success) return Response.json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const limited = await takeAttempt(limitsFor.invitation(user.id));
  if (!limited.ok) return throttledResponse(limited.retryAfterSeconds, input, "invitations sent");
  const result = await inviteColleague({
    supplierId,
    email: parsed.data.email,
    inviterName: user.name,
    actorId: user.id,
    ip: clientIp(context, request),
  });
  if (!result.ok) return Response.json({ errors: result.errors, values: input }, { status: 400 });
  const message = `${result.resent ? "A new invitation has been sent" : "Invitation sent"} to ${parsed.data.email.toLowerCase()}. The link works for 7 days.`;
  return redirect("/supplier/team", { headers: await flash(request, message) });
}

const STATUS: Record<TeamMemberStatus, { label: string; tag: string }> = {
  active: { label: "Active", tag: "govuk-tag--green" },
  invited: { label: "Invitation sent", tag: "govuk-tag--blue" },
  "invitation-expired": { label: "Invitation expired", tag: "govuk-tag--grey" },
};

export default function Team() {
  const { supplier, team, currentUserId } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { register, errors, onSubmit, error } = useZodForm(inviteColleagueSchema, actionData?.errors);
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">{supplier.tradingName}</span>
          <h1 className="govuk-heading-l">Team</h1>
          <TableContainer label={`People who manage ${supplier.tradingName}`}>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">People who manage {supplier.tradingName}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Name
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Email address
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Added
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {team.map((m) => (
                  <tr className="govuk-table__row" key={m.id}>
                    <td className="govuk-table__cell">
                      {m.status === "active" ? m.name : "Not yet known"}
                      {m.id === currentUserId ? " (you)" : ""}
                    </td>
                    <td className="govuk-table__cell">{m.email}</td>
                    <td className="govuk-table__cell">{formatDate(m.createdAt)}</td>
                    <td className="govuk-table__cell">
                      <strong className={`govuk-tag ${STATUS[m.status].tag}`}>{STATUS[m.status].label}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>

          <h2 className="govuk-heading-m">Invite a colleague</h2>
          <p className="govuk-body">
            We email them a link to set their name and password. The link works once and expires in 7 days. Everyone in the team can change
            the profile, awards, accreditations and listings.
          </p>
          <Form method="post" noValidate onSubmit={onSubmit}>
            <input type="hidden" name="supplierId" value={supplier.id} />
            <TextField
              name="email"
              label="Colleague's email address"
              type="email"
              autoComplete="off"
              spellCheck={false}
              defaultValue={actionData?.values?.email as string | undefined}
              error={error("email")}
              registered={register("email")}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Send invitation
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
