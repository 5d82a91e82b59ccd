import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProjectStatusTag } from "~/components/project";
import { canEditProjects } from "~/auth/project-policy.server";
import { listProjectsForCouncil } from "~/models/project.server";
import { formatDate } from "~/utils/format";
import { formatPence } from "~/procurement/money";
import { pageTitle } from "~/utils/meta";
import { hasPermission, requireUserWithPermission } from "~/auth/permissions.server";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Buying projects");
export const handle = { title: "Buying projects" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:project:own");
  // Buyers see their own council's projects; administrators (read any) see every council's.
  const all = hasPermission(user, "read", "project", "any") && !user.councilId;
  const projects = all ? await listProjectsForCouncil(null) : user.councilId ? await listProjectsForCouncil(user.councilId) : [];
  return {
    projects,
    councilName: user.council?.name ?? null,
    all,
    canCreate: canEditProjects(user, user.councilId),
    verified: Boolean(user.emailVerifiedAt),
    isBuyer: hasPermission(user, "create", "project", "own"),
  };
}

export default function Projects() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{data.all ? "All councils" : data.councilName}</span>
      <h1 className="govuk-heading-l">Buying projects</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            A buying project keeps the record of one purchase: requirements and budget approval, the saved and frozen search, the shortlist,
            the evaluation, the outcome and the notices published. Everything you do is recorded with who did it and when.
          </p>
          {data.canCreate ? (
            <>
              <p className="govuk-body">
                Not sure which route to use?{" "}
                <Link className="govuk-link" to="/buy">
                  Find a compliant buying route
                </Link>{" "}
                first, then start a project from the result.
              </p>
              <Link to="/projects/new" role="button" draggable="false" className="govuk-button" data-module="govuk-button">
                Start a project
              </Link>
            </>
          ) : data.isBuyer && !data.verified ? (
            <div className="govuk-inset-text">
              You need to confirm your email address before you can start a buying project.{" "}
              <Link className="govuk-link" to="/verify-email">
                Find out how to confirm your email address
              </Link>
              .
            </div>
          ) : null}
        </div>
      </div>
      {data.projects.length ? (
        <TableContainer label={data.all ? "Projects" : `${data.councilName}'s projects`}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {data.all ? "Projects" : `${data.councilName}'s projects`}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Project
                </th>
                {data.all ? (
                  <th scope="col" className="govuk-table__header">
                    Council
                  </th>
                ) : null}
                <th scope="col" className="govuk-table__header">
                  Started by
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Estimated value
                </th>
                <th scope="col" className="govuk-table__header">
                  Last changed
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.projects.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/projects/${p.id}`}>
                      {p.title}
                    </Link>
                  </td>
                  {data.all ? <td className="govuk-table__cell">{p.council.name}</td> : null}
                  <td className="govuk-table__cell">{p.owner?.name ?? "Former user"}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatPence(p.estimatedValuePence)}</td>
                  <td className="govuk-table__cell">{formatDate(p.updatedAt)}</td>
                  <td className="govuk-table__cell">
                    <ProjectStatusTag status={p.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : (
        <p className="govuk-body">There are no buying projects yet.</p>
      )}
    </>
  );
}
