import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { countUnverifiedAwards } from "~/models/award.server";
import { countUnverifiedSuppliers } from "~/models/supplier-verification.server";
import { pageTitle } from "~/utils/meta";
import { requireRole } from "~/auth/permissions.server";

export const meta: MetaFunction = () => pageTitle("Admin");
export const handle = { title: "Admin" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [pendingAwards, pendingSuppliers] = await Promise.all([countUnverifiedAwards(), countUnverifiedSuppliers()]);
  return { pendingAwards, pendingSuppliers };
}

export default function AdminHome() {
  const { pendingAwards, pendingSuppliers } = useLoaderData<typeof loader>();
  const sections = [
    { to: "/admin/moderation", title: "Listings to review", text: "New listings and edits that suppliers have submitted for publication." },
    { to: "/admin/case-studies", title: "Case studies to review", text: "Case studies that councils have submitted for publication." },
    {
      to: "/admin/awards",
      title: "Awards to verify",
      text: `Framework awards that suppliers have declared. ${pendingAwards === 1 ? "1 is" : `${pendingAwards} are`} waiting.`,
    },
    {
      to: "/admin/suppliers",
      title: "Organisations to verify",
      text: `Supplier organisations that registered themselves, hidden from the public until verified. ${pendingSuppliers === 1 ? "1 is" : `${pendingSuppliers} are`} waiting.`,
    },
    { to: "/admin/service-areas", title: "Service areas", text: "The council service areas that case studies are grouped by." },
    {
      to: "/admin/council-domains",
      title: "Council email domains",
      text: "Which email domains may create buyer accounts, and for which council.",
    },
    { to: "/admin/users", title: "Users", text: "Find a user and sign them out everywhere." },
  ];
  return (
    <>
      <h1 className="govuk-heading-l">Admin</h1>
      <ul className="govuk-list">
        {sections.map((s) => (
          <li key={s.to} className="govuk-!-margin-bottom-6">
            <h2 className="govuk-heading-m govuk-!-margin-bottom-1">
              <Link className="govuk-link" to={s.to}>
                {s.title}
              </Link>
            </h2>
            <p className="govuk-body">{s.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
