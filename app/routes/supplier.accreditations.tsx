import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { FieldTable, type FieldSpec } from "~/components/field-table";
import { ErrorSummary, SubmitButton, useZodForm } from "~/components/forms";
import { orderErrors, useSupplierOrganisation } from "~/components/supplier-account";
import { accreditationActionSchema, accreditationSchema } from "~/models/supplier-account.schema";
import { addAccreditation, getAccreditationOwner, listAccreditations, removeAccreditation } from "~/models/supplier-account.server";
import { now } from "~/utils/clock.server";
import { formatDate } from "~/utils/format";
import { ACCREDITATION_KINDS, ACCREDITATION_LABELS } from "~/utils/labels";
import { handleForm } from "~/utils/form-action.server";
import { ok } from "~/utils/result";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireOwnSupplierObject, requireSupplierOrganisation } from "~/auth/supplier-policy.server";
import { flash } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { RowAction } from "~/components/row-action";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = () => pageTitle("Accreditations");
export const handle = { title: "Accreditations" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { supplierId } = await requireSupplierOrganisation(request, "update:supplier:own");
  const accreditations = await listAccreditations(supplierId);
  const today = now();
  return {
    accreditations: accreditations.map((a) => ({ ...a, expired: Boolean(a.expiresAt && a.expiresAt <= today) })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The organisation comes from the session, settled before the body is read.
  const { user, supplierId } = await requireSupplierOrganisation(request, "update:supplier:own");
  const actor = { actorId: user.id, ip: clientIp(context, request) };
  return handleForm(request, {
    schema: accreditationActionSchema,
    run: async (input) => {
      if (input.intent === "add") {
        const { kind, certificateNumber, expires } = input;
        const added = await addAccreditation({ supplierId, kind, certificateNumber, expiresAt: expires, ...actor }, now());
        return added.ok ? ok(`${ACCREDITATION_LABELS[kind]} added`) : added;
      }
      await requireOwnSupplierObject(user, request, "update:supplier:own", await getAccreditationOwner(input.accreditationId));
      const removed = await removeAccreditation({ supplierId, accreditationId: input.accreditationId, ...actor });
      return removed.ok ? ok("Accreditation removed") : removed;
    },
    onSuccess: async (message) => redirect("/supplier/accreditations", { headers: await flash(request, message) }),
  });
}

const ACCREDITATION_QUESTIONS: readonly FieldSpec[] = [
  {
    kind: "radio",
    name: "kind",
    legend: "Type of accreditation",
    options: ACCREDITATION_KINDS.map((k) => ({ value: k, label: ACCREDITATION_LABELS[k] ?? k })),
  },
  { kind: "text", name: "certificateNumber", label: "Certificate number", width: "20", spellCheck: false },
  { kind: "date", name: "expires", legend: "Expiry date", hint: "For example, 27 3 2027" },
];
const FIELD_ORDER = ACCREDITATION_QUESTIONS.map((q) => q.name);

export default function Accreditations() {
  const { accreditations } = useLoaderData<typeof loader>();
  const organisation = useSupplierOrganisation();
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, table } = useZodForm(accreditationSchema, actionData?.errors, actionData?.values);
  return (
    <NarrowPage>
      <ErrorSummary errors={orderErrors(errors, FIELD_ORDER)} />
      <span className="govuk-caption-l">{organisation?.tradingName}</span>
      <h1 className="govuk-heading-l">Accreditations</h1>
      <p className="govuk-body">Buyers can filter suppliers by accreditations that have not expired.</p>
      <DataTable
        caption="Your accreditations"
        rows={accreditations}
        rowKey={(a) => a.id}
        empty={<p className="govuk-body">You have not added any accreditations.</p>}
        columns={[
          { header: "Accreditation", cell: (a) => ACCREDITATION_LABELS[a.kind] ?? a.kind },
          { header: "Certificate number", cell: (a) => a.certificateNumber ?? "Not given" },
          {
            header: "Expires",
            cell: (a) => (
              <>
                {a.expiresAt ? formatDate(a.expiresAt) : "Not given"}{" "}
                {a.expired ? <strong className="govuk-tag govuk-tag--grey">Expired</strong> : null}
              </>
            ),
          },
          {
            header: "Action",
            hiddenHeader: true,
            cell: (a) => (
              <RowAction
                fields={{ accreditationId: a.id }}
                intent="remove"
                label="Remove"
                about={`${ACCREDITATION_LABELS[a.kind] ?? a.kind} ${a.certificateNumber ?? ""}`}
                plainAbout
                className="govuk-button--warning govuk-!-margin-bottom-0"
              />
            ),
          },
        ]}
      />

      <h2 className="govuk-heading-m">Add an accreditation</h2>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <FieldTable fields={ACCREDITATION_QUESTIONS} {...table} />
        <SubmitButton intent="add">Add accreditation</SubmitButton>
      </Form>
    </NarrowPage>
  );
}
