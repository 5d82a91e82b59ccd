import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { FormPage } from "~/components/form-page";
import { EmailField, useZodForm } from "~/components/forms";
import { CurrentPasswordField } from "~/components/password-fields";
import { loginSchema } from "~/models/auth.schema";
import { signIn } from "~/auth/sign-in.server";
import { handleForm } from "~/utils/form-action.server";
import { ok } from "~/utils/result";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { getSessionUser, safeRedirect, startSession } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Sign in");
export const handle = { title: "Sign in" };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: loginSchema,
    run: async (input) => {
      const signedIn = await signIn({ email: input.email, password: input.password, ip });
      return signedIn.ok ? ok({ ...signedIn.value, redirectTo: input.redirectTo }) : signedIn;
    },
    onSuccess: ({ userId, redirectTo }) => startSession(request, { userId, redirectTo: safeRedirect(redirectTo), ip }),
  });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { register, errors, onSubmit, field } = useZodForm(loginSchema, actionData?.errors, actionData?.values);
  return (
    <FormPage
      title="Sign in"
      errors={errors}
      onSubmit={onSubmit}
      submitLabel="Sign in"
      footer={
        <>
          <LinkParagraph to="/forgot-password">Forgot your password?</LinkParagraph>
          <p className="govuk-body">
            Council staff without an account can{" "}
            <Link className="govuk-link" to="/signup">
              create a buyer account
            </Link>
            .
          </p>
          <p className="govuk-body">
            Suppliers can{" "}
            <Link className="govuk-link" to="/suppliers/register">
              register their organisation
            </Link>
            .
          </p>
        </>
      }
    >
      <input type="hidden" {...register("redirectTo")} value={searchParams.get("redirectTo") ?? "/"} />
      <EmailField {...field("email")} label="Email address" />
      <CurrentPasswordField {...field("password")} label="Password" />
    </FormPage>
  );
}
