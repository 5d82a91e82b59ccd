import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { Form } from "~/components/form";
import { type z } from "zod";
import { ErrorSummary, SubmitOrCancel, useZodForm } from "~/components/forms";
import { ListingSectionFields, type ListingFormValues } from "~/components/listing-fields";
import { listListableLots } from "~/models/award.server";
import { LISTING_FIELD_LABELS } from "~/models/listing-display";
import { lockSchema, SECTION_ARRAY_KEYS, sectionBySlug, type ListingSectionSlug } from "~/models/listing.schema";
import {
  getListing,
  LISTING_CONFLICT_MESSAGE,
  listingFormValues,
  listingValuesFromInput,
  saveListingSection,
  type ListingFormInput,
} from "~/models/listing.server";
import { now } from "~/utils/clock.server";
import { handleForm } from "~/utils/form-action.server";
import { conflict, invalid, ok } from "~/utils/result";
import { clientIp, notFound } from "~/utils/http.server";
import { requireListingAccess } from "~/auth/listing-policy.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/auth/session.server";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.title : "Listing section");
export const handle = { title: "Edit listing" };

// After a refused save (a conflict above all) the page reloads the listing as it is now, so the
// form carries the current lock version and the conflict summary shows what was saved.
export const shouldRevalidate: ShouldRevalidateFunction = ({ defaultShouldRevalidate, actionStatus }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { owner } = await requireListingAccess(request, params.id, "update");
  const section = sectionBySlug(String(params.section));
  if (!section) throw notFound();
  const listing = await getListing(owner.id);
  if (!listing) throw notFound();
  const lots = await listListableLots(owner.supplierId, now());
  return {
    productId: owner.id,
    section: section.slug as ListingSectionSlug,
    title: section.title,
    listingName: listing.values.name || "Untitled listing",
    values: listingFormValues(listing.values),
    lockVersion: listing.product.lockVersion,
    withdrawn: listing.product.status === "withdrawn",
    lots: lots.map((l) => ({ id: l.id, label: l.label })),
  };
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") : v === true ? "Yes" : v === false ? "No" : String(v ?? ""));

/** The conflict, naming each field of this section the other save left different from what was posted. */
async function conflictWithChanges(productId: string, fields: string[], posted: Record<string, unknown>) {
  const listing = await getListing(productId);
  const current = listing ? (listingFormValues(listing.values) as Record<string, unknown>) : {};
  const differ = fields.filter((f) => show(current[f]) !== show(posted[f]));
  const said = differ.map((f) => `${LISTING_FIELD_LABELS[f] ?? f} now reads “${show(current[f]).slice(0, 200)}”`);
  return conflict(
    `${LISTING_CONFLICT_MESSAGE}${said.length ? ` ${said.join("; ")}.` : ""} Check the saved version below, then save yours again if it is still right.`,
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, owner } = await requireListingAccess(request, params.id, "update");
  const section = sectionBySlug(String(params.section));
  if (!section) throw notFound();
  const fields = Object.keys(section.schema.shape);
  return handleForm(request, {
    // One section's schema (its fields vary by section) with the lock every section form carries.
    schema: (section.schema as z.AnyZodObject).merge(lockSchema) as z.ZodType<Record<string, unknown> & { lockVersion: number }>,
    arrayKeys: SECTION_ARRAY_KEYS[section.slug] ?? [],
    run: async (input) => {
      const { lockVersion, ...parsed } = input;
      const values = listingValuesFromInput(parsed);
      if (section.slug === "lots") {
        const allowed = new Set((await listListableLots(owner.supplierId, now())).map((l) => l.id));
        if (values.lotIds?.some((id) => !allowed.has(id)))
          return invalid({ lotIds: ["Select only lots your organisation holds a verified award on, on live frameworks"] });
      }
      const saved = await saveListingSection({
        productId: owner.id,
        userId: user.id,
        lockVersion,
        section: section.slug,
        values,
        ip: clientIp(context, request),
      });
      if (!saved.ok && saved.failure.kind === "conflict" && saved.failure.message === LISTING_CONFLICT_MESSAGE)
        return conflictWithChanges(owner.id, fields, parsed);
      return saved.ok ? ok(section.title) : saved;
    },
    onSuccess: async (title) => redirect(`/supplier/listings/${owner.id}`, { headers: await flash(request, `${title} saved as a draft`) }),
  });
}

function ConflictSummary({ current, fields }: { current: ListingFormInput; fields: string[] }) {
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s">The saved version now says</h2>
      <dl className="govuk-summary-list">
        {fields.map((f) => (
          <div className="govuk-summary-list__row" key={f}>
            <dt className="govuk-summary-list__key">{LISTING_FIELD_LABELS[f] ?? f}</dt>
            <dd className="govuk-summary-list__value">{show(current[f as keyof ListingFormInput])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export default function ListingSectionPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const section = sectionBySlug(data.section)!;
  const { register, errors, onSubmit } = useZodForm(section.schema as z.ZodTypeAny, actionData?.errors);
  const values = (actionData?.values ?? data.values) as ListingFormValues;
  const isConflict = actionData?.failure?.kind === "conflict";
  return (
    <NarrowPage>
      <BackLink to={`/supplier/listings/${data.productId}`}>Back to the listing</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{data.listingName}</span>
      <h1 className="govuk-heading-l">{data.title}</h1>
      {isConflict ? <ConflictSummary current={data.values} fields={Object.keys(section.schema.shape)} /> : null}
      {data.withdrawn ? (
        <p className="govuk-body">This listing has been withdrawn and cannot be edited.</p>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit} key={data.lockVersion}>
          <input type="hidden" name="lockVersion" value={data.lockVersion} />
          <ListingSectionFields section={data.section} values={values} errors={errors} register={register} lots={data.lots} />
          <SubmitOrCancel cancelTo={`/supplier/listings/${data.productId}`}>Save and return to the listing</SubmitOrCancel>
        </Form>
      )}
    </NarrowPage>
  );
}
