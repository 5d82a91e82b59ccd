import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { type z } from "zod";
import { ErrorSummary, useZodForm } from "~/components/forms";
import { ListingSectionFields, type ListingFormValues } from "~/components/listing-fields";
import { listListableLots } from "~/models/award.server";
import { lockSchema, sectionBySlug, type ListingInput, type ListingSectionSlug } from "~/models/listing.schema";
import {
  getListing,
  ListingConflictError,
  ListingStateError,
  listingFormValues,
  listingValuesFromInput,
  saveListingSection,
  type ListingFormInput,
} from "~/models/listing.server";
import { now } from "~/utils/clock.server";
import { formDataToObject, parseWithSchema, readFormData } from "~/utils/forms";
import { clientIp, notFound } from "~/utils/http.server";
import { requireListingAccess } from "~/auth/listing-policy.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.title : "Listing section");
export const handle = { title: "Edit listing" };

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

type ActionData = {
  errors: Record<string, string[]>;
  values: ListingFormValues;
  conflict?: { current: ListingFormInput; lockVersion: number };
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, owner } = await requireListingAccess(request, params.id, "update");
  const section = sectionBySlug(String(params.section));
  if (!section) throw notFound();
  const formData = await readFormData(request);
  const input = formDataToObject(formData, section.slug === "lots" ? ["lotIds"] : section.slug === "data-security" ? ["security"] : []);
  const lock = lockSchema.safeParse(input);
  const parsed = parseWithSchema(section.schema as z.ZodTypeAny, input);
  if (!lock.success)
    return Response.json({ errors: { form: ["The form is out of date. Reload the page and try again."] }, values: input }, { status: 400 });
  if (!parsed.success) return Response.json({ errors: parsed.errors, values: input }, { status: 400 });
  const values = listingValuesFromInput(parsed.data as Partial<ListingInput>);
  if (section.slug === "lots") {
    const allowed = new Set((await listListableLots(owner.supplierId, now())).map((l) => l.id));
    if (values.lotIds?.some((id) => !allowed.has(id))) {
      return Response.json(
        { errors: { lotIds: ["Select only lots your organisation holds a verified award on, on live frameworks"] }, values: input },
        { status: 400 },
      );
    }
  }
  try {
    await saveListingSection({
      productId: owner.id,
      userId: user.id,
      lockVersion: lock.data.lockVersion,
      section: section.slug,
      values,
      ip: clientIp(context, request),
    });
  } catch (error) {
    if (error instanceof ListingConflictError) {
      return Response.json(
        {
          errors: {
            form: [
              "This listing changed since you opened it. Someone else saved it. Check their version below, then save yours again if it is still right.",
            ],
          },
          values: input,
          conflict: { current: listingFormValues(error.current), lockVersion: error.currentLockVersion },
        },
        { status: 409 },
      );
    }
    if (error instanceof ListingStateError) return Response.json({ errors: { form: [error.message] }, values: input }, { status: 400 });
    throw error;
  }
  return redirect(`/supplier/listings/${owner.id}`, { headers: await flash(request, `${section.title} saved as a draft`) });
}

function ConflictSummary({ current, fields }: { current: ListingFormInput; fields: string[] }) {
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s">The saved version now says</h2>
      <dl className="govuk-summary-list">
        {fields.map((f) => {
          const v = current[f as keyof ListingFormInput];
          return (
            <div className="govuk-summary-list__row" key={f}>
              <dt className="govuk-summary-list__key">{f}</dt>
              <dd className="govuk-summary-list__value">{Array.isArray(v) ? v.join(", ") : String(v ?? "")}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

export default function ListingSectionPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const section = sectionBySlug(data.section)!;
  const { register, errors, onSubmit } = useZodForm(section.schema as z.ZodTypeAny, actionData?.errors);
  const values = (actionData?.values ?? data.values) as ListingFormValues;
  const lockVersion = actionData?.conflict?.lockVersion ?? data.lockVersion;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={`/supplier/listings/${data.productId}`}>
          Back to the listing
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.listingName}</span>
        <h1 className="govuk-heading-l">{data.title}</h1>
        {actionData?.conflict ? <ConflictSummary current={actionData.conflict.current} fields={Object.keys(section.schema.shape)} /> : null}
        {data.withdrawn ? (
          <p className="govuk-body">This listing has been withdrawn and cannot be edited.</p>
        ) : (
          <Form method="post" noValidate onSubmit={onSubmit} key={lockVersion}>
            <input type="hidden" name="lockVersion" value={lockVersion} />
            <ListingSectionFields section={data.section} values={values} errors={errors} register={register} lots={data.lots} />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Save and return to the listing
              </button>
              <Link className="govuk-link" to={`/supplier/listings/${data.productId}`}>
                Cancel
              </Link>
            </div>
          </Form>
        )}
      </div>
    </div>
  );
}
