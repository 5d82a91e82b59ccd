import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormPage, MessagePage } from "~/components/form-page";
import { NameField, useZodForm } from "~/components/forms";
import { PasswordFields } from "~/components/password-fields";
import { acceptInvitationSchema } from "~/models/supplier-account.schema";
import { acceptInvitation, getInvitation } from "~/models/supplier-account.server";
import { now } from "~/utils/clock.server";
import { handleForm } from "~/utils/form-action.server";
import { gone, ok } from "~/utils/result";
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
  if (!invitation) return data({ invitation: null }, { status: 404 });
  return { invitation };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = String(params.token ?? "");
  const invited = await getInvitation(token, now());
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: withStrongPassword(acceptInvitationSchema, "password", { fields: ["name"], inputs: [invited?.email, invited?.supplierName] }),
    run: async ({ name, password }) => {
      const accepted = await acceptInvitation({ token, name, password, ip }, now());
      return accepted ? ok(accepted) : gone(EXPIRED_MESSAGE);
    },
    onSuccess: ({ userId }) => startSession(request, { userId, redirectTo: invited?.forCouncil ? "/" : "/supplier", ip }),
  });
}

type LoaderData = { invitation: { email: string; supplierName: string; forCouncil: boolean; expiresAt: string } | null };

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<LoaderData>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit, error, field } = useZodForm(acceptInvitationSchema, actionData?.errors, actionData?.values);
  if (!invitation) {
    return (
      <MessagePage title="This invitation link is not valid">
        <p className="govuk-body">{EXPIRED_MESSAGE}</p>
        <p className="govuk-body">
          If you have already set your password,{" "}
          <Link className="govuk-link" to="/login">
            sign in
          </Link>
          .
        </p>
      </MessagePage>
    );
  }
  return (
    <FormPage
      caption={invitation.supplierName}
      title="Accept your invitation"
      errors={errors}
      intro={
        <p className="govuk-body">
          {invitation.forCouncil
            ? `Your account for ${invitation.supplierName} on Council Marketplace is ready.`
            : `You have been invited to help manage ${invitation.supplierName} on Council Marketplace.`}{" "}
          You will sign in with <strong>{invitation.email}</strong>.
        </p>
      }
      onSubmit={onSubmit}
      submitLabel="Accept invitation and sign in"
    >
      <NameField {...field("name")} label="Your full name" />
      <PasswordFields register={register} error={error} />
    </FormPage>
  );
}
