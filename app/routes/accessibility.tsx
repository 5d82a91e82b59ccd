import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Accessibility statement");

// Follows the GOV.UK model accessibility statement for public sector websites.
export default function AccessibilityStatement() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">Accessibility statement for Council Marketplace</h1>
        <p className="govuk-body">This accessibility statement applies to the Council Marketplace website.</p>
        <p className="govuk-body">
          This website is run by the Council Marketplace team. We want as many people as possible to be able to use it. For example, that
          means you should be able to:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate most of the website using just a keyboard or speech recognition software</li>
          <li>use every form and search without JavaScript</li>
          <li>listen to most of the website using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)</li>
        </ul>
        <p className="govuk-body">We have also made the website text as simple as possible to understand.</p>

        <h2 className="govuk-heading-l">How accessible this website is</h2>
        <p className="govuk-body">We know some parts of this website are not fully accessible:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>some framework documents we link to are on other organisations&apos; websites and may not be accessible</li>
          <li>the printable record of a buying project is designed for paper and may not suit every screen reader</li>
        </ul>

        <h2 className="govuk-heading-l">Feedback and contact information</h2>
        <p className="govuk-body">
          If you need information on this website in a different format, like accessible PDF, large print, easy read, audio recording or
          braille, email{" "}
          <a className="govuk-link" href="mailto:accessibility@councilmarketplace.example">
            accessibility@councilmarketplace.example
          </a>
          . We&apos;ll consider your request and get back to you in 5 working days.
        </p>

        <h2 className="govuk-heading-l">Reporting accessibility problems with this website</h2>
        <p className="govuk-body">
          We&apos;re always looking to improve the accessibility of this website. If you find any problems not listed on this page or think
          we&apos;re not meeting accessibility requirements, email{" "}
          <a className="govuk-link" href="mailto:accessibility@councilmarketplace.example">
            accessibility@councilmarketplace.example
          </a>
          .
        </p>

        <h2 className="govuk-heading-l">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile
          Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If you&apos;re not happy with
          how we respond to your complaint,{" "}
          <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
            contact the Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 className="govuk-heading-l">Technical information about this website&apos;s accessibility</h2>
        <p className="govuk-body">
          The Council Marketplace team is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites
          and Mobile Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3 className="govuk-heading-m">Compliance status</h3>
        <p className="govuk-body">
          This website is fully compliant with the{" "}
          <a className="govuk-link" href="https://www.w3.org/TR/WCAG22/">
            Web Content Accessibility Guidelines version 2.2
          </a>{" "}
          AA standard, as far as our automated and manual checks have found.
        </p>

        <h2 className="govuk-heading-l">What we&apos;re doing to improve accessibility</h2>
        <p className="govuk-body">
          Every page and state is checked with axe (WCAG 2.0, 2.1 and 2.2 A and AA rules and best practice) in our automated tests, with and
          without JavaScript, and the main journeys are tested using only a keyboard and at 320 pixels wide.
        </p>

        <h2 className="govuk-heading-l">Preparation of this accessibility statement</h2>
        <p className="govuk-body">This statement was prepared on 23 November 2026. It was last reviewed on 23 November 2026.</p>
        <p className="govuk-body">
          This website was last tested on 23 November 2026 by the Council Marketplace team, using automated checks on every page and manual
          keyboard checks of the main journeys.
        </p>
      </div>
    </div>
  );
}
