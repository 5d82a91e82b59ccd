// "Councils like mine". The trailing underscore keeps this page out of the council page's
// layout (councils.$code.tsx renders no <Outlet />), while the address stays /councils/:code/peers.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PEER_WEIGHTS, POPULATION_BANDS, scorePercent } from "~/models/peers";
import { listPeersForCouncil } from "~/models/peers.server";
import { formatNumber } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Councils like ${data.council.name}` : "Council not found");

export async function loader({ params }: LoaderFunctionArgs) {
  const code = String(params.code);
  if (!/^[A-Za-z0-9]{2,6}$/.test(code)) throw notFound();
  const result = await listPeersForCouncil(code, 20);
  if (!result) throw notFound();
  return result;
}

export default function CouncilPeers() {
  const { council, peers } = useLoaderData<typeof loader>();
  return (
    <>
      <Link className="govuk-back-link" to={`/councils/${council.code}`}>
        Back to {council.name}
      </Link>
      <span className="govuk-caption-l">
        {council.typeName} · {council.nation === council.region ? council.nation : `${council.region}, ${council.nation}`} · population{" "}
        {formatNumber(council.population)}
      </span>
      <h1 className="govuk-heading-xl">Councils like {council.name}</h1>
      <p className="govuk-body-l">The 20 councils most similar to {council.officialName}, and what they have published.</p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">How similarity is worked out</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">Each council gets a score out of 100%, adding up:</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              {scorePercent(PEER_WEIGHTS.type)} for the same type of council ({scorePercent(PEER_WEIGHTS.tier)} if only the same tier, such
              as unitary and metropolitan district)
            </li>
            <li>
              {scorePercent(PEER_WEIGHTS.region)} for the same region ({scorePercent(PEER_WEIGHTS.nation)} if only the same nation)
            </li>
            <li>
              {scorePercent(PEER_WEIGHTS.populationBand)} for the same population band ({scorePercent(PEER_WEIGHTS.adjacentBand)} for the
              next band up or down); the bands are {POPULATION_BANDS.map((b) => b.label).join(", ")}
            </li>
            <li>up to {scorePercent(PEER_WEIGHTS.serviceAreas)} for publishing case studies in the same service areas</li>
            <li>up to {scorePercent(PEER_WEIGHTS.products)} for using the same products</li>
          </ul>
          <p className="govuk-body">Councils with the same score are listed alphabetically.</p>
        </div>
      </details>
      <TableContainer label="Most similar first">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Most similar first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Council
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Similarity
              </th>
              <th scope="col" className="govuk-table__header">
                Why
              </th>
              <th scope="col" className="govuk-table__header">
                Their case studies
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {peers.map((p) => (
              <tr className="govuk-table__row" key={p.code}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/councils/${p.code}`}>
                    {p.name}
                  </Link>
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{scorePercent(p.score)}</td>
                <td className="govuk-table__cell">{p.reasons.length ? p.reasons.join("; ") : "Little in common"}</td>
                <td className="govuk-table__cell">
                  {p.caseStudies.length ? (
                    <ul className="govuk-list govuk-!-margin-bottom-0">
                      {p.caseStudies.map((c) => (
                        <li key={c.slug}>
                          <Link className="govuk-link" to={`/case-studies/${c.slug}`}>
                            {c.title}
                          </Link>{" "}
                          <span className="govuk-body-s">({c.serviceArea})</span>
                        </li>
                      ))}
                      {p.caseStudyCount > p.caseStudies.length ? (
                        <li className="govuk-body-s">and {p.caseStudyCount - p.caseStudies.length} more</li>
                      ) : null}
                    </ul>
                  ) : (
                    "None published yet"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
    </>
  );
}
