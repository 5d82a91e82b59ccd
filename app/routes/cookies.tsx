import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Cookies");

export default function Cookies() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Cookies</h1>
        <p className="govuk-body">
          Council Marketplace puts one small file (a cookie) on your computer, only when you sign in or when we need to show you a message
          after a form. We do not use analytics or advertising cookies, so we do not ask for consent.
        </p>
        <TableContainer label="Essential cookies">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Essential cookies</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                <th scope="col" className="govuk-table__header">
                  Purpose
                </th>
                <th scope="col" className="govuk-table__header">
                  Expires
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              <tr className="govuk-table__row">
                <td className="govuk-table__cell">__Host-cm_session</td>
                <td className="govuk-table__cell">
                  Keeps you signed in and carries one-off messages such as &ldquo;Listing saved&rdquo;. It holds a random identifier, signed
                  so it cannot be forged.
                </td>
                <td className="govuk-table__cell">
                  When you close your browser; your session ends after 30 minutes of inactivity or 12 hours at most
                </td>
              </tr>
            </tbody>
          </table>
        </TableContainer>
      </div>
    </div>
  );
}
