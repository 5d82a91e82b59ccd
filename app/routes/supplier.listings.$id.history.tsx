import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAuditEvents } from "~/models/audit.server";
import { formatDateTime } from "~/utils/format";
import { requireListingAccess } from "~/utils/listing-access.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Listing history");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { owner } = await requireListingAccess(request, params.id, "read");
  const events = await listAuditEvents({ entityType: "product", entityId: owner.id, take: 200 });
  return {
    productId: owner.id,
    events: events.map((e) => ({ id: e.id, action: e.action, at: e.createdAt, actor: e.actor?.name ?? "System", before: e.before, after: e.after })),
  };
}

const ACTION_LABELS: Record<string, string> = {
  "product.created": "Listing created",
  "product.submitted": "Submitted for review",
  "product.approved": "Approved and published",
  "product.rejected": "Changes requested",
  "product.withdrawn": "Withdrawn",
};

export default function ListingHistory() {
  const { productId, events } = useLoaderData<typeof loader>();
  return (
    <>
      <Link className="govuk-back-link" to={`/supplier/listings/${productId}`}>Back to the listing</Link>
      <h1 className="govuk-heading-l">Listing history</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Every change, newest first</caption>
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
              <td className="govuk-table__cell cm-nowrap">{formatDateTime(e.at)}</td>
              <td className="govuk-table__cell">{e.actor}</td>
              <td className="govuk-table__cell">{ACTION_LABELS[e.action] ?? e.action.replace("product.section-saved:", "Saved section: ")}</td>
              <td className="govuk-table__cell govuk-body-s">{e.after ? e.after.slice(0, 300) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
