// The admin area's navigation, shown once by the layout (app/routes/admin.tsx) on every admin page but the home page.
import { Link, useLocation } from "@remix-run/react";

const SECTIONS = [
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
  const current = SECTIONS.filter((s) => s.to === "/admin" || pathname === s.to || pathname.startsWith(`${s.to}/`)).at(-1)?.to;
  return (
    <nav aria-label="Admin" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list">
        <li>
          {SECTIONS.map((s, i) => (
            <span key={s.to}>
              {i ? " · " : null}
              <Link
                className={`govuk-link govuk-link--no-visited-state${s.to === current ? " govuk-!-font-weight-bold" : ""}`}
                to={s.to}
                aria-current={s.to !== current ? undefined : s.to === pathname ? "page" : "true"}
              >
                {s.label}
              </Link>
            </span>
          ))}
        </li>
      </ul>
    </nav>
  );
}
