import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProjectStatusTag, VerifyEmailNotice } from "~/components/project";
import { canEditProjects } from "~/auth/project-policy.server";
import { listProjectsForCouncil } from "~/models/project.server";
import { formatDate } from "~/utils/format";
import { formatPence } from "~/procurement/money";
import { pageTitle } from "~/utils/meta";
import { hasPermission, requireUserWithPermission } from "~/auth/permissions.server";
import { DataTable } from "~/components/data-table";
import { NarrowPage } from "~/components/form-page";

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
      <NarrowPage>
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
          <VerifyEmailNotice message="You need to confirm your email address before you can start a buying project." />
        ) : null}
      </NarrowPage>
      <DataTable
        caption={data.all ? "Projects" : `${data.councilName}'s projects`}
        rows={data.projects}
        rowKey={(p) => p.id}
        empty={<p className="govuk-body">There are no buying projects yet.</p>}
        columns={[
          {
            header: "Project",
            cell: (p) => (
              <Link className="govuk-link" to={`/projects/${p.id}`}>
                {p.title}
              </Link>
            ),
          },
          data.all && { header: "Council", cell: (p) => p.council.name },
          { header: "Started by", cell: (p) => p.owner?.name ?? "Former user" },
          { header: "Estimated value", numeric: true, cell: (p) => formatPence(p.estimatedValuePence) },
          { header: "Last changed", cell: (p) => formatDate(p.updatedAt) },
          { header: "Status", cell: (p) => <ProjectStatusTag status={p.status} /> },
        ]}
      />
    </>
  );
}
