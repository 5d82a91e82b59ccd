import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listModerationQueue } from "~/models/case-study.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { QueueTable } from "~/components/queue-table";

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
      <QueueTable
        rows={queue}
        rowKey={(c) => c.slug}
        columns={[
          {
            header: "Case study",
            cell: (c) => (
              <>
                <Link className="govuk-link" to={`/admin/case-studies/${c.slug}`}>
                  {c.title}
                </Link>
                <br />
                <span className="govuk-body-s">{c.serviceArea.name}</span>
              </>
            ),
          },
          { header: "Council", cell: (c) => c.council.name },
          { header: "Kind", cell: (c) => (c.publishedAt ? "Change to a published case study" : "New case study") },
          { header: "Submitted", cell: (c) => formatDateTime(c.updatedAt) },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to="/admin/service-areas">
          Manage service areas
        </Link>
      </p>
    </>
  );
}
