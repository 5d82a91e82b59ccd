import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { NarrowPage } from "~/components/form-page";
import { CaseStudyForm } from "~/components/case-study-form";
import { VerifyEmailFirst } from "~/components/case-study-list";
import { createCaseStudy, loadFormOptions } from "~/models/case-study.server";
import { formOnlyAnswer, saveCaseStudyForm } from "~/models/case-study-form.server";
import { productPicker } from "~/services/search.server";
import { failureData } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";

export const meta: MetaFunction = () => pageTitle("Write a case study");
export const handle = { title: "Write a case study" };

const VERIFY_FIRST = "Confirm your email address before you write a case study";

/** Council officers only: a case study is always written for the author's own council. */
function requireAuthor(request: Request) {
  return requireUserWithPermission(request, "create:case-study:own", { isOwn: (u) => Boolean(u.councilId) });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAuthor(request);
  const query = new URL(request.url).searchParams.get("productQuery") ?? "";
  const [formOptions, picker] = await Promise.all([loadFormOptions(), productPicker(query, [])]);
  const options = { ...formOptions, picker };
  return {
    needsVerification: !user.emailVerifiedAt,
    councilName: user.council?.name ?? "",
    options,
    values: { contactName: user.name, contactEmail: user.email, productQuery: query } as Record<string, unknown>,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAuthor(request);
  if (!user.emailVerifiedAt) return failureData({ kind: "forbidden", message: VERIFY_FIRST });
  // "Add a row" and "find products" only show the form again.
  const shown = await formOnlyAnswer(request);
  if (shown) return shown;
  // A second post of the same form (a double click, a resubmission) gets the first one's page, not a second case study (handleForm).
  return saveCaseStudyForm(request, {
    save: (input) => createCaseStudy(input, { id: user.id, councilId: user.councilId!, ip: clientIp(context, request) }),
    onSaved: async (saved) =>
      saved.status === "submitted"
        ? redirect(`/case-studies/${saved.slug}`, {
            headers: await flash(request, "Case study submitted. An administrator will review it before it is published."),
          })
        : redirect(`/case-studies/${saved.slug}/edit`, {
            headers: await flash(request, "Draft saved. Only people at your council and administrators can see it."),
          }),
  });
}

export default function NewCaseStudy() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (data.needsVerification) return <VerifyEmailFirst action="write a case study" />;
  return (
    <NarrowPage>
      <BackLink to="/case-studies">Back to case studies</BackLink>
      <CaseStudyForm
        councilName={data.councilName}
        values={actionData?.values ?? data.values}
        serverErrors={actionData && "errors" in actionData ? actionData.errors : undefined}
        adding={actionData && "adding" in actionData ? actionData.adding : null}
        serviceAreas={data.options.serviceAreas}
        lots={data.options.lots}
        picker={(actionData && "picker" in actionData ? actionData.picker : undefined) ?? data.options.picker}
      >
        <span className="govuk-caption-l">{data.councilName}</span>
        <h1 className="govuk-heading-l">Write a case study</h1>
        <p className="govuk-body">
          Tell other councils what you bought, how you bought it and whether it worked. You can save a draft at any time. When you submit
          it, an administrator checks it before it is published.
        </p>
      </CaseStudyForm>
    </NarrowPage>
  );
}
