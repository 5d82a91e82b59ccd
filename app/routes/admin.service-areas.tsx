import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { serviceAreaSchema } from "~/models/service-area.schema";
import { createServiceArea, listServiceAreasWithCounts } from "~/models/service-area.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = () => pageTitle("Service areas");
export const handle = { title: "Service areas" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:reference:any");
  return { areas: await listServiceAreasWithCounts() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:reference:any");
  return handleForm(request, {
    schema: serviceAreaSchema,
    run: (input) => createServiceArea(input, { id: admin.id, ip: clientIp(context, request) }),
    onSuccess: async (area) => redirect("/admin/service-areas", { headers: await flash(request, `Service area “${area.name}” added`) }),
  });
}

export default function ServiceAreas() {
  const { areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, field } = useZodForm(serviceAreaSchema, actionData?.errors, actionData?.values);
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Service areas</h1>
      <p className="govuk-body">Case studies are filed under one service area. Councils choose from this list.</p>
      <DataTable
        caption={`${areas.length} service areas`}
        rows={areas}
        rowKey={(a) => a.id}
        columns={[
          {
            header: "Name",
            cell: (a) => (
              <Link className="govuk-link" to={`/case-studies?serviceArea=${a.slug}`}>
                {a.name}
              </Link>
            ),
          },
          { header: "Published case studies", numeric: true, cell: (a) => a._count.caseStudies },
        ]}
      />
      <h2 className="govuk-heading-m">Add a service area</h2>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextField {...field("name")} label="Name" hint="For example, Coroners and registration" />
        <SubmitButton>Add service area</SubmitButton>
      </Form>
    </NarrowPage>
  );
}
