// /account/alerts/:id: rename a saved search, change how often it emails, or delete it.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { AlertForm } from "~/components/account-alert-form";
import { NarrowPage } from "~/components/form-page";
import { BackLink } from "~/components/buying";
import { SubmitButton } from "~/components/forms";
import { deleteAlert, getAlertForUser, updateAlert } from "~/models/saved-search-alerts.server";
import { deleteAlertSchema, describeAlertSearch, parseAlertSearch, updateAlertSchema } from "~/models/saved-search-alerts.schema";
import { requireUser } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Change “${data.name}”` : "Saved search");
export const handle = { title: "Change a saved search" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const alert = await getAlertForUser(user.id, params.id ?? "");
  // Someone else's saved search looks exactly like a missing one.
  if (!alert) throw new Response("Not Found", { status: 404 });
  const parsed = parseAlertSearch(alert.search);
  return {
    id: alert.id,
    name: alert.name,
    frequency: alert.frequency,
    version: alert.version,
    search: alert.search,
    description: parsed.ok ? describeAlertSearch(parsed.params) : "This search can no longer be run",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actor = { id: user.id, ip: clientIp(context, request) };
  if (new URL(request.url).searchParams.get("intent") === "delete") {
    return handleForm(request, {
      schema: deleteAlertSchema,
      run: (input) => deleteAlert(actor, input.alertId),
      onSuccess: async () => redirect("/account/alerts", { headers: await flash(request, "Saved search deleted") }),
    });
  }
  return handleForm(request, {
    schema: updateAlertSchema.refine((input) => input.alertId === params.id, { message: "Select a saved search", path: ["alertId"] }),
    run: (input) => updateAlert(actor, input),
    onSuccess: async () => redirect("/account/alerts", { headers: await flash(request, "Saved search changed") }),
  });
}

export default function ChangeAlert() {
  const alert = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/account/alerts">Back to saved searches</BackLink>
      <NarrowPage>
        <AlertForm
          posted={actionData}
          title={`Change “${alert.name}”`}
          description={alert.description}
          nameLabel="Name"
          name={alert.name}
          frequency={alert.frequency}
          submitLabel="Save changes"
        >
          <input type="hidden" name="alertId" value={alert.id} />
          <input type="hidden" name="version" value={alert.version} />
        </AlertForm>
        <h2 className="govuk-heading-m">Delete this saved search</h2>
        <Form method="post" action={`/account/alerts/${alert.id}?intent=delete`}>
          <input type="hidden" name="alertId" value={alert.id} />
          <SubmitButton variant="warning">Delete saved search</SubmitButton>
        </Form>
      </NarrowPage>
    </>
  );
}
