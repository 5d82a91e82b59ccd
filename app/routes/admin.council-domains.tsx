import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, SelectField, TextField, useZodForm } from "~/components/forms";
import { addCouncilDomainSchema, removeCouncilDomainSchema } from "~/models/council-domain.schema";
import { addCouncilDomain, listCouncilDomains, listCouncilsForSelect, removeCouncilDomain } from "~/models/council.server";
import { formDataToObject, parseWithSchema, readFormData } from "~/utils/forms";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Council email domains");
export const handle = { title: "Council email domains" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:reference:any");
  const [domains, councils] = await Promise.all([listCouncilDomains(), listCouncilsForSelect()]);
  return { domains, councils };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "manage:reference:any");
  const input = formDataToObject(await readFormData(request));
  const ip = clientIp(context, request);
  if (input.intent === "remove") {
    const parsed = parseWithSchema(removeCouncilDomainSchema, input);
    if (!parsed.success) return Response.json({ errors: { form: ["Choose a domain to remove"] } }, { status: 400 });
    await removeCouncilDomain({ id: parsed.data.id, actorId: admin.id, ip });
    return redirect("/admin/council-domains", { headers: await flash(request, "Domain removed") });
  }
  const parsed = parseWithSchema(addCouncilDomainSchema, input);
  if (!parsed.success) return Response.json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await addCouncilDomain({ ...parsed.data, actorId: admin.id, ip });
  if (!result.ok) return Response.json({ errors: { [result.field]: [result.message] }, values: parsed.data }, { status: 400 });
  return redirect("/admin/council-domains", {
    headers: await flash(request, `${parsed.data.domain} added: staff with that email domain can now create buyer accounts`),
  });
}

export default function CouncilDomains() {
  const { domains, councils } = useLoaderData<typeof loader>();
  const actionData = useActionData<{ errors: Record<string, string[]>; values?: Record<string, string> }>();
  const { register, errors, onSubmit, error } = useZodForm(addCouncilDomainSchema, actionData?.errors);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Council email domains</h1>
      <p className="govuk-body">
        Only people with an email address at one of these domains can create a buyer account, for the council the domain belongs to.
      </p>
      <TableContainer label={`${domains.length} domains`}>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{domains.length} domains</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Domain
              </th>
              <th scope="col" className="govuk-table__header">
                Council
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {domains.map((d) => (
              <tr className="govuk-table__row" key={d.id}>
                <td className="govuk-table__cell">{d.domain}</td>
                <td className="govuk-table__cell">{d.council?.name ?? "Not linked"}</td>
                <td className="govuk-table__cell">
                  <Form method="post">
                    <input type="hidden" name="id" value={d.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="remove"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                    >
                      Remove<span className="govuk-visually-hidden"> {d.domain}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
      <h2 className="govuk-heading-m">Add a domain</h2>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <TextField
          name="domain"
          label="Email domain"
          hint="For example, leeds.gov.uk"
          spellCheck={false}
          defaultValue={actionData?.values?.domain}
          error={error("domain")}
          registered={register("domain")}
        />
        <SelectField
          name="councilCode"
          label="Council"
          defaultValue={actionData?.values?.councilCode}
          error={error("councilCode")}
          registered={register("councilCode")}
          options={[{ value: "", label: "Select a council" }, ...councils.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <button type="submit" name="intent" value="add" className="govuk-button" data-module="govuk-button">
          Add domain
        </button>
      </Form>
    </>
  );
}
