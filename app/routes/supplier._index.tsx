import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { supplierDashboard } from "~/models/listing.server";
import { now } from "~/utils/clock.server";
import { formatDate } from "~/utils/format";
import { ACCREDITATION_LABELS } from "~/utils/labels";
import { forbidden, requireUserWithPermission } from "~/auth/permissions.server";
import { pageTitle } from "~/utils/meta";
import { NotificationList } from "~/components/notification-list";

export const meta: MetaFunction = () => pageTitle("Supplier dashboard");

const GROUPS = [
  { key: "rejected", title: "Changes needed" },
  { key: "draft", title: "Drafts" },
  { key: "submitted", title: "Waiting for review" },
  { key: "published", title: "Published" },
  { key: "withdrawn", title: "Withdrawn" },
] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:product:own");
  if (!user.supplierId) throw forbidden();
  const today = now();
  const data = await supplierDashboard(user.supplierId, today);
  const listings = data.listings.map((p) => {
    const latest = p.versions[0];
    const group =
      p.status === "withdrawn"
        ? "withdrawn"
        : latest?.status === "rejected"
          ? "rejected"
          : p.status === "published"
            ? "published"
            : latest?.status === "submitted"
              ? "submitted"
              : "draft";
    return {
      id: p.id,
      name: latest?.name || p.publishedVersion?.name || "Untitled listing",
      group,
      pendingEdit:
        p.status === "published" && latest && latest.status !== "published" && latest.status !== "superseded" ? latest.status : null,
      rejectionReason: latest?.status === "rejected" ? latest.rejectionReason : null,
    };
  });
  return { ...data, listings };
}

export default function SupplierDashboard() {
  const { supplier, listings, endingLots, notifications } = useLoaderData<typeof loader>();
  const rejected = listings.filter((l) => l.group === "rejected");
  const attention = rejected.length + (supplier?.accreditations.length ?? 0) + endingLots.length;
  return (
    <>
      <span className="govuk-caption-l">{supplier?.tradingName}</span>
      <h1 className="govuk-heading-l">Supplier dashboard</h1>
      <div className="govuk-button-group">
        <Link className="govuk-button" to="/supplier/listings/new" data-module="govuk-button">
          Create a listing
        </Link>
        <Link className="govuk-button govuk-button--secondary" to="/supplier/import" data-module="govuk-button">
          Import listings from a CSV file
        </Link>
      </div>
      <p className="govuk-body">
        <Link className="govuk-link" to="/supplier/awards">
          Framework awards
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to="/supplier/profile">
          Organisation profile
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to="/supplier/accreditations">
          Accreditations
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to="/supplier/team">
          Team
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to="/supplier/case-studies">
          Case studies naming you
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to={`/suppliers/${supplier?.slug}`}>
          Your public page
        </Link>
      </p>
      <h2 className="govuk-heading-m">Needs your attention ({attention})</h2>
      {attention ? (
        <ul className="govuk-list govuk-list--bullet">
          {rejected.map((l) => (
            <li key={l.id}>
              <ListingLink listing={l} />: changes requested{l.rejectionReason ? ` – ${l.rejectionReason}` : ""}
            </li>
          ))}
          {supplier?.accreditations.map((a) => (
            <li key={`${a.kind}-${a.expiresAt}`}>
              {ACCREDITATION_LABELS[a.kind] ?? a.kind} expires {formatDate(a.expiresAt)}: renew it and update your accreditations
            </li>
          ))}
          {endingLots.map((l) => (
            <li key={`${l.agreement.number}-${l.number}`}>
              {l.agreement.shortName} lot {l.number} ends {formatDate(l.agreement.endDate)}: listings on it stop being offered for new
              purchases then
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Nothing needs your attention.</p>
      )}
      {notifications.length ? (
        <>
          <h2 className="govuk-heading-m">Notifications</h2>
          <NotificationList notifications={notifications} when={formatDate} />
        </>
      ) : null}
      <h2 className="govuk-heading-m">Your listings</h2>
      {GROUPS.map((g) => {
        const items = listings.filter((l) => l.group === g.key);
        if (!items.length) return null;
        return (
          <section key={g.key} aria-labelledby={`group-${g.key}`}>
            <h3 className="govuk-heading-s" id={`group-${g.key}`}>
              {g.title} ({items.length})
            </h3>
            <ul className="govuk-list">
              {items.map((l) => (
                <li key={l.id}>
                  <ListingLink listing={l} />
                  {l.pendingEdit ? (
                    <span className="govuk-body-s"> (an edit is {l.pendingEdit === "submitted" ? "waiting for review" : "in draft"})</span>
                  ) : null}{" "}
                  ·{" "}
                  <Link className="govuk-link" to={`/supplier/listings/${l.id}/preview`}>
                    Preview<span className="govuk-visually-hidden"> {l.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {!listings.length ? <p className="govuk-body">You have no listings yet.</p> : null}
    </>
  );
}

/** A listing's name, linking to its page in the supplier area. */
function ListingLink({ listing }: { listing: { id: string; name: string } }) {
  return (
    <Link className="govuk-link" to={`/supplier/listings/${listing.id}`}>
      {listing.name}
    </Link>
  );
}
