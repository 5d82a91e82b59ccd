import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { BackLink, LinkParagraph, SummaryList, WarningText } from "~/components/buying";
import { NarrowPage } from "~/components/form-page";
import { Form } from "~/components/form";
import { ErrorSummary, SelectField, SubmitButton } from "~/components/forms";
import { SuccessBanner } from "~/components/success-banner";
import { formatMonth, PIPELINE_STAGES, pipelineLinkSchema, routeConsideredLabel } from "~/models/pipeline.schema";
import { getPipelineEntry, linkPipelineProject, listLinkableProjects } from "~/models/pipeline.server";
import { getSessionUser } from "~/auth/session.server";
import { hasPermission, requireUserWithPermission } from "~/auth/permissions.server";
import { requireConfirmedForContracts } from "~/auth/contract-policy.server";
import { formatPence } from "~/procurement/money";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { formatDate } from "~/utils/format";
import { cpvCodeText } from "~/utils/cpv";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.entry.title ?? "Forward plan");

const PROJECT_STATUS: Record<string, string> = {
  open: "In progress",
  awarded: "Awarded",
  "no-award": "Ended without an award",
  cancelled: "Cancelled",
};

function notFound(): Response {
  return new Response("No such forward plan", { status: 404, statusText: "Not Found" });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const entry = await getPipelineEntry(params.id ?? "");
  if (!entry) throw notFound();
  const user = await getSessionUser(request);
  const isCouncilBuyer = Boolean(
    user?.councilId && user.councilId === entry.councilId && user.emailVerifiedAt && hasPermission(user, "create", "pipeline", "own"),
  );
  const projects = isCouncilBuyer && entry.status === "published" ? await listLinkableProjects(entry.councilId!) : [];
  // A linked project's title and status are the council's: others see only that one started.
  const project = entry.project
    ? { id: entry.project.id, title: isCouncilBuyer ? entry.project.title : null, status: entry.project.status }
    : null;
  return {
    entry: { ...entry, project },
    isCouncilBuyer,
    canEdit: isCouncilBuyer && entry.source === "council" && entry.status === "published",
    projects,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const entry = await getPipelineEntry(params.id ?? "");
  if (!entry) throw notFound();
  const user = await requireUserWithPermission(request, "create:pipeline:own", {
    objectId: entry.id,
    isOwn: (u) => Boolean(u.councilId && u.councilId === entry.councilId),
  });
  requireConfirmedForContracts(user);
  const councilId = user.councilId!;
  return handleForm(request, {
    schema: pipelineLinkSchema,
    run: (input) => linkPipelineProject({ id: user.id, councilId, ip: clientIp(context, request) }, entry.id, input),
    onSuccess: () => redirect(`/pipeline/${entry.id}?linked=1`),
  });
}

export default function PipelineEntryPage() {
  const { entry, isCouncilBuyer, canEdit, projects } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const errors = result?.errors ?? {};
  const banner = search.get("published")
    ? "Forward plan published"
    : search.get("linked")
      ? "Project linked"
      : search.get("saved")
        ? "Changes saved"
        : null;
  return (
    <NarrowPage>
      <BackLink to="/pipeline">Back to the pipeline</BackLink>
      <ErrorSummary errors={errors} labels={{ projectId: "Project", revision: "Forward plan", form: "Forward plan" }} />
      {banner && !result ? (
        // Announced but not focused: this page has never moved focus to it.
        <SuccessBanner id="pipeline-banner-title" disableAutoFocus>
          {banner}
        </SuccessBanner>
      ) : null}
      <span className="govuk-caption-l">{entry.council?.name ?? entry.buyerName}</span>
      <h1 className="govuk-heading-l">{entry.title}</h1>
      {entry.status === "withdrawn" ? (
        <WarningText>The council withdrew this forward plan{entry.withdrawnAt ? ` on ${formatDate(entry.withdrawnAt)}` : ""}.</WarningText>
      ) : null}
      {entry.description ? <p className="govuk-body">{entry.description}</p> : null}
      <SummaryList
        rows={[
          { key: "Stage", value: PIPELINE_STAGES[entry.stage as keyof typeof PIPELINE_STAGES] ?? entry.stage },
          { key: "Service area", value: entry.serviceArea?.name ?? "Not recorded" },
          { key: "Expected to start", value: formatMonth(entry.expectedDate) },
          { key: "Estimated value", value: formatPence(entry.estimatedValuePence) },
          { key: "Route being considered", value: routeConsideredLabel(entry.routeConsidered) },
          {
            key: "CPV codes",
            value: entry.cpvCodes.length ? (
              <ul className="govuk-list govuk-!-margin-bottom-0">
                {entry.cpvCodes.map((code) => (
                  <li key={code}>{cpvCodeText(code)}</li>
                ))}
              </ul>
            ) : (
              "Not stated"
            ),
          },
          {
            key: "Contact",
            value: entry.contactEmail ? (
              <>
                {entry.contactName ? `${entry.contactName}, ` : ""}
                <a className="govuk-link" href={`mailto:${entry.contactEmail}`}>
                  {entry.contactEmail}
                </a>
              </>
            ) : (
              "Through the published notice"
            ),
          },
          ...(entry.noticeUrl
            ? [
                {
                  key: "Published notice",
                  value: (
                    <a className="govuk-link" href={entry.noticeUrl} rel="noreferrer">
                      View the published notice
                    </a>
                  ),
                },
              ]
            : []),
          // The notice's public reference (its OCDS identifier), labelled as one: not a name.
          ...(entry.ocid ? [{ key: "Notice ID", value: entry.ocid }] : []),
          {
            key: "Buying project",
            value: entry.project ? (
              <>
                {entry.project.title && isCouncilBuyer ? (
                  <>
                    <Link className="govuk-link" to={`/projects/${entry.project.id}`}>
                      {entry.project.title}
                    </Link>
                    :{" "}
                  </>
                ) : (
                  "Started: "
                )}
                {PROJECT_STATUS[entry.project.status] ?? entry.project.status}
              </>
            ) : (
              "Not started yet"
            ),
          },
        ]}
      />
      {canEdit ? <LinkParagraph to={`/pipeline/${entry.id}/edit`}>Change or withdraw this forward plan</LinkParagraph> : null}
      {isCouncilBuyer && entry.status === "published" ? (
        <>
          <h2 className="govuk-heading-m">Link to a project</h2>
          {projects.length ? (
            <Form method="post" noValidate>
              <input type="hidden" name="revision" value={entry.revision} />
              <SelectField
                name="projectId"
                label="Your council's buying project for this plan"
                error={errors.projectId?.[0]}
                defaultValue={entry.project?.id ?? ""}
                options={[
                  { value: "", label: "Choose a project" },
                  ...projects.map((p) => ({ value: p.id, label: `${p.title} (${PROJECT_STATUS[p.status] ?? p.status})` })),
                ]}
              />
              <SubmitButton variant="secondary">Link project</SubmitButton>
            </Form>
          ) : (
            <p className="govuk-body">
              Your council has no buying projects yet.{" "}
              <Link className="govuk-link" to="/projects/new">
                Start a buying project
              </Link>{" "}
              and link it here.
            </p>
          )}
        </>
      ) : null}
    </NarrowPage>
  );
}
