// Organisations waiting for an admin to verify them (issue 12 finding 10). Until verified, a
// self-registered supplier and its products are hidden from public pages and search.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, SummaryList } from "~/components/buying";
import { RowAction } from "~/components/row-action";
import { ErrorSummary } from "~/components/forms";
import { verifySupplierSchema } from "~/models/supplier-verification.schema";
import { listUnverifiedSuppliers, verifySupplier } from "~/models/supplier-verification.server";
import { formatDate } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Organisations to verify");
export const handle = { title: "Organisations to verify" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "verify:supplier:any");
  return { queue: await listUnverifiedSuppliers() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "verify:supplier:any");
  return handleForm(request, {
    schema: verifySupplierSchema,
    // Another admin verified it first: a conflict (409), nothing changed, and the page says so.
    run: (input) => verifySupplier({ supplierId: input.supplierId, actorId: user.id, ip: clientIp(context, request) }),
    onSuccess: async ({ supplierName }) =>
      redirect("/admin/suppliers", {
        headers: await flash(request, `${supplierName} verified. Its page and published products are now public and in search.`),
      }),
  });
}

export default function AdminSuppliers() {
  const { queue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <BackLink to="/admin">Back to admin</BackLink>
      <h1 className="govuk-heading-l">Organisations to verify</h1>
      <p className="govuk-body">
        A supplier organisation that registers itself is hidden from public pages and search until you verify it. Check the company number
        on Companies House matches the legal name, and that the contact belongs to the company.
      </p>
      {queue.length ? (
        <>
          <p className="govuk-body">
            {queue.length === 1 ? "1 organisation is" : `${queue.length} organisations are`} waiting, oldest first.
          </p>
          {queue.map((s) => (
            <section key={s.id} className="govuk-!-margin-bottom-8" aria-labelledby={`supplier-${s.id}`}>
              <h2 className="govuk-heading-m" id={`supplier-${s.id}`}>
                <Link className="govuk-link" to={`/suppliers/${s.slug}`}>
                  {s.tradingName}
                </Link>
              </h2>
              <SummaryList
                rows={[
                  { key: "Legal name", value: s.legalName },
                  {
                    key: "Companies House number",
                    value: s.companyNumber ? (
                      <a
                        className="govuk-link"
                        href={`https://find-and-update.company-information.service.gov.uk/company/${encodeURIComponent(s.companyNumber)}`}
                        rel="noreferrer noopener"
                      >
                        {s.companyNumber}
                        <span className="govuk-visually-hidden"> on Companies House</span>
                      </a>
                    ) : (
                      "Not registered"
                    ),
                  },
                  { key: "Registered here", value: formatDate(s.createdAt) },
                  { key: "Region", value: s.region },
                  { key: "Contact", value: `${s.contactName}, ${s.contactEmail}${s.contactPhone ? `, ${s.contactPhone}` : ""}` },
                  {
                    key: "First user",
                    value: s.users[0]
                      ? `${s.users[0].email} (${s.users[0].emailVerifiedAt ? "email confirmed" : "email not confirmed"})`
                      : "None",
                  },
                  ...(s.website ? [{ key: "Website", value: s.website }] : []),
                ]}
              />
              <RowAction fields={{ supplierId: s.id }} label="Verify organisation" about={s.tradingName} plainAbout className="" />
            </section>
          ))}
        </>
      ) : (
        <p className="govuk-body">No organisations are waiting to be verified.</p>
      )}
    </>
  );
}
