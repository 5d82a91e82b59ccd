import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Paragraphs, SummaryList } from "~/components/buying";
import { StatusTag } from "~/components/case-study-list";
import { MetricChart } from "~/components/metric-chart";
import { ASSET_TYPE_LABELS, BUYING_ROUTE_LABELS, STATUS_LABELS, type AssetType } from "~/models/case-study.schema";
import { getCaseStudyPage } from "~/models/case-study-page.server";
import { scorePercent } from "~/models/peers";
import { formatDate } from "~/utils/format";
import { COST_BAND_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { hasPermission } from "~/auth/permissions.server";
import { getSessionUser } from "~/auth/session.server";
import { unverifiedSupplierIds } from "~/models/supplier-verification.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.caseStudy.title : "Case study not found");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = String(params.slug);
  if (slug.length > 120) throw notFound();
  const [data, user] = await Promise.all([getCaseStudyPage(slug), getSessionUser(request)]);
  if (!data) throw notFound();
  const cs = data.caseStudy;
  const ownCouncil = Boolean(user?.councilId) && user?.councilId === cs.councilId;
  const canReadUnpublished = Boolean(
    user && (hasPermission(user, "read", "case-study", "any") || (ownCouncil && hasPermission(user, "read", "case-study", "own"))),
  );
  // Drafts and submissions are private to the council and administrators: to others they do not exist.
  if (cs.status !== "published" && !canReadUnpublished) throw notFound();
  // Organisations no admin has verified yet are not public: no link to them or their products,
  // no response from them (issue 12 finding 10).
  const unverified = await unverifiedSupplierIds([
    ...cs.suppliers.map((s) => s.supplier.id),
    ...cs.products.flatMap((p) => (p.product ? [p.product.supplier.id] : [])),
  ]);
  const caseStudy = unverified.size
    ? {
        ...cs,
        suppliers: cs.suppliers.filter((s) => !unverified.has(s.supplier.id)),
        products: cs.products.map((p) =>
          p.product && unverified.has(p.product.supplier.id)
            ? {
                ...p,
                product: null,
                unlistedName: p.product.publishedVersion?.name ?? p.unlistedName,
                unlistedSupplierName: p.product.supplier.tradingName,
              }
            : p,
        ),
      }
    : cs;
  return {
    ...data,
    caseStudy,
    canEdit: Boolean(user && ownCouncil && hasPermission(user, "update", "case-study", "own")),
    canModerate: Boolean(user && hasPermission(user, "moderate", "case-study", "any")),
  };
}

