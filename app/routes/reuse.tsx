import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { PageLinks } from "~/components/case-study-list";
import { FilterSelect, ServiceAreaSelect } from "~/components/filter-form";
import { ASSET_TYPE_LABELS, ASSET_TYPES, reuseQuerySchema, type AssetType } from "~/models/case-study.schema";
import { listReusableAssets } from "~/models/case-study.server";
import { listServiceAreas } from "~/models/service-area.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data?.query.q ? `Reusable assets matching “${data.query.q}”` : "Reusable assets from councils");

export async function loader({ request }: LoaderFunctionArgs) {
  const sp = new URL(request.url).searchParams;
  const query = reuseQuerySchema.parse({
    q: sp.get("q") ?? undefined,
    serviceArea: sp.get("serviceArea") ?? undefined,
    type: sp.get("type") ?? undefined,
    page: sp.get("page") ?? undefined,
  });
  const [areas, result] = await Promise.all([listServiceAreas(), listReusableAssets(query)]);
  return { query, areas, ...result };
}

function plural(n: number, one: string, many: string) {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

export default function Reuse() {
  const d = useLoaderData<typeof loader>();
  const { query } = d;
  const areaName = d.areas.find((a) => a.slug === query.serviceArea)?.name;
  const filtered = Boolean(query.q || query.serviceArea || query.type);
  const matching = [
    query.q ? `“${query.q}”` : null,
    query.type ? ASSET_TYPE_LABELS[query.type as AssetType].toLowerCase() : null,
    areaName ? `in ${areaName}` : null,
  ]
    .filter(Boolean)
    .join(", ");
  const href = (page: number) => {
    const sp = new URLSearchParams();
    if (query.q) sp.set("q", query.q);
    if (query.serviceArea) sp.set("serviceArea", query.serviceArea);
    if (query.type) sp.set("type", query.type);
    if (page > 1) sp.set("page", String(page));
    const qs = sp.toString();
    return `/reuse${qs ? `?${qs}` : ""}`;
  };
  return (
    <>
      <h1 className="govuk-heading-xl">Reusable assets from councils</h1>
      <p className="govuk-body-l">
        Code, design patterns and service design that councils shared in their case studies. Check whether someone has already built what
        you need.
      </p>
      <Form method="get" action="/reuse" role="search">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--s" htmlFor="q">
            Search assets
          </label>
          <div className="govuk-hint" id="q-hint">
            Searches the asset’s title and description and the case study’s title, for example, My Account
          </div>
          <input
            className="govuk-input govuk-!-width-two-thirds"
            id="q"
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={200}
            aria-describedby="q-hint"
          />
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <ServiceAreaSelect areas={d.areas} value={query.serviceArea} id="serviceArea" />
          </div>
          <div className="govuk-grid-column-one-half">
            <FilterSelect
              name="type"
              label="Type"
              id="type"
              any="All types"
              value={query.type}
              options={ASSET_TYPES.map((t) => ({ value: t, label: ASSET_TYPE_LABELS[t] }))}
            />
          </div>
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Search
        </button>
      </Form>

      <div aria-live="polite">
        <h2 className="govuk-heading-m" id="headline">
          {d.total === 0
            ? `No council has shared an asset${filtered ? ` matching ${matching}` : ""} yet`
            : `${plural(d.councils, "council has", "councils have")} shared ${plural(d.total, "asset", "assets")}${filtered ? ` matching ${matching}` : ""}`}
        </h2>
      </div>
      {d.total === 0 && filtered ? (
        <p className="govuk-body">
          Try fewer words or remove a filter.{" "}
          <Link className="govuk-link" to="/reuse">
            Show every asset
          </Link>
          .
        </p>
      ) : null}
      <ul className="govuk-list" aria-labelledby="headline">
        {d.items.map((a) => (
          <li key={a.id} className="cm-result">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
              <a className="govuk-link" href={a.url} rel="noreferrer noopener">
                {a.title}
              </a>{" "}
              <strong className="govuk-tag govuk-tag--grey">{ASSET_TYPE_LABELS[a.type as AssetType] ?? a.type}</strong>
            </h3>
            {a.description ? <p className="govuk-body govuk-!-margin-bottom-1">{a.description}</p> : null}
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              Licence: {a.licence} · shared by{" "}
              <Link className="govuk-link" to={`/councils/${a.caseStudy.council.code}`}>
                {a.caseStudy.council.name}
              </Link>{" "}
              in{" "}
              <Link className="govuk-link" to={`/case-studies/${a.caseStudy.slug}`}>
                {a.caseStudy.title}
              </Link>{" "}
              ({a.caseStudy.serviceArea.name})
            </p>
          </li>
        ))}
      </ul>
      <PageLinks page={query.page} pageSize={d.pageSize} total={d.total} href={href} label="Asset pages" />
    </>
  );
}
