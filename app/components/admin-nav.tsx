// The admin area's navigation, shown once by the layout (app/routes/admin.tsx) on every admin page but the home page,
// and the one shape of an area's sub-navigation, which the supplier area's (supplier-account.tsx) and a buying
// project's (project.tsx) share.
import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";

type NavLink = { to: string; label: string };

/**
 * An area's links in one line, separated by " · ": the current one is bold and marked
 * aria-current ("page" for the page itself, "true" for the section a page belongs to).
 */
export function SectionNav({
  label,
  links,
  current,
  small,
  children,
}: {
  /** The navigation landmark's name. */
  label: string;
  links: readonly NavLink[];
  current: (to: string) => "page" | "true" | undefined;
  /** The links in small print. */
  small?: boolean;
  /** What stands above the links inside the landmark, e.g. what the area is. */
  children?: ReactNode;
}) {
  return (
    <nav aria-label={label} className="govuk-!-margin-bottom-6">
      {children}
      <ul className={small ? "govuk-list govuk-body-s" : "govuk-list"}>
        <li>
          {links.map((s, i) => {
            const marked = current(s.to);
            return (
              <span key={s.to}>
                {i ? " · " : null}
                <Link
                  className={`govuk-link govuk-link--no-visited-state${marked ? " govuk-!-font-weight-bold" : ""}`}
                  to={s.to}
                  aria-current={marked}
                >
                  {s.label}
                </Link>
              </span>
            );
          })}
        </li>
      </ul>
    </nav>
  );
}

const SECTIONS: readonly NavLink[] = [
  { to: "/admin", label: "Admin home" },
  { to: "/admin/moderation", label: "Listings" },
  { to: "/admin/case-studies", label: "Case studies" },
  { to: "/admin/awards", label: "Awards" },
  { to: "/admin/suppliers", label: "Organisations" },
  { to: "/admin/users", label: "Users" },
  { to: "/admin/service-areas", label: "Service areas" },
  { to: "/admin/council-domains", label: "Council email domains" },
  { to: "/admin/audit", label: "Audit log" },
  { to: "/admin/outbox", label: "Mail outbox" },
];

export function AdminNav() {
  const { pathname } = useLocation();
  if (pathname === "/admin" || pathname === "/admin/") return null;
  // The section the page belongs to: the longest path it starts with.
  const section = SECTIONS.filter((s) => s.to === "/admin" || pathname === s.to || pathname.startsWith(`${s.to}/`)).at(-1)?.to;
  return <SectionNav label="Admin" links={SECTIONS} current={(to) => (to !== section ? undefined : to === pathname ? "page" : "true")} />;
}
