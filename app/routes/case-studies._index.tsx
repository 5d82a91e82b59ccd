import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { Form } from "~/components/form";
import { filterQuery, ServiceAreaSelect } from "~/components/filter-form";
import { SubmitButton } from "~/components/forms";
import { PageLinks, StatusTag } from "~/components/case-study-list";
import { caseStudyIndexSchema, STATUS_LABELS } from "~/models/case-study.schema";
import { listCaseStudiesForCouncil, listPublishedCaseStudies } from "~/models/case-study.server";
import { listServiceAreas } from "~/models/service-area.server";
import { measureSummary } from "~/models/case-study-measure";
import { formatDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { hasPermission } from "~/auth/permissions.server";
import { getSessionUser } from "~/auth/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data?.serviceArea ? `Case studies: ${data.serviceArea.name}` : "Case studies");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = caseStudyIndexSchema.parse({
    serviceArea: url.searchParams.get("serviceArea") ?? undefined,
    page: url.searchParams.get("page") ?? undefined,
  });
  const [areas, user] = await Promise.all([listServiceAreas(), getSessionUser(request)]);
  const serviceArea = query.serviceArea ? (areas.find((a) => a.slug === query.serviceArea) ?? null) : null;
  const result = await listPublishedCaseStudies({
    serviceAreaSlug: serviceArea?.slug ?? (query.serviceArea ? "__none__" : undefined),
    page: query.page,
  });
  const canWrite = Boolean(user?.councilId && hasPermission(user, "create", "case-study", "own"));
  // The council's own list includes drafts: council-private, so only with a confirmed email (read:case-study:own).
  const own =
    canWrite && user?.councilId && hasPermission(user, "read", "case-study", "own") ? await listCaseStudiesForCouncil(user.councilId) : [];
  return {
    areas,
    serviceArea,
    page: query.page,
    ...result,
    canWrite,
    own,
    councilName: user?.council?.name ?? null,
    councilCode: user?.council?.code ?? null,
  };
}

export default function CaseStudyIndex() {
  const d = useLoaderData<typeof loader>();
  const href = (page: number) => `/case-studies${filterQuery({ serviceArea: d.serviceArea?.slug }, page)}`;
  const searchHref = `/search?type=case-studies${d.serviceArea ? `&serviceArea=${encodeURIComponent(d.serviceArea.name)}` : ""}`;
  const first = (d.page - 1) * d.pageSize + 1;
  const last = Math.min(d.total, d.page * d.pageSize);
  return (
    <>
      <h1 className="govuk-heading-xl">Case studies</h1>
      <p className="govuk-body-l">What councils bought, how they bought it, and whether it worked.</p>
      {d.canWrite ? (
        <Link className="govuk-button" data-module="govuk-button" to="/case-studies/new">
          Write a case study
        </Link>
      ) : null}
      {d.own.length ? (
        <details className="govuk-details" open={d.own.some((c) => c.status !== "published")}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {d.councilName}&apos;s case studies ({d.own.length})
            </span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {d.own.map((c) => (
                <li key={c.slug}>
                  <Link
                    className="govuk-link"
                    to={c.status === "published" || c.status === "submitted" ? `/case-studies/${c.slug}` : `/case-studies/${c.slug}/edit`}
                  >
                    {c.title}
                  </Link>{" "}
                  <StatusTag status={c.status} labels={STATUS_LABELS} />
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Form method="get" action="/case-studies">
            <ServiceAreaSelect areas={d.areas} value={d.serviceArea?.slug} id="serviceArea" />
            <SubmitButton variant="secondary">Apply filter</SubmitButton>
          </Form>
          <p className="govuk-body">
            <Link className="govuk-link" to={searchHref}>
              Search case studies
            </Link>{" "}
            by council, council type, region, year, cost, product or supplier.
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" to="/reuse">
              Reusable code, patterns and research
            </Link>{" "}
            shared by councils.
          </p>
          {d.councilCode ? <LinkParagraph to={`/councils/${d.councilCode}/peers`}>Councils like {d.councilName}</LinkParagraph> : null}
        </div>
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite">
            {d.total === 0
              ? "No published case studies"
              : `Showing ${first} to ${last} of ${d.total.toLocaleString("en-GB")} published case ${d.total === 1 ? "study" : "studies"}${d.serviceArea ? ` in ${d.serviceArea.name}` : ""}, newest first`}
          </p>
          <ul className="govuk-list">
            {d.items.map((c) => (
              <li key={c.slug} className="cm-result">
                <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                  <Link className="govuk-link" to={`/case-studies/${c.slug}`}>
                    {c.title}
                  </Link>
                </h2>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {c.council.name} · {c.serviceArea.name} · published {formatDate(c.publishedAt)}
                </p>
                <p className="govuk-body govuk-!-margin-bottom-1">{c.summary}</p>
                {c.metrics[0] ? <p className="govuk-body-s govuk-!-margin-bottom-0">{measureSummary(c.metrics[0])}</p> : null}
              </li>
            ))}
          </ul>
          <PageLinks page={d.page} pageSize={d.pageSize} total={d.total} href={href} label="Case study pages" />
        </div>
      </div>
    </>
  );
}
