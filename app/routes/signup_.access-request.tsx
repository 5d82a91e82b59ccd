// Asking for a buyer account from a public-sector address that is no council's (issue 15).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, TextareaField, TextField, useZodForm } from "~/components/forms";
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
  const values = actionData?.values ?? {};
  const text = (key: string) => (typeof values[key] === "string" ? values[key] : undefined);
  const { register, errors, onSubmit, error } = useZodForm(accessRequestSchema, actionData?.errors);
  if (sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Check your email</h1>
          <p className="govuk-body">
            We have sent you a link to confirm your email address. Your request goes to an administrator once you have opened it. The link
            expires in 24 hours.
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Ask for a buyer account</h1>
        <p className="govuk-body">
          If you work for a public body on a .gov.uk, .gov.scot or .gov.wales address that is not a council&apos;s, an administrator can
          give you a buyer account for the council you buy for or with. Council staff can{" "}
          <Link className="govuk-link" to="/signup">
            create a buyer account
          </Link>{" "}
          straight away.
        </p>
        <Form method="post" noValidate onSubmit={onSubmit}>
          <TextField
            name="name"
            label="Full name"
            autoComplete="name"
            spellCheck={false}
            defaultValue={text("name")}
            error={error("name")}
            registered={register("name")}
          />
          <TextField
            name="email"
            label="Work email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={text("email") ?? (email || undefined)}
            error={error("email")}
            registered={register("email")}
          />
          <TextField
            name="organisation"
            label="Organisation"
            autoComplete="organization"
            defaultValue={text("organisation")}
            error={error("organisation")}
            registered={register("organisation")}
          />
          <TextField
            name="jobTitle"
            label="Job title (optional)"
            autoComplete="organization-title"
            defaultValue={text("jobTitle")}
            error={error("jobTitle")}
            registered={register("jobTitle")}
          />
          <TextareaField
            name="reason"
            label="Why do you need a buyer account?"
            hint="For example, which council you buy with and what you are buying."
            defaultValue={text("reason")}
            error={error("reason")}
            registered={register("reason")}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Send request
          </button>
        </Form>
      </div>
    </div>
  );
}
