import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listModerationQueue } from "~/models/listing.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { TableContainer } from "~/components/table-container";

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
      {queue.length ? (
        <TableContainer label={`${queue.length} waiting, oldest first`}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{queue.length} waiting, oldest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Listing
                </th>
                <th scope="col" className="govuk-table__header">
                  Supplier
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
              {queue.map((v) => (
                <tr className="govuk-table__row" key={v.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/admin/moderation/${v.id}`}>
                      {v.name}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{v.product.supplier.tradingName}</td>
                  <td className="govuk-table__cell">
                    {v.product.publishedVersionId ? `Edit (version ${v.versionNumber})` : "New listing"}
                  </td>
                  <td className="govuk-table__cell">{v.submittedAt ? formatDateTime(v.submittedAt) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : (
        <p className="govuk-body">Nothing is waiting for review.</p>
      )}
    </>
  );
}
