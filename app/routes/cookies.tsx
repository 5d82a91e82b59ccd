import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { DataTable } from "~/components/data-table";

export const meta: MetaFunction = () => pageTitle("Cookies");

const COOKIES = [
  {
    name: "__Host-cm_session",
    purpose:
      "Keeps you signed in and carries one-off messages such as “Listing saved”. It holds a random identifier, signed so it cannot be forged.",
    expires: "When you close your browser; your session ends after 30 minutes of inactivity or 12 hours at most",
  },
];

export default function Cookies() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Cookies</h1>
        <p className="govuk-body">
          Council Marketplace puts one small file (a cookie) on your computer, only when you sign in or when we need to show you a message
          after a form. We do not use analytics or advertising cookies, so we do not ask for consent.
        </p>
        <DataTable
          caption="Essential cookies"
          rows={COOKIES}
          rowKey={(c) => c.name}
          columns={[
            { header: "Name", cell: (c) => c.name },
            { header: "Purpose", cell: (c) => c.purpose },
            { header: "Expires", cell: (c) => c.expires },
          ]}
        />
      </div>
    </div>
  );
}
