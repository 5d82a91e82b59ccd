import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  UNSAFE_RemixContext,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { Form } from "~/components/form";
import { useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { getSessionUser } from "~/auth/session.server";
import { readFlash } from "~/auth/session.server";
import { DEFERRED_HYDRATION_SCRIPT } from "~/utils/deferred-hydration";
import { useNonce } from "~/utils/nonce-provider";
import { REQUEST_ID_ELEMENT, useRequestId } from "~/utils/request-id";
import { SuccessBanner } from "~/components/success-banner";
import type { RootData } from "~/utils/root-data";

// GOV.UK's template links this set of icons; ours are drawn by scripts/build-favicon.ts (no crown).
export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.ico", sizes: "16x16 32x32" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png" },
  { rel: "manifest", href: "/manifest.json" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  const { message, headers } = await readFlash(request);
  return Response.json(
    {
      flash: message,
      // Put into every non-GET form by app/components/form.tsx; checked by server/security.js.
      csrfToken: context?.csrfToken ?? "",
      // Seeds the idempotency key of every non-GET form on the page (app/components/form.tsx).
      formSeed: crypto.randomUUID(),
      // /styles/app.css?v=<content hash> from server.js, cached for a year.
      stylesheetHref: typeof context?.stylesheetHref === "string" ? context.stylesheetHref : "/styles/app.css",
      user: user
        ? {
            name: user.name,
            email: user.email,
            roles: user.roles.map((r) => r.name),
            council: user.council,
            supplier: user.supplier,
          }
        : null,
    },
    { headers },
  );
}

/** The title of a page the root ErrorBoundary shows (rendered by <Meta /> through `meta`). */
function errorPageTitle(error: unknown): string {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return "Page not found";
    if (error.status === 403 && error.statusText === "Email address not confirmed") return "Confirm your email address";
    if (error.status === 403) return "You do not have permission";
    if (error.status === 503) return "Sorry, the service is unavailable";
    return error.status === 400 ? "There is a problem with the request" : String(error.status);
  }
  return "Sorry, there is a problem with the service";
}

// When an error reaches the root boundary, Remix renders only the root's meta: one title.
export const meta: MetaFunction = ({ error }) => (error ? [{ title: `${errorPageTitle(error)} – Council Marketplace` }] : []);

type Descriptor = Record<string, unknown>;

/**
 * The page's <title> and meta tags, one <title> only. Normally Remix's <Meta />. When a form
 * came back from the server with errors (action data with `errors`), the same descriptors the
 * page's `meta` gives (Remix's rule: the deepest route with a `meta`) are rendered here with
 * the title prefixed "Error: ", the GOV.UK pattern; the effect covers errors found in the
 * browser (react-hook-form) after the page is drawn.
 */
