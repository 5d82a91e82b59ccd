import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { acceptInvitationSchema } from "~/models/supplier-account.schema";
import { acceptInvitation, getInvitation } from "~/models/supplier-account.server";
import { now } from "~/utils/clock.server";
import { parseForm } from "~/utils/forms";
import { withStrongPassword } from "~/auth/password-strength.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { startSession } from "~/auth/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data?.invitation ? `Join ${data.invitation.supplierName}` : "Invitation link not valid");
export const handle = { title: "Accept your invitation" };

const EXPIRED_MESSAGE = "This invitation link has expired or has already been used. Ask your colleague to invite you again.";

// The token is the only credential: keep it out of the Referer sent to other sites.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await getInvitation(String(params.token ?? ""), now());
  if (!invitation) return Response.json({ invitation: null }, { status: 404 });
  return { invitation };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const invited = await getInvitation(String(params.token ?? ""), now());
  const parsed = await parseForm(
    request,
    withStrongPassword(acceptInvitationSchema, "password", { fields: ["name"], inputs: [invited?.email, invited?.supplierName] }),
  );
  if (!parsed.success) return Response.json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const ip = clientIp(context, request);
  const accepted = await acceptInvitation(
    { token: String(params.token ?? ""), name: parsed.data.name, password: parsed.data.password, ip },
    now(),
  );
  if (!accepted) return Response.json({ errors: { form: [EXPIRED_MESSAGE] }, values: { name: parsed.data.name } }, { status: 410 });
  return startSession(request, { userId: accepted.userId, redirectTo: "/supplier", ip });
}

type LoaderData = { invitation: { email: string; supplierName: string; expiresAt: string } | null };
type ActionData = { errors: Record<string, string[]>; values: Record<string, string> } | undefined;

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<LoaderData>();
  const actionData = useActionData<ActionData>();
  const { register, errors, onSubmit, error } = useZodForm(acceptInvitationSchema, actionData?.errors);
  if (!invitation) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This invitation link is not valid</h1>
          <p className="govuk-body">{EXPIRED_MESSAGE}</p>
          <p className="govuk-body">
            If you have already set your password,{" "}
            <Link className="govuk-link" to="/login">
              sign in
            </Link>
            .
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{invitation.supplierName}</span>
        <h1 className="govuk-heading-l">Accept your invitation</h1>
        <p className="govuk-body">
          You have been invited to help manage {invitation.supplierName} on Council Marketplace. You will sign in with{" "}
          <strong>{invitation.email}</strong>.
        </p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <TextField
            name="name"
            label="Your full name"
            autoComplete="name"
            spellCheck={false}
            defaultValue={actionData?.values?.name}
            error={error("name")}
            registered={register("name")}
          />
          <TextField
            name="password"
            label="Create a password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters. A few unrelated words work well."
            error={error("password")}
            registered={register("password")}
          />
          <TextField
            name="confirmPassword"
            label="Confirm password"
            type="password"
            autoComplete="new-password"
            error={error("confirmPassword")}
            registered={register("confirmPassword")}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Accept invitation and sign in
          </button>
        </Form>
      </div>
    </div>
  );
}
