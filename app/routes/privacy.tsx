import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Privacy notice");

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Privacy notice</h1>
        <h2 className="govuk-heading-m">Who we are</h2>
        <p className="govuk-body">Council Marketplace is run by the Council Marketplace team, the data controller for the personal data described here.</p>
        <h2 className="govuk-heading-m">What we collect and why</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>Account details (name, work email address, password stored only as a bcrypt hash): to let you sign in and to show which council or supplier you act for.</li>
          <li>Records of what you do on buying projects, listings and case studies (who, what and when): to keep the audit trail public bodies need. These records cannot be edited or deleted.</li>
          <li>Sign-in attempts and the IP address they came from: to protect accounts from password guessing. Kept for 30 days.</li>
          <li>Supplier and case study contact details you choose to publish.</li>
        </ul>
        <h2 className="govuk-heading-m">Lawful basis</h2>
        <p className="govuk-body">We process this data to perform a task in the public interest (supporting compliant public procurement) and, for suppliers, to take steps at your request before entering into a contract.</p>
        <h2 className="govuk-heading-m">How long we keep it</h2>
        <p className="govuk-body">Account data is kept while your account is active and for 12 months after. Procurement records are kept for 6 years after the contract ends, in line with public procurement record-keeping.</p>
        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">You can ask to see, correct or delete your personal data, or object to how we use it, by emailing <a className="govuk-link" href="mailto:privacy@councilmarketplace.example">privacy@councilmarketplace.example</a>. You can complain to the <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">Information Commissioner&apos;s Office</a>.</p>
      </div>
    </div>
  );
}
