import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitOrCancel, TextareaField, useZodForm } from "~/components/forms";
import { awardDecisionSchema, rejectAwardSchema } from "~/models/award.schema";
import { getUnverifiedAward, listUnverifiedAwards, rejectAward, verifyAward } from "~/models/award.server";
import { now } from "~/utils/clock.server";
import { formatDate } from "~/utils/format";
import { FRAMEWORK_STATUS_LABELS, SIZE_LABELS } from "~/utils/labels";
import { handleForm } from "~/utils/form-action.server";
import { ok } from "~/utils/result";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { BackLink, SummaryList } from "~/components/buying";
import { QueueTable } from "~/components/queue-table";
import { RowAction } from "~/components/row-action";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.rejecting ? "Reject an award" : "Awards to verify");
export const handle = { title: "Awards to verify" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "verify:award:any");
  const today = now();
  const rejectId = new URL(request.url).searchParams.get("reject");
  if (rejectId) {
    const award = rejectId.length <= 50 ? await getUnverifiedAward(rejectId, today) : null;
    if (award) return { rejecting: award, queue: [] };
  }
  return { rejecting: null, queue: await listUnverifiedAwards(today) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "verify:award:any");
  const actor = { actorId: user.id, ip: clientIp(context, request) };
  return handleForm(request, {
    schema: awardDecisionSchema,
    // Someone else verified, rejected or withdrew it meanwhile: a conflict, nothing changed; the queue shows why.
    run: async (input) => {
      if (input.intent === "reject") {
        const rejected = await rejectAward({ awardId: input.awardId, reason: input.reason, ...actor });
        return rejected.ok ? ok(`Award rejected. ${rejected.value.supplierName}'s declaration has been removed.`) : rejected;
      }
      const verified = await verifyAward({ awardId: input.awardId, ...actor }, now());
      return verified.ok ? ok(`Award verified for ${verified.value.supplierName}`) : verified;
    },
    onSuccess: async (message) => redirect("/admin/awards", { headers: await flash(request, message) }),
  });
}

export default function AdminAwards() {
  const { rejecting, queue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (rejecting) return <RejectAward award={rejecting} />;

  return (
    <>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <BackLink to="/admin">Back to admin</BackLink>
      <h1 className="govuk-heading-l">Awards to verify</h1>
      <p className="govuk-body">
        Check each declaration against the framework owner&apos;s list of awarded suppliers. Only verified awards on live frameworks can
        carry listings.
      </p>
      <QueueTable
        rows={queue}
        rowKey={(a) => a.id}
        empty="No awards are waiting to be verified."
        columns={[
          {
            header: "Supplier",
            cell: (a) => (
              <>
                <Link className="govuk-link" to={`/suppliers/${a.supplier.slug}`}>
                  {a.supplier.tradingName}
                </Link>
                <br />
                <span className="govuk-body-s">
                  {a.supplier.companyNumber ?? "No company number"} · {SIZE_LABELS[a.supplier.computedSize] ?? a.supplier.computedSize}
                </span>
              </>
            ),
          },
          {
            header: "Framework lot",
            cell: (a) => (
              <>
                {a.lotLabel}{" "}
                <strong className={`govuk-tag ${FRAMEWORK_STATUS_LABELS[a.status].tag}`}>{FRAMEWORK_STATUS_LABELS[a.status].label}</strong>
              </>
            ),
          },
          { header: "Reference", cell: (a) => a.reference },
          { header: "Awarded", cell: (a) => formatDate(a.awardedAt) },
          { header: "Declared", cell: (a) => formatDate(a.declaredAt) },
          {
            header: "Actions",
            hiddenHeader: true,
            cell: (a) => (
              <>
                <RowAction
                  fields={{ awardId: a.id }}
                  intent="verify"
                  label="Verify"
                  about={`${a.reference} for ${a.supplier.tradingName}`}
                  plainAbout
                  className="govuk-!-margin-bottom-2"
                />
                <Link className="govuk-link" to={`/admin/awards?reject=${encodeURIComponent(a.id)}`}>
                  Reject
                  <span className="govuk-visually-hidden">
                    {" "}
                    {a.reference} for {a.supplier.tradingName}
                  </span>
                </Link>
              </>
            ),
          },
        ]}
      />
    </>
  );
}

type UnverifiedAward = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["rejecting"]>;

/** ?reject=<id>: the award's details and the reason for rejecting it, which the audit log keeps. */
function RejectAward({ award }: { award: UnverifiedAward }) {
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, field } = useZodForm(rejectAwardSchema, actionData?.errors, actionData?.values);
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} />
      <BackLink to="/admin/awards">Back to awards to verify</BackLink>
      <h1 className="govuk-heading-l">Reject this award</h1>
      <SummaryList
        rows={[
          { key: "Supplier", value: award.supplier.tradingName },
          { key: "Framework lot", value: award.lotLabel },
          { key: "Reference", value: award.reference },
          { key: "Award date", value: formatDate(award.awardedAt) },
        ]}
      />
      <p className="govuk-body">Rejecting removes the declaration. The reason is kept in the audit log.</p>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="awardId" value={award.id} />
        <TextareaField
          {...field("reason")}
          label="Why are you rejecting it?"
          hint="For example, the reference does not match the framework owner's list of awarded suppliers"
        />
        <SubmitOrCancel variant="warning" intent="reject" cancelTo="/admin/awards">
          Reject award
        </SubmitOrCancel>
      </Form>
    </NarrowPage>
  );
}
