import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAuditEvents } from "~/models/audit.server";
import { HistoryTable } from "~/components/history-table";
import { requireListingAccess } from "~/auth/listing-policy.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Listing history");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { owner } = await requireListingAccess(request, params.id, "read");
  const events = await listAuditEvents({ entityType: "product", entityId: owner.id, take: 200 });
  return {
    productId: owner.id,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      at: e.createdAt,
      actor: e.actor?.name ?? "System",
      before: e.before,
      after: e.after,
    })),
  };
}

const ACTION_LABELS: Record<string, string> = {
  "product.created": "Listing created",
  "product.submitted": "Submitted for review",
  "product.approved": "Approved and published",
  "product.rejected": "Changes requested",
  "product.taken-out-of-review": "Taken out of review to make changes",
  "product.withdrawn": "Withdrawn",
};

export default function ListingHistory() {
  const { productId, events } = useLoaderData<typeof loader>();
  return (
    <>
      <Link className="govuk-back-link" to={`/supplier/listings/${productId}`}>
        Back to the listing
      </Link>
      <h1 className="govuk-heading-l">Listing history</h1>
      <HistoryTable
        caption="Every change, newest first"
        captionVisible
        events={events.map((e) => ({
          id: e.id,
          at: e.at,
          who: e.actor,
          label: ACTION_LABELS[e.action] ?? e.action.replace("product.section-saved:", "Saved section: "),
          detail: e.after ? e.after.slice(0, 300) : "",
        }))}
      />
    </>
  );
}
