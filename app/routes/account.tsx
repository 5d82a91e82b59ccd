import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { PasswordFields } from "~/components/password-fields";
import { changePasswordSchema } from "~/models/account.schema";
import { changeOwnPassword, resendVerification } from "~/auth/account.server";
import { failureData, handleForm } from "~/utils/form-action.server";
import { withStrongPassword } from "~/auth/password-strength.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUser } from "~/auth/permissions.server";
import { mayFollow } from "~/auth/follow-policy.server";
import { startSession } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Your account");
export const handle = { title: "Your account" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    email: user.email,
    verified: Boolean(user.emailVerifiedAt),
    organisation: user.council?.name ?? user.supplier?.tradingName ?? null,
    roles: user.roles.map((r) => r.name),
    isLead: user.roles.some((r) => r.name === "council_lead"),
    canFollow: mayFollow(user),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ip = clientIp(context, request);
  if (new URL(request.url).searchParams.get("intent") === "resend-verification") {
    // No fields to read: the session says who.
    const resent = await resendVerification(user, ip);
    return resent.ok ? { sent: true as const } : failureData(resent.failure);
  }
  return handleForm(request, {
    schema: withStrongPassword(changePasswordSchema, "newPassword", { fields: [], inputs: [user.email, user.name] }),
    run: (input) => changeOwnPassword(user, input, ip),
    // Every other session ended with the change; this browser continues on a new one.
    onSuccess: () => startSession(request, { userId: user.id, redirectTo: "/account?changed=1", ip }),
  });
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sent = Boolean(actionData && "sent" in actionData);
  const { register, errors, onSubmit, error } = useZodForm(
    changePasswordSchema,
    actionData && "errors" in actionData ? actionData.errors : undefined,
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Your account</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{data.name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email</dt>
            <dd className="govuk-summary-list__value">
              {data.email}{" "}
              {data.verified ? (
                <strong className="govuk-tag govuk-tag--green">Confirmed</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--yellow">Not confirmed</strong>
              )}
            </dd>
          </div>
          {data.organisation ? (
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Organisation</dt>
              <dd className="govuk-summary-list__value">{data.organisation}</dd>
            </div>
          ) : null}
        </dl>
        {!data.verified ? (
          sent ? (
            <p className="govuk-body">We have sent a new link to {data.email}.</p>
          ) : (
            <Form method="post" action="/account?intent=resend-verification">
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Send a new confirmation link
              </button>
            </Form>
          )
        ) : null}
        <h2 className="govuk-heading-m">Your alerts and follows</h2>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to="/account/alerts">
              Saved searches and alerts
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to="/account/notifications">
              Notifications
            </Link>
          </li>
          {data.canFollow ? (
            <li>
              <Link className="govuk-link" to="/account/follows">
                Councils and service areas you follow
              </Link>
            </li>
          ) : null}
          {data.isLead ? (
            <li>
              <Link className="govuk-link" to="/account/team">
                Your council&apos;s team and approvers
              </Link>
            </li>
          ) : null}
        </ul>
        <h2 className="govuk-heading-m">Change your password</h2>
        <p className="govuk-body">Changing your password signs you out everywhere else.</p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <TextField
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={error("currentPassword")}
            registered={register("currentPassword")}
          />
          <PasswordFields register={register} error={error} name="newPassword" label="New password" confirmLabel="Confirm new password" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Change password
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/">
            Back to the home page
          </Link>
        </p>
      </div>
    </div>
  );
}
