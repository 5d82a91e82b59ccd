import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listAgreements } from "~/models/agreement.server";
import { formatDate } from "~/utils/format";
import { FRAMEWORK_STATUS_LABELS } from "~/utils/labels";
import { pageTitle } from "~/utils/meta";
import { TableContainer } from "~/components/table-container";

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
      <TableContainer label="All agreements">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">All agreements</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Agreement
              </th>
              <th scope="col" className="govuk-table__header">
                Number
              </th>
              <th scope="col" className="govuk-table__header">
                Owner
              </th>
              <th scope="col" className="govuk-table__header">
                Regulation
              </th>
              <th scope="col" className="govuk-table__header">
                Dates
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {agreements.map((a) => (
              <tr className="govuk-table__row" key={a.id}>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/frameworks/${encodeURIComponent(a.number)}`}>
                    {a.name}
                  </Link>
                  {a.verified ? null : (
                    <>
                      <br />
                      <strong className="govuk-tag govuk-tag--orange">Unverified</strong>
                    </>
                  )}
                </td>
                <td className="govuk-table__cell cm-nowrap">{a.number}</td>
                <td className="govuk-table__cell">{a.owner}</td>
                <td className="govuk-table__cell">
                  {a.regulation === "PA2023" ? "Procurement Act 2023" : a.regulation === "PCSR2015" ? "PCR (Scotland) 2015" : "PCR 2015"}
                </td>
                <td className="govuk-table__cell">
                  {formatDate(a.startDate)} to {formatDate(a.endDate)}
                </td>
                <td className="govuk-table__cell">
                  <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[a.status].tag}`}>
                    {FRAMEWORK_STATUS_LABELS[a.status].label}
                  </strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableContainer>
    </>
  );
}
