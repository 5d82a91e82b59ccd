import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary } from "~/components/forms";
import { revokeSessionsSchema } from "~/models/account.schema";
import { forcePasswordReset } from "~/models/password-reset.server";
import { listUsersForAdmin, revokeUserSessions } from "~/models/user.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { ok, refused } from "~/utils/result";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { TableContainer } from "~/components/table-container";

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
          <button className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" type="submit" data-module="govuk-button">
            Search
          </button>
        </div>
      </Form>
      <TableContainer label={`${users.length} users`}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{users.length} users</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                User
              </th>
              <th scope="col" className="govuk-table__header">
                Role and organisation
              </th>
              <th scope="col" className="govuk-table__header">
                Active sessions
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {users.map((u) => (
              <tr className="govuk-table__row" key={u.id}>
                <td className="govuk-table__cell">
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
                </td>
                <td className="govuk-table__cell">
                  {u.roles.map((r) => r.name).join(", ")}
                  {u.council ? ` · ${u.council.name}` : ""}
                  {u.supplier ? ` · ${u.supplier.tradingName}` : ""}
                </td>
                <td className="govuk-table__cell">{u._count.sessions}</td>
                <td className="govuk-table__cell">
                  <Form method="post" action="/admin/users?intent=force-reset">
                    <input type="hidden" name="userId" value={u.id} />
                    <button
                      type="submit"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                      data-module="govuk-button"
                    >
                      Force a password reset<span className="govuk-visually-hidden"> ({u.email})</span>
                    </button>
                  </Form>
                  {u._count.sessions ? (
                    <Form method="post">
                      <input type="hidden" name="userId" value={u.id} />
                      <button
                        type="submit"
                        className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                        data-module="govuk-button"
                      >
                        Sign out everywhere<span className="govuk-visually-hidden"> ({u.email})</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
    </>
  );
}
