import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SummaryList } from "~/components/buying";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton, useZodForm } from "~/components/forms";
import { DataTable } from "~/components/data-table";
import { OrganisationFields, ORGANISATION_FIELD_ORDER, orderErrors, SizeSummary } from "~/components/supplier-account";
import { profileDifferences, supplierProfileSchema, supplierProfileServerSchema } from "~/models/supplier-account.schema";
import { getSupplierAccount, profileFormValues, updateSupplierProfile } from "~/models/supplier-account.server";
import { explainSizeDifference } from "~/models/supplier-size";
import { handleForm } from "~/utils/form-action.server";
import { clientIp, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireSupplierOrganisation } from "~/auth/supplier-policy.server";
import { flash } from "~/auth/session.server";
import { revalidateAfterErrors } from "~/components/project";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = ({ location }) =>
  pageTitle(new URLSearchParams(location.search).get("registered") === "1" ? "Registration complete" : "Organisation profile");
export const handle = { title: "Organisation profile" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { supplierId } = await requireSupplierOrganisation(request, "update:supplier:own");
  const supplier = await getSupplierAccount(supplierId);
  if (!supplier) throw notFound();
  return {
    supplier,
    formValues: profileFormValues(supplier),
    explanation:
      supplier.staffCount != null && supplier.turnoverPence != null
        ? explainSizeDifference(supplier.declaredSize, supplier.staffCount, supplier.turnoverPence, supplier.balanceSheetPence)
        : null,
  };
}

// After a refused save (a stale edit above all) the loader runs again, so the page shows the
// profile as saved now, with its current version, beside the answers the user posted.
export const shouldRevalidate = revalidateAfterErrors;

export async function action({ request, context }: ActionFunctionArgs) {
  // The organisation comes from the session, settled before the body is read.
  const { user, supplierId } = await requireSupplierOrganisation(request, "update:supplier:own");
  return handleForm(request, {
    schema: supplierProfileServerSchema,
    run: ({ version, ...profile }) =>
      updateSupplierProfile({ supplierId, expectedVersion: version, profile, actorId: user.id, ip: clientIp(context, request) }),
    onSuccess: async () => redirect("/supplier/profile", { headers: await flash(request, "Your organisation's profile is saved") }),
  });
}

export default function SupplierProfile() {
  const { supplier, formValues, explanation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const registered = searchParams.get("registered") === "1";
  const { register, errors, onSubmit, error } = useZodForm(supplierProfileSchema, actionData?.errors);
  const values = actionData?.values ?? formValues;
  const changed = actionData?.failure?.kind === "conflict" ? profileDifferences(actionData.values, formValues) : null;
  return (
    <NarrowPage>
      <ErrorSummary errors={orderErrors(errors, ORGANISATION_FIELD_ORDER)} />
      {registered ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Registration complete</h1>
          <div className="govuk-panel__body">{supplier.tradingName} is registered on Council Marketplace</div>
        </div>
      ) : (
        <>
          <span className="govuk-caption-l">{supplier.tradingName}</span>
          <h1 className="govuk-heading-l">Organisation profile</h1>
        </>
      )}
      {registered ? (
        <>
          <h2 className="govuk-heading-m">What happens next</h2>
          <p className="govuk-body">We have sent you an email with a link to confirm your email address.</p>
          <ul className="govuk-list govuk-list--bullet">
            <li>
              <Link className="govuk-link" to="/supplier/awards">
                Declare the framework lots you are awarded on
              </Link>
              : an administrator checks each one before you can list products on it.
            </li>
            <li>
              <Link className="govuk-link" to="/supplier/accreditations">
                Add your accreditations
              </Link>
              , such as Cyber Essentials.
            </li>
            <li>
              <Link className="govuk-link" to="/supplier/team">
                Invite colleagues
              </Link>{" "}
              to help manage your organisation.
            </li>
          </ul>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Your size</h2>
      <SizeSummary computedSize={supplier.computedSize} declaredSize={supplier.declaredSize} sme={supplier.sme} explanation={explanation} />
      <SummaryList
        rows={[
          { key: "Companies House number", value: supplier.companyNumber ?? "Not registered" },
          {
            key: "Public page",
            value: (
              <Link className="govuk-link" to={`/suppliers/${supplier.slug}`}>
                {supplier.tradingName}
              </Link>
            ),
          },
        ]}
      />
      <p className="govuk-body">To change your Companies House number, contact the portal administrators.</p>

      {changed ? (
        <DataTable
          caption="What changed"
          rows={changed}
          rowKey={(r) => r.field}
          columns={[
            { header: "Question", rowHeader: true, cell: (r) => r.label },
            { header: "Your change", cell: (r) => r.yours },
            { header: "Saved now", cell: (r) => r.saved },
          ]}
          empty={
            <>
              <h2 className="govuk-heading-m">What changed</h2>
              <p className="govuk-body">Your answers match the saved details.</p>
            </>
          }
        />
      ) : null}

      <h2 className="govuk-heading-l">Edit your organisation details</h2>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="version" value={supplier.version} />
        <OrganisationFields values={values as Record<string, unknown>} error={error} register={register} withCompanyNumber={false} />
        <SubmitButton>Save profile</SubmitButton>
      </Form>
    </NarrowPage>
  );
}
