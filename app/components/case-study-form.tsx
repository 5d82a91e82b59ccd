// The case study question page, shared by /case-studies/new and /case-studies/:slug/edit.
// A real <Form method="post">: repeatable rows (measures, unlisted products, assets) and the
// product finder are submit buttons with name="intent", so everything works without
// JavaScript; react-hook-form adds instant validation with the same zod schema.
import { Form } from "~/components/form";
import type { ReactNode } from "react";
import { ChoiceField, ErrorSummary, SelectField, TextareaField, TextField, useZodForm, type FieldErrors } from "~/components/forms";
import type { FieldChange } from "~/models/case-study-snapshot";
import {
  ASSET_TYPE_LABELS,
  ASSET_TYPES,
  BUYING_ROUTE_OPTIONS,
  caseStudyFormSchema,
  rowCount,
  type RepeatableGroup,
} from "~/models/case-study.schema";
import { COST_BANDS } from "~/utils/labels";
import { dateInputValues } from "~/utils/date-input";
import { DateInput } from "./date-input";
import { SummaryList } from "./buying";
import { ChangesTable } from "~/components/changes-table";

export type FormValues = Record<string, unknown>;

export interface CaseStudyFormProps {
  councilName: string;
  values: FormValues;
  serverErrors?: FieldErrors;
  adding?: RepeatableGroup | null;
  serviceAreas: { id: string; name: string }[];
  lots: { value: string; label: string }[];
  picker: {
    selected: { id: string; name: string; supplierName: string }[];
    matches: { id: string; name: string; supplierName: string }[];
    query: string;
  };
  lockVersion?: number;
  conflict?: FieldChange[] | null;
  submitLabel?: string;
  children?: ReactNode;
}

function str(values: FormValues, name: string): string {
  const v = values[name];
  return typeof v === "string" ? v : "";
}

function list(values: FormValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" && v ? [v] : [];
}

function AddRowButton({ group, label }: { group: RepeatableGroup; label: string }) {
  const intent = group === "metrics" ? "add-metric" : group === "assets" ? "add-asset" : "add-unlisted";
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className="govuk-button govuk-button--secondary"
      data-module="govuk-button"
      data-skip-validation="true"
      formNoValidate
    >
      {label}
    </button>
  );
}

/** A repeatable group's rows, a fieldset each with its fields named `${group}.${i}.…`, then the button that adds a row. */
function RepeatedRows({
  group,
  count,
  legend,
  addLabel,
  sideBySide,
  children,
}: {
  group: RepeatableGroup;
  count: number;
  /** Each row's legend, numbered: "Measure" gives "Measure 1". */
  legend: string;
  addLabel: string;
  /** Short rows of fields side by side: no space between them, a legend for screen readers only. */
  sideBySide?: boolean;
  children: (base: string, i: number) => ReactNode;
}) {
  return (
    <>
      {Array.from({ length: count }, (_, i) => {
        const base = `${group}.${i}`;
        return (
          <fieldset className={sideBySide ? "govuk-fieldset" : "govuk-fieldset govuk-!-margin-bottom-6"} key={base}>
            <legend className={`govuk-fieldset__legend govuk-fieldset__legend--s${sideBySide ? " govuk-visually-hidden" : ""}`}>
              {`${legend} ${i + 1}`}
            </legend>
            {children(base, i)}
          </fieldset>
        );
      })}
      <AddRowButton group={group} label={addLabel} />
    </>
  );
}

