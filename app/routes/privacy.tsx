import type { MetaFunction } from "@remix-run/node";
import { RETENTION } from "~/models/retention";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Privacy notice");

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Privacy notice</h1>
        <h2 className="govuk-heading-m">Who we are</h2>
        <p className="govuk-body">
          Council Marketplace is run by the Council Marketplace team, the data controller for the personal data described here.
        </p>
        <h2 className="govuk-heading-m">What we collect and why</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            Account details (name, work email address, password stored only as a bcrypt hash): to let you sign in and to show which council
            or supplier you act for.
          </li>
          <li>
            Records of what you do on buying projects, listings and case studies (who, what and when): to keep the audit trail public bodies
            need. These records cannot be edited or deleted.
          </li>
          <li>
            Sign-in attempts and the IP address they came from: to protect accounts from password guessing. Kept for{" "}
            {RETENTION.loginAttemptsDays} days, then deleted.
          </li>
          <li>
            Your signed-in sessions (when they started and were last used, IP address and browser): to keep you signed in and let you or an
            administrator end them. Each is deleted within an hour of ending: when you sign out, after 30 minutes without activity, or 12
            hours after you signed in.
          </li>
          <li>
            Email confirmation and invitation links (stored only as a one-way hash): deleted {RETENTION.spentTokensDays} days after they are
            used or expire.
          </li>
          <li>Supplier and case study contact details you choose to publish.</li>
        </ul>
        <h2 className="govuk-heading-m">Lawful basis</h2>
        <p className="govuk-body">
          We process this data to perform a task in the public interest (supporting compliant public procurement) and, for suppliers, to
          take steps at your request before entering into a contract.
        </p>
        <h2 className="govuk-heading-m">How long we keep it</h2>
        <p className="govuk-body">
          The periods above are applied automatically every hour. Account details are kept while your account exists; ask us (below) to
          close it and delete them. Records of what was done on buying projects, listings and case studies are never deleted automatically:
          councils must be able to show how a contract was awarded for at least 6 years after it ends.
        </p>
        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can ask to see, correct or delete your personal data, or object to how we use it, by emailing{" "}
          <a className="govuk-link" href="mailto:privacy@councilmarketplace.example">
            privacy@councilmarketplace.example
          </a>
          . You can complain to the{" "}
          <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">
            Information Commissioner&apos;s Office
          </a>
          .
        </p>
      </div>
    </div>
  );
}
