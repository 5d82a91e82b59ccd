import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RenewalTimeline } from "~/components/renewal-timeline";
import { TableContainer } from "~/components/table-container";
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
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="radar-serviceArea">
                Service area
              </label>
              <select className="govuk-select" id="radar-serviceArea" name="serviceArea" defaultValue={d.serviceArea?.slug ?? ""}>
                <option value="">All service areas</option>
                {d.areas.map((a) => (
                  <option key={a.slug} value={a.slug}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-half">
            <div className="govuk-form-group">
              <label className="govuk-label govuk-label--s" htmlFor="radar-months">
                Ending in the next
              </label>
              <select className="govuk-select" id="radar-months" name="months" defaultValue={String(d.months)}>
                {RADAR_HORIZONS.map((h) => (
                  <option key={h} value={h}>
                    {h} months
                  </option>
                ))}
              </select>
            </div>
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
                <strong>{d.radar!.counts[h]}</strong> ending in the next {h} months
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
            <TableContainer label="Peers' contracts ending soon">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--m">
                  Peers' contracts ending in the next {d.months} months
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Council
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Contract
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Supplier
                    </th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                      Value
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Ends
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Why similar
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {d.radar.contracts.map((c) => (
                    <tr className="govuk-table__row" key={c.id}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/councils/${c.council.code}`}>
                          {c.council.name}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`/contracts/${c.id}`}>
                          {c.title}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">{c.supplierName || "Not stated"}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(c.valuePence)}</td>
                      <td className="govuk-table__cell">
                        {formatDate(c.endDate)} (in {c.monthsLeft} {c.monthsLeft === 1 ? "month" : "months"})
                      </td>
                      <td className="govuk-table__cell">{c.reasons.join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
          ) : (
            <p className="govuk-body">None of your peers' contracts in the register end in this period.</p>
          )}
          <p className="govuk-body">
            Going to market at the same time?{" "}
            <Link className="govuk-link" to="/projects/new">
              Start a buying project
            </Link>{" "}
            and contact the councils above through their council pages.
          </p>
        </>
      ) : null}

      {d.demand ? (
        d.demand.length ? (
          <>
            <ul className="govuk-list govuk-list--bullet">
              {d.demand.map((a) => (
                <li key={a.name}>
                  {a.councils[d.months]} {a.councils[d.months] === 1 ? "council's" : "councils'"} {a.name.toLowerCase()} contracts end in
                  the next {d.months} months
                </li>
              ))}
            </ul>
            <TableContainer label="Councils with contracts ending, by service area">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--m">
                  Councils with public contracts ending, by service area
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Service area
                    </th>
                    {RADAR_HORIZONS.map((h) => (
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={h}>
                        Next {h} months
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {d.demand.map((a) => (
                    <tr className="govuk-table__row" key={a.name}>
                      <th scope="row" className="govuk-table__header">
                        {a.name}
                      </th>
                      {RADAR_HORIZONS.map((h) => (
                        <td className="govuk-table__cell govuk-table__cell--numeric" key={h}>
                          {a.councils[h]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
          </>
        ) : (
          <p className="govuk-body">No public contracts in the register end in the next 24 months.</p>
        )
      ) : null}
    </>
  );
}
