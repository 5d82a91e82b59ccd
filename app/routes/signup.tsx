import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { buyerSignupSchema } from "~/models/auth.schema";
import { findCouncilForEmailDomain } from "~/models/council.server";
import { recordAudit } from "~/models/audit.server";
import { createUserUnlessTaken } from "~/models/user.server";
import { parseForm } from "~/utils/forms";
import { withStrongPassword } from "~/auth/password-strength.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { limitsFor, takeAttempt, throttledResponse } from "~/utils/rate-limit.server";
import { sendAccountExistsEmail, sendVerificationEmail } from "~/auth/verification.server";

export const meta: MetaFunction = () => pageTitle("Create a buyer account");
export const handle = { title: "Create a buyer account" };

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, withStrongPassword(buyerSignupSchema, "password"));
  if (!parsed.success) return Response.json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { name, email, password } = parsed.data;
  const values = { name, email };
  const ip = clientIp(context, request);
  const limited = await takeAttempt(limitsFor.signup(ip, email));
  if (!limited.ok) return throttledResponse(limited.retryAfterSeconds, values, "accounts created from here");
  const domain = email.split("@")[1]?.toLowerCase() ?? "";
  const council = await findCouncilForEmailDomain(domain);
  if (!council?.councilId) {
    return Response.json(
      {
        errors: {
          email: ["Use your council email address. If your council's domain is not recognised, ask a portal administrator to add it"],
        },
        values,
      },
      { status: 400 },
    );
  }
  // The same reply whether or not the address already has an account: "check your email".
  // A new account gets a confirmation link; the holder of an existing one is told instead.
  const created = await createUserUnlessTaken({ email, name, password, role: "buyer", councilId: council.councilId });
  if (created) {
    await recordAudit({
      actorId: created.id,
      action: "user.created",
      entityType: "user",
      entityId: created.id,
      after: { email, role: "buyer" },
      ip,
    });
    await sendVerificationEmail({ userId: created.id, email });
  } else {
    await recordAudit({ action: "user.signup-for-existing-account", entityType: "user", after: { email: email.toLowerCase() }, ip });
    await sendAccountExistsEmail(email);
  }
  return redirect("/verify-email?sent=1");
}

type ActionData = { errors: Record<string, string[]>; values: Record<string, string> } | undefined;

export default function Signup() {
  const actionData = useActionData<ActionData>();
  const { register, errors, onSubmit, error } = useZodForm(buyerSignupSchema, actionData?.errors);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Create a buyer account</h1>
        <p className="govuk-body">
          Buyer accounts are for council staff. Use your council email address: we check its domain and send you a link to confirm it before
          you can see your council&apos;s buying projects or write case studies. Anyone can browse the marketplace without an account.
        </p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <TextField
            name="name"
            label="Full name"
            autoComplete="name"
            spellCheck={false}
            defaultValue={actionData?.values?.name}
            error={error("name")}
            registered={register("name")}
          />
          <TextField
            name="email"
            label="Council email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            hint="For example, name@brighton-hove.gov.uk"
            defaultValue={actionData?.values?.email}
            error={error("email")}
            registered={register("email")}
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
            Create account
          </button>
        </Form>
        <p className="govuk-body">
          Already have an account?{" "}
          <Link className="govuk-link" to="/login">
            Sign in
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
