import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCaseStudiesNamingSupplier, listSupplierNotifications } from "~/models/case-study.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { DataTable } from "~/components/data-table";
import { NotificationBanner } from "~/components/supplier-notification-banner";
import { NotificationList } from "~/components/notification-list";

export const meta: MetaFunction = () => pageTitle("Case studies that name you");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "respond:case-study:own", { isOwn: (u) => Boolean(u.supplierId) });
  const [links, notifications] = await Promise.all([
    listCaseStudiesNamingSupplier(user.supplierId!),
    listSupplierNotifications(user.supplierId!),
  ]);
  return { supplierName: user.supplier?.tradingName ?? "", links, notifications };
}

export default function SupplierCaseStudies() {
  const { supplierName, links, notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.readAt);
  return (
    <>
      <span className="govuk-caption-l">{supplierName}</span>
      <h1 className="govuk-heading-l">Case studies that name you</h1>
      <p className="govuk-body">
        Councils write these case studies about products they bought. You cannot change a council&apos;s words, but you can add a response:
        it is shown on the case study, labelled as yours.
      </p>
      {unread.length ? (
        <NotificationBanner id="new-mentions-title" title="New">
          <NotificationList notifications={unread} when={formatDateTime} linkClassName="govuk-notification-banner__link" />
        </NotificationBanner>
      ) : null}
      <DataTable
        caption={`Published case studies naming ${supplierName}`}
        rows={links}
        rowKey={(l) => l.caseStudy.slug}
        empty={<p className="govuk-body">No published case study names {supplierName} yet.</p>}
        columns={[
          {
            header: "Case study",
            cell: (l) => (
              <>
                <Link className="govuk-link" to={`/case-studies/${l.caseStudy.slug}`}>
                  {l.caseStudy.title}
                </Link>
                <br />
                <span className="govuk-body-s">Published {formatDate(l.caseStudy.publishedAt)}</span>
              </>
            ),
          },
          { header: "Council", cell: (l) => l.caseStudy.council.name },
          {
            header: "Your response",
            cell: (l) => (
              <>
                <Link className="govuk-link" to={`/supplier/case-studies/${l.caseStudy.slug}`}>
                  {l.response ? "Change your response" : "Add a response"}
                  <span className="govuk-visually-hidden"> to {l.caseStudy.title}</span>
                </Link>
                {l.respondedAt ? (
                  <>
                    <br />
                    <span className="govuk-body-s">Responded {formatDate(l.respondedAt)}</span>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
