import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { NarrowPage } from "~/components/form-page";
import { Form } from "~/components/form";
import { ChoiceField, ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { DateInput } from "~/components/date-input";
import { plainFields } from "~/components/browse-form-fields";
import { contractFormSchema } from "~/models/contract.schema";
import { addCouncilContract } from "~/models/contract.server";
import { listServiceAreas } from "~/models/service-area.server";
import { requireCouncilBuyer } from "~/auth/council-buyer.server";
import { handleForm } from "~/utils/form-action.server";
import { dateInputValues } from "~/utils/date-input";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Add a contract your council holds");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCouncilBuyer(request, "create:contract:own");
  return { areas: await listServiceAreas() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, councilId } = await requireCouncilBuyer(request, "create:contract:own", { posting: true });
  return handleForm(request, {
    schema: contractFormSchema,
    run: (input) => addCouncilContract({ id: user.id, councilId, ip: clientIp(context, request) }, input),
    onSuccess: (contract) => redirect(`/contracts/${contract.id}`),
  });
}

const LABELS: Record<string, string> = {
  reference: "Your reference",
  title: "What the contract is for",
  supplierName: "Supplier",
  supplierCompanyNumber: "Supplier's Companies House number",
  agreement: "Agreement and lot",
  procedure: "Your own procedure",
  value: "Value including VAT",
  valueExVat: "Value excluding VAT",
  startDate: "Start date",
  endDate: "End date",
  extensions: "Extension options",
  cpvCodes: "CPV codes",
  serviceArea: "Service area",
  noticeUrl: "Published notice",
  visibility: "Who can see it",
};

export default function NewContract() {
  const { areas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const values = (result?.values ?? {}) as Record<string, string>;
  const err = (k: string) => errors[k]?.[0];
  const field = plainFields(LABELS, errors, values);
  return (
    <NarrowPage>
      <BackLink to="/contracts">Back to the register</BackLink>
      <ErrorSummary errors={errors} labels={LABELS} />
      <h1 className="govuk-heading-l">Add a contract your council holds</h1>
      <p className="govuk-body">
        For contracts bought before the portal. Have many?{" "}
        <Link className="govuk-link" to="/contracts/upload">
          Upload them as a CSV file
        </Link>
        .
      </p>
      <Form method="post" noValidate>
        <TextField {...field("reference")} hint="Unique within your council: adding it again updates the contract" width="20" />
        <TextField {...field("title")} />
        <TextField {...field("supplierName")} />
        <TextField {...field("supplierCompanyNumber")} hint="Optional, 8 characters" width="10" spellCheck={false} />
        <TextField
          {...field("agreement")}
          hint="Optional, for example RM1557.15/2a. Leave empty for your own procedure"
          width="20"
          spellCheck={false}
        />
        <TextField {...field("procedure")} hint="Optional, for example open procedure" />
        <TextField {...field("value")} hint="Optional, whole-life value in pounds" prefix="£" width="10" inputMode="decimal" />
        <TextField {...field("valueExVat")} hint="Optional" prefix="£" width="10" inputMode="decimal" />
        {[
          { name: "startDate", hint: "For example, 1 4 2023" },
          { name: "endDate", hint: "For example, 31 3 2027" },
        ].map((d) => (
          <DateInput
            key={d.name}
            name={d.name}
            legend={LABELS[d.name]}
            hint={d.hint}
            error={err(d.name)}
            values={dateInputValues(d.name, values)}
          />
        ))}
        <TextField
          {...field("extensions")}
          hint="Optional: each extension's end date as YYYY-MM-DD, separated by |, for example 2028-03-31|2029-03-31"
          spellCheck={false}
        />
        <TextField {...field("cpvCodes")} hint="Optional: 8-digit codes separated by |" spellCheck={false} />
        <SelectField
          {...field("serviceArea")}
          options={[{ value: "", label: "Not recorded" }, ...areas.map((a) => ({ value: a.slug, label: a.name }))]}
        />
        <TextField {...field("noticeUrl")} hint="Optional: the contract details or award notice, https://" type="url" spellCheck={false} />
        <ChoiceField
          type="radio"
          name="visibility"
          legend={LABELS.visibility}
          error={err("visibility")}
          defaultValue={values.visibility ?? "private"}
          options={[
            { value: "private", label: "Only my council (its notice is not published yet)" },
            { value: "public", label: "Everyone (its contract details notice is published)" },
          ]}
        />
        <SubmitButton>Add contract</SubmitButton>
      </Form>
    </NarrowPage>
  );
}
