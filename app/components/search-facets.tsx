// The filters of a product search, as the search page and a project's search both show them:
// one group of checkboxes a facet, and the box that brings back products only on expired
// frameworks.
import type { FacetDefinition } from "~/services/search";
import { CheckboxItem } from "./project-fields";

/** How a facet's value is shown: its label, or the value itself. */
export function facetLabel(facet: FacetDefinition, value: string): string {
  return facet.labels?.[value] ?? value;
}

/** A facet's values as small checkboxes, each "Label (count)"; ids are the facet's name and the value's place. */
export function FacetCheckboxes({
  facet,
  values,
  selected,
  className,
}: {
  facet: FacetDefinition;
  values: { value: string; count: number }[];
  selected: readonly string[];
  /** Extra classes for the form group. */
  className?: string;
}) {
  return (
    <div className={className ? `govuk-form-group ${className}` : "govuk-form-group"}>
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{facet.label}</legend>
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {values.map(({ value, count }, i) => (
            <CheckboxItem
              key={value}
              id={`${facet.name}-${i}`}
              name={facet.name}
              value={value}
              label={`${facetLabel(facet, value)} (${count})`}
              defaultChecked={selected.includes(value)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Searches leave out products only on expired frameworks unless this is ticked (frameworks=all). */
export function ExpiredFrameworksCheckbox({ checked }: { checked: boolean }) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <CheckboxItem
          id="frameworks-all"
          name="frameworks"
          value="all"
          label="Include products only on expired frameworks"
          defaultChecked={checked}
        />
      </div>
    </div>
  );
}
