import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageLinks } from "~/components/case-study-list";
import { TableContainer } from "~/components/table-container";
import { listPipeline, parsePipelineFilters, pipelineFilterOptions, type PipelineFilters } from "~/models/pipeline.server";
import { formatMonth, PIPELINE_STAGES, routeConsideredLabel, VALUE_BANDS } from "~/models/pipeline.schema";
import { getSessionUser } from "~/auth/session.server";
import { hasPermission } from "~/auth/permissions.server";
import { formatPence } from "~/procurement/money";
import { formatNumber } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Pipeline and opportunities");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = parsePipelineFilters(url.searchParams);
  const user = await getSessionUser(request);
  const [result, options] = await Promise.all([listPipeline(filters), pipelineFilterOptions()]);
  const canPublish = Boolean(user?.councilId && hasPermission(user, "create", "pipeline", "own"));
  return { filters, ...result, options, canPublish };
}

function withPage(filters: PipelineFilters, page: number): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (k !== "page" && v) sp.set(k, String(v));
  if (page > 1) sp.set("page", String(page));
  const qs = sp.toString();
  return qs ? `?${qs}` : "";
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={`filter-${name}`}>
        {label}
      </label>
      <select className="govuk-select" id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function Pipeline() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  return (
    <>
      <h1 className="govuk-heading-xl">Pipeline and opportunities</h1>
      <p className="govuk-body-l">What councils plan to buy, and when: their own forward plans and published planning notices.</p>
      {d.canPublish ? (
        <p className="govuk-body">
          <Link className="govuk-link" to="/pipeline/new">
            Publish a forward plan for your council
          </Link>
        </p>
      ) : null}
      <p className="govuk-body">
        Suppliers can{" "}
        <Link className="govuk-link" to="/account/follows">
          follow a service area or a council
        </Link>{" "}
        to be told of new plans.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form method="get" action="/pipeline" aria-label="Filter forward plans">
            <h2 className="govuk-heading-m">Filter</h2>
            <Select
              name="serviceArea"
              label="Service area"
              value={f.serviceArea}
              options={d.options.serviceAreas.map((a) => ({ value: a.slug, label: a.name }))}
            />
            <Select name="region" label="Region" value={f.region} options={d.options.regions.map((r) => ({ value: r, label: r }))} />
            <Select name="councilType" label="Council type" value={f.councilType} options={d.options.councilTypes} />
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Expected to start between</legend>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="filter-startFrom">
                  From (YYYY-MM)
                </label>
                <input
                  className="govuk-input govuk-input--width-10"
                  id="filter-startFrom"
                  name="startFrom"
                  defaultValue={f.startFrom ?? ""}
                  spellCheck={false}
                />
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="filter-startTo">
                  To (YYYY-MM)
                </label>
                <input
                  className="govuk-input govuk-input--width-10"
                  id="filter-startTo"
                  name="startTo"
                  defaultValue={f.startTo ?? ""}
                  spellCheck={false}
                />
              </div>
            </fieldset>
            <Select
              name="value"
              label="Estimated value"
              value={f.value}
              options={VALUE_BANDS.map((b) => ({ value: b.value, label: b.label }))}
            />
            <button type="submit" className="govuk-button govuk-button--secondary">
              Apply filters
            </button>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body" role="status">
            {formatNumber(d.total)} {d.total === 1 ? "forward plan" : "forward plans"}
          </p>
          {d.entries.length ? (
            <TableContainer label="Forward plans">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--m">Forward plans, soonest first</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      What
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Council
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Expected
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      Estimated value
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Route considered
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {d.entries.map((e) => (
                    <tr className="govuk-table__row" key={e.id}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/pipeline/${e.id}`}>
                          {e.title}
                        </Link>
                        <br />
                        <span className="govuk-body-s">
                          {e.serviceArea?.name ?? "Service area not recorded"} ·{" "}
                          {PIPELINE_STAGES[e.stage as keyof typeof PIPELINE_STAGES] ?? e.stage}
                          {e.project ? " · project started" : ""}
                        </span>
                      </td>
                      <td className="govuk-table__cell">{e.council?.name ?? e.buyerName}</td>
                      <td className="govuk-table__cell">{formatMonth(e.expectedDate)}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(e.estimatedValuePence)}</td>
                      <td className="govuk-table__cell">{routeConsideredLabel(e.routeConsidered)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
          ) : (
            <p className="govuk-body">No forward plans match these filters.</p>
          )}
          <PageLinks
            page={d.page}
            pageSize={d.pageSize}
            total={d.total}
            href={(p) => `/pipeline${withPage(f, p)}`}
            label="Pages of forward plans"
          />
        </div>
      </div>
    </>
  );
}
