import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
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
  const email = actionData?.values?.email;
  const [searchParams] = useSearchParams();
  const { register, errors, onSubmit, error } = useZodForm(loginSchema, actionData?.errors);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <input type="hidden" {...register("redirectTo")} value={searchParams.get("redirectTo") ?? "/"} />
          <TextField
            name="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={typeof email === "string" ? email : undefined}
            error={error("email")}
            registered={register("email")}
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={error("password")}
            registered={register("password")}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Sign in
          </button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            Forgot your password?
          </Link>
        </p>
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
      </div>
    </div>
  );
}
