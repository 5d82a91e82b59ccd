import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { DataTable } from "~/components/data-table";
import { FilteredList, FilterRange, FilterSelect, ServiceAreaSelect } from "~/components/filter-form";
import { listPipeline, parsePipelineFilters, pipelineFilterOptions } from "~/models/pipeline.server";
import { formatMonth, PIPELINE_STAGES, routeConsideredLabel, VALUE_BANDS } from "~/models/pipeline.schema";
import { getSessionUser } from "~/auth/session.server";
import { hasPermission } from "~/auth/permissions.server";
import { formatPence } from "~/procurement/money";
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

export default function Pipeline() {
  const d = useLoaderData<typeof loader>();
  const f = d.filters;
  return (
    <>
      <h1 className="govuk-heading-xl">Pipeline and opportunities</h1>
      <p className="govuk-body-l">What councils plan to buy, and when: their own forward plans and published planning notices.</p>
      {d.canPublish ? <LinkParagraph to="/pipeline/new">Publish a forward plan for your council</LinkParagraph> : null}
      <p className="govuk-body">
        Suppliers and council buyers can{" "}
        <Link className="govuk-link" to="/account/follows">
          follow a service area or a council
        </Link>{" "}
        to be told of new plans.
      </p>
      <FilteredList
        path="/pipeline"
        noun={["forward plan", "forward plans"]}
        filters={f}
        page={d.page}
        pageSize={d.pageSize}
        total={d.total}
        shown={d.entries.length}
        controls={
          <>
            <ServiceAreaSelect areas={d.options.serviceAreas} value={f.serviceArea} any="Any" />
            <FilterSelect name="region" label="Region" value={f.region} options={d.options.regions.map((r) => ({ value: r, label: r }))} />
            <FilterSelect name="councilType" label="Council type" value={f.councilType} options={d.options.councilTypes} />
            <FilterRange
              legend="Expected to start between"
              format="YYYY-MM"
              from={{ name: "startFrom", value: f.startFrom }}
              to={{ name: "startTo", value: f.startTo }}
            />
            <FilterSelect name="value" label="Estimated value" value={f.value} options={VALUE_BANDS} />
          </>
        }
      >
        <DataTable
          caption="Forward plans, soonest first"
          label="Forward plans"
          rows={d.entries}
          rowKey={(e) => e.id}
          columns={[
            {
              header: "What",
              cell: (e) => (
                <>
                  <Link className="govuk-link" to={`/pipeline/${e.id}`}>
                    {e.title}
                  </Link>
                  <br />
                  <span className="govuk-body-s">
                    {e.serviceArea?.name ?? "Service area not recorded"} ·{" "}
                    {PIPELINE_STAGES[e.stage as keyof typeof PIPELINE_STAGES] ?? e.stage}
                    {e.project ? " · project started" : ""}
                  </span>
                </>
              ),
            },
            { header: "Council", cell: (e) => e.council?.name ?? e.buyerName },
            { header: "Expected", cell: (e) => formatMonth(e.expectedDate) },
            { header: "Estimated value", numeric: true, cell: (e) => formatPence(e.estimatedValuePence) },
            { header: "Route considered", cell: (e) => routeConsideredLabel(e.routeConsidered) },
          ]}
        />
      </FilteredList>
    </>
  );
}
