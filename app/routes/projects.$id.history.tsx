import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HistoryTable } from "~/components/history-table";
import { ProjectPageHeader } from "~/components/project";
import { describeProjectEvent } from "~/models/project-history";
import { requireProjectAccess } from "~/auth/project-policy.server";
import { listProjectHistory } from "~/models/project.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Project history");
export const handle = { title: "Project history" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { projectId } = await requireProjectAccess(request, params.id, "read");
  const events = await listProjectHistory(projectId);
  return {
    events: events.map((e) => ({
      id: e.id,
      at: e.createdAt,
      who: e.actor ? `${e.actor.name} (${e.actor.email})` : "Former user",
      ...describeProjectEvent(e),
    })),
  };
}

export default function History() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <ProjectPageHeader title="History" />
      <p className="govuk-body">Every change to this project, newest first. The history cannot be edited.</p>
      <HistoryTable events={events} />
    </>
  );
}
