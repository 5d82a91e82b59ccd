import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { BackLink } from "~/components/buying";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { NotificationBanner } from "~/components/supplier-notification-banner";
import type { ReactNode } from "react";
import { z } from "zod";
import { LISTING_SECTIONS, lockSchema } from "~/models/listing.schema";
import { DOCUMENT_KINDS } from "~/models/listing-document.schema";
import { getListing, sectionStatuses, submitListing, withdrawListing } from "~/models/listing.server";
import { afterCommit } from "~/utils/after-commit.server";
import { formatDateTime } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { ok } from "~/utils/result";
import { clientIp, notFound } from "~/utils/http.server";
import { requireListingAccess } from "~/auth/listing-policy.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/auth/session.server";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Listing: ${data.name}` : "Listing");
export const handle = { title: "Listing" };

const STATUS_LABELS: Record<string, { label: string; tag: string }> = {
  draft: { label: "Draft", tag: "govuk-tag--grey" },
  submitted: { label: "Waiting for review", tag: "govuk-tag--blue" },
  published: { label: "Published", tag: "govuk-tag--green" },
  rejected: { label: "Changes needed", tag: "govuk-tag--red" },
  withdrawn: { label: "Withdrawn", tag: "govuk-tag--grey" },
  superseded: { label: "Superseded", tag: "govuk-tag--grey" },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, owner } = await requireListingAccess(request, params.id, "read");
  const listing = await getListing(owner.id);
  if (!listing) throw notFound();
  const statuses = sectionStatuses(listing.values);
  return {
    productId: owner.id,
    name: listing.values.name || "Untitled listing",
    productStatus: listing.product.status,
    lockVersion: listing.product.lockVersion,
    canEdit: user.supplierId === owner.supplierId,
    published: listing.published ? { versionNumber: listing.published.versionNumber, publishedAt: listing.published.publishedAt } : null,
    working: listing.working
      ? {
          versionNumber: listing.working.versionNumber,
          status: listing.working.status,
          rejectionReason: listing.working.rejectionReason,
          submittedAt: listing.working.submittedAt,
        }
      : null,
    sections: LISTING_SECTIONS.map((s) => ({ slug: s.slug, title: s.title, complete: statuses[s.slug] })),
    documentsAdded: listing.current.documents.length,
  };
}

const listingActionSchema = lockSchema.extend({
  intent: z.enum(["submit", "withdraw"], { errorMap: () => ({ message: "Choose an action" }) }),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, owner } = await requireListingAccess(request, params.id, "update");
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: listingActionSchema,
    run: async ({ intent, lockVersion }) => {
      const args = { productId: owner.id, userId: user.id, lockVersion, ip };
      if (intent === "submit") {
        const submitted = await submitListing(args);
        return submitted.ok ? ok("Listing submitted for review") : submitted;
      }
      const withdrawn = await withdrawListing(args);
      if (!withdrawn.ok) return withdrawn;
      await afterCommit();
      return ok("Listing withdrawn: buyers can no longer find it");
    },
    onSuccess: async (message) => redirect(`/supplier/listings/${owner.id}`, { headers: await flash(request, message) }),
  });
}

export default function ListingTaskList() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const allComplete = data.sections.every((s) => s.complete);
  const status = STATUS_LABELS[data.working?.status ?? data.productStatus] ?? STATUS_LABELS.draft;
  const editable = data.canEdit && data.productStatus !== "withdrawn";
  const canSubmit = editable && allComplete && data.working?.status === "draft";
  // Each section of the form, then the documents; each task's key is the last part of its page's address.
  const tasks: { key: string; title: string; hint?: string; status: ReactNode }[] = [
    ...data.sections.map((s) => ({
      key: s.slug,
      title: s.title,
      status: s.complete ? "Completed" : <strong className="govuk-tag govuk-tag--blue">Incomplete</strong>,
    })),
    {
      key: "documents",
      title: "Documents",
      hint: "The files buyers download with the listing (optional)",
      status: `${data.documentsAdded} of ${DOCUMENT_KINDS.length} added`,
    },
  ];
  return (
    <NarrowPage>
      <BackLink to="/supplier">Back to your dashboard</BackLink>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <span className="govuk-caption-l">Listing</span>
      <h1 className="govuk-heading-l">{data.name}</h1>
      <p className="govuk-body">
        <strong className={`govuk-tag ${status.tag}`}>{status.label}</strong>
        {data.published && data.working ? (
          <>
            {" "}
            · Version {data.published.versionNumber} stays live until version {data.working.versionNumber} is approved.
          </>
        ) : null}
      </p>
      {data.working?.status === "rejected" && data.working.rejectionReason ? (
        <NotificationBanner id="rejected-title" title="Changes needed">
          <p className="govuk-body">An administrator asked for changes:</p>
          <p className="govuk-body">{data.working.rejectionReason}</p>
        </NotificationBanner>
      ) : null}
      <h2 className="govuk-heading-m">Sections</h2>
      <ul className="govuk-task-list">
        {tasks.map((t) => (
          <li className="govuk-task-list__item govuk-task-list__item--with-link" key={t.key}>
            <div className="govuk-task-list__name-and-hint">
              {editable ? (
                <Link
                  className="govuk-link govuk-task-list__link"
                  to={`/supplier/listings/${data.productId}/${t.key}`}
                  aria-describedby={`status-${t.key}`}
                >
                  {t.title}
                </Link>
              ) : (
                <span>{t.title}</span>
              )}
              {t.hint ? <div className="govuk-task-list__hint">{t.hint}</div> : null}
            </div>
            <div className="govuk-task-list__status" id={`status-${t.key}`}>
              {t.status}
            </div>
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/supplier/listings/${data.productId}/preview`}>
          Preview how buyers will see it
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" to={`/supplier/listings/${data.productId}/history`}>
          History
        </Link>
      </p>
      {data.canEdit ? (
        <>
          {canSubmit ? (
            <Form method="post">
              <input type="hidden" name="lockVersion" value={data.lockVersion} />
              <SubmitButton intent="submit">Submit for review</SubmitButton>
            </Form>
          ) : data.working?.status === "submitted" ? (
            <p className="govuk-body">
              Submitted {data.working.submittedAt ? formatDateTime(data.working.submittedAt) : ""}. An administrator will review it. If you
              change a section now, this version is taken out of review and you will need to submit the listing again.
            </p>
          ) : data.working?.status === "rejected" ? (
            <p className="govuk-body">Change the sections the administrator asked about, then submit the listing again.</p>
          ) : !allComplete ? (
            <p className="govuk-body">Complete every section to submit the listing for review.</p>
          ) : null}
          {data.productStatus !== "withdrawn" && data.published ? (
            <Form method="post">
              <input type="hidden" name="lockVersion" value={data.lockVersion} />
              <SubmitButton variant="warning" intent="withdraw">
                Withdraw this listing
              </SubmitButton>
            </Form>
          ) : null}
        </>
      ) : null}
    </NarrowPage>
  );
}
