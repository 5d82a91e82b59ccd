// "Councils like mine". The trailing underscore keeps this page out of the council page's
// layout (councils.$code.tsx renders no <Outlet />), while the address stays /councils/:code/peers.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PEER_WEIGHTS, POPULATION_BANDS, scorePercent } from "~/models/peers";
import { listPeersForCouncil } from "~/models/peers.server";
import { formatNumber } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/data-table";
import { BackLink, LinkList } from "~/components/buying";

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
      <BackLink to={`/councils/${council.code}`}>Back to {council.name}</BackLink>
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
      <DataTable
        caption="Most similar first"
        rows={peers}
        rowKey={(p) => p.code}
        columns={[
          {
            header: "Council",
            rowHeader: true,
            cell: (p) => (
              <Link className="govuk-link" to={`/councils/${p.code}`}>
                {p.name}
              </Link>
            ),
          },
          { header: "Similarity", numeric: true, cell: (p) => scorePercent(p.score) },
          { header: "Why", cell: (p) => (p.reasons.length ? p.reasons.join("; ") : "Little in common") },
          {
            header: "Their case studies",
            cell: (p) =>
              p.caseStudies.length ? (
                <LinkList
                  className="govuk-!-margin-bottom-0"
                  items={p.caseStudies.map((c) => ({
                    key: c.slug,
                    to: `/case-studies/${c.slug}`,
                    text: c.title,
                    note: `(${c.serviceArea})`,
                  }))}
                >
                  {p.caseStudyCount > p.caseStudies.length ? (
                    <li className="govuk-body-s">and {p.caseStudyCount - p.caseStudies.length} more</li>
                  ) : null}
                </LinkList>
              ) : (
                "None published yet"
              ),
          },
        ]}
      />
    </>
  );
}
