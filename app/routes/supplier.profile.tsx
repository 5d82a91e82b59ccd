import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, useZodForm } from "~/components/forms";
import { OrganisationFields, ORGANISATION_FIELD_ORDER, orderErrors, SizeSummary } from "~/components/supplier-account";
import {
  ORGANISATION_LABELS,
  supplierProfileSchema,
  supplierProfileServerSchema,
  type SupplierProfileInput,
} from "~/models/supplier-account.schema";
import {
  getSupplierAccount,
  profileFormValues,
  profileInputOf,
  updateSupplierProfile,
  type SupplierAccount,
} from "~/models/supplier-account.server";
import { explainSizeDifference } from "~/models/supplier-size";
import { SIZE_LABELS } from "~/utils/labels";
import { formatPence } from "~/procurement/money";
import { formDataToObject, parseWithSchema, readFormData } from "~/utils/forms";
import { clientIp, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireSupplierOrganisation } from "~/auth/supplier-policy.server";
import { flash } from "~/auth/session.server";
import { TableContainer } from "~/components/table-container";

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

type Conflict = { version: number; rows: { field: string; label: string; yours: string; saved: string }[] };
type ActionData = { errors: Record<string, string[]>; values: Record<string, unknown>; conflict?: Conflict } | undefined;

const PROFILE_KEYS = Object.keys(supplierProfileSchema.shape) as (keyof SupplierProfileInput)[];

function display(field: keyof SupplierProfileInput, value: unknown): string {
  if (value == null || value === "") return "Not given";
  if (field === "turnover" || field === "balanceSheet") return formatPence(Number(value));
  if (field === "declaredSize") return SIZE_LABELS[String(value)] ?? String(value);
  return String(value);
}

function differences(yours: SupplierProfileInput, account: SupplierAccount): Conflict["rows"] {
  const saved = profileInputOf(account);
  return PROFILE_KEYS.filter((k) => (yours[k] ?? null) !== (saved[k] ?? null)).map((k) => ({
    field: k,
    label: ORGANISATION_LABELS[k],
    yours: display(k, yours[k]),
    saved: display(k, saved[k]),
  }));
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The organisation comes from the session, settled before the body is read.
  const { user, supplierId } = await requireSupplierOrganisation(request, "update:supplier:own");
  const input = formDataToObject(await readFormData(request));
  const parsed = parseWithSchema(supplierProfileServerSchema, input);
  if (!parsed.success) return Response.json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const { version, ...profile } = parsed.data;
  const result = await updateSupplierProfile({
    supplierId,
    expectedVersion: version,
    profile,
    actorId: user.id,
    ip: clientIp(context, request),
  });
  if (!result.ok && result.reason === "not-found") throw notFound();
  if (!result.ok) {
    return Response.json(
      {
        errors: {
          form: [
            "Your organisation's profile changed since you opened it: someone else saved it. Compare your changes with the saved details below, then save again to keep yours.",
          ],
        },
        values: input,
        conflict: { version: result.current.version, rows: differences(profile, result.current) },
      },
      { status: 409 },
    );
  }
  return redirect("/supplier/profile", { headers: await flash(request, "Your organisation's profile is saved") });
}

export default function SupplierProfile() {
  const { supplier, formValues, explanation } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const registered = searchParams.get("registered") === "1";
  const { register, errors, onSubmit, error } = useZodForm(supplierProfileSchema, actionData?.errors);
  const values = actionData?.values ?? formValues;
  const version = actionData?.conflict?.version ?? supplier.version;
  return (
    <>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
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
          <SizeSummary
            computedSize={supplier.computedSize}
            declaredSize={supplier.declaredSize}
            sme={supplier.sme}
            explanation={explanation}
          />
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Companies House number</dt>
              <dd className="govuk-summary-list__value">{supplier.companyNumber ?? "Not registered"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Public page</dt>
              <dd className="govuk-summary-list__value">
                <Link className="govuk-link" to={`/suppliers/${supplier.slug}`}>
                  {supplier.tradingName}
                </Link>
              </dd>
            </div>
          </dl>
          <p className="govuk-body">To change your Companies House number, contact the portal administrators.</p>

          {actionData?.conflict ? (
            <TableContainer label="What changed">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--m">What changed</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Question
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Your change
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Saved now
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {actionData.conflict.rows.length ? (
                    actionData.conflict.rows.map((r) => (
                      <tr className="govuk-table__row" key={r.field}>
                        <th scope="row" className="govuk-table__header">
                          {r.label}
                        </th>
                        <td className="govuk-table__cell">{r.yours}</td>
                        <td className="govuk-table__cell">{r.saved}</td>
                      </tr>
                    ))
                  ) : (
                    <tr className="govuk-table__row">
                      <td className="govuk-table__cell" colSpan={3}>
                        Your answers match the saved details.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </TableContainer>
          ) : null}

          <h2 className="govuk-heading-l">Edit your organisation details</h2>
          <Form method="post" noValidate onSubmit={onSubmit}>
            <input type="hidden" name="version" value={version} />
            <OrganisationFields values={values as Record<string, unknown>} error={error} register={register} withCompanyNumber={false} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save profile
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