export default function CaseStudyPage() {
  const { caseStudy: cs, peers, related, otherCouncils, canEdit, canModerate } = useLoaderData<typeof loader>();
  const band = cs.costBand ? COST_BAND_LABELS[cs.costBand] : undefined;
  const listed = cs.products.filter((p) => p.product);
  const unlisted = cs.products.filter((p) => !p.product);
  const responses = cs.suppliers.filter((s) => s.response);
  return (
    <>
      <span className="govuk-caption-l">
        <Link className="govuk-link" to={`/councils/${cs.council.code}`}>
          {cs.council.name}
        </Link>{" "}
        · {cs.serviceArea.name}
      </span>
      <h1 className="govuk-heading-xl">{cs.title}</h1>
      {cs.status !== "published" ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">
            <StatusTag status={cs.status} labels={STATUS_LABELS} />{" "}
            {cs.status === "draft" ? "Only people at your council and administrators can see this draft." : null}
            {cs.status === "submitted" ? "An administrator will review this case study before it is published." : null}
          </p>
          {cs.rejectionReason ? (
            <p className="govuk-body">
              <strong>{cs.status === "withdrawn" ? "Why it was unpublished:" : "Changes the administrator asked for:"}</strong>{" "}
              {cs.rejectionReason}
            </p>
          ) : null}
        </div>
      ) : null}
      {canEdit || canModerate ? (
        <div className="govuk-button-group">
          {canEdit ? (
            <Link className="govuk-button govuk-button--secondary" to={`/case-studies/${cs.slug}/edit`}>
              Edit this case study
            </Link>
          ) : null}
          {canModerate ? (
            <Link className="govuk-link" to={`/admin/case-studies/${cs.slug}`}>
              Review as an administrator
            </Link>
          ) : null}
        </div>
      ) : null}
      <p className="govuk-body-l">{cs.summary}</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              {
                key: "Council",
                value: (
                  <>
                    <Link className="govuk-link" to={`/councils/${cs.council.code}`}>
                      {cs.council.officialName}
                    </Link>{" "}
                    ({cs.council.typeName})
                  </>
                ),
              },
              { key: "Service area", value: cs.serviceArea.name },
              {
                key: "Dates",
                value: cs.startDate
                  ? `${formatDate(cs.startDate)} to ${cs.endDate ? formatDate(cs.endDate) : "now (still going on)"}`
                  : "Not stated",
              },
              { key: "Total cost", value: cs.costExactPence != null ? formatPence(cs.costExactPence) : (band ?? "Not stated") },
              { key: "Funding", value: cs.funding || "Not stated" },
              {
                key: "Framework",
                value: cs.lot ? (
                  <>
                    <Link className="govuk-link" to={`/frameworks/${cs.lot.agreement.number}`}>
                      {cs.lot.agreement.name} ({cs.lot.agreement.number})
                    </Link>
                    , lot {cs.lot.number}: {cs.lot.name}
                  </>
                ) : (
                  "No framework"
                ),
              },
              { key: "Buying route", value: cs.buyingRoute ? (BUYING_ROUTE_LABELS[cs.buyingRoute] ?? cs.buyingRoute) : "Not stated" },
            ]}
          />

          <h2 className="govuk-heading-l">The problem</h2>
          <Paragraphs text={cs.problem} empty="Not stated." />
          <h2 className="govuk-heading-l">What we did</h2>
          <Paragraphs text={cs.approach} empty="Not stated." />
          <h2 className="govuk-heading-l">Did it work?</h2>
          <MetricChart id="outcomes" metrics={cs.metrics} />
          <Paragraphs text={cs.outcomeNarrative} empty="Not stated." />

          <h2 className="govuk-heading-l">Products and suppliers</h2>
          {cs.products.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {listed.map((p) => (
                <li key={p.id}>
                  {p.product!.status === "published" && p.product!.publishedVersion ? (
                    <Link className="govuk-link" to={`/products/${p.product!.id}`}>
                      {p.product!.publishedVersion.name}
                    </Link>
                  ) : (
                    <span>A product no longer listed</span>
                  )}{" "}
                  from{" "}
                  <Link className="govuk-link" to={`/suppliers/${p.product!.supplier.slug}`}>
                    {p.product!.supplier.tradingName}
                  </Link>
                </li>
              ))}
              {unlisted.map((p) => (
                <li key={p.id}>
                  {p.unlistedName}
                  {p.unlistedSupplierName ? ` from ${p.unlistedSupplierName}` : ""}{" "}
                  <span className="govuk-body-s">(not listed on this marketplace)</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No products recorded.</p>
          )}

          <h2 className="govuk-heading-l">Reusable assets</h2>
          {cs.assets.length ? (
            <ul className="govuk-list">
              {cs.assets.map((a) => (
                <li key={a.id} className="govuk-!-margin-bottom-4">
                  <a className="govuk-link govuk-!-font-weight-bold" href={a.url} rel="noreferrer noopener">
                    {a.title}
                  </a>{" "}
                  <strong className="govuk-tag govuk-tag--grey">{ASSET_TYPE_LABELS[a.type as AssetType] ?? a.type}</strong>
                  <br />
                  <span className="govuk-body-s">Licence: {a.licence}</span>
                  {a.description ? (
                    <>
                      <br />
                      <span className="govuk-body-s">{a.description}</span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">
              Nothing shared for reuse.{" "}
              <Link className="govuk-link" to="/reuse">
                See what other councils have shared
              </Link>
              .
            </p>
          )}

          <h2 className="govuk-heading-l">Lessons learned</h2>
          <Paragraphs text={cs.lessons} empty="Not stated." />

          <h2 className="govuk-heading-l">Contact</h2>
          {cs.contactEmail ? (
            <p className="govuk-body">
              {cs.contactName},{" "}
              <a className="govuk-link" href={`mailto:${cs.contactEmail}`}>
                {cs.contactEmail}
              </a>
            </p>
          ) : (
            <p className="govuk-body">No contact given.</p>
          )}

          <h2 className="govuk-heading-l">What the suppliers say</h2>
          {responses.length ? (
            responses.map((s) => (
              <section key={s.id} className="govuk-inset-text" aria-labelledby={`response-${s.id}`}>
                <h3 className="govuk-heading-s" id={`response-${s.id}`}>
                  Response from{" "}
                  <Link className="govuk-link" to={`/suppliers/${s.supplier.slug}`}>
                    {s.supplier.tradingName}
                  </Link>{" "}
                  (the supplier, not {cs.council.name})
                </h3>
                <Paragraphs text={s.response ?? ""} empty="Not stated." />
                {s.respondedAt ? <p className="govuk-body-s">Written by the supplier on {formatDate(s.respondedAt)}</p> : null}
              </section>
            ))
          ) : (
            <p className="govuk-body">
              {cs.suppliers.length
                ? "The suppliers named here have not responded."
                : "No suppliers from the catalogue are named in this case study."}
            </p>
          )}
        </div>

        <aside className="govuk-grid-column-one-third" aria-label="Related councils and case studies">
          <h2 className="govuk-heading-m">Councils like {cs.council.name}</h2>
          {peers.length ? (
            <ol className="govuk-list govuk-list--number">
              {peers.map((p) => (
                <li key={p.code}>
                  <Link className="govuk-link" to={`/councils/${p.code}`}>
                    {p.name}
                  </Link>{" "}
                  <span className="govuk-body-s">({scorePercent(p.score)} similar)</span>
                  <br />
                  <span className="govuk-body-s">{p.reasons.join("; ") || "little in common"}</span>
                </li>
              ))}
            </ol>
          ) : null}
          <p className="govuk-body-s">
            <Link className="govuk-link" to={`/councils/${cs.council.code}/peers`}>
              More councils like {cs.council.name}
            </Link>
          </p>

          <h2 className="govuk-heading-m">Related case studies</h2>
          {related.length ? (
            <ul className="govuk-list">
              {related.map((r) => (
                <li key={r.slug} className="govuk-!-margin-bottom-3">
                  <Link className="govuk-link" to={`/case-studies/${r.slug}`}>
                    {r.title}
                  </Link>
                  <br />
                  <span className="govuk-body-s">
                    {r.council} · {r.serviceArea}
                    {r.score > 0 ? ` · council ${scorePercent(r.score)} similar` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No related case studies yet.</p>
          )}

          <h2 className="govuk-heading-m">Other councils that used these products</h2>
          {otherCouncils.length ? (
            <ul className="govuk-list">
              {otherCouncils.slice(0, 10).map((o) => (
                <li key={o.council.code} className="govuk-!-margin-bottom-3">
                  <Link className="govuk-link" to={`/councils/${o.council.code}`}>
                    {o.council.name}
                  </Link>
                  <br />
                  <span className="govuk-body-s">Used {o.products.join(", ")}: </span>
                  {o.caseStudies.slice(0, 2).map((c, i) => (
                    <span key={c.slug} className="govuk-body-s">
                      {i > 0 ? "; " : ""}
                      <Link className="govuk-link" to={`/case-studies/${c.slug}`}>
                        {c.title}
                      </Link>
                    </span>
                  ))}
                </li>
              ))}
              {otherCouncils.length > 10 ? (
                <li className="govuk-body-s">
                  and {otherCouncils.length - 10} more {otherCouncils.length - 10 === 1 ? "council" : "councils"}
                </li>
              ) : null}
            </ul>
          ) : (
            <p className="govuk-body">No other council has published a case study about these products yet.</p>
          )}
        </aside>
      </div>
    </>
  );
}
