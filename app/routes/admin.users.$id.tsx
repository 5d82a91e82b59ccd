// One account, for administrators (issue 15): deactivate with a reason (sessions end, sign-in
// refused) or reactivate, change roles within the role model, force a password reset, sign
// out everywhere. Every change is a conditional update, audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SummaryList } from "~/components/buying";
import { Form } from "~/components/form";
import type { ReactNode } from "react";
import { ChoiceField, ErrorSummary, SubmitButton, TextareaField } from "~/components/forms";
import { deactivateUserSchema, reactivateUserSchema, setRolesSchema } from "~/models/user-admin.schema";
import { deactivateUser, getUserForAdmin, reactivateUser, setUserRoles } from "~/models/user.server";
import { forcePasswordReset } from "~/models/password-reset.server";
import { rolesAllowedFor, ROLE_RULE } from "~/models/user-roles";
import { ROLE_DESCRIPTIONS } from "~/utils/labels";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { formatDateTime } from "~/utils/format";
import { ok, refused } from "~/utils/result";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.user.name : "User");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:user:any");
  const user = await getUserForAdmin(params.id ?? "");
  if (!user) throw new Response("Not Found", { status: 404 });
  return { user, allowedRoles: rolesAllowedFor(user) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:user:any");
  const actor = { id: admin.id, ip: clientIp(context, request) };
  const intent = new URL(request.url).searchParams.get("intent");
  const back = `/admin/users/${params.id}`;
  const done = async (message: string) => redirect(back, { headers: await flash(request, message) });
  if (intent === "deactivate") {
    return handleForm(request, {
      schema: deactivateUserSchema,
      run: (input) => deactivateUser({ userId: input.userId, reason: input.reason, actor }),
      onSuccess: ({ sessionsEnded }) =>
        done(`Account deactivated: ${sessionsEnded} ${sessionsEnded === 1 ? "session" : "sessions"} ended and sign-in refused`),
    });
  }
  if (intent === "reactivate") {
    return handleForm(request, {
      schema: reactivateUserSchema,
      run: (input) => reactivateUser({ userId: input.userId, actor }),
      onSuccess: () => done("Account reactivated: they can sign in again"),
    });
  }
  if (intent === "force-reset") {
    return handleForm(request, {
      schema: reactivateUserSchema,
      run: async (input) =>
        (await forcePasswordReset({ userId: input.userId, adminId: admin.id, ip: actor.ip }))
          ? ok()
          : refused("That user has no password to reset yet (an invitation they have not accepted)."),
      onSuccess: () => done("The user's password no longer works: they have been signed out and emailed a link to choose a new one"),
    });
  }
  return handleForm(request, {
    schema: setRolesSchema,
    arrayKeys: ["roles", "expected"],
    run: (input) => setUserRoles({ userId: input.userId, roles: input.roles, expected: input.expected, actor }),
    onSuccess: () => done("Roles saved: the user has been signed out so the change applies at once"),
  });
}

/** One of the page's forms: it posts the user's id to its intent, with its fields and its button. */
function UserForm({
  userId,
  intent,
  submit,
  variant,
  children,
}: {
  userId: string;
  intent: string;
  submit: string;
  variant?: "secondary" | "warning";
  children: ReactNode;
}) {
  return (
    <Form method="post" action={`/admin/users/${userId}?intent=${intent}`}>
      <input type="hidden" name="userId" value={userId} />
      {children}
      <SubmitButton variant={variant}>{submit}</SubmitButton>
    </Form>
  );
}

export default function AdminUser() {
  const { user, allowedRoles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const roles = user.roles.map((r) => r.name);
  const organisation = user.council ? user.council.name : user.supplier ? user.supplier.tradingName : "Portal staff";
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} labels={{ reason: "Reason", roles: "Roles" }} />
      <p className="govuk-body">
        <Link className="govuk-back-link" to="/admin/users">
          All users
        </Link>
      </p>
      <h1 className="govuk-heading-l">{user.name}</h1>
      <SummaryList
        rows={[
          { key: "Email", value: user.email },
          { key: "Organisation", value: organisation },
          {
            key: "Status",
            value: user.deactivatedAt ? (
              <>
                <strong className="govuk-tag govuk-tag--red">Deactivated</strong> on {formatDateTime(user.deactivatedAt)}:{" "}
                {user.deactivationReason}
              </>
            ) : user.emailVerifiedAt ? (
              <strong className="govuk-tag govuk-tag--green">Active</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--grey">Email not confirmed</strong>
            ),
          },
          { key: "Active sessions", value: user._count.sessions },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/admin/audit?object=${encodeURIComponent(user.id)}`}>
          This account&apos;s audit log
        </Link>
      </p>

      <h2 className="govuk-heading-m">Roles</h2>
      <UserForm userId={user.id} intent="roles" submit="Save roles">
        {roles.map((r) => (
          <input key={r} type="hidden" name="expected" value={r} />
        ))}
        <ChoiceField
          type="checkbox"
          name="roles"
          legend="What this account can do"
          hint={ROLE_RULE}
          error={errors.roles?.[0]}
          options={allowedRoles.map((r) => ({ value: r, label: ROLE_DESCRIPTIONS[r] ?? r }))}
          defaultValue={roles}
        />
      </UserForm>

      <h2 className="govuk-heading-m">Password</h2>
      <UserForm userId={user.id} intent="force-reset" submit="Force a password reset" variant="secondary">
        <p className="govuk-body">Their current password stops working, they are signed out and emailed a link to choose a new one.</p>
      </UserForm>

      <h2 className="govuk-heading-m">{user.deactivatedAt ? "Reactivate" : "Deactivate"}</h2>
      {user.deactivatedAt ? (
        <UserForm userId={user.id} intent="reactivate" submit="Reactivate account">
          <p className="govuk-body">They will be able to sign in again, and are told by email.</p>
        </UserForm>
      ) : (
        <UserForm userId={user.id} intent="deactivate" submit="Deactivate account" variant="warning">
          <TextareaField
            name="reason"
            label="Why are you deactivating this account?"
            hint="They are told this by email. It is kept in the audit log."
            error={errors.reason?.[0]}
            defaultValue={typeof actionData?.values?.reason === "string" ? actionData.values.reason : undefined}
          />
        </UserForm>
      )}
    </NarrowPage>
  );
}
