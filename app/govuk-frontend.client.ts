// GOV.UK Frontend's JavaScript (issue 18 item 2), bundled into the client entry: no inline
// script, so the CSP (script-src 'self' 'nonce-…') needs nothing new. Components are started
// once each, on the server-rendered page and on whatever React renders later (client-side
// navigation, an error summary react-hook-form shows): a MutationObserver finds every
// `data-module` element not yet marked `data-<module>-init`.
//
// Only components that add behaviour without inserting DOM nodes into React's tree are
// started here (Accordion, Character count, Password input, Tabs and File upload rewrite
// their markup, which React would later trip over); Details needs no JavaScript in v5.
import { Button, Checkboxes, ErrorSummary, Header, NotificationBanner, Radios, ServiceNavigation, SkipLink } from "govuk-frontend";

type ComponentClass = { new ($root: Element): unknown; moduleName: string };

const COMPONENTS: ComponentClass[] = [Header, ServiceNavigation, SkipLink, Button, ErrorSummary, NotificationBanner, Radios, Checkboxes];

function startComponents(scope: ParentNode) {
  for (const Component of COMPONENTS) {
    const name = Component.moduleName;
    for (const $root of scope.querySelectorAll(`[data-module="${name}"]:not([data-${name}-init])`)) {
      try {
        new Component($root);
      } catch (error) {
        // A component whose markup is incomplete stays a plain server-rendered element.
        console.warn(`GOV.UK Frontend: ${name} not started`, error);
      }
    }
  }
}

export function startGovukFrontend() {
  // What GOV.UK's page template does in an inline script at the top of <body>.
  document.body.classList.add("js-enabled", "govuk-frontend-supported");
  startComponents(document);
  // Client-side navigation keeps the header: fold the mobile menu away once a link in it is
  // chosen, as a full page load would.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest(".govuk-header__navigation-list a") : null;
    const toggle = document.querySelector<HTMLButtonElement>(".govuk-js-header-toggle");
    if (link && toggle && !toggle.hidden && toggle.getAttribute("aria-expanded") === "true") toggle.click();
  });
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      startComponents(document);
    });
  }).observe(document.body, { childList: true, subtree: true });
}
