import { readFormData } from "~/utils/forms";
import { runOnce } from "~/utils/form-action.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CaseStudyForm } from "~/components/case-study-form";
import { VerifyEmailFirst } from "~/components/case-study-list";
import { ADDING_FOR_INTENT, readCaseStudyForm } from "~/models/case-study.schema";
import { createCaseStudy, loadFormOptions } from "~/models/case-study.server";
import { productPicker } from "~/services/search.server";
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
  if (!user.emailVerifiedAt) return Response.json({ errors: { form: [VERIFY_FIRST] }, values: {} }, { status: 403 });
  const formData = await readFormData(request);
  const read = readCaseStudyForm(formData);
  if (read.kind === "form-only") {
    const picker = await productPicker(read.productQuery, read.productIds);
    return Response.json({ values: read.values, adding: ADDING_FOR_INTENT[read.intent], picker });
  }
  if (read.kind === "invalid") {
    const picker = await productPicker(read.productQuery, read.productIds);
    return Response.json({ errors: read.errors, values: read.values, picker }, { status: 400 });
  }
  // A second post of the same form (a double click, a resubmission) gets the first one's page, not a second case study.
  return runOnce(request, formData, async () => {
    const result = await createCaseStudy(read.data, { id: user.id, councilId: user.councilId!, ip: clientIp(context, request) });
    if (!result.ok) {
      const picker = await productPicker(read.productQuery, read.productIds);
      const errors = result.kind === "invalid" ? result.errors : { form: ["The case study could not be saved. Try again."] };
      return Response.json({ errors, values: read.values, picker }, { status: 400 });
    }
    if (result.status === "submitted") {
      return redirect(`/case-studies/${result.slug}`, {
        headers: await flash(request, "Case study submitted. An administrator will review it before it is published."),
      });
    }
    return redirect(`/case-studies/${result.slug}/edit`, {
      headers: await flash(request, "Draft saved. Only people at your council and administrators can see it."),
    });
  });
}

type ActionData = {
  errors?: Record<string, string[]>;
  values: Record<string, unknown>;
  adding?: "metrics" | "assets" | "unlisted" | null;
  picker?: Awaited<ReturnType<typeof productPicker>>;
};

export default function NewCaseStudy() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  if (data.needsVerification) return <VerifyEmailFirst action="write a case study" />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to="/case-studies">
          Back to case studies
        </Link>
        <CaseStudyForm
          councilName={data.councilName}
          values={actionData?.values ?? data.values}
          serverErrors={actionData?.errors}
          adding={actionData?.adding ?? null}
          serviceAreas={data.options.serviceAreas}
          lots={data.options.lots}
          picker={actionData?.picker ?? data.options.picker}
        >
          <span className="govuk-caption-l">{data.councilName}</span>
          <h1 className="govuk-heading-l">Write a case study</h1>
          <p className="govuk-body">
            Tell other councils what you bought, how you bought it and whether it worked. You can save a draft at any time. When you submit
            it, an administrator checks it before it is published.
          </p>
        </CaseStudyForm>
      </div>
    </div>
  );
}
