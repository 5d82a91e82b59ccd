import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { NarrowPage } from "~/components/form-page";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton, TextareaField } from "~/components/forms";
import { PipelineForm } from "~/components/pipeline-form";
import { pipelineEditSchema, pipelineWithdrawSchema } from "~/models/pipeline.schema";
import { getPipelineEntry, revisePipelineEntry, withdrawPipelineEntry } from "~/models/pipeline.server";
import { listServiceAreas } from "~/models/service-area.server";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { requireConfirmedForContracts } from "~/auth/contract-policy.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Change a forward plan");

function notFound(): Response {
  return new Response("No such forward plan", { status: 404, statusText: "Not Found" });
}

/** Only the council's confirmed buyers change its own (not imported) plans. */
async function authorise(request: Request, id: string) {
  const entry = await getPipelineEntry(id);
  if (!entry) throw notFound();
  const user = await requireUserWithPermission(request, "create:pipeline:own", {
    objectId: entry.id,
    isOwn: (u) => Boolean(u.councilId && u.councilId === entry.councilId),
  });
  requireConfirmedForContracts(user);
  return { user, entry, councilId: user.councilId! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry } = await authorise(request, params.id ?? "");
  if (entry.source !== "council" || entry.status !== "published") throw redirect(`/pipeline/${entry.id}`);
  const [year, month] = (entry.expectedMonth ?? "").split("-");
  return {
    areas: await listServiceAreas(),
    id: entry.id,
    revision: entry.revision,
    values: {
      title: entry.title,
      description: entry.description,
      serviceArea: entry.serviceArea?.slug ?? "",
      cpvCodes: entry.cpvCodes.join("|"),
      expectedStartMonth: month ? String(Number(month)) : "",
      expectedStartYear: year ?? "",
      estimatedValue: entry.estimatedValuePence === null ? "" : String(entry.estimatedValuePence / 100),
      routeConsidered: entry.routeConsidered || "undecided",
      contactName: entry.contactName ?? "",
      contactEmail: entry.contactEmail ?? "",
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, entry, councilId } = await authorise(request, params.id ?? "");
  const actor = { id: user.id, councilId, ip: clientIp(context, request) };
  // The intent is in the query string, so the body is read once, by handleForm.
  if (new URL(request.url).searchParams.get("intent") === "withdraw")
    return handleForm(request, {
      schema: pipelineWithdrawSchema,
      run: (input) => withdrawPipelineEntry(actor, entry.id, input),
      onSuccess: () => redirect(`/pipeline/${entry.id}`),
    });
  return handleForm(request, {
    schema: pipelineEditSchema,
    run: (input) => revisePipelineEntry(actor, entry.id, input),
    onSuccess: () => redirect(`/pipeline/${entry.id}?saved=1`),
  });
}

export default function EditPipelineEntry() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const posted = (result?.values ?? {}) as Record<string, string>;
  const withdrawing = "reason" in posted;
  return (
    <NarrowPage>
      <BackLink to={`/pipeline/${d.id}`}>Back to the forward plan</BackLink>
      <h1 className="govuk-heading-l">Change a forward plan</h1>
      <PipelineForm
        areas={d.areas}
        errors={withdrawing ? {} : (result?.errors ?? {})}
        values={withdrawing || !result ? d.values : posted}
        submitLabel="Save changes"
        revision={d.revision}
      />
      <h2 className="govuk-heading-m">Withdraw this forward plan</h2>
      <p className="govuk-body">The plan leaves the pipeline. Its page stays, marked as withdrawn.</p>
      {withdrawing ? (
        <ErrorSummary
          errors={result?.errors ?? {}}
          labels={{ reason: "Why it is withdrawn", revision: "Forward plan", form: "Forward plan" }}
        />
      ) : null}
      <Form method="post" action={`/pipeline/${d.id}/edit?intent=withdraw`} noValidate>
        <input type="hidden" name="revision" value={d.revision} />
        <TextareaField
          name="reason"
          label="Why it is withdrawn"
          error={withdrawing ? result?.errors?.reason?.[0] : undefined}
          defaultValue={posted.reason}
          rows={3}
        />
        <SubmitButton variant="warning">Withdraw forward plan</SubmitButton>
      </Form>
    </NarrowPage>
  );
}
