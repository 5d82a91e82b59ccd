// "Forgot your password?": asks for the address and always answers "check your email",
// whether or not it has an account (app/models/password-reset.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { FormPage, MessagePage } from "~/components/form-page";
import { EmailField, useZodForm } from "~/components/forms";
import { forgotPasswordSchema } from "~/models/password-reset.schema";
import { requestPasswordReset } from "~/models/password-reset.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { fail, ok } from "~/utils/result";

export const meta: MetaFunction = () => pageTitle("Reset your password");
export const handle = { title: "Reset your password" };

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleForm(request, {
    schema: forgotPasswordSchema,
    run: async ({ email }) => {
      const result = await requestPasswordReset({ email, ip: clientIp(context, request) });
      if (result.ok) return ok();
      const minutes = Math.ceil(result.retryAfterSeconds / 60);
      return fail({
        kind: "throttled",
        retryAfterSeconds: result.retryAfterSeconds,
        message: `Too many requests to reset a password. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`,
      });
    },
    onSuccess: () => redirect("/forgot-password?sent=1"),
  });
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, field } = useZodForm(forgotPasswordSchema, actionData?.errors, actionData?.values);
  const backToSignIn = <LinkParagraph to="/login">Back to sign in</LinkParagraph>;
  if (sent) {
    return (
      <MessagePage title="Check your email">
        <p className="govuk-body">
          If the address you entered has a Council Marketplace account, we have sent it a link to choose a new password.
        </p>
        <p className="govuk-body">
          The link works once and expires in 1 hour. If nothing arrives, check your spam folder or{" "}
          <Link className="govuk-link" to="/forgot-password">
            ask for another link
          </Link>
          .
        </p>
        {backToSignIn}
      </MessagePage>
    );
  }
  return (
    <FormPage
      title="Reset your password"
      errors={errors}
      intro={<p className="govuk-body">Enter the email address you sign in with. We will send you a link to choose a new password.</p>}
      onSubmit={onSubmit}
      submitLabel="Send the link"
      footer={backToSignIn}
    >
      <EmailField {...field("email")} label="Email address" />
    </FormPage>
  );
}
