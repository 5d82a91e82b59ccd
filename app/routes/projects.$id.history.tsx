import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProjectPageHeader } from "~/components/project";
import { describeProjectEvent } from "~/models/project-history";
import { requireProjectAccess } from "~/models/project-access.server";
import { getProject, listProjectHistory } from "~/models/project.server";
import { formatDateTime } from "~/utils/format";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Project history");
export const handle = { title: "Project history" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { projectId } = await requireProjectAccess(request, params.id, "read");
  const project = await getProject(projectId);
  if (!project) throw notFound("Project not found");
  const events = await listProjectHistory(projectId);
  return {
    project: { id: project.id, title: project.title },
    events: events.map((e) => ({ id: e.id, at: e.createdAt, who: e.actor ? `${e.actor.name} (${e.actor.email})` : "Former user", ...describeProjectEvent(e) })),
  };
}

export default function History() {
  const { project, events } = useLoaderData<typeof loader>();
  return (
    <>
      <ProjectPageHeader project={project} title="History" />
      <p className="govuk-body">Every change to this project, newest first. The history cannot be edited.</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Who did what and when</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">When</th>
            <th scope="col" className="govuk-table__header">Who</th>
            <th scope="col" className="govuk-table__header">What</th>
            <th scope="col" className="govuk-table__header">Details</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((e) => (
            <tr className="govuk-table__row" key={e.id}>
              <td className="govuk-table__cell">{formatDateTime(e.at)}</td>
              <td className="govuk-table__cell">{e.who}</td>
              <td className="govuk-table__cell">{e.label}</td>
              <td className="govuk-table__cell">{e.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
