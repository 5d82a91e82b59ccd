import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { useSupplierOrganisation } from "~/components/supplier-account";
import { inviteColleagueSchema } from "~/models/supplier-account.schema";
import { inviteColleague, listTeam, type TeamMemberStatus } from "~/models/supplier-account.server";
import { now } from "~/utils/clock.server";
import { formatDate } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireSupplierOrganisation } from "~/auth/supplier-policy.server";
import { limitsFor, takeAttempt } from "~/utils/rate-limit.server";
import { fail, ok } from "~/utils/result";
import { flash } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = () => pageTitle("Team");
export const handle = { title: "Team" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, supplierId } = await requireSupplierOrganisation(request, "update:supplier:own");
  return { team: await listTeam(supplierId, now()), currentUserId: user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The organisation comes from the session, settled before the body is read.
  const { user, supplierId } = await requireSupplierOrganisation(request, "update:supplier:own");
  return handleForm(request, {
    schema: inviteColleagueSchema,
    run: async ({ email }) => {
      const limited = await takeAttempt(limitsFor.invitation(user.id));
      if (!limited.ok) {
        const minutes = Math.ceil(limited.retryAfterSeconds / 60);
        const message = `Too many invitations sent. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
        return fail({ kind: "throttled", message, retryAfterSeconds: limited.retryAfterSeconds });
      }
      const invited = await inviteColleague({
        supplierId,
        email,
        inviterName: user.name,
        actorId: user.id,
        ip: clientIp(context, request),
      });
      if (!invited.ok) return invited;
      return ok(
        `${invited.value.resent ? "A new invitation has been sent" : "Invitation sent"} to ${email.toLowerCase()}. The link works for 7 days.`,
      );
    },
    onSuccess: async (message) => redirect("/supplier/team", { headers: await flash(request, message) }),
  });
}

const STATUS: Record<TeamMemberStatus, { label: string; tag: string }> = {
  active: { label: "Active", tag: "govuk-tag--green" },
  invited: { label: "Invitation sent", tag: "govuk-tag--blue" },
  "invitation-expired": { label: "Invitation expired", tag: "govuk-tag--grey" },
};

export default function Team() {
  const { team, currentUserId } = useLoaderData<typeof loader>();
  const organisation = useSupplierOrganisation();
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, field } = useZodForm(inviteColleagueSchema, actionData?.errors, actionData?.values);
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{organisation?.tradingName}</span>
      <h1 className="govuk-heading-l">Team</h1>
      <DataTable
        caption={`People who manage ${organisation?.tradingName ?? "your organisation"}`}
        rows={team}
        rowKey={(m) => m.id}
        columns={[
          {
            header: "Name",
            cell: (m) => `${m.status === "active" ? m.name : "Not yet known"}${m.id === currentUserId ? " (you)" : ""}`,
          },
          { header: "Email address", cell: (m) => m.email },
          { header: "Added", cell: (m) => formatDate(m.createdAt) },
          { header: "Status", cell: (m) => <strong className={`govuk-tag ${STATUS[m.status].tag}`}>{STATUS[m.status].label}</strong> },
        ]}
      />

      <h2 className="govuk-heading-m">Invite a colleague</h2>
      <p className="govuk-body">
        We email them a link to set their name and password. The link works once and expires in 7 days. Everyone in the team can change the
        profile, awards, accreditations and listings.
      </p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextField {...field("email")} label="Colleague's email address" type="email" autoComplete="off" spellCheck={false} />
        <SubmitButton>Send invitation</SubmitButton>
      </Form>
    </NarrowPage>
  );
}
