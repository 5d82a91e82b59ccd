// /account/alerts: the searches a person saved, each with how often it emails them.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { listAlertsForUser } from "~/models/saved-search-alerts.server";
import { describeAlertSearch, FREQUENCY_LABELS, parseAlertSearch, type AlertFrequency } from "~/models/saved-search-alerts.schema";
import { requireUser } from "~/auth/permissions.server";
import { mayFollow } from "~/auth/follow-policy.server";
import { formatDate } from "~/utils/format";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Saved searches and alerts");
export const handle = { title: "Saved searches and alerts" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const alerts = await listAlertsForUser(user.id);
  return {
    canFollow: mayFollow(user),
    alerts: alerts.map((a) => {
      const parsed = parseAlertSearch(a.search);
      return {
        id: a.id,
        name: a.name,
        search: a.search,
        description: parsed.ok ? describeAlertSearch(parsed.params) : "This search can no longer be run",
        frequency: FREQUENCY_LABELS[a.frequency as AlertFrequency] ?? a.frequency,
        lastSentAt: a.lastSentAt,
      };
    }),
  };
}

export default function Alerts() {
  const { alerts, canFollow } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Saved searches and alerts</h1>
      <p className="govuk-body">
        To save a search, run it on the{" "}
        <Link className="govuk-link" to="/search">
          search page
        </Link>{" "}
        and choose “Save this search”. A daily or weekly email lists only what is new or changed since the last one, and none is sent when
        nothing changed.
      </p>
      <DataTable
        caption="Your saved searches"
        rows={alerts}
        rowKey={(a) => a.id}
        empty={<p className="govuk-body">You have no saved searches.</p>}
        columns={[
          {
            header: "Name",
            cell: (a) => (
              <Link className="govuk-link" to={`/search?${a.search}`}>
                {a.name}
              </Link>
            ),
          },
          { header: "Search", cell: (a) => a.description },
          { header: "Emails", cell: (a) => a.frequency },
          { header: "Last email", cell: (a) => (a.lastSentAt ? formatDate(a.lastSentAt) : "None yet") },
          {
            header: "Actions",
            hiddenHeader: true,
            cell: (a) => (
              <Link className="govuk-link" to={`/account/alerts/${a.id}`}>
                Change<span className="govuk-visually-hidden"> {a.name}</span>
              </Link>
            ),
          },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to="/account/notifications">
          Your notifications
        </Link>
        {canFollow ? (
          <>
            {" · "}
            <Link className="govuk-link" to="/account/follows">
              Councils and service areas you follow
            </Link>
          </>
        ) : null}
      </p>
    </>
  );
}
