// The layout of a buying project's pages (/projects/:id/*, ADR 0017): authorises once for the
// project and loads its header (title, council, buying route, status) and the sections'
// navigation once. Each page below still authorises in its own loader and action (Remix runs
// them in parallel with this one, so this check protects nothing of theirs) and loads only what
// it shows. The printable record (projects.$id_.record) and the CSV and OCDS downloads are not
// under this layout.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { loadProjectPage } from "~/utils/project-route.server";
import { ProjectAreaHeader, type ProjectHeaderData } from "~/components/project";
import { describeRoute, getProjectHeader } from "~/models/project.server";

export async function loader(args: LoaderFunctionArgs): Promise<ProjectHeaderData> {
  const { project } = await loadProjectPage(args, getProjectHeader);
  const route = await describeRoute(project.routeId);
  return {
    project: { id: project.id, title: project.title, status: project.status, council: project.council.name, route: route.label },
  };
}

export default function ProjectLayout() {
  const { project } = useLoaderData<typeof loader>();
  return (
    <>
      <ProjectAreaHeader project={project} />
      <Outlet />
    </>
  );
}
