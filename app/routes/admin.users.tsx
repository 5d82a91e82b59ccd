import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { revokeSessionsSchema } from "~/models/account.schema";
import { forcePasswordReset } from "~/models/password-reset.server";
import { listUsersForAdmin, revokeUserSessions } from "~/models/user.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { ok, refused } from "~/utils/result";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { RowAction } from "~/components/row-action";
import { roleName } from "~/utils/labels";

export const meta: MetaFunction = () => pageTitle("Users");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:user:any");
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return { q, users: await listUsersForAdmin(q) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:user:any");
  const actor = { id: admin.id, ip: clientIp(context, request) };
  if (new URL(request.url).searchParams.get("intent") === "force-reset") {
    return handleForm(request, {
      schema: revokeSessionsSchema,
      run: async ({ userId }) =>
        (await forcePasswordReset({ userId, adminId: admin.id, ip: actor.ip }))
          ? ok()
          : refused("That user has no password to reset yet (an invitation they have not accepted)."),
      onSuccess: async () =>
        redirect("/admin/users", {
          headers: await flash(
            request,
            "The user's password no longer works: they have been signed out and emailed a link to choose a new one",
          ),
        }),
    });
  }
  return handleForm(request, {
    schema: revokeSessionsSchema,
    run: ({ userId }) => revokeUserSessions({ userId, actor }),
    onSuccess: async ({ count }) =>
      redirect("/admin/users", {
        headers: await flash(request, `Signed the user out of ${count} ${count === 1 ? "session" : "sessions"}`),
      }),
  });
}

export default function AdminUsers() {
  const { q, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <h1 className="govuk-heading-l">Users</h1>
      <Form method="get" role="search">
        <div className="govuk-form-group">
          <label className="govuk-label" htmlFor="q">
            Search by name or email
          </label>
          <div id="q-hint" className="govuk-hint">
            Capital letters do not matter.
          </div>
          <input className="govuk-input govuk-!-width-one-half" id="q" name="q" type="search" aria-describedby="q-hint" defaultValue={q} />{" "}
          <SubmitButton variant="secondary" className="govuk-!-margin-bottom-0">
            Search
          </SubmitButton>
        </div>
      </Form>
      <DataTable
        caption={`${users.length} ${users.length === 1 ? "user" : "users"}`}
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          {
            header: "User",
            cell: (u) => (
              <>
                <Link className="govuk-link" to={`/admin/users/${u.id}`}>
                  {u.name}
                </Link>
                <br />
                <span className="govuk-body-s">{u.email}</span>
                {u.deactivatedAt ? (
                  <>
                    <br />
                    <strong className="govuk-tag govuk-tag--red">Deactivated</strong>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: "Role and organisation",
            cell: (u) =>
              [u.roles.map((r) => roleName(r.name)).join(", "), u.council?.name, u.supplier?.tradingName].filter(Boolean).join(" · "),
          },
          { header: "Active sessions", numeric: true, cell: (u) => u._count.sessions },
          {
            header: "Actions",
            hiddenHeader: true,
            cell: (u) => (
              <>
                <RowAction
                  action="/admin/users?intent=force-reset"
                  fields={{ userId: u.id }}
                  label="Force a password reset"
                  about={u.email}
                  className="govuk-button--secondary govuk-!-margin-bottom-2"
                />
                {u._count.sessions ? (
                  <RowAction
                    fields={{ userId: u.id }}
                    label="Sign out everywhere"
                    about={u.email}
                    className="govuk-button--warning govuk-!-margin-bottom-0"
                  />
                ) : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
