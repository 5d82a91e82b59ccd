// The forward-plan form (/pipeline/new and /pipeline/:id/edit): plain fields that post without
// JavaScript; the server's messages come back in the GOV.UK error summary with the values kept.
import { Form } from "~/components/form";
import { ErrorSummary, FieldsetGroup, fieldId, SelectField, SubmitButton, TextareaField, TextField } from "~/components/forms";
import { plainFields } from "~/components/browse-form-fields";
import { ROUTE_CONSIDERED, ROUTE_CONSIDERED_LABELS } from "~/models/pipeline.schema";

export const PIPELINE_LABELS: Record<string, string> = {
  title: "What you plan to buy",
  description: "Description",
  serviceArea: "Service area",
  cpvCodes: "CPV codes",
  expectedStartMonth: "Expected start",
  estimatedValue: "Estimated value including VAT",
  routeConsidered: "Route being considered",
  contactName: "Contact's name",
  contactEmail: "Contact's email address",
  revision: "Revision",
  form: "Forward plan",
};

export function PipelineForm({
  areas,
  errors,
  values,
  submitLabel,
  revision,
}: {
  areas: { slug: string; name: string }[];
  errors: Record<string, string[]>;
  values: Record<string, string>;
  submitLabel: string;
  revision?: number;
}) {
  const field = plainFields(PIPELINE_LABELS, errors, values);
  const startError = errors.expectedStartMonth?.[0];
  const startId = fieldId("expectedStartMonth");
  // Month and year only: the plan names the month it goes to market, not a day.
  const startParts = [
    { name: "expectedStartMonth", id: startId, label: "Month", width: "2" },
    { name: "expectedStartYear", id: fieldId("expectedStartYear"), label: "Year", width: "4" },
  ];
  return (
    <>
      <ErrorSummary errors={errors} labels={PIPELINE_LABELS} />
      <Form method="post" noValidate>
        {revision ? <input type="hidden" name="revision" value={revision} /> : null}
        <TextField {...field("title")} />
        <TextareaField {...field("description")} hint="Optional: what the service does now and what you need" />
        <SelectField
          {...field("serviceArea")}
          hint="Suppliers following this service area are told of the plan"
          options={[{ value: "", label: "Choose a service area" }, ...areas.map((a) => ({ value: a.slug, label: a.name }))]}
        />
        <TextField {...field("cpvCodes")} hint="Optional: 8-digit codes separated by |, for example 72000000|48000000" spellCheck={false} />
        <FieldsetGroup
          id={startId}
          legend={PIPELINE_LABELS.expectedStartMonth}
          hint="The month you expect to go to market, for example 4 2027"
          error={startError}
          role="group"
        >
          <div className="govuk-date-input">
            {startParts.map((part) => (
              <div className="govuk-date-input__item" key={part.name}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={part.id}>
                    {part.label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${startError ? " govuk-input--error" : ""}`}
                    id={part.id}
                    name={part.name}
                    inputMode="numeric"
                    defaultValue={values[part.name]}
                  />
                </div>
              </div>
            ))}
          </div>
        </FieldsetGroup>
        <TextField {...field("estimatedValue")} hint="Optional: whole-life value in pounds" prefix="£" width="10" inputMode="decimal" />
        <SelectField
          {...field("routeConsidered")}
          defaultValue={values.routeConsidered ?? "undecided"}
          options={ROUTE_CONSIDERED.map((k) => ({ value: k, label: ROUTE_CONSIDERED_LABELS[k] }))}
        />
        <TextField {...field("contactName")} autoComplete="name" />
        <TextField
          {...field("contactEmail")}
          hint="Suppliers may write to this address about the plan"
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <SubmitButton intent="save">{submitLabel}</SubmitButton>
      </Form>
    </>
  );
}
