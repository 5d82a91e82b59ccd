// The forward-plan form (/pipeline/new and /pipeline/:id/edit): plain fields that post without
// JavaScript; the server's messages come back in the GOV.UK error summary with the values kept.
import { Form } from "~/components/form";
import { ErrorSummary, fieldId, SelectField, TextareaField, TextField } from "~/components/forms";
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
  const err = (k: string) => errors[k]?.[0];
  const startError = err("expectedStartMonth");
  const startId = fieldId("expectedStartMonth");
  return (
    <>
      <ErrorSummary errors={errors} labels={PIPELINE_LABELS} />
      <Form method="post" noValidate>
        {revision ? <input type="hidden" name="revision" value={revision} /> : null}
        <TextField name="title" label={PIPELINE_LABELS.title} error={err("title")} defaultValue={values.title} />
        <TextareaField
          name="description"
          label={PIPELINE_LABELS.description}
          hint="Optional: what the service does now and what you need"
          error={err("description")}
          defaultValue={values.description}
        />
        <SelectField
          name="serviceArea"
          label={PIPELINE_LABELS.serviceArea}
          hint="Suppliers following this service area are told of the plan"
          error={err("serviceArea")}
          defaultValue={values.serviceArea}
          options={[{ value: "", label: "Choose a service area" }, ...areas.map((a) => ({ value: a.slug, label: a.name }))]}
        />
        <TextField
          name="cpvCodes"
          label={PIPELINE_LABELS.cpvCodes}
          hint="Optional: 8-digit codes separated by |, for example 72000000|48000000"
          error={err("cpvCodes")}
          defaultValue={values.cpvCodes}
          spellCheck={false}
        />
        <div className={`govuk-form-group${startError ? " govuk-form-group--error" : ""}`}>
          <fieldset className="govuk-fieldset" role="group" aria-describedby={`${startId}-hint${startError ? ` ${startId}-error` : ""}`}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{PIPELINE_LABELS.expectedStartMonth}</legend>
            <div id={`${startId}-hint`} className="govuk-hint">
              The month you expect to go to market, for example 4 2027
            </div>
            {startError ? (
              <p id={`${startId}-error`} className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {startError}
              </p>
            ) : null}
            <div className="govuk-date-input">
              <div className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={startId}>
                    Month
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-2${startError ? " govuk-input--error" : ""}`}
                    id={startId}
                    name="expectedStartMonth"
                    inputMode="numeric"
                    defaultValue={values.expectedStartMonth}
                  />
                </div>
              </div>
              <div className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={fieldId("expectedStartYear")}>
                    Year
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-4${startError ? " govuk-input--error" : ""}`}
                    id={fieldId("expectedStartYear")}
                    name="expectedStartYear"
                    inputMode="numeric"
                    defaultValue={values.expectedStartYear}
                  />
                </div>
              </div>
            </div>
          </fieldset>
        </div>
        <TextField
          name="estimatedValue"
          label={PIPELINE_LABELS.estimatedValue}
          hint="Optional: whole-life value in pounds"
          error={err("estimatedValue")}
          defaultValue={values.estimatedValue}
          prefix="£"
          width="10"
          inputMode="decimal"
        />
        <SelectField
          name="routeConsidered"
          label={PIPELINE_LABELS.routeConsidered}
          error={err("routeConsidered")}
          defaultValue={values.routeConsidered ?? "undecided"}
          options={ROUTE_CONSIDERED.map((k) => ({ value: k, label: ROUTE_CONSIDERED_LABELS[k] }))}
        />
        <TextField
          name="contactName"
          label={PIPELINE_LABELS.contactName}
          error={err("contactName")}
          defaultValue={values.contactName}
          autoComplete="name"
        />
        <TextField
          name="contactEmail"
          label={PIPELINE_LABELS.contactEmail}
          hint="Suppliers may write to this address about the plan"
          error={err("contactEmail")}
          defaultValue={values.contactEmail}
          type="email"
          autoComplete="email"
          spellCheck={false}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" name="intent" value="save">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
