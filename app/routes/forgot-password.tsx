// "Forgot your password?": asks for the address and always answers "check your email",
// whether or not it has an account (app/models/password-reset.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { forgotPasswordSchema } from "~/models/password-reset.schema";
import { requestPasswordReset } from "~/models/password-reset.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { echoedText } from "~/utils/forms";
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
  const { register, errors, onSubmit, error } = useZodForm(forgotPasswordSchema, actionData?.errors);
  if (sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
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
          <p className="govuk-body">
            <Link className="govuk-link" to="/login">
              Back to sign in
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">Enter the email address you sign in with. We will send you a link to choose a new password.</p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={echoedText(actionData?.values?.email)}
            error={error("email")}
            registered={register("email")}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send the link
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/login">
            Back to sign in
          </Link>
        </p>
      </div>
    </div>
  );
}
