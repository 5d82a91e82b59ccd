import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { Form } from "~/components/form";
import type { ReactNode } from "react";
import { ErrorSummary, SubmitButton, TextareaField } from "~/components/forms";
import { StatusTag } from "~/components/case-study-list";
import { moderationSchema, STATUS_LABELS } from "~/models/case-study.schema";
import { getModerationView, moderateCaseStudy } from "~/models/case-study.server";
import { formatDateTime } from "~/utils/format";
import { handleForm } from "~/utils/form-action.server";
import { withFailureExtras } from "~/utils/form-extras.server";
import { withIssuesMoved } from "~/utils/schema-issues";
import { clientIp, notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";
import { ChangesTable } from "~/components/changes-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? `Review: ${data.caseStudy.title}` : "Review a case study");
export const handle = { title: "Review a case study" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "moderate:case-study:any");
  const view = await getModerationView(String(params.slug).slice(0, 120));
  if (!view) throw notFound();
  return view;
}

/** Why there is no decision to make, by state (in words, not status codes). */
const NOTHING_TO_DECIDE: Record<string, string> = {
  draft: "This case study is a draft: the council has not submitted it, so there is nothing to decide.",
  rejected: "This case study is back with the council for changes, so there is nothing to decide.",
  withdrawn: "This case study is unpublished, so there is nothing to decide.",
};

/** The flash message, by the state the decision left the case study in. */
const DONE: Record<string, string> = {
  published: "Case study approved and published. The suppliers it names have been told.",
  rejected: "Case study returned to the council with your reason",
  withdrawn: "Case study unpublished",
};

// A decision applies only to what the administrator saw (lockVersion and content token); the
// token is a hidden field, so its error is shown against the form.
const decisionSchema = withIssuesMoved(moderationSchema, (field, message) => ({
  field: field === "contentToken" ? "form" : field,
  message,
}));

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireUserWithPermission(request, "moderate:case-study:any");
  const slug = String(params.slug).slice(0, 120);
  const answer = await handleForm(request, {
    schema: decisionSchema,
    run: (input) => moderateCaseStudy(slug, input, { id: admin.id, ip: clientIp(context, request) }),
    onSuccess: async ({ status }) => redirect("/admin/case-studies", { headers: await flash(request, DONE[status]) }),
  });
  // Someone else decided, or the content changed: nothing was saved; show the case study as it is now.
  return withFailureExtras(answer, async (refused) => ({
    conflict: refused.failure?.kind === "conflict" ? await getModerationView(slug) : null,
  }));
}

function Value({ text }: { text: string }) {
  const lines = text.split("\n").filter(Boolean);
  if (!lines.length) return <span className="govuk-hint">(blank)</span>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="govuk-list govuk-!-margin-bottom-0">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

/** A decision's form: it carries what the administrator saw (lock version and content token) and names its intent on the button. */
function DecisionForm({
  caseStudy,
  intent,
  submit,
  warning,
  children,
}: {
  caseStudy: { lockVersion: number; contentToken: string };
  intent: string;
  submit: string;
  warning?: boolean;
  children?: ReactNode;
}) {
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="lockVersion" value={caseStudy.lockVersion} />
      <input type="hidden" name="contentToken" value={caseStudy.contentToken} />
      {children}
      <SubmitButton intent={intent} variant={warning ? "warning" : undefined}>
        {submit}
      </SubmitButton>
    </Form>
  );
}

export default function ReviewCaseStudy() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // After a conflict the page shows the case study as it is now, and a decision applies to that.
  const d: typeof loaded = actionData?.conflict ?? loaded;
  const errors = actionData?.errors ?? {};
  const cs = d.caseStudy;
  const compared = Boolean(d.lastPublished);
  const changed = d.fields.filter((f) => f.changed).length;
  return (
    <>
      <BackLink to="/admin/case-studies">Back to case studies to review</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{cs.council.name}</span>
      <h1 className="govuk-heading-l">Review: {cs.title}</h1>
      <p className="govuk-body">
        <StatusTag status={cs.status} labels={STATUS_LABELS} /> Last saved {formatDateTime(cs.updatedAt)}.{" "}
        <Link className="govuk-link" to={`/case-studies/${cs.slug}`}>
          See it as readers will
        </Link>
      </p>
      {actionData?.conflict ? (
        <div className="govuk-inset-text">This page now shows the case study as it is now. Check it again before you decide.</div>
      ) : null}
      <p className="govuk-body">
        {compared
          ? `${changed} of ${d.fields.length} answers changed since it was last published (${formatDateTime(d.lastPublished!.createdAt)}).`
          : d.publishedWithoutRevision
            ? "This case study was published before changes were recorded, so every answer is shown as it is now."
            : "A new case study: it has never been published, so every answer is shown."}
      </p>
      <ChangesTable
        caption={compared ? "What changed since it was last published" : "Every answer"}
        compared={compared}
        headers={{ question: "Question", before: "Last published", after: compared ? "Now" : "Answer" }}
        rows={d.fields.map((f) => ({
          key: f.field,
          label: f.label,
          before: <Value text={f.before} />,
          after: <Value text={f.after} />,
          changed: f.changed,
        }))}
      />

      {cs.status === "submitted" ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <h2 className="govuk-heading-m">Approve</h2>
            <p className="govuk-body">It will be published, added to search and the suppliers it names will be told.</p>
            <DecisionForm caseStudy={cs} intent="approve" submit="Approve and publish" />
          </div>
          <div className="govuk-grid-column-one-half">
            <h2 className="govuk-heading-m">Ask for changes</h2>
            <DecisionForm caseStudy={cs} intent="reject" submit="Reject with this reason" warning>
              <TextareaField
                name="reason"
                label="What should the council change?"
                hint="The council sees this"
                error={errors.reason?.[0]}
              />
            </DecisionForm>
          </div>
        </div>
      ) : cs.status === "published" ? (
        <>
          <h2 className="govuk-heading-m">Unpublish</h2>
          <DecisionForm caseStudy={cs} intent="unpublish" submit="Unpublish" warning>
            <TextareaField name="reason" label="Why are you unpublishing it?" hint="The council sees this" error={errors.reason?.[0]} />
          </DecisionForm>
        </>
      ) : (
        <p className="govuk-body">{NOTHING_TO_DECIDE[cs.status] ?? "There is nothing to decide."}</p>
      )}
    </>
  );
}
