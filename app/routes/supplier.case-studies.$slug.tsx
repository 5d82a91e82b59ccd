import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { Form } from "~/components/form";
import { ErrorSummary, SubmitButton, TextareaField, useZodForm } from "~/components/forms";
import { supplierResponseSchema } from "~/models/case-study.schema";
import { getCaseStudyAccess, respondToCaseStudy } from "~/models/case-study.server";
import { getSupplierResponseContext } from "~/models/case-study.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = () => pageTitle("Respond to a case study");
export const handle = { title: "Respond to a case study" };

/** Only a supplier the published case study names may respond; everyone else gets 403. */
async function requireNamedSupplier(request: Request, slug: string | undefined) {
  const access = slug && slug.length <= 120 ? await getCaseStudyAccess(slug) : null;
  if (!access || access.status !== "published") throw notFound("Case study not found");
  const user = await requireUserWithPermission(request, "respond:case-study:own", {
    isOwn: (u) => Boolean(u.supplierId) && access.suppliers.some((s) => s.supplierId === u.supplierId),
    objectId: access.id,
  });
  return { user, slug: access.slug };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, slug } = await requireNamedSupplier(request, params.slug);
  const link = await getSupplierResponseContext(slug, user.supplierId!);
  if (!link) throw notFound();
  return {
    supplierName: user.supplier?.tradingName ?? "",
    caseStudy: link.caseStudy,
    response: link.response ?? "",
    respondedAt: link.respondedAt ? link.respondedAt.toISOString() : "",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, slug } = await requireNamedSupplier(request, params.slug);
  // The organisation is the session's: the policy above checked the case study names it.
  const supplierId = user.supplierId!;
  return handleForm(request, {
    schema: supplierResponseSchema,
    run: (input) => respondToCaseStudy(slug, supplierId, input, { id: user.id, ip: clientIp(context, request) }),
    onSuccess: async () =>
      redirect(`/case-studies/${slug}`, { headers: await flash(request, "Your response is published on the case study") }),
  });
}

export default function RespondToCaseStudy() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { errors, onSubmit, field } = useZodForm(supplierResponseSchema, actionData?.errors, actionData?.values);
  const response = field("response");
  return (
    <NarrowPage>
      <BackLink to="/supplier/case-studies">Back to case studies that name you</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{d.caseStudy.council.name}</span>
      <h1 className="govuk-heading-l">Respond to “{d.caseStudy.title}”</h1>
      <p className="govuk-body">{d.caseStudy.summary}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/case-studies/${d.caseStudy.slug}`}>
          Read the whole case study
        </Link>
      </p>
      <div className="govuk-inset-text">
        Your response is published under the case study, labelled as coming from {d.supplierName}. The council&apos;s text stays as they
        wrote it.
      </div>
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="respondedAt" value={d.respondedAt} key={d.respondedAt} />
        <TextareaField
          {...response}
          defaultValue={response.defaultValue ?? d.response}
          label={`Response from ${d.supplierName}`}
          hint="For example, what you learned, or what has changed since. Up to 3,000 characters."
          rows={8}
        />
        <SubmitButton>Publish response</SubmitButton>
      </Form>
    </NarrowPage>
  );
}
