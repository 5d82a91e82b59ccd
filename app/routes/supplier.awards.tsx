import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { FieldTable, type FieldSpec } from "~/components/field-table";
import { ErrorSummary, SubmitButton, useZodForm } from "~/components/forms";
import { orderErrors, useSupplierOrganisation } from "~/components/supplier-account";
import { awardActionSchema, declareAwardSchema } from "~/models/award.schema";
import { declareAward, getAwardOwner, listDeclarableLots, listSupplierAwards, withdrawAward } from "~/models/award.server";
import { now } from "~/utils/clock.server";
import { formatDate } from "~/utils/format";
import { FRAMEWORK_STATUS_LABELS } from "~/utils/labels";
import { handleForm } from "~/utils/form-action.server";
import { ok } from "~/utils/result";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireOwnSupplierObject, requireSupplierOrganisation } from "~/auth/supplier-policy.server";
import { flash } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { RowAction } from "~/components/row-action";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = () => pageTitle("Framework awards");
export const handle = { title: "Framework awards" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { supplierId } = await requireSupplierOrganisation(request, "create:award:own");
  const today = now();
  const [awards, lots] = await Promise.all([listSupplierAwards(supplierId, today), listDeclarableLots(today)]);
  const declared = new Set(awards.map((a) => a.lotId));
  return {
    awards,
    lots: lots.filter((l) => !declared.has(l.id)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The organisation comes from the session, settled before the body is read.
  const { user, supplierId } = await requireSupplierOrganisation(request, "create:award:own");
  const actor = { actorId: user.id, ip: clientIp(context, request) };
  return handleForm(request, {
    schema: awardActionSchema,
    run: async (input) => {
      if (input.intent === "withdraw") {
        // The award's real owner decides, not anything in the form.
        await requireOwnSupplierObject(user, request, "create:award:own", await getAwardOwner(input.awardId));
        const withdrawn = await withdrawAward({ supplierId, awardId: input.awardId, ...actor });
        return withdrawn.ok ? ok("Award declaration withdrawn") : withdrawn;
      }
      const declared = await declareAward(
        { supplierId, lotId: input.lotId, awardedAt: input.awarded, reference: input.reference, ...actor },
        now(),
      );
      return declared.ok ? ok("Award declared. An administrator will check it before you can list products on that lot.") : declared;
    },
    onSuccess: async (message) => redirect("/supplier/awards", { headers: await flash(request, message) }),
  });
}

const FIELD_ORDER = ["lotId", "awarded", "reference"];

export default function SupplierAwards() {
  const { awards, lots } = useLoaderData<typeof loader>();
  const organisation = useSupplierOrganisation();
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, table } = useZodForm(declareAwardSchema, actionData?.errors, actionData?.values);
  const questions: FieldSpec[] = [
    {
      kind: "select",
      name: "lotId",
      label: "Framework lot",
      hint: "Frameworks that are live, ending soon or about to start",
      options: [
        { value: "", label: "Select a lot" },
        ...lots.map((l) => ({
          value: l.id,
          label: `${l.label}${l.status === "live" ? "" : ` (${FRAMEWORK_STATUS_LABELS[l.status].label.toLowerCase()})`}`,
        })),
      ],
    },
    { kind: "date", name: "awarded", legend: "Award date", hint: "The date on your award letter, for example 17 9 2026" },
    {
      kind: "text",
      name: "reference",
      label: "Award reference",
      width: "20",
      spellCheck: false,
      hint: "From your award letter, for example RM1557.15-L2a-00412",
    },
  ];
  return (
    <>
      <ErrorSummary errors={orderErrors(errors, FIELD_ORDER)} />
      <span className="govuk-caption-l">{organisation?.tradingName}</span>
      <h1 className="govuk-heading-l">Framework awards</h1>
      <p className="govuk-body">
        Declare each framework lot your organisation is awarded on. An administrator checks the award with the framework owner; once it is
        verified, and while the framework is live, you can list products on that lot.
      </p>
      <DataTable
        caption="Your awards"
        rows={awards}
        rowKey={(a) => a.id}
        empty={<p className="govuk-body">You have not declared any framework awards yet.</p>}
        columns={[
          {
            header: "Framework lot",
            cell: (a) => (
              <Link className="govuk-link" to={`/frameworks/${a.agreementNumber}`}>
                {a.lotLabel}
              </Link>
            ),
          },
          { header: "Reference", cell: (a) => a.reference },
          { header: "Awarded", cell: (a) => formatDate(a.awardedAt) },
          {
            header: "Framework",
            cell: (a) => (
              <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[a.status].tag}`}>{FRAMEWORK_STATUS_LABELS[a.status].label}</strong>
            ),
          },
          {
            header: "Verification",
            cell: (a) =>
              a.verified ? (
                <strong className="govuk-tag govuk-tag--green">Verified</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--yellow">Pending verification</strong>
              ),
          },
          {
            header: "Action",
            hiddenHeader: true,
            cell: (a) =>
              a.verified ? null : <RowAction fields={{ awardId: a.id }} intent="withdraw" label="Withdraw" about={a.lotLabel} plainAbout />,
          },
        ]}
      />

      <NarrowPage>
        <h2 className="govuk-heading-m">Declare an award</h2>
        {lots.length ? (
          <Form method="post" noValidate onSubmit={onSubmit}>
            <FieldTable fields={questions} {...table} />
            <SubmitButton intent="declare">Declare award</SubmitButton>
          </Form>
        ) : (
          <p className="govuk-body">You have declared an award on every lot that is open.</p>
        )}
      </NarrowPage>
    </>
  );
}
