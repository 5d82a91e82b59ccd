import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { Form } from "~/components/form";
import { emailQuestion, FieldTable, nameQuestion, type FieldSpec } from "~/components/field-table";
import { ErrorSummary, SubmitButton, useZodForm } from "~/components/forms";
import { PasswordFields } from "~/components/password-fields";
import { OrganisationFields, ORGANISATION_FIELD_ORDER, orderErrors } from "~/components/supplier-account";
import { supplierRegistrationSchema } from "~/models/supplier-account.schema";
import { recordAudit } from "~/models/audit.server";
import { registerSupplier, sendCompanyAlreadyRegisteredEmail, sendSupplierVerificationEmail } from "~/models/supplier-account.server";
import { handleForm } from "~/utils/form-action.server";
import { fail, ok, type Result } from "~/utils/result";
import { withStrongPassword } from "~/auth/password-strength.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { limitsFor, takeAttempt } from "~/utils/rate-limit.server";
import { sendAccountExistsEmail } from "~/auth/verification.server";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = () => pageTitle("Register your organisation");
export const handle = { title: "Register your organisation" };

const ACCOUNT_QUESTIONS: readonly FieldSpec[] = [
  nameQuestion("name", "Your full name"),
  emailQuestion("email", "Your email address", "You sign in with this. We will send a link to confirm it."),
];

const FIELD_ORDER = [...ORGANISATION_FIELD_ORDER, "name", "email", "password", "confirmPassword"];

// Made in the action, not at module level: withStrongPassword is server-only, so in the browser
// bundle it does not exist and a module-level call stopped the page from hydrating.
const registrationSchema = () =>
  withStrongPassword(supplierRegistrationSchema, "password", { fields: ["email", "name", "legalName", "tradingName"] });

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: registrationSchema(),
    run: async (input): Promise<Result<void>> => {
      const limited = await takeAttempt(limitsFor.signup(ip, input.email));
      if (!limited.ok) {
        const minutes = Math.ceil(limited.retryAfterSeconds / 60);
        return fail({
          kind: "throttled",
          message: `Too many registrations from here. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`,
          retryAfterSeconds: limited.retryAfterSeconds,
        });
      }
      const result = await registerSupplier(input, { ip });
      // The same reply for a new organisation, a taken email address and a taken company number:
      // "check your email". Only the mailbox learns which, and the attempt is audited for admins.
      if (!result.ok) {
        await recordAudit({
          action: "supplier.registration-duplicate",
          entityType: "supplier",
          after: { email: input.email.toLowerCase(), companyNumber: input.companyNumber, ...result.duplicate },
          ip,
        });
        if (result.duplicate.emailTaken) await sendAccountExistsEmail(input.email, "register an organisation");
        else await sendCompanyAlreadyRegisteredEmail(input.email, input.companyNumber);
      } else {
        await sendSupplierVerificationEmail({ userId: result.userId, email: input.email });
      }
      return ok();
    },
    onSuccess: () => redirect("/verify-email?sent=1"),
  });
}

export default function RegisterSupplier() {
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit, error, table } = useZodForm(supplierRegistrationSchema, actionData?.errors, actionData?.values);
  return (
    <NarrowPage>
      <ErrorSummary errors={orderErrors(errors, FIELD_ORDER)} />
      <h1 className="govuk-heading-l">Register your organisation</h1>
      <p className="govuk-body">
        Register to manage your organisation&apos;s profile, framework awards and listings. Councils can then find you when they search the
        marketplace.
      </p>
      <p className="govuk-body">
        If your organisation is already registered, ask a colleague who uses Council Marketplace to invite you from their team page.
      </p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <OrganisationFields {...table} withCompanyNumber />

        <h2 className="govuk-heading-m">Your account</h2>
        <FieldTable fields={ACCOUNT_QUESTIONS} {...table} />
        <PasswordFields register={register} error={error} />
        <SubmitButton>Register organisation</SubmitButton>
      </Form>
      <p className="govuk-body">
        Already registered?{" "}
        <Link className="govuk-link" to="/login">
          Sign in
        </Link>
        .
      </p>
    </NarrowPage>
  );
}
