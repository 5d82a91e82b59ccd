import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LinkParagraph, SummaryList } from "~/components/buying";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { ErrorSummary, SubmitButton, useZodForm } from "~/components/forms";
import { CurrentPasswordField, PasswordFields } from "~/components/password-fields";
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
  const { register, errors, onSubmit, error, field } = useZodForm(
    changePasswordSchema,
    actionData && "errors" in actionData ? actionData.errors : undefined,
  );
  const links = [
    { to: "/account/alerts", label: "Saved searches and alerts", shown: true },
    { to: "/account/notifications", label: "Notifications", shown: true },
    { to: "/account/follows", label: "Councils and service areas you follow", shown: data.canFollow },
    { to: "/account/team", label: "Your council's team and approvers", shown: data.isLead },
  ];
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Your account</h1>
      <SummaryList
        rows={[
          { key: "Name", value: data.name },
          {
            key: "Email",
            value: (
              <>
                {data.email}{" "}
                {data.verified ? (
                  <strong className="govuk-tag govuk-tag--green">Confirmed</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--yellow">Not confirmed</strong>
                )}
              </>
            ),
          },
          ...(data.organisation ? [{ key: "Organisation", value: data.organisation }] : []),
        ]}
      />
      {!data.verified ? (
        sent ? (
          <p className="govuk-body">We have sent a new link to {data.email}.</p>
        ) : (
          <Form method="post" action="/account?intent=resend-verification">
            <SubmitButton variant="secondary">Send a new confirmation link</SubmitButton>
          </Form>
        )
      ) : null}
      <h2 className="govuk-heading-m">Your alerts and follows</h2>
      <ul className="govuk-list">
        {links
          .filter((link) => link.shown)
          .map((link) => (
            <li key={link.to}>
              <Link className="govuk-link" to={link.to}>
                {link.label}
              </Link>
            </li>
          ))}
      </ul>
      <h2 className="govuk-heading-m">Change your password</h2>
      <p className="govuk-body">Changing your password signs you out everywhere else.</p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <CurrentPasswordField {...field("currentPassword")} label="Current password" />
        <PasswordFields register={register} error={error} name="newPassword" label="New password" confirmLabel="Confirm new password" />
        <SubmitButton>Change password</SubmitButton>
      </Form>
      <LinkParagraph to="/">Back to the home page</LinkParagraph>
    </NarrowPage>
  );
}
