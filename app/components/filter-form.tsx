// The plain GET filter forms of the list pages (issue 11): the register of contracts, the
// forward plans, the radar, the reuse library and the case studies filter their lists with the
// same few GOV.UK controls, and the paged lists under them count and page the same way. The
// search pages' collapsible panel is FilterPanel (./filter-panel.tsx); these forms sit in it or
// beside the results. Search state lives in the URL, so paging links keep every filter.
import type { ReactNode } from "react";
import { PageLinks } from "./case-study-list";
import { formatNumber } from "~/utils/format";

export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled select whose first option (`any`, default "Any") clears the filter; `any={null}` for none. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  any = "Any",
  id = `filter-${name}`,
}: {
  name: string;
  label: ReactNode;
  value?: string | null;
  options: readonly FilterOption[];
  any?: string | null;
  id?: string;
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select" id={id} name={name} defaultValue={value ?? ""}>
        {any === null ? null : <option value="">{any}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The service-area filter every list page has, by slug. */
export function ServiceAreaSelect({
  areas,
  value,
  id,
  any = "All service areas",
}: {
  areas: readonly { slug: string; name: string }[];
  value?: string | null;
  id?: string;
  any?: string;
}) {
  return (
    <FilterSelect
      name="serviceArea"
      label="Service area"
      id={id}
      any={any}
      value={value}
      options={areas.map((a) => ({ value: a.slug, label: a.name }))}
    />
  );
}

/** A labelled text box of a filter form, with an optional hint. */
export function FilterText({
  name,
  label,
  value,
  hint,
  type = "text",
  width,
}: {
  name: string;
  label: ReactNode;
  value?: string | null;
  hint?: ReactNode;
  type?: "text" | "search";
  /** A GOV.UK fixed width (govuk-input--width-10); full width when left out. */
  width?: "10" | "20";
}) {
  const id = `filter-${name}`;
  return (
    <div className="govuk-form-group">
      <label className={`govuk-label${width ? "" : " govuk-label--s"}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="govuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}`}
        id={id}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        aria-describedby={hint ? `${id}-hint` : undefined}
        spellCheck={false}
      />
    </div>
  );
}

/** "From" and "To" boxes under one legend ("Ending between"), in the given format ("YYYY-MM-DD"). */
export function FilterRange({
  legend,
  format,
  from,
  to,
}: {
  legend: ReactNode;
  format: string;
  from: { name: string; value?: string | null };
  to: { name: string; value?: string | null };
}) {
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
      <FilterText name={from.name} label={`From (${format})`} value={from.value} width="10" />
      <FilterText name={to.name} label={`To (${format})`} value={to.value} width="10" />
    </fieldset>
  );
}

/** A plain GET form (works without JavaScript) headed "Filter", ending in its submit button. */
export function FilterForm({
  action,
  label,
  children,
  submit = "Apply filters",
  heading = "Filter",
}: {
  action: string;
  /** The form's accessible name, e.g. "Filter contracts". */
  label: string;
  children: ReactNode;
  submit?: string;
  heading?: string | null;
}) {
  return (
    <form method="get" action={action} aria-label={label}>
      {heading ? <h2 className="govuk-heading-m">{heading}</h2> : null}
      {children}
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {submit}
      </button>
    </form>
  );
}

/** The query string ("?q=x&page=2", or "") of a list's filters at a page: empty filters and page 1 are left out. */
export function filterQuery(filters: object, page = 1): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (k !== "page" && v != null && v !== "") sp.set(k, String(v));
  if (page > 1) sp.set("page", String(page));
  const qs = sp.toString();
  return qs ? `?${qs}` : "";
}

/**
 * A filtered list page's body: the filter form in the one-third column; in the two-thirds
 * column the count (a polite status region: "1 contract", "2,045 contracts"), the rows (or a
 * line saying none match) and the page links, which keep the filters, then what follows them.
 */
export function FilteredList({
  path,
  noun,
  controls,
  filters,
  page,
  pageSize,
  total,
  shown,
  after,
  children,
}: {
  /** The list's own address, where the form goes and the page links point: "/contracts". */
  path: string;
  /** The thing listed, one and many: ["contract", "contracts"]. It names the form and the page links. */
  noun: readonly [string, string];
  /** The form's filters: FilterText, FilterSelect, FilterRange. */
  controls: ReactNode;
  filters: object;
  page: number;
  pageSize: number;
  total: number;
  /** How many rows this page shows: none shows "No contracts match these filters." instead of the rows. */
  shown: number;
  /** Below the results: downloads, a summary of the matching rows. */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-third">
        <FilterForm action={path} label={`Filter ${noun[1]}`}>
          {controls}
        </FilterForm>
      </div>
      <div className="govuk-grid-column-two-thirds">
        <p className="govuk-body" role="status">
          {formatNumber(total)} {total === 1 ? noun[0] : noun[1]}
        </p>
        {shown > 0 ? children : <p className="govuk-body">{`No ${noun[1]} match these filters.`}</p>}
        <PageLinks
          page={page}
          pageSize={pageSize}
          total={total}
          href={(p) => `${path}${filterQuery(filters, p)}`}
          label={`Pages of ${noun[1]}`}
        />
        {after}
      </div>
    </div>
  );
}
