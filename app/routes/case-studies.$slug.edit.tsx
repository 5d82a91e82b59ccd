import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, WarningText } from "~/components/buying";
import { NarrowPage } from "~/components/form-page";
import { CaseStudyForm } from "~/components/case-study-form";
import { StatusTag, VerifyEmailFirst } from "~/components/case-study-list";
import { STATUS_LABELS } from "~/models/case-study.schema";
import { formValuesFor, getCaseStudyAccess, getCaseStudyBySlug, loadFormOptions, updateCaseStudy } from "~/models/case-study.server";
import { formOnlyAnswer, saveCaseStudyForm, type CaseStudyRefusal } from "~/models/case-study-form.server";
import { productPicker } from "~/services/search.server";
import { failureData, type FormFailure } from "~/utils/form-action.server";
import { clientIp, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { checkPermission, requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(data && "title" in data ? `Edit: ${data.title}` : "Edit a case study");
export const handle = { title: "Edit a case study" };

const VERIFY_FIRST = "Confirm your email address before you edit a case study";

/**
 * Only officers of the council that wrote it, with a confirmed email, may change it: suppliers
 * get 403 before any lookup; another council gets 404, as for a missing slug (a draft's
 * existence is private).
 */
async function requireEditor(request: Request, slug: string | undefined) {
  const user = await requireUserWithPermission(request, "update:case-study:own");
  const access = slug && slug.length <= 120 ? await getCaseStudyAccess(slug) : null;
  if (!access) throw notFound("Case study not found");
  await checkPermission(user, request, "update:case-study:own", {
    isOwn: (u) => Boolean(u.councilId) && u.councilId === access.councilId,
    objectId: access.id,
    notFoundIfNotOwn: true,
  });
  return { user, access };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireEditor(request, params.slug);
  if (!user.emailVerifiedAt) return { needsVerification: true as const };
  const cs = (await getCaseStudyBySlug(String(params.slug)))!;
  const values = formValuesFor(cs);
  const query = new URL(request.url).searchParams.get("productQuery") ?? "";
  const [formOptions, picker] = await Promise.all([loadFormOptions(), productPicker(query, values.productIds as string[])]);
  const options = { ...formOptions, picker };
  return {
    needsVerification: false as const,
    slug: cs.slug,
    title: cs.title,
    status: cs.status,
    rejectionReason: cs.rejectionReason,
    lockVersion: cs.lockVersion,
    councilName: cs.council.name,
    values,
    options,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, access } = await requireEditor(request, params.slug);
  if (!user.emailVerifiedAt) return failureData({ kind: "forbidden", message: VERIFY_FIRST });
  // "Add a row" and "find products" only show the form again.
  const shown = await formOnlyAnswer(request);
  if (shown) return shown;
  return saveCaseStudyForm(request, {
    slug: access.slug,
    save: (input) => updateCaseStudy(access.slug, input, { id: user.id, ip: clientIp(context, request) }),
    onSaved: async (saved) =>
      saved.status === "submitted"
        ? redirect(`/case-studies/${saved.slug}`, {
            headers: await flash(request, "Case study submitted. An administrator will review it before it is published."),
          })
        : redirect(`/case-studies/${saved.slug}/edit`, { headers: await flash(request, "Draft saved") }),
  });
}

export default function EditCaseStudy() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (data.needsVerification) return <VerifyEmailFirst action="edit a case study" />;
  const refused: (FormFailure & Partial<CaseStudyRefusal>) | undefined = actionData && "errors" in actionData ? actionData : undefined;
  const lockVersion = refused?.lockVersion ?? data.lockVersion;
  return (
    <NarrowPage>
      <BackLink to={`/case-studies/${data.slug}`}>Back to the case study</BackLink>
      <CaseStudyForm
        key={lockVersion}
        councilName={data.councilName}
        values={actionData?.values ?? data.values}
        serverErrors={refused?.errors}
        adding={actionData && "adding" in actionData ? actionData.adding : null}
        serviceAreas={data.options.serviceAreas}
        lots={data.options.lots}
        picker={(actionData && "picker" in actionData ? actionData.picker : undefined) ?? data.options.picker}
        lockVersion={lockVersion}
        conflict={refused?.conflict ?? null}
        submitLabel={data.status === "submitted" ? "Save and keep in review" : "Submit for review"}
      >
        <span className="govuk-caption-l">{data.councilName}</span>
        <h1 className="govuk-heading-l">Edit: {data.title}</h1>
        <p className="govuk-body">
          Status: <StatusTag status={data.status} labels={STATUS_LABELS} />
        </p>
        {data.status === "rejected" || data.status === "withdrawn" ? (
          <div className="govuk-inset-text">
            <h2 className="govuk-heading-s">
              {data.status === "rejected" ? "An administrator asked for changes" : "An administrator unpublished this case study"}
            </h2>
            <p className="govuk-body">{data.rejectionReason}</p>
          </div>
        ) : null}
        {data.status === "published" ? (
          <WarningText>
            This case study is published. If you save changes, it will be hidden until an administrator approves them.
          </WarningText>
        ) : null}
      </CaseStudyForm>
    </NarrowPage>
  );
}