export function CaseStudyForm(props: CaseStudyFormProps) {
  const { values, serverErrors, adding, serviceAreas, lots, picker, councilName } = props;
  const { register, errors, onSubmit, error } = useZodForm(caseStudyFormSchema, serverErrors);
  /** A field's name, shown value, error and registration, for a TextField, TextareaField or SelectField. */
  const field = (name: string) => ({ name, defaultValue: str(values, name), error: error(name), registered: register(name) });
  /** The same for a DateInput: its three boxes' shown values. */
  const dateField = (name: string) => ({ name, values: dateInputValues(name, values), error: error(name), register });
  const metricRows = rowCount("metrics", values, adding === "metrics");
  const unlistedRows = rowCount("unlisted", values, adding === "unlisted");
  const assetRows = rowCount("assets", values, adding === "assets");
  const selectedIds = list(values, "productIds");
  const productOptions = [...picker.selected, ...picker.matches.filter((m) => !picker.selected.some((s) => s.id === m.id))].map((p) => ({
    value: p.id,
    label: `${p.name} (${p.supplierName})`,
  }));

  return (
    <>
      <ErrorSummary errors={errors} />
      {props.children}
      {props.conflict ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-m">What changed since you opened it</h2>
          {props.conflict.length ? (
            <ChangesTable
              caption="Changes someone else saved"
              captionSize="s"
              compared
              showTag={false}
              headers={{ question: "Question", before: "When you opened it", after: "Now" }}
              rows={props.conflict.map((c) => ({
                key: c.field,
                label: c.label,
                before: c.before || "(blank)",
                after: c.after || "(blank)",
                changed: true,
              }))}
            />
          ) : (
            <p className="govuk-body">We could not work out exactly what changed. Open the case study in a new tab to compare.</p>
          )}
          <p className="govuk-body">
            Your answers are still in the form below. If you save again, your version will replace the one shown as “Now”.
          </p>
        </div>
      ) : null}
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="lockVersion" value={props.lockVersion ?? ""} key={`lock-${props.lockVersion ?? "new"}`} />
        {/* Pressing Enter in a field submits the form's first button: make that "save as draft", not "add a row". */}
        <button
          type="submit"
          name="intent"
          value="save-draft"
          className="govuk-visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-skip-validation="true"
          formNoValidate
        >
          Save as draft
        </button>

        <h2 className="govuk-heading-m">About the case study</h2>
        <TextField
          {...field("title")}
          label="Title"
          hint="Say what you did and what changed, for example, “Online council tax accounts cut calls by a third”"
        />
        <SummaryList noBorder rows={[{ key: "Council", value: councilName }]} />
        <SelectField
          {...field("serviceAreaId")}
          label="Service area"
          hint="The council service that benefited most"
          options={[{ value: "", label: "Choose a service area" }, ...serviceAreas.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <TextareaField {...field("summary")} label="Summary" hint="One or two sentences, shown in lists and search results" rows={3} />

        <h2 className="govuk-heading-m">The problem and your approach</h2>
        <TextareaField {...field("problem")} label="What problem were you trying to solve?" />
        <TextareaField
          {...field("approach")}
          label="How did you approach it?"
          hint="Include how you chose the product or supplier and how you bought it"
        />

        <h2 className="govuk-heading-m">Outcomes</h2>
        <p className="govuk-body">
          Add the measures that show whether it worked, with the figure before and after. Leave unused rows blank.
        </p>
        <RepeatedRows group="metrics" count={metricRows} legend="Measure" addLabel="Add another measure">
          {(base, i) => (
            <>
              <TextField {...field(`${base}.name`)} label="What did you measure?" hint="For example, days to process a new benefit claim" />
              <div className="govuk-grid-row">
                <div className="govuk-grid-column-one-third">
                  <TextField {...field(`${base}.before`)} label="Before" inputMode="decimal" width="5" />
                </div>
                <div className="govuk-grid-column-one-third">
                  <TextField {...field(`${base}.after`)} label="After" inputMode="decimal" width="5" />
                </div>
                <div className="govuk-grid-column-one-third">
                  <TextField {...field(`${base}.unit`)} label="Unit (optional)" hint="For example, days or %" width="10" />
                </div>
              </div>
              <ChoiceField
                type="checkbox"
                name={`${base}.higherIsBetter`}
                legend={<span className="govuk-visually-hidden">Direction for measure {i + 1}</span>}
                small
                options={[
                  {
                    value: "true",
                    label: "Higher is better",
                    hint: "Tick for things like satisfaction; leave unticked when lower is better, like waiting times",
                  },
                ]}
                defaultValue={str(values, `${base}.higherIsBetter`) === "true" || values[`${base}.higherIsBetter`] === true ? "true" : null}
                registered={register(`${base}.higherIsBetter`)}
              />
            </>
          )}
        </RepeatedRows>
        <TextareaField
          {...field("outcomeNarrative")}
          label="What happened as a result?"
          hint="Describe the outcome in words: for residents, staff and the budget"
        />

        <h2 className="govuk-heading-m">Cost and funding</h2>
        <TextField
          {...field("costExact")}
          label="Total cost, if you can share it"
          hint="Whole-life cost including VAT, in pounds"
          prefix="£"
          width="10"
          inputMode="decimal"
        />
        <SelectField
          {...field("costBand")}
          label="Or choose a cost band"
          hint="Use a band if you cannot share the exact figure"
          options={[{ value: "", label: "Choose a band" }, ...COST_BANDS.map((b) => ({ value: b.value, label: b.label }))]}
        />
        <TextareaField
          {...field("funding")}
          label="How was it funded?"
          hint="For example, transformation budget, a government grant or invest-to-save"
          rows={3}
        />

        <h2 className="govuk-heading-m">Dates</h2>
        <DateInput {...dateField("startDate")} legend="When did the work start?" hint="For example, 27 3 2024" />
        <DateInput
          {...dateField("endDate")}
          legend="When did it finish?"
          hint="For example, 31 1 2025. Leave blank if it is still going on"
        />

        <h2 className="govuk-heading-m">Products and suppliers</h2>
        <p className="govuk-body">
          Choose the products you used from the catalogue. The suppliers of those products are named in the case study and can add a
          response.
        </p>
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="productQuery">
            Find a product by name or supplier
          </label>
          <input
            className="govuk-input govuk-!-width-one-half"
            id="productQuery"
            name="productQuery"
            type="search"
            defaultValue={picker.query}
            key={`pq-${picker.query}`}
          />{" "}
          <button
            type="submit"
            name="intent"
            value="find-products"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            data-module="govuk-button"
            data-skip-validation="true"
            formNoValidate
          >
            Find products
          </button>
        </div>
        {productOptions.length ? (
          <ChoiceField
            type="checkbox"
            name="productIds"
            legend="Products you used"
            small
            hint={
              picker.query && !picker.matches.length
                ? `No listed products match “${picker.query}”. Try another word, or add it below as a product that is not listed.`
                : "Ticked products are linked to the case study"
            }
            options={productOptions}
            defaultValue={selectedIds}
            error={error("productIds")}
            registered={register("productIds")}
          />
        ) : (
          <div className={`govuk-form-group${error("productIds") ? " govuk-form-group--error" : ""}`}>
            <p className="govuk-body" id="productIds">
              {picker.query
                ? `No listed products match “${picker.query}”. Try another word, or add it below as a product that is not listed.`
                : "No products chosen yet. Search for one above."}
            </p>
            {error("productIds") ? (
              <p className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {error("productIds")}
              </p>
            ) : null}
          </div>
        )}
        <h3 className="govuk-heading-s">Products that are not listed</h3>
        <RepeatedRows group="unlisted" count={unlistedRows} legend="Unlisted product" addLabel="Add another unlisted product" sideBySide>
          {(base, i) => (
            <>
              <div className="govuk-grid-row">
                <div className="govuk-grid-column-one-half">
                  <TextField {...field(`${base}.name`)} label={`Product name${unlistedRows > 1 ? ` ${i + 1}` : ""}`} />
                </div>
                <div className="govuk-grid-column-one-half">
                  <TextField
                    {...field(`${base}.supplierName`)}
                    label={`Supplier name${unlistedRows > 1 ? ` ${i + 1}` : ""}`}
                    hint="Leave blank if you built it yourselves"
                  />
                </div>
              </div>
            </>
          )}
        </RepeatedRows>

        <h2 className="govuk-heading-m">How you bought it</h2>
        <SelectField
          {...field("lotId")}
          label="Framework and lot (optional)"
          hint="Leave blank if you did not use a framework"
          options={[{ value: "", label: "No framework" }, ...lots]}
        />
        <SelectField
          {...field("buyingRoute")}
          label="Buying route (optional)"
          options={[{ value: "", label: "Not stated" }, ...BUYING_ROUTE_OPTIONS.map((o) => ({ value: o.value, label: o.label }))]}
        />

        <h2 className="govuk-heading-m">Reusable assets</h2>
        <p className="govuk-body">
          Share code, design patterns or research other councils can reuse. Leave blank if there is nothing to share.
        </p>
        <RepeatedRows group="assets" count={assetRows} legend="Asset" addLabel="Add another asset">
          {(base) => (
            <>
              <TextField {...field(`${base}.title`)} label="Title" />
              <SelectField
                {...field(`${base}.type`)}
                label="Type"
                hint="Service design covers research, journey maps and blueprints"
                options={[{ value: "", label: "Choose a type" }, ...ASSET_TYPES.map((t) => ({ value: t, label: ASSET_TYPE_LABELS[t] }))]}
              />
              <TextField {...field(`${base}.url`)} label="Web address" hint="Must start with https://" type="url" spellCheck={false} />
              <TextField {...field(`${base}.licence`)} label="Licence" hint="For example, MIT, Apache-2.0 or OGL v3.0" width="20" />
              <TextareaField {...field(`${base}.description`)} label="Description (optional)" rows={3} />
            </>
          )}
        </RepeatedRows>

        <h2 className="govuk-heading-m">Lessons learned</h2>
        <TextareaField {...field("lessons")} label="What would you tell another council doing the same thing? (optional)" />

        <h2 className="govuk-heading-m">Contact</h2>
        <TextField
          {...field("contactName")}
          label="Contact name"
          hint="Someone other councils can ask about this work"
          autoComplete="name"
        />
        <TextField {...field("contactEmail")} label="Contact email address" type="email" autoComplete="email" spellCheck={false} />

        <div className="govuk-button-group">
          <button type="submit" name="intent" value="submit" className="govuk-button" data-module="govuk-button">
            {props.submitLabel ?? "Submit for review"}
          </button>
          <button
            type="submit"
            name="intent"
            value="save-draft"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            data-skip-validation="true"
            formNoValidate
          >
            Save as draft
          </button>
        </div>
      </Form>
    </>
  );
}
