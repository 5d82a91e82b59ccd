// Asking for a buyer account from a public-sector address that is no council's (issue 15).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormPage, MessagePage } from "~/components/form-page";
import { EmailField, NameField, TextareaField, TextField, useZodForm } from "~/components/forms";
import { accessRequestSchema } from "~/models/access-request.schema";
import { requestAccess } from "~/models/access-request.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Ask for a buyer account");
export const handle = { title: "Ask for a buyer account" };

export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return { sent: url.searchParams.get("sent") === "1", email: (url.searchParams.get("email") ?? "").slice(0, 254) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: accessRequestSchema,
    run: (input) => requestAccess(input, ip),
    onSuccess: () => redirect("/signup/access-request?sent=1"),
  });
}

export default function AccessRequest() {
  const { sent, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, field } = useZodForm(accessRequestSchema, actionData?.errors, actionData?.values);
  if (sent) {
    return (
      <MessagePage title="Check your email">
        <p className="govuk-body">
          We have sent you a link to confirm your email address. Your request goes to an administrator once you have opened it. The link
          expires in 24 hours.
        </p>
      </MessagePage>
    );
  }
  const emailField = field("email");
  return (
    <FormPage
      title="Ask for a buyer account"
      errors={errors}
      intro={
        <p className="govuk-body">
          If you work for a public body on a .gov.uk, .gov.scot or .gov.wales address that is not a council&apos;s, an administrator can
          give you a buyer account for the council you buy for or with. Council staff can{" "}
          <Link className="govuk-link" to="/signup">
            create a buyer account
          </Link>{" "}
          straight away.
        </p>
      }
      onSubmit={onSubmit}
      submitLabel="Send request"
    >
      <NameField {...field("name")} label="Full name" />
      {/* Prefilled from the sign-up page's "Ask for access" link. */}
      <EmailField {...emailField} label="Work email address" defaultValue={emailField.defaultValue ?? (email || undefined)} />
      <TextField {...field("organisation")} label="Organisation" autoComplete="organization" />
      <TextField {...field("jobTitle")} label="Job title (optional)" autoComplete="organization-title" />
      <TextareaField
        {...field("reason")}
        label="Why do you need a buyer account?"
        hint="For example, which council you buy with and what you are buying."
      />
    </FormPage>
  );
}