function DocumentHead() {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const remix = useContext(UNSAFE_RemixContext);
  const matches = useMatches();
  const hasErrors = (Object.values(state?.actionData ?? {}) as unknown[]).some(
    (d) => d && typeof d === "object" && "errors" in d && d.errors && Object.keys(d.errors as object).length > 0,
  );
  useEffect(() => {
    if (hasErrors && !document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
  });
  if (!hasErrors || !state || !remix || state.errors) return <Meta />;
  let descriptors: Descriptor[] = [];
  for (const match of state.matches) {
    const meta = remix.routeModules[match.route.id]?.meta;
    if (typeof meta !== "function") continue;
    descriptors =
      (meta as (args: unknown) => Descriptor[] | undefined)({
        data: state.loaderData[match.route.id],
        params: match.params,
        location: state.location,
        matches: matches.map((m) => ({ ...m, meta: [] })),
        error: undefined,
      }) ?? [];
  }
  const title = descriptors.find((d) => typeof d.title === "string")?.title as string | undefined;
  const handleTitle = [...matches]
    .reverse()
    .map((m) => (m.handle as { title?: string } | undefined)?.title)
    .find(Boolean);
  const text = title ?? (handleTitle ? `${handleTitle} – Council Marketplace` : undefined);
  return (
    <>
      {text ? <title>{text.startsWith("Error: ") ? text : `Error: ${text}`}</title> : null}
      {descriptors
        .filter((d) => !("title" in d) && typeof d.name === "string" && typeof d.content === "string")
        .map((d) => (
          <meta key={String(d.name)} name={String(d.name)} content={String(d.content)} />
        ))}
    </>
  );
}

/** The header's links; one with a role is shown only to users who have it. */
const NAV_LINKS: { to: string; label: string; role?: string }[] = [
  { to: "/search", label: "Search" },
  { to: "/frameworks", label: "Frameworks" },
  { to: "/case-studies", label: "Case studies" },
  { to: "/buy", label: "Find a buying route" },
  { to: "/projects", label: "Projects", role: "buyer" },
  { to: "/supplier", label: "Supplier dashboard", role: "supplier" },
  { to: "/admin", label: "Admin", role: "admin" },
];

function Header({ user }: { user: RootData["user"] }) {
  const roles = user?.roles ?? [];
  return (
    <div className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__logo">
          <Link to="/" className="govuk-header__link govuk-header__link--homepage cm-header__title">
            Council Marketplace
          </Link>
        </div>
        <div className="govuk-header__content">
          <nav aria-label="Menu" className="govuk-header__navigation">
            {/* Shown by GOV.UK Frontend's header JavaScript below the desktop breakpoint. */}
            <button type="button" className="govuk-header__menu-button govuk-js-header-toggle" aria-controls="navigation" hidden>
              Menu
            </button>
            <ul id="navigation" className="govuk-header__navigation-list">
              {NAV_LINKS.filter((link) => !link.role || roles.includes(link.role)).map((link) => (
                <li className="govuk-header__navigation-item" key={link.to}>
                  <Link className="govuk-header__link" to={link.to}>
                    {link.label}
                  </Link>
                </li>
              ))}
              {user ? (
                <li className="govuk-header__navigation-item">
                  <Form method="post" action="/logout" className="govuk-!-display-inline">
                    <button type="submit" className="govuk-header__link cm-link-button">
                      Sign out
                    </button>
                  </Form>
                </li>
              ) : (
                <li className="govuk-header__navigation-item">
                  <Link className="govuk-header__link" to="/login">
                    Sign in
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        </div>
      </div>
    </div>
  );
}

const FOOTER_LINKS = [
  { to: "/accessibility", label: "Accessibility statement" },
  { to: "/privacy", label: "Privacy" },
  { to: "/cookies", label: "Cookies" },
];

function Footer() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              {FOOTER_LINKS.map((link) => (
                <li className="govuk-footer__inline-list-item" key={link.to}>
                  <Link className="govuk-footer__link" to={link.to}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="govuk-body-s">
              Council data contains data from mySociety&apos;s UK local authority names and codes dataset (CC BY 4.0). Framework facts
              marked &ldquo;unverified&rdquo; come from a single secondary source.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}

// As GOV.UK Frontend's template: govuk-frontend-supported only where its JavaScript can run (ES modules).
const JS_ENABLED_SCRIPT =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const nonce = useNonce();
  useEffect(() => {
    // Read by tests/e2e/hydration.spec.ts: React has taken over the server-rendered page (error pages too).
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang="en-GB" className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <DocumentHead />
        <link rel="stylesheet" href={data?.stylesheetHref ?? "/styles/app.css"} />
        <Links />
      </head>
      {/* The inline script below adds classes before React hydrates: not a mismatch to report. */}
      <body className="govuk-template__body" suppressHydrationWarning>
        {/* What GOV.UK's page template does first in <body>: the classes that style components
            for JavaScript are there before the first paint, so nothing moves when the bundle
            arrives (issue 17: CLS 0.2 on a phone, the header menu folding away late). */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: JS_ENABLED_SCRIPT }} />
        <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
          Skip to main content
        </a>
        <header>
          <Header user={data?.user ?? null} />
          <div className="govuk-width-container">
            <div className="govuk-phase-banner">
              <p className="govuk-phase-banner__content">
                <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
                <span className="govuk-phase-banner__text">
                  This is a new service. Guidance is advice, not legal certainty: check each route&apos;s source.
                </span>
              </p>
            </div>
          </div>
        </header>
        <div className="govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            {data?.flash ? <SuccessBanner id="flash-title">{data.flash}</SuccessBanner> : null}
            {children}
          </main>
        </div>
        <Footer />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {/* Starts the inert module tags after the first paint (ADR 0022). */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: DEFERRED_HYDRATION_SCRIPT }} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  useEffect(() => {
    document.body.classList.add("js-enabled", "govuk-frontend-supported");
  }, []);
  return (
    <>
      <Outlet />
      <RouteAnnouncer />
    </>
  );
}

/**
 * After a client-side navigation to another page, focus moves to its <h1> (or <main>) and a
 * polite live region reads out the new title, as a full page load would (issue 18 item 3).
 * Changes of the query alone (live search results) leave focus where it is.
 */
function RouteAnnouncer() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const target = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("main");
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    }
    setAnnouncement(document.title);
  }, [pathname]);
  return (
    <div className="govuk-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="route-announcer">
      {announcement}
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      return (
        <>
          <h1 className="govuk-heading-l">Page not found</h1>
          <p className="govuk-body">If you typed the web address, check it is correct.</p>
          <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
          <p className="govuk-body">
            You can{" "}
            <Link className="govuk-link" to="/search">
              search the marketplace
            </Link>{" "}
            or go to the{" "}
            <Link className="govuk-link" to="/">
              home page
            </Link>
            .
          </p>
        </>
      );
    }
    if (error.status === 403 && error.statusText === "Email address not confirmed") {
      return (
        <>
          <h1 className="govuk-heading-l">Confirm your email address first</h1>
          <p className="govuk-body">{typeof error.data === "string" ? error.data : "Confirm your email address to continue."}</p>
          <LinkParagraph to="/account">Go to your account to send a new confirmation link</LinkParagraph>
        </>
      );
    }
    if (error.status === 403) {
      return (
        <>
          <h1 className="govuk-heading-l">You do not have permission to view or change this</h1>
          <p className="govuk-body">This belongs to another organisation, or your account does not have the role needed.</p>
          <p className="govuk-body">If you think you should have access, contact your organisation&apos;s administrator.</p>
        </>
      );
    }
    if (error.status === 503) {
      return (
        <>
          <h1 className="govuk-heading-l">Sorry, the service is unavailable</h1>
          <p className="govuk-body">
            {typeof error.data === "string" && error.data ? error.data : "The service is having a problem. Try again in a few minutes."}
          </p>
          <p className="govuk-body">Try again in a few minutes.</p>
          <RequestReference />
        </>
      );
    }
    return (
      <>
        <h1 className="govuk-heading-l">
          {error.status === 400 ? "There is a problem with the request" : error.statusText || "Something went wrong"}
        </h1>
        <p className="govuk-body">{typeof error.data === "string" ? error.data : "Try again later."}</p>
        {error.status >= 500 ? <RequestReference /> : null}
      </>
    );
  }
  return (
    <>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later. Nothing you entered has been lost if you go back.</p>
      <RequestReference />
    </>
  );
}

/** The request id on an error page, for a user to quote (it is on every log line of the request). */
function RequestReference() {
  const id = useRequestId();
  if (!id) return null;
  return (
    <p className="govuk-body">
      If you contact us about this, quote reference <span id={REQUEST_ID_ELEMENT}>{id}</span>.
    </p>
  );
}
