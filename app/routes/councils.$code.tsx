import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCouncilByCode } from "~/models/council.server";
import { councilContractsPanel } from "~/models/contract.server";
import { peerRenewals } from "~/models/contract-radar.server";
import { RADAR_HORIZONS } from "~/models/contract.schema";
import { contractViewer } from "~/auth/contract-policy.server";
import { ContractsPanel } from "~/components/contract-table";
import { formatNumber } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.council.officialName : "Council not found");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = String(params.code);
  if (!/^[A-Za-z0-9]{2,6}$/.test(code)) throw notFound();
  const council = await getCouncilByCode(code);
  if (!council) throw notFound();
  const products = new Map<string, { id: string; name: string; supplier: { slug: string; tradingName: string } }>();
  for (const cs of council.caseStudies) {
    for (const link of cs.products) {
      if (link.product?.publishedVersion) {
        products.set(link.product.id, { id: link.product.id, name: link.product.publishedVersion.name, supplier: link.product.supplier });
      }
    }
  }
  // The register panel and the renewal radar: public contracts, and this council's private ones for its own buyers.
  const { viewer } = await contractViewer(request);
  const [contracts, radar] = await Promise.all([councilContractsPanel(council.id, viewer), peerRenewals(council.id, {}, 24, viewer)]);
  return { council, products: [...products.values()], contracts, radar: radar ? { counts: radar.counts, peers: radar.peers } : null };
}

export default function CouncilPage() {
  const { council, products, contracts, radar } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{council.typeName}</span>
      <h1 className="govuk-heading-xl">{council.officialName}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Code</dt>
          <dd className="govuk-summary-list__value">
            {council.code}
            {council.gssCode ? ` (GSS ${council.gssCode})` : ""}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Nation and region</dt>
          <dd className="govuk-summary-list__value">
            {council.nation === council.region ? council.nation : `${council.region}, ${council.nation}`}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Population (2020)</dt>
          <dd className="govuk-summary-list__value">{formatNumber(council.population)}</dd>
        </div>
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/councils/${council.code}/peers`}>
          Councils like {council.name}
        </Link>
      </p>
      <h2 className="govuk-heading-m">Case studies</h2>
      {council.caseStudies.length ? (
        <ul className="govuk-list">
          {council.caseStudies.map((c) => (
            <li key={c.id}>
              <Link className="govuk-link" to={`/case-studies/${c.slug}`}>
                {c.title}
              </Link>{" "}
              <span className="govuk-body-s">({c.serviceArea.name})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">{council.name} has not published a case study yet.</p>
      )}
      <h2 className="govuk-heading-m">Products it uses</h2>
      {products.length ? (
        <ul className="govuk-list">
          {products.map((p) => (
            <li key={p.id}>
              <Link className="govuk-link" to={`/products/${p.id}`}>
                {p.name}
              </Link>{" "}
              <span className="govuk-body-s">from {p.supplier.tradingName}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No products recorded yet.</p>
      )}
      <ContractsPanel
        heading="Contracts"
        total={contracts.total}
        contracts={contracts.contracts}
        moreHref={`/contracts?council=${council.code}`}
        hide={["council"]}
      />
      {radar ? (
        <section aria-labelledby="radar-panel">
          <h2 className="govuk-heading-m" id="radar-panel">
            Renewal radar
          </h2>
          <p className="govuk-body">
            Contracts of the {radar.peers} councils most like {council.name} that end soon:
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {RADAR_HORIZONS.map((h) => (
              <li key={h}>
                {radar.counts[h]} ending in the next {h} months
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <Link className="govuk-link" to="/radar">
              Open the renewal radar
            </Link>
          </p>
        </section>
      ) : null}
      <p className="govuk-body-s">Contains data from mySociety&apos;s UK local authority names and codes dataset (CC BY 4.0).</p>
    </>
  );
}
