// Choosing a new password from an emailed reset link (/reset-password?token=…). The token
// travels in a hidden field on the form; on success every session ends and the user signs in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { FormPage, MessagePage } from "~/components/form-page";
import { useZodForm } from "~/components/forms";
import { PasswordFields } from "~/components/password-fields";
import { resetPasswordSchema } from "~/models/password-reset.schema";
import { isResetTokenLive, resetPassword } from "~/models/password-reset.server";
import { failureData, handleForm } from "~/utils/form-action.server";
import { invalid, ok } from "~/utils/result";
import { withStrongPassword } from "~/auth/password-strength.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { limitsFor, takeAttempt } from "~/utils/rate-limit.server";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Choose a new password");
export const handle = { title: "Choose a new password" };

export async function loader({ request }: LoaderFunctionArgs) {
  const token = (new URL(request.url).searchParams.get("token") ?? "").slice(0, 101);
  return { token, live: token.length > 0 && token.length <= 100 && (await isResetTokenLive(token)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context, request);
  // Throttled before the body is read.
  const limited = await takeAttempt(limitsFor.passwordResetSubmit(ip));
  if (!limited.ok) {
    const minutes = Math.ceil(limited.retryAfterSeconds / 60);
    const message = `Too many attempts. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
    return failureData({ kind: "throttled", message, retryAfterSeconds: limited.retryAfterSeconds });
  }
  return handleForm(request, {
    schema: withStrongPassword(resetPasswordSchema, "password", { fields: [] }),
    run: async ({ token, password }) => ((await resetPassword({ token, password, ip })) ? ok() : invalid({ token: [EXPIRED_MESSAGE] })),
    // Every session ended with the reset; this browser's cookie is replaced by one carrying only the message.
    onSuccess: async () =>
      redirect("/login", {
        headers: await flash(
          new Request(request.url),
          "Your password has been changed and you have been signed out everywhere. Sign in with your new password.",
        ),
      }),
  });
}

const EXPIRED_MESSAGE = "That link has expired or was already used. Ask for a new one.";

export default function ResetPassword() {
  const { token, live } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit, error } = useZodForm(resetPasswordSchema, actionData?.errors);
  if (!live || actionData?.errors.token) {
    return (
      <MessagePage title="That link has expired or was already used">
        <p className="govuk-body">Reset links work once and expire after 1 hour.</p>
        <LinkParagraph to="/forgot-password">Ask for a new link</LinkParagraph>
      </MessagePage>
    );
  }
  return (
    <FormPage
      title="Choose a new password"
      errors={errors}
      intro={<p className="govuk-body">Setting a new password signs you out everywhere.</p>}
      onSubmit={onSubmit}
      submitLabel="Change password"
    >
      <input type="hidden" {...register("token")} value={token} />
      <PasswordFields register={register} error={error} label="New password" confirmLabel="Confirm new password" />
    </FormPage>
  );
}
