import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { InsetText } from "~/components/buying";
import { FormPage } from "~/components/form-page";
import { ChoiceField, EmailField, NameField, useZodForm } from "~/components/forms";
import { PasswordFields } from "~/components/password-fields";
import { buyerSignupSchema } from "~/models/auth.schema";
import { isPublicSectorDomain } from "~/models/council-domain.schema";
import { listSharedCouncilDomains } from "~/models/council-domain.server";
import { withStrongPassword } from "~/auth/password-strength.server";
import { signUpBuyer } from "~/auth/sign-up.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { echoedText } from "~/utils/forms";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Create a buyer account");
export const handle = { title: "Create a buyer account" };

export async function loader(_: LoaderFunctionArgs) {
  // Few domains are shared by councils: the page offers the choice when the address is on one.
  return { sharedDomains: await listSharedCouncilDomains() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: withStrongPassword(buyerSignupSchema, "password"),
    run: (input) => signUpBuyer(input, ip),
    onSuccess: () => redirect("/verify-email?sent=1"),
  });
}

export default function Signup() {
  const { sharedDomains } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit, error, field } = useZodForm(buyerSignupSchema, actionData?.errors, actionData?.values);
  const postedEmail = echoedText(actionData?.values?.email) ?? "";
  // Worked out here, not with emailDomainOf: a .server module's exports do not reach the browser (issue 18 item 4).
  const postedDomain = postedEmail.split("@")[1]?.trim().toLowerCase() ?? "";
  const councilChoices = sharedDomains[postedDomain] ?? [];
  const askForAccess = Boolean(actionData?.errors?.email) && isPublicSectorDomain(postedDomain) && councilChoices.length === 0;
  return (
    <FormPage
      title="Create a buyer account"
      errors={errors}
      errorLabels={{ councilCode: "Council" }}
      intro={
        <>
          <p className="govuk-body">
            Buyer accounts are for council staff. Use your council email address: we check its domain and send you a link to confirm it
            before you can see your council&apos;s buying projects or write case studies. Anyone can browse the marketplace without an
            account.
          </p>
          {askForAccess ? (
            <InsetText>
              You work for a public body that is not a council?{" "}
              <Link className="govuk-link" to={`/signup/access-request?email=${encodeURIComponent(postedEmail)}`}>
                Ask for access
              </Link>{" "}
              and an administrator will decide.
            </InsetText>
          ) : null}
        </>
      }
      onSubmit={onSubmit}
      submitLabel="Create account"
      footer={
        <>
          <p className="govuk-body">
            Already have an account?{" "}
            <Link className="govuk-link" to="/login">
              Sign in
            </Link>
            .
          </p>
          <p className="govuk-body">
            Work for a public body that is not a council, on a .gov.uk, .gov.scot or .gov.wales address?{" "}
            <Link className="govuk-link" to="/signup/access-request">
              Ask for access
            </Link>
            .
          </p>
        </>
      }
    >
      <NameField {...field("name")} label="Full name" />
      <EmailField {...field("email")} label="Council email address" hint="For example, name@brighton-hove.gov.uk" />
      {councilChoices.length > 1 ? (
        <ChoiceField
          {...field("councilCode")}
          type="radio"
          legend="Which council do you work for?"
          hint={`${postedDomain} is shared by more than one council.`}
          options={councilChoices.map((c) => ({ value: c.code, label: c.name }))}
        />
      ) : null}
      <PasswordFields register={register} error={error} />
    </FormPage>
  );
}
