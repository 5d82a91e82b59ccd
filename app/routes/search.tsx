import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { Form } from "~/components/form";
import { FilterPanel } from "~/components/filter-panel";
import { useEffect, useRef } from "react";
import { Highlight } from "~/components/highlight";
import {
  INDEX_DEFINITIONS,
  type FacetDefinition,
  parseSearchParams,
  searchCost,
  type SearchParams,
  INDEX_NAMES,
  type IndexName,
  type SearchHit,
} from "~/services/search";
import { searchIndex, searchAll, suggestSearch } from "~/services/search.server";
import { asPence, formatPence } from "~/procurement/money";
import { plural } from "~/procurement/explain";
import { SIZE_LABELS } from "~/utils/labels";
import { PageLinks } from "~/components/case-study-list";
import { SearchErrors } from "~/components/search-errors";
import { LinkParagraph } from "~/components/buying";
import { ExpiredFrameworksCheckbox, FacetCheckboxes, facetLabel } from "~/components/search-facets";
import { useOptionalUser } from "~/utils/root-data";
import { pageTitle } from "~/utils/meta";
import { clientIp } from "~/utils/http.server";
import { SEARCH_LIMITED_MESSAGE, takeSearchToken } from "~/utils/search-rate-limit.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data && "params" in data && data.params.q ? `Search results for “${data.params.q}”` : "Search");

const TYPE_LABELS: Record<IndexName | "all", string> = {
  all: "Everything",
  products: "Products and services",
  suppliers: "Suppliers",
  "case-studies": "Case studies",
};

// A refused search's wait (429) reaches the browser (Remix passes loader headers on only through this).
export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const retryAfter = loaderHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Per-IP budget before any work (issue 12 finding 9): a 429 page, not a starved server.
  const limited = takeSearchToken(clientIp(context, request), searchCost(new URL(request.url).searchParams.get("q")));
  if (!limited.ok) {
    return data(
      { invalid: true as const, errors: [SEARCH_LIMITED_MESSAGE] },
      { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } },
    );
  }
  const url = new URL(request.url);
  const parsed = parseSearchParams(url.searchParams);
  if (!parsed.success) {
    // A friendly page, not a 500: the officer can start again.
    return data({ invalid: true as const, errors: parsed.errors }, { status: 400 });
  }
  const params = parsed.data;
  if (params.type === "all") {
    const combined = await searchAll(params);
    return { invalid: false as const, params, combined, result: null, suggestion: null };
  }
  const result = await searchIndex(params.type, params);
  const suggestion = result.total === 0 && params.q ? await suggestSearch(params.type, params.q) : null;
  return { invalid: false as const, params, combined: null, result, suggestion };
}

function hrefWith(params: SearchParams, changes: { type?: string; page?: number; remove?: [string, string]; q?: string }): string {
  const sp = new URLSearchParams();
  const q = changes.q ?? params.q;
  if (q) sp.set("q", q);
  const type = changes.type ?? params.type;
  if (type !== "all") sp.set("type", type);
  if (!changes.type) {
    for (const [facet, values] of Object.entries(params.filters)) {
      for (const v of values) if (!(changes.remove && changes.remove[0] === facet && changes.remove[1] === v)) sp.append(facet, v);
    }
    if (params.sort !== "relevance") sp.set("sort", params.sort);
    if (params.frameworks !== "live") sp.set("frameworks", params.frameworks);
  }
  const page = changes.page ?? 1;
  if (page > 1) sp.set("page", String(page));
  return `/search?${sp.toString()}`;
}

function sortedFacetValues(def: FacetDefinition, counts: Record<string, number>, selected: string[]) {
  const values = new Set([...Object.keys(counts), ...selected]);
  const list = [...values].map((v) => ({ value: v, count: counts[v] ?? 0 }));
  if (def.order) return list.sort((a, b) => def.order!.indexOf(a.value) - def.order!.indexOf(b.value));
  return list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, 25);
}

