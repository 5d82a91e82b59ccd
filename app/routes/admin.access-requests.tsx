// Requests for a buyer account from public-sector addresses that are no council's (issue 15):
// approve for a council (the account is created and emailed a link) or refuse with a reason.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SummaryList } from "~/components/buying";
import { Form } from "~/components/form";
import { ErrorSummary, fieldId, SelectField, SubmitButton, TextareaField } from "~/components/forms";
import { approveAccessRequestSchema, refuseAccessRequestSchema } from "~/models/access-request.schema";
import { approveAccessRequest, listPendingAccessRequests, refuseAccessRequest } from "~/models/access-request.server";
import { listCouncilsForSelect } from "~/models/council.server";
import { handleForm } from "~/utils/form-action.server";
import { formatDateTime } from "~/utils/format";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Access requests");
export const handle = { title: "Access requests" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:user:any");
  const [requests, councils] = await Promise.all([listPendingAccessRequests(), listCouncilsForSelect()]);
  return { requests, councils };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:user:any");
  const actor = { id: admin.id, ip: clientIp(context, request) };
  const done = async (message: string) => redirect("/admin/access-requests", { headers: await flash(request, message) });
  if (new URL(request.url).searchParams.get("intent") === "refuse") {
    return handleForm(request, {
      schema: refuseAccessRequestSchema,
      run: (input) => refuseAccessRequest({ ...input, actor }),
      onSuccess: ({ email }) => done(`Request refused: ${email} has been emailed the reason`),
    });
  }
  return handleForm(request, {
    schema: approveAccessRequestSchema,
    run: (input) => approveAccessRequest({ ...input, actor }),
    onSuccess: ({ email }) => done(`Request approved: ${email} has been emailed a link to choose a password`),
  });
}

export default function AdminAccessRequests() {
  const { requests, councils } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const failedId = typeof actionData?.values?.requestId === "string" ? actionData.values.requestId : null;
  const councilOptions = [{ value: "", label: "Select a council" }, ...councils.map((c) => ({ value: c.code, label: c.name }))];
  // One form per request: each field's id names its request, so labels, hints and the error
  // summary's links stay unique when several requests are waiting.
  const fieldFor = (name: string, requestId: string) => fieldId(`${name}-${requestId}`);
  const summary = failedId
    ? Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "form" ? k : fieldFor(k, failedId), v]))
    : errors;
  // A request's field: its id names the request, screen readers hear whose it is after the label,
  // and it shows the error when that request's form was the one refused.
  const requestField = (r: { id: string; email: string }, name: string, label: string) => ({
    name,
    id: fieldFor(name, r.id),
    label: (
      <>
        {label}
        <span className="govuk-visually-hidden"> ({r.email})</span>
      </>
    ),
    error: failedId === r.id ? errors[name]?.[0] : undefined,
  });
  const summaryLabels = failedId ? { [fieldFor("councilCode", failedId)]: "Council", [fieldFor("reason", failedId)]: "Reason" } : {};
  return (
    <>
      <ErrorSummary errors={summary} labels={summaryLabels} />
      <h1 className="govuk-heading-l">Access requests</h1>
      <p className="govuk-body">
        People on a public-sector email domain that is not a council&apos;s, who have confirmed their address. Approving creates a buyer
        account for the council you choose (every buyer account belongs to one council); refusing emails them your reason.
      </p>
      {requests.length === 0 ? <p className="govuk-body">No requests are waiting.</p> : null}
      {requests.map((r) => (
        <section key={r.id} className="govuk-!-margin-bottom-8" aria-labelledby={`request-${r.id}`}>
          <h2 className="govuk-heading-m" id={`request-${r.id}`}>
            {r.name}, {r.organisation}
          </h2>
          <SummaryList
            rows={[
              { key: "Email", value: r.email },
              ...(r.jobTitle ? [{ key: "Job title", value: r.jobTitle }] : []),
              { key: "Why", value: r.reason },
              { key: "Asked", value: formatDateTime(r.createdAt) },
            ]}
          />
          <Form method="post" action="/admin/access-requests?intent=approve">
            <input type="hidden" name="requestId" value={r.id} />
            <SelectField {...requestField(r, "councilCode", "Council the account is for")} options={councilOptions} />
            <SubmitButton>
              Approve<span className="govuk-visually-hidden"> {r.email}</span>
            </SubmitButton>
          </Form>
          <Form method="post" action="/admin/access-requests?intent=refuse">
            <input type="hidden" name="requestId" value={r.id} />
            <TextareaField
              {...requestField(r, "reason", "Reason for refusing")}
              hint="At least 10 characters. It is emailed to them."
              rows={3}
            />
            <SubmitButton variant="warning">
              Refuse<span className="govuk-visually-hidden"> {r.email}</span>
            </SubmitButton>
          </Form>
        </section>
      ))}
    </>
  );
}
