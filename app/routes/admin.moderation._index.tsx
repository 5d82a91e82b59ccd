import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listModerationQueue } from "~/models/listing.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { QueueTable } from "~/components/queue-table";

export const meta: MetaFunction = () => pageTitle("Listings to review");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "moderate:product:any");
  return { queue: await listModerationQueue() };
}

export default function ModerationQueue() {
  const { queue } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Listings to review</h1>
      <QueueTable
        rows={queue}
        rowKey={(v) => v.id}
        columns={[
          {
            header: "Listing",
            cell: (v) => (
              <Link className="govuk-link" to={`/admin/moderation/${v.id}`}>
                {v.name}
              </Link>
            ),
          },
          { header: "Supplier", cell: (v) => v.product.supplier.tradingName },
          { header: "Kind", cell: (v) => (v.product.publishedVersionId ? `Edit (version ${v.versionNumber})` : "New listing") },
          { header: "Submitted", cell: (v) => (v.submittedAt ? formatDateTime(v.submittedAt) : "") },
        ]}
      />
    </>
  );
}
