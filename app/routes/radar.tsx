import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterSelect, ServiceAreaSelect } from "~/components/filter-form";
import { RenewalTimeline } from "~/components/renewal-timeline";
import { DataTable } from "~/components/data-table";
import { aggregateDemand, peerRenewals } from "~/models/contract-radar.server";
import { RADAR_HORIZONS, type RadarHorizon } from "~/models/contract.schema";
import { listServiceAreas } from "~/models/service-area.server";
import { contractViewer } from "~/auth/contract-policy.server";
import { formatPence } from "~/procurement/money";
import { scorePercent } from "~/models/peers";
import { formatDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Renewal radar");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { user, viewer } = await contractViewer(request);
  const areas = await listServiceAreas();
  const wanted = url.searchParams.get("serviceArea") ?? "";
  const serviceArea = areas.find((a) => a.slug === wanted) ?? null;
  const monthsParam = Number(url.searchParams.get("months") ?? "18");
  const months: RadarHorizon = RADAR_HORIZONS.find((h) => h === monthsParam) ?? 18;
  const scope = { serviceAreaSlug: serviceArea?.slug };
  // Buyers see their peers' contracts; everyone else sees how many councils go to market when.
  if (viewer.councilId) {
    const radar = await peerRenewals(viewer.councilId, scope, months, viewer);
    return { mode: "council" as const, areas, serviceArea, months, radar, demand: null, councilName: user?.council?.name ?? "" };
  }
  return { mode: "demand" as const, areas, serviceArea, months, radar: null, demand: await aggregateDemand(scope), councilName: "" };
}

export default function Radar() {
  const d = useLoaderData<typeof loader>();
  const areaName = d.serviceArea?.name.toLowerCase() ?? "all";
  return (
    <>
      <h1 className="govuk-heading-xl">Renewal radar</h1>
      <p className="govuk-body-l">
        {d.mode === "council"
          ? `Contracts of councils like ${d.councilName} that end soon: who else is going to market when you are.`
          : "How many councils' contracts end soon, by service area."}
      </p>
      <form method="get" action="/radar" aria-label="Choose what the radar shows">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <ServiceAreaSelect areas={d.areas} value={d.serviceArea?.slug} id="radar-serviceArea" />
          </div>
          <div className="govuk-grid-column-one-half">
            <FilterSelect
              name="months"
              label="Ending in the next"
              id="radar-months"
              any={null}
              value={String(d.months)}
              options={RADAR_HORIZONS.map((h) => ({ value: String(h), label: `${h} months` }))}
            />
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show
        </button>
      </form>

      {d.radar ? (
        <>
          <ul className="govuk-list" aria-label="Peers' contracts by when they end">
            {RADAR_HORIZONS.map((h) => (
              <li key={h}>
                <strong>{d.radar!.counts[h] || "None"}</strong> ending in the next {h} months
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            From the {d.radar.peers} councils most like yours (similarity {scorePercent(0.5)} or more).
            {d.radar.truncated
              ? ` The table shows the ${d.radar.contracts.length} that end soonest: choose a service area to narrow it.`
              : ""}
          </p>
          <RenewalTimeline
            months={d.months}
            title={`Peers' ${areaName === "all" ? "" : `${areaName} `}contracts ending in the next ${d.months} months`}
            items={d.radar.contracts.map((c) => ({
              id: c.id,
              label: `${c.council.name}: ${c.title}`,
              endDate: c.endDate,
              monthsLeft: c.monthsLeft,
            }))}
          />
          {d.radar.contracts.length ? (
            <DataTable
              caption={`Peers' contracts ending in the next ${d.months} months`}
              label="Peers' contracts ending soon"
              rows={d.radar.contracts}
              rowKey={(c) => c.id}
              columns={[
                {
                  header: "Council",
                  cell: (c) => (
                    <Link className="govuk-link" to={`/councils/${c.council.code}`}>
                      {c.council.name}
                    </Link>
                  ),
                },
                {
                  header: "Contract",
                  cell: (c) => (
                    <Link className="govuk-link" to={`/contracts/${c.id}`}>
                      {c.title}
                    </Link>
                  ),
                },
                { header: "Supplier", cell: (c) => c.supplierName || "Not stated" },
                { header: "Value", numeric: true, cell: (c) => formatPence(c.valuePence) },
                {
                  header: "Ends",
                  cell: (c) => `${formatDate(c.endDate)} (in ${c.monthsLeft} ${c.monthsLeft === 1 ? "month" : "months"})`,
                },
                { header: "Why similar", cell: (c) => c.reasons.join(", ") },
              ]}
            />
          ) : (
            <p className="govuk-body">None of your peers' contracts in the register end in this period.</p>
          )}
          {d.radar.contracts.length ? (
            <p className="govuk-body">
              Going to market at the same time?{" "}
              <Link className="govuk-link" to="/projects/new">
                Start a buying project
              </Link>{" "}
              and invite the councils above to buy with you from its &ldquo;Councils buying jointly&rdquo; page (joint buying: the
              thresholds apply to the whole value).
            </p>
          ) : null}
        </>
      ) : null}

      {d.demand ? (
        d.demand.length ? (
          <>
            <ul className="govuk-list govuk-list--bullet">
              {d.demand.map((a) => (
                <li key={a.name}>
                  {a.councils[d.months] || "No"} {a.councils[d.months] === 1 ? "council's" : "councils'"} {a.name.toLowerCase()} contracts
                  end in the next {d.months} months
                </li>
              ))}
            </ul>
            <DataTable
              caption="Councils with public contracts ending, by service area"
              label="Councils with contracts ending, by service area"
              rows={d.demand}
              rowKey={(a) => a.name}
              columns={[
                { header: "Service area", rowHeader: true, cell: (a) => a.name },
                ...RADAR_HORIZONS.map((h) => ({
                  header: `Next ${h} months`,
                  numeric: true,
                  cell: (a: (typeof d.demand)[number]) => a.councils[h],
                })),
              ]}
            />
          </>
        ) : (
          <p className="govuk-body">No public contracts in the register end in the next 24 months.</p>
        )
      ) : null}
    </>
  );
}
