import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { InsetText } from "~/components/buying";
import { GUIDE_STEPS } from "~/models/buying-guide-steps";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Find a compliant buying route");
export const handle = { title: "Find a compliant buying route" };

export default function BuyStart() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Find a compliant buying route</h1>
        <p className="govuk-body">
          Answer {GUIDE_STEPS.length} questions about what your council is buying. The guide works out which buying routes you can use under
          the Procurement Act 2023, and for each one explains why, the steps to follow, the notices to publish and the framework lots that
          fit.
        </p>
        <p className="govuk-body">You will need:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>an estimate of the whole-life value of the contract, including VAT and any extensions</li>
          <li>how long the contract will last</li>
          <li>the date the procurement starts</li>
        </ul>
        <InsetText>
          The guide gives advice, not legal certainty. Every result shows the rule it applied and a link to the legislation or guidance, so
          you can check it.
        </InsetText>
        <Link to="/buy/category" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
          Start now
          <svg
            className="govuk-button__start-icon"
            xmlns="http://www.w3.org/2000/svg"
            width="17.5"
            height="19"
            viewBox="0 0 33 40"
            aria-hidden="true"
            focusable="false"
          >
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </Link>
        <p className="govuk-body">
          Signed-in council buyers can turn a result into a{" "}
          <Link className="govuk-link" to="/projects">
            buying project
          </Link>{" "}
          that keeps the audit trail.
        </p>
      </div>
    </div>
  );
}
