import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listListingHistory } from "~/models/listing-history.server";
import { ChangesTable } from "~/components/changes-table";
import { ListingAnswer } from "~/components/listing-answer";
import { requireListingAccess } from "~/auth/listing-policy.server";
import { formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Listing history");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { owner } = await requireListingAccess(request, params.id, "read");
  return { productId: owner.id, events: await listListingHistory(owner.id) };
}

/**
 * Each changes table's caption, which also names its scrolling region: unique on the page, so
 * two saves of one section in the same minute are told apart ("…, 2 December 2026 at 1:45pm (2)").
 */
function captions(events: { label: string; at: Date | string }[]): string[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const caption = `What changed: ${e.label}, ${formatDateTime(e.at)}`;
    const n = (seen.get(caption) ?? 0) + 1;
    seen.set(caption, n);
    return n === 1 ? caption : `${caption} (${n})`;
  });
}

export default function ListingHistory() {
  const { productId, events } = useLoaderData<typeof loader>();
  const caption = captions(events);
  return (
    <>
      <Link className="govuk-back-link" to={`/supplier/listings/${productId}`}>
        Back to the listing
      </Link>
      <h1 className="govuk-heading-l">Listing history</h1>
      <p className="govuk-body">Every change to the listing, newest first.</p>
      {events.length ? null : <p className="govuk-body">Nothing has changed yet.</p>}
      <ol className="govuk-list">
        {events.map((e, i) => (
          <li key={e.id} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-s govuk-!-margin-bottom-1">{e.label}</h2>
            <p className="govuk-body-s govuk-!-margin-bottom-2">
              <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at)}</time> by {e.actor}
            </p>
            {e.detail ? <p className="govuk-body">{e.detail}</p> : null}
            {e.changes.length ? (
              <ChangesTable
                caption={caption[i]}
                captionSize="s"
                compared
                showTag={false}
                headers={{ question: "Answer", before: "Before", after: "After" }}
                rows={e.changes.map((c) => ({
                  key: c.key,
                  label: c.label,
                  before: <ListingAnswer value={c.before} />,
                  after: <ListingAnswer value={c.after} />,
                  changed: true,
                }))}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
