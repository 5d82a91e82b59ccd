import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton, TextareaField } from "~/components/forms";
import { moderationDecisionSchema } from "~/models/listing.schema";
import { decideListingVersion, getVersionForModeration, type ListingValues } from "~/models/listing.server";
import { handleForm } from "~/utils/form-action.server";
import { withFailureExtras } from "~/utils/form-extras.server";
import { withIssuesMoved } from "~/utils/schema-issues";
import { ok } from "~/utils/result";
import { clientIp, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { listingValueText } from "~/models/listing-history";
import { ListingAnswer } from "~/components/listing-answer";
import { ChangesTable } from "~/components/changes-table";

export const meta: MetaFunction = () => pageTitle("Review a listing");
export const handle = { title: "Review a listing" };

async function reviewView(versionId: string) {
  const found = await getVersionForModeration(versionId.slice(0, 60));
  if (!found) return null;
  return {
    versionId: found.version.id,
    status: found.version.status,
    supplier: found.version.product.supplier.tradingName,
    versionNumber: found.version.versionNumber,
    values: found.values,
    contentToken: found.contentToken,
    problems: found.problems,
    published: found.published,
    lotLabels: found.lotLabels,
  };
}

type ReviewView = NonNullable<Awaited<ReturnType<typeof reviewView>>>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "moderate:product:any");
  const view = await reviewView(String(params.versionId));
  if (!view) throw notFound();
  return view;
}

const DONE = { approve: "Listing approved and published", reject: "Listing returned to the supplier with your reason" } as const;

// The content token is a hidden field: its error (the page is out of date) is shown against the form.
const decisionSchema = withIssuesMoved(moderationDecisionSchema, (field, message) =>
  field === "decision" ? { field, message: "Select approve or reject" } : { field: field === "contentToken" ? "form" : field, message },
);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "moderate:product:any");
  const versionId = String(params.versionId);
  const answer = await handleForm(request, {
    schema: decisionSchema,
    run: async (input) => {
      const decided = await decideListingVersion({
        versionId,
        adminId: admin.id,
        decision: input.decision,
        reason: input.decision === "reject" ? input.reason : undefined,
        contentToken: input.contentToken,
        ip: clientIp(context, request),
      });
      return decided.ok ? ok(input.decision) : decided;
    },
    onSuccess: async (decision) => redirect("/admin/moderation", { headers: await flash(request, DONE[decision]) }),
  });
  // Someone else decided, the content changed or the listing's state refuses it: nothing was saved; show the version as it is now.
  return withFailureExtras(answer, async (refused) => ({
    conflict: refused.failure?.kind === "conflict" ? await reviewView(versionId) : null,
  }));
}

const FIELD_LABELS: Record<keyof ListingValues, string> = {
  name: "Name",
  summary: "Summary",
  description: "Description",
  category: "Category",
  features: "Features",
  benefits: "Benefits",
  priceFromPence: "Starting price",
  priceUnit: "Price unit",
  vatIncluded: "VAT included",
  freeTrial: "Free trial",
  pricingDocumentUrl: "Pricing document",
  lotIds: "Framework lots",
  dataLocation: "Data location",
  security: "Security",
  accessibilityStatementUrl: "Accessibility statement",
  standards: "Standards",
  integrations: "Integrations",
  // The service definition and documents (issue 19).
  hasApi: "API for buyers",
  serviceId: "Service ID",
  onboarding: "Onboarding",
  offboarding: "Offboarding and exit",
  dataImportFormats: "Data import formats",
  dataExportFormats: "Data export formats",
  availability: "Availability (%)",
  availabilityMeasurement: "How availability is measured",
  supportHours: "Support hours",
  supportResponse: "Urgent response time",
  backupFrequency: "Backups",
  backupRecovery: "Backup and recovery",
  securityEvidence: "Security evidence",
  accessibilityLevel: "Accessibility level",
  documents: "Documents (kind: file, size, SHA-256)",
};

/** An answer in the words the listing form uses (a code as its label, a lot by its name, a price as money). */
function show(values: ListingValues, lotLabels: Record<string, string>, key: keyof ListingValues): string | string[] {
  return listingValueText(key, values[key], lotLabels, values);
}

const same = (a: string | string[], b: string | string[]) => JSON.stringify(a) === JSON.stringify(b);

export default function ReviewListing() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // After a conflict the page shows the version as it is now, and a decision applies to that.
  const d: ReviewView = actionData?.conflict ?? loaded;
  const keys = Object.keys(FIELD_LABELS) as (keyof ListingValues)[];
  const changed = keys.filter((k) => !d.published || !same(show(d.published, d.lotLabels, k), show(d.values, d.lotLabels, k)));
  return (
    <>
      <Link className="govuk-back-link" to="/admin/moderation">
        Back to listings to review
      </Link>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <span className="govuk-caption-l">
        {d.supplier} · version {d.versionNumber}
      </span>
      <h1 className="govuk-heading-l">Review: {d.values.name}</h1>
      {actionData?.conflict ? (
        <div className="govuk-inset-text">This page now shows the version as it is now. Check it again before you decide.</div>
      ) : null}
      {d.problems.length ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {d.problems.map((p) => (
              <span className="govuk-!-display-block" key={p}>
                {p}
              </span>
            ))}
          </strong>
        </div>
      ) : null}
      <p className="govuk-body">
        {d.published
          ? `${changed.length} of ${keys.length} fields changed since the published version.`
          : "A new listing: every field is shown."}
      </p>
      <ChangesTable
        caption="What changed"
        compared={Boolean(d.published)}
        headers={{ question: "Field", before: "Published version", after: "Submitted version" }}
        rows={keys.map((k) => ({
          key: k,
          label: FIELD_LABELS[k],
          before: d.published ? <ListingAnswer value={show(d.published, d.lotLabels, k)} /> : "–",
          after: <ListingAnswer value={show(d.values, d.lotLabels, k)} />,
          changed: changed.includes(k),
        }))}
      />
      {d.status === "submitted" ? (
        <Form method="post" noValidate key={d.contentToken}>
          <input type="hidden" name="contentToken" value={d.contentToken} />
          <div className={`govuk-form-group${actionData?.errors?.decision ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Your decision</legend>
              <div className="govuk-radios" data-module="govuk-radios">
                <div className="govuk-radios__item">
                  <input className="govuk-radios__input" id="decision" name="decision" type="radio" value="approve" />
                  <label className="govuk-label govuk-radios__label" htmlFor="decision">
                    Approve and publish
                  </label>
                </div>
                <div className="govuk-radios__item">
                  <input className="govuk-radios__input" id="decision-2" name="decision" type="radio" value="reject" />
                  <label className="govuk-label govuk-radios__label" htmlFor="decision-2">
                    Reject and ask for changes
                  </label>
                </div>
              </div>
            </fieldset>
          </div>
          <TextareaField name="reason" label="Reason for rejecting (the supplier sees this)" error={actionData?.errors?.reason?.[0]} />
          <SubmitButton>Save decision</SubmitButton>
        </Form>
      ) : (
        <p className="govuk-body">This version is {d.status}; there is nothing to decide.</p>
      )}
    </>
  );
}
