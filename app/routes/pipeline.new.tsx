import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { NarrowPage } from "~/components/form-page";
import { PipelineForm } from "~/components/pipeline-form";
import { pipelineInputSchema } from "~/models/pipeline.schema";
import { publishPipelineEntry } from "~/models/pipeline.server";
import { listServiceAreas } from "~/models/service-area.server";
import { requireCouncilBuyer } from "~/auth/council-buyer.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Publish a forward plan");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireCouncilBuyer(request, "create:pipeline:own");
  return { areas: await listServiceAreas(), contactName: user.name ?? "", contactEmail: user.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, councilId } = await requireCouncilBuyer(request, "create:pipeline:own", { posting: true });
  return handleForm(request, {
    schema: pipelineInputSchema,
    run: (input) => publishPipelineEntry({ id: user.id, councilId, ip: clientIp(context, request) }, input),
    onSuccess: (entry) => redirect(`/pipeline/${entry.id}?published=1`),
  });
}

export default function NewPipelineEntry() {
  const { areas, contactName, contactEmail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = (result?.values ?? { contactName, contactEmail }) as Record<string, string>;
  return (
    <NarrowPage>
      <BackLink to="/pipeline">Back to the pipeline</BackLink>
      <h1 className="govuk-heading-l">Publish a forward plan</h1>
      <p className="govuk-body">
        Tell suppliers and other councils what your council plans to buy and when. Anyone can see a published plan.
      </p>
      <PipelineForm areas={areas} errors={result?.errors ?? {}} values={values} submitLabel="Publish forward plan" />
    </NarrowPage>
  );
}
