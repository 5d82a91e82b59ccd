import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { loginSchema } from "~/models/auth.schema";
import { attemptLogin } from "~/auth/sign-in.server";
import { parseForm } from "~/utils/forms";
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
  const parsed = await parseForm(request, loginSchema);
  if (!parsed.success) return Response.json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const ip = clientIp(context, request);
  const result = await attemptLogin({ email, password, ip });
  if (!result.ok && result.reason === "throttled") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return Response.json(
      {
        errors: { form: [`Too many sign-in attempts. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`] },
        values: { email },
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok && result.reason === "deactivated") {
    return Response.json(
      {
        errors: {
          form: [
            "Your account has been deactivated by a Council Marketplace administrator, so you cannot sign in. Contact the portal administrators if you think this is a mistake.",
          ],
        },
        values: { email },
      },
      { status: 403 },
    );
  }
  if (!result.ok) {
    return Response.json({ errors: { email: ["Enter a correct email address and password"] }, values: { email } }, { status: 400 });
  }
  return startSession(request, { userId: result.userId, redirectTo: safeRedirect(redirectTo), ip });
}

type ActionData = { errors: Record<string, string[]>; values: Record<string, string> } | undefined;

export default function Login() {
  const actionData = useActionData<ActionData>();
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
            defaultValue={actionData?.values?.email}
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
