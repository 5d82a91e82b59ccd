import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAgreements } from "~/models/agreement.server";
import { formatDateRange } from "~/utils/format";
import { FRAMEWORK_STATUS_LABELS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => pageTitle("Frameworks");

export async function loader() {
  return { agreements: await listAgreements() };
}

export default function Frameworks() {
  const { agreements } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-xl">Frameworks</h1>
      <p className="govuk-body">
        Commercial agreements that councils can buy digital and cloud services through: the Government Commercial Agency&apos;s (formerly
        Crown Commercial Service) and public buying organisations&apos; such as YPO, ESPO, KCS and CPC, and Scottish Government frameworks.
        Status is worked out from each agreement&apos;s dates. Expired agreements stay here for history but are never offered for new
        purchases. Each agreement&apos;s page shows where every fact comes from and whether it is verified.
      </p>
      <DataTable
        caption="All agreements"
        rows={agreements}
        rowKey={(a) => a.id}
        columns={[
          {
            header: "Agreement",
            cell: (a) => (
              <>
                <Link className="govuk-link" to={`/frameworks/${encodeURIComponent(a.number)}`}>
                  {a.name}
                </Link>
                {a.verified ? null : (
                  <>
                    <br />
                    <strong className="govuk-tag govuk-tag--orange">Unverified</strong>
                  </>
                )}
              </>
            ),
          },
          { header: "Number", className: "cm-nowrap", cell: (a) => a.number },
          { header: "Owner", cell: (a) => a.owner },
          {
            header: "Regulation",
            cell: (a) =>
              a.regulation === "PA2023" ? "Procurement Act 2023" : a.regulation === "PCSR2015" ? "PCR (Scotland) 2015" : "PCR 2015",
          },
          { header: "Dates", cell: (a) => formatDateRange(a.startDate, a.endDate) },
          {
            header: "Status",
            cell: (a) => (
              <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[a.status].tag}`}>{FRAMEWORK_STATUS_LABELS[a.status].label}</strong>
            ),
          },
        ]}
      />
    </>
  );
}