function ResultItem({ type, hit }: { type: IndexName; hit: SearchHit }) {
  const d = hit.document as Record<string, unknown>;
  if (type === "products") {
    return (
      <li className="cm-result">
        <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
          <Link className="govuk-link" to={`/products/${hit.id}`}>
            <Highlight segments={hit.highlights.name} fallback={String(d.name)} />
          </Link>
        </h3>
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          {String(d.supplierName)} · {String(d.category)} · from {formatPence(asPence(d.priceFromPence))} {String(d.priceUnit)}
        </p>
        <p className="govuk-body govuk-!-margin-bottom-1 cm-highlight">
          <Highlight segments={hit.highlights.summary} fallback={String(d.summary)} />
        </p>
        <p className="govuk-body-s govuk-!-margin-bottom-0">
          {(d.lot as string[]).join(", ")}
          {Number(d.councilsUsing) > 0 ? ` · used by ${plural(Number(d.councilsUsing), "council", "councils")}` : ""}
        </p>
      </li>
    );
  }
  if (type === "suppliers") {
    return (
      <li className="cm-result">
        <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
          <Link className="govuk-link" to={`/suppliers/${String(d.slug)}`}>
            <Highlight segments={hit.highlights.name} fallback={String(d.name)} />
          </Link>
        </h3>
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          {[
            SIZE_LABELS[String(d.size)] ? `${SIZE_LABELS[String(d.size)]} business` : null,
            String(d.region),
            plural(Number(d.productCount), "published product", "published products"),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="govuk-body govuk-!-margin-bottom-0 cm-highlight">
          <Highlight segments={hit.highlights.description} fallback={String(d.description)} />
        </p>
      </li>
    );
  }
  return (
    <li className="cm-result">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        <Link className="govuk-link" to={`/case-studies/${String(d.slug)}`}>
          <Highlight segments={hit.highlights.title} fallback={String(d.title)} />
        </Link>
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        {String(d.councilName)} · {String(d.serviceArea)} · {String(d.year)}
      </p>
      <p className="govuk-body govuk-!-margin-bottom-0 cm-highlight">
        <Highlight segments={hit.highlights.summary} fallback={String(d.summary)} />
      </p>
      {typeof d.headlineMeasure === "string" ? (
        <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{d.headlineMeasure}</p>
      ) : null}
    </li>
  );
}

/** The engine pages at most 500 deep, so the links stop there. */
const MAX_PAGES = 500;

export default function SearchPage() {
  const data = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const user = useOptionalUser();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  // The form is never remounted (a remount threw the focus of a "Show" radio chosen with the
  // arrow keys to <body>): when the address changes some other way (a link, back, a removed
  // filter), its uncontrolled fields are brought in line with the search shown.
  const shown = data.invalid ? null : data.params;
  useEffect(() => {
    const form = formRef.current;
    if (!form || !shown) return;
    for (const el of Array.from(form.elements)) {
      if (el === document.activeElement) continue;
      if (el instanceof HTMLInputElement && el.type === "radio" && el.name === "type") el.checked = el.value === shown.type;
      else if (el instanceof HTMLInputElement && el.type === "checkbox" && el.name === "frameworks")
        el.checked = shown.frameworks === "all";
      else if (el instanceof HTMLInputElement && el.type === "checkbox") el.checked = shown.filters[el.name]?.includes(el.value) ?? false;
      else if (el instanceof HTMLInputElement && el.name === "q") el.value = shown.q ?? "";
      else if (el instanceof HTMLSelectElement && el.name === "sort") el.value = shown.sort;
    }
  }, [shown]);

  if (data.invalid) {
    return (
      <>
        <h1 className="govuk-heading-l">There is a problem with this search</h1>
        <SearchErrors errors={data.errors} />
      </>
    );
  }
  const { params, combined, result, suggestion } = data;
  const type = params.type;
  const def = type === "all" ? null : INDEX_DEFINITIONS[type];
  const total = result?.total ?? (combined ? INDEX_NAMES.reduce((s, i) => s + combined[i].total, 0) : 0);
  const applied = Object.entries(params.filters).flatMap(([facet, values]) => values.map((v) => ({ facet, value: v })));
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/search";

  // With JavaScript, results follow typing (debounced) and filter clicks; the URL stays the state.
  const liveSubmit = (delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => formRef.current && submit(formRef.current, { replace: true, preventScrollReset: true }), delay);
  };

  return (
    <>
      <h1 className="govuk-heading-l">Search</h1>
      <Form
        method="get"
        action="/search"
        ref={formRef}
        role="search"
        onChange={(e) => liveSubmit((e.target as HTMLInputElement).type === "search" ? 300 : 0)}
      >
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="q">
            Search products, suppliers and case studies
          </label>
          <input
            className="govuk-input govuk-!-width-two-thirds"
            id="q"
            name="q"
            type="search"
            defaultValue={params.q}
            maxLength={200}
            autoComplete="off"
          />{" "}
          <button className="govuk-button govuk-!-margin-bottom-0" type="submit" data-module="govuk-button">
            Search
          </button>
        </div>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show</legend>
            <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
              {(["all", ...INDEX_NAMES] as const).map((t) => (
                <div className="govuk-radios__item" key={t}>
                  <input className="govuk-radios__input" id={`type-${t}`} name="type" type="radio" value={t} defaultChecked={type === t} />
                  <label className="govuk-label govuk-radios__label" htmlFor={`type-${t}`}>
                    {TYPE_LABELS[t]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="govuk-grid-row">
          {def && result ? (
            <div className="govuk-grid-column-one-third">
              <FilterPanel>
                {def.facets.map((facet) => {
                  const values = sortedFacetValues(facet, result.facets[facet.name] ?? {}, params.filters[facet.name] ?? []);
                  if (!values.length) return null;
                  return (
                    <FacetCheckboxes
                      key={facet.name}
                      facet={facet}
                      values={values}
                      selected={params.filters[facet.name] ?? []}
                      className="cm-facet"
                    />
                  );
                })}
                {type === "products" ? <ExpiredFrameworksCheckbox checked={params.frameworks === "all"} /> : null}
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-label--s" htmlFor="sort">
                    Sort by
                  </label>
                  <select className="govuk-select" id="sort" name="sort" defaultValue={params.sort}>
                    <option value="relevance">Relevance</option>
                    <option value="name">Name (A to Z)</option>
                    {type === "products" ? <option value="price-asc">Price (lowest first)</option> : null}
                    {type === "products" ? <option value="price-desc">Price (highest first)</option> : null}
                    {type !== "suppliers" ? <option value="newest">Newest</option> : null}
                    {type !== "case-studies" ? (
                      <option value="most-used">{type === "products" ? "Used by most councils" : "Most products"}</option>
                    ) : null}
                  </select>
                </div>
                <button className="govuk-button govuk-button--secondary cm-js-hidden" type="submit" data-module="govuk-button">
                  Apply filters
                </button>
              </FilterPanel>
            </div>
          ) : null}
          <div className={def ? "govuk-grid-column-two-thirds" : "govuk-grid-column-full"}>
            <div aria-live="polite" aria-atomic="true" className="govuk-body govuk-!-font-weight-bold" id="result-count">
              {searching
                ? "Searching…"
                : `${total.toLocaleString("en-GB")} ${total === 1 ? "result" : "results"}${params.q ? ` for “${params.q}”` : ""}`}
            </div>
            {user?.roles.includes("buyer") && type === "products" ? (
              <LinkParagraph to={`/projects/save-search?${location.search.replace(/^\?/, "")}`}>
                Save this search to a buying project
              </LinkParagraph>
            ) : null}
            {user ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/account/alerts/new?${location.search.replace(/^\?/, "")}`}>
                  Save this search
                </Link>{" "}
                and get emails when something new matches
              </p>
            ) : null}
            {applied.length ? (
              <div className="govuk-!-margin-bottom-4">
                <h2 className="govuk-heading-s govuk-!-margin-bottom-1">Applied filters</h2>
                <ul className="govuk-list">
                  {applied.map(({ facet, value }) => {
                    const facetDef = def?.facets.find((f) => f.name === facet);
                    return (
                      <li key={`${facet}:${value}`} className="govuk-!-display-inline-block govuk-!-margin-right-2">
                        <Link className="govuk-link" to={hrefWith(params, { remove: [facet, value] })}>
                          Remove filter<span className="govuk-visually-hidden">:</span> {facetDef?.label ?? facet}:{" "}
                          {facetDef ? facetLabel(facetDef, value) : value}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </div>
            ) : null}
            {combined ? (
              INDEX_NAMES.map((index) => (
                <section key={index} aria-labelledby={`heading-${index}`} className="govuk-!-margin-bottom-6">
                  <h2 className="govuk-heading-m" id={`heading-${index}`}>
                    {TYPE_LABELS[index]} ({combined[index].total.toLocaleString("en-GB")})
                  </h2>
                  {combined[index].hits.length ? (
                    <ul className="govuk-list">
                      {combined[index].hits.map((hit) => (
                        <ResultItem key={hit.id} type={index} hit={hit} />
                      ))}
                    </ul>
                  ) : (
                    <p className="govuk-body">No {TYPE_LABELS[index].toLowerCase()} match.</p>
                  )}
                  {combined[index].total > combined[index].hits.length ? (
                    <LinkParagraph to={hrefWith(params, { type: index })}>
                      See all {combined[index].total.toLocaleString("en-GB")} {TYPE_LABELS[index].toLowerCase()}
                    </LinkParagraph>
                  ) : null}
                </section>
              ))
            ) : result && result.hits.length ? (
              <>
                <ul className="govuk-list">
                  {result.hits.map((hit) => (
                    <ResultItem key={hit.id} type={type as IndexName} hit={hit} />
                  ))}
                </ul>
                <PageLinks
                  page={params.page}
                  pageSize={params.pageSize}
                  total={Math.min(result.total, MAX_PAGES * params.pageSize)}
                  href={(page) => hrefWith(params, { page })}
                  label="Results pages"
                />
              </>
            ) : (
              <div>
                <h2 className="govuk-heading-m">No results</h2>
                {suggestion ? (
                  <p className="govuk-body">
                    Did you mean{" "}
                    <Link className="govuk-link" to={hrefWith(params, { q: suggestion })}>
                      {suggestion}
                    </Link>
                    ?
                  </p>
                ) : null}
                <ul className="govuk-list govuk-list--bullet">
                  <li>check the spelling or use fewer words</li>
                  {applied.length ? <li>remove a filter (links above)</li> : null}
                  {type === "products" && params.frameworks === "live" ? <li>include products only on expired frameworks</li> : null}
                  <li>
                    <Link className="govuk-link" to={hrefWith(params, { type: "all" })}>
                      search everything
                    </Link>
                  </li>
                </ul>
              </div>
            )}
          </div>
        </div>
      </Form>
    </>
  );
}
