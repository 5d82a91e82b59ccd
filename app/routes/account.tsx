import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { changePasswordSchema } from "~/models/account.schema";
import { recordAudit } from "~/models/audit.server";
import { changePassword, getPasswordHash } from "~/models/user.server";
import { parseForm } from "~/utils/forms";
import { withStrongPassword } from "~/auth/password-strength.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { verifyPassword } from "~/auth/password.server";
import { requireUser } from "~/auth/permissions.server";
import { startSession } from "~/auth/session.server";
import { limitsFor, takeAttempt, throttledResponse } from "~/utils/rate-limit.server";
import { sendVerificationEmail } from "~/auth/verification.server";

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
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ip = clientIp(context, request);
  const intent = new URL(request.url).searchParams.get("intent");
  if (intent === "resend-verification") {
    if (user.emailVerifiedAt) return Response.json({ sent: true });
    // Limited, and each new link revokes the older ones.
    const limited = await takeAttempt(limitsFor.resendVerification(ip, user.id));
    if (!limited.ok) return throttledResponse(limited.retryAfterSeconds, {}, "confirmation links sent");
    await sendVerificationEmail({ userId: user.id, email: user.email, audience: user.supplierId ? "supplier" : "buyer" });
    await recordAudit({ actorId: user.id, action: "user.verification-resent", entityType: "user", entityId: user.id, ip });
    return Response.json({ sent: true });
  }
  const parsed = await parseForm(
    request,
    withStrongPassword(changePasswordSchema, "newPassword", { fields: [], inputs: [user.email, user.name] }),
  );
  if (!parsed.success) return Response.json({ errors: parsed.errors }, { status: 400 });
  const current = await getPasswordHash(user.id);
  if (!current || !(await verifyPassword(parsed.data.currentPassword, current.passwordHash))) {
    return Response.json({ errors: { currentPassword: ["Your current password is not correct"] } }, { status: 400 });
  }
  await changePassword(user.id, parsed.data.newPassword);
  await recordAudit({
    actorId: user.id,
    action: "user.password-changed",
    entityType: "user",
    entityId: user.id,
    after: { sessionsEnded: true },
    ip,
  });
  // Every other session ended with the change; this browser continues on a new one.
  return startSession(request, { userId: user.id, redirectTo: "/account?changed=1", ip });
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<{ errors?: Record<string, string[]>; sent?: boolean }>();
  const { register, errors, onSubmit, error } = useZodForm(changePasswordSchema, actionData?.errors);
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
          actionData?.sent ? (
            <p className="govuk-body">We have sent a new link to {data.email}.</p>
          ) : (
            <Form method="post" action="/account?intent=resend-verification">
              <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                Send a new confirmation link
              </button>
            </Form>
          )
        ) : null}
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
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters"
            error={error("newPassword")}
            registered={register("newPassword")}
          />
          <TextField
            name="confirmPassword"
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            error={error("confirmPassword")}
            registered={register("confirmPassword")}
          />
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
