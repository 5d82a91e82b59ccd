import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { DateInputField } from "~/components/date-input";
import { ErrorSummary, SelectField, TextField, useZodForm } from "~/components/forms";
import { orderErrors, SupplierAccountNav } from "~/components/supplier-account";
import { declareAwardSchema, declareAwardServerSchema, withdrawAwardSchema } from "~/models/award.schema";
import { declareAward, getAwardOwner, listDeclarableLots, listSupplierAwards, withdrawAward } from "~/models/award.server";
import { getSupplierAccount } from "~/models/supplier-account.server";
import { now } from "~/utils/clock.server";
import { formatDate, FRAMEWORK_STATUS_LABELS } from "~/utils/format";
import { formDataToObject, parseWithSchema, readFormData } from "~/utils/forms";
import { clientIp, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { forbidden, requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { TableContainer } from "~/components/table-container";

export const meta: MetaFunction = () => pageTitle("Framework awards");
export const handle = { title: "Framework awards" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:award:own");
  if (!user.supplierId) throw forbidden();
  const today = now();
  const [supplier, awards, lots] = await Promise.all([
    getSupplierAccount(user.supplierId),
    listSupplierAwards(user.supplierId, today),
    listDeclarableLots(today),
  ]);
  if (!supplier) throw notFound();
  const declared = new Set(awards.map((a) => a.lotId));
  return {
    supplier: { id: supplier.id, tradingName: supplier.tradingName },
    awards,
    lots: lots.filter((l) => !declared.has(l.id)),
  };
}

type ActionData = { errors: Record<string, string[]>; values: Record<string, unknown> } | undefined;

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const input = formDataToObject(formData);
  const ip = clientIp(context, request);

  if (input.intent === "withdraw") {
    const parsed = parseWithSchema(withdrawAwardSchema, input);
    if (!parsed.success) return Response.json({ errors: { form: ["Choose an award to withdraw"] }, values: {} }, { status: 400 });
    // The award's real owner decides, not the supplier named in the form.
    const owner = await getAwardOwner(parsed.data.awardId);
    const user = await requireUserWithPermission(request, "create:award:own", {
      isOwn: (u) => u.supplierId === parsed.data.supplierId && (!owner || owner.supplierId === u.supplierId),
      objectId: parsed.data.awardId,
    });
    const result = await withdrawAward({ ...parsed.data, actorId: user.id, ip });
    if (!result.ok) return Response.json({ errors: { form: [result.message] }, values: {} }, { status: 409 });
    return redirect("/supplier/awards", { headers: await flash(request, "Award declaration withdrawn") });
  }

  const supplierId = typeof input.supplierId === "string" ? input.supplierId : "";
  const user = await requireUserWithPermission(request, "create:award:own", {
    isOwn: (u) => Boolean(supplierId) && u.supplierId === supplierId,
    objectId: supplierId || undefined,
  });
  const parsed = parseWithSchema(declareAwardServerSchema, input);
  if (!parsed.success) return Response.json({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await declareAward(
    { supplierId, lotId: parsed.data.lotId, awardedAt: parsed.data.awarded, reference: parsed.data.reference, actorId: user.id, ip },
    now(),
  );
  if (!result.ok) return Response.json({ errors: result.errors, values: input }, { status: 400 });
  return redirect("/supplier/awards", {
    headers: await flash(request, "Award declared. An administrator will check it before you can list products on that lot."),
  });
}

const FIELD_ORDER = ["lotId", "awarded", "reference"];

export default function SupplierAwards() {
  const { supplier, awards, lots } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { register, errors, onSubmit, error } = useZodForm(declareAwardSchema, actionData?.errors);
  const values = actionData?.values;
  return (
    <>
      <SupplierAccountNav />
      <ErrorSummary errors={orderErrors(errors, FIELD_ORDER)} />
      <span className="govuk-caption-l">{supplier.tradingName}</span>
      <h1 className="govuk-heading-l">Framework awards</h1>
      <p className="govuk-body">
        Declare each framework lot your organisation is awarded on. An administrator checks the award with the framework owner; once it is
        verified, and while the framework is live, you can list products on that lot.
      </p>
      {awards.length ? (
        <TableContainer label="Your awards">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Your awards</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Framework lot
                </th>
                <th scope="col" className="govuk-table__header">
                  Reference
                </th>
                <th scope="col" className="govuk-table__header">
                  Awarded
                </th>
                <th scope="col" className="govuk-table__header">
                  Framework
                </th>
                <th scope="col" className="govuk-table__header">
                  Verification
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {awards.map((a) => (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/frameworks/${a.agreementNumber}`}>
                      {a.lotLabel}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{a.reference}</td>
                  <td className="govuk-table__cell">{formatDate(a.awardedAt)}</td>
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[a.status].tag}`}>
                      {FRAMEWORK_STATUS_LABELS[a.status].label}
                    </strong>
                  </td>
                  <td className="govuk-table__cell">
                    {a.verified ? (
                      <strong className="govuk-tag govuk-tag--green">Verified</strong>
                    ) : (
                      <strong className="govuk-tag govuk-tag--yellow">Pending verification</strong>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {a.verified ? null : (
                      <Form method="post">
                        <input type="hidden" name="supplierId" value={supplier.id} />
                        <input type="hidden" name="awardId" value={a.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="withdraw"
                          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                          data-module="govuk-button"
                        >
                          Withdraw<span className="govuk-visually-hidden"> {a.lotLabel}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
      ) : (
        <p className="govuk-body">You have not declared any framework awards yet.</p>
      )}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Declare an award</h2>
          {lots.length ? (
            <Form method="post" noValidate onSubmit={onSubmit}>
              <input type="hidden" name="supplierId" value={supplier.id} />
              <SelectField
                name="lotId"
                label="Framework lot"
                hint="Frameworks that are live, ending soon or about to start"
                options={[
                  { value: "", label: "Select a lot" },
                  ...lots.map((l) => ({
                    value: l.id,
                    label: `${l.label}${l.status === "live" ? "" : ` (${FRAMEWORK_STATUS_LABELS[l.status].label.toLowerCase()})`}`,
                  })),
                ]}
                defaultValue={values?.lotId as string | undefined}
                error={error("lotId")}
                registered={register("lotId")}
              />
              <DateInputField
                name="awarded"
                legend="Award date"
                hint="The date on your award letter, for example 17 9 2026"
                error={error}
                register={register}
                defaultValues={values}
              />
              <TextField
                name="reference"
                label="Award reference"
                width="20"
                spellCheck={false}
                hint="From your award letter, for example RM1557.15-L2a-00412"
                defaultValue={values?.reference as string | undefined}
                error={error("reference")}
                registered={register("reference")}
              />
              <button type="submit" name="intent" value="declare" className="govuk-button" data-module="govuk-button">
                Declare award
              </button>
            </Form>
          ) : (
            <p className="govuk-body">You have declared an award on every lot that is open.</p>
          )}
        </div>
      </div>
    </>
  );
}
