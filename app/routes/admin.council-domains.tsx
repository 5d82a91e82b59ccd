import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, SelectField, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { addCouncilDomainSchema, removeCouncilDomainSchema } from "~/models/council-domain.schema";
import { listCouncilsForSelect } from "~/models/council.server";
import { addCouncilDomain, listCouncilDomains, removeCouncilDomain } from "~/models/council-domain.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { RowAction } from "~/components/row-action";

export const meta: MetaFunction = () => pageTitle("Council email domains");
export const handle = { title: "Council email domains" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:reference:any");
  const [domains, councils] = await Promise.all([listCouncilDomains(), listCouncilsForSelect()]);
  return { domains, councils };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:reference:any");
  const ip = clientIp(context, request);
  if (new URL(request.url).searchParams.get("intent") === "remove") {
    return handleForm(request, {
      schema: removeCouncilDomainSchema,
      run: (input) => removeCouncilDomain({ id: input.id, actorId: admin.id, ip }),
      onSuccess: async () => redirect("/admin/council-domains", { headers: await flash(request, "Domain removed") }),
    });
  }
  return handleForm(request, {
    schema: addCouncilDomainSchema,
    run: (input) => addCouncilDomain({ ...input, actorId: admin.id, ip }),
    onSuccess: async ({ domain }) =>
      redirect("/admin/council-domains", {
        headers: await flash(request, `${domain} added: staff with that email domain can now create buyer accounts`),
      }),
  });
}

export default function CouncilDomains() {
  const { domains, councils } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, field } = useZodForm(addCouncilDomainSchema, actionData?.errors, actionData?.values);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Council email domains</h1>
      <p className="govuk-body">
        Only people with an email address at one of these domains can create a buyer account, for the council the domain belongs to.
      </p>
      <DataTable
        caption={`${domains.length} ${domains.length === 1 ? "domain" : "domains"}`}
        rows={domains}
        rowKey={(d) => d.id}
        columns={[
          { header: "Domain", cell: (d) => d.domain },
          { header: "Council", cell: (d) => d.council?.name ?? "Not linked" },
          {
            header: "Actions",
            hiddenHeader: true,
            cell: (d) => (
              <RowAction
                action="/admin/council-domains?intent=remove"
                fields={{ id: d.id }}
                label="Remove"
                about={d.council ? `${d.domain}, ${d.council.name}` : d.domain}
                className="govuk-button--warning govuk-!-margin-bottom-0"
              />
            ),
          },
        ]}
      />
      <h2 className="govuk-heading-m">Add a domain</h2>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextField {...field("domain")} label="Email domain" hint="For example, leeds.gov.uk" spellCheck={false} />
        <SelectField
          {...field("councilCode")}
          label="Council"
          options={[{ value: "", label: "Select a council" }, ...councils.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <SubmitButton>Add domain</SubmitButton>
      </Form>
    </>
  );
}
