import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listModerationQueue } from "~/models/case-study.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Case studies to review");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "moderate:case-study:any");
  return { queue: await listModerationQueue() };
}

export default function CaseStudyQueue() {
  const { queue } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Case studies to review</h1>
      <p className="govuk-body">
        Check each case study is about real work, names products fairly and shares nothing personal, then approve it or ask the council for
        changes.
      </p>
      {queue.length ? (
        <TableContainer label={`${queue.length} waiting, oldest first`}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{queue.length} waiting, oldest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Case study
                </th>
                <th scope="col" className="govuk-table__header">
                  Council
                </th>
                <th scope="col" className="govuk-table__header">
                  Kind
                </th>
                <th scope="col" className="govuk-table__header">
                  Submitted
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {queue.map((c) => (
                <tr className="govuk-table__row" key={c.slug}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/admin/case-studies/${c.slug}`}>
                      {c.title}
                    </Link>
                    <br />
                    <span className="govuk-body-s">{c.serviceArea.name}</span>
                  </td>
                  <td className="govuk-table__cell">{c.council.name}</td>
                  <td className="govuk-table__cell">{c.publishedAt ? "Change to a published case study" : "New case study"}</td>
                  <td className="govuk-table__cell">{formatDateTime(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : (
        <p className="govuk-body">Nothing is waiting for review.</p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/admin/service-areas">
          Manage service areas
        </Link>
      </p>
    </>
  );
}
