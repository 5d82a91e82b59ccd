import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { BackLink, SummaryList, TaskList } from "~/components/buying";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { ReadOnlyNotice } from "~/components/project";
import { presentProjectDetails } from "~/models/project-presenter";
import { loadProjectPage, projectAction } from "~/utils/project-route.server";
import { createCaseStudyFromProject, describeRoute, getProjectOverview, projectTaskStates } from "~/models/project.server";
import { OUTCOME_LABELS, type OutcomeKind } from "~/models/project.schema";
import { handleForm } from "~/utils/form-action.server";
import { pageTitle } from "~/utils/meta";
import { JointBuyingPanel } from "~/components/joint-buying";
import { jointBuyingSummary } from "~/models/project-participants.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data ? data.project.title : "Buying project");
export const handle = { title: "Buying project" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader(args: LoaderFunctionArgs) {
  const { projectId, project, access } = await loadProjectPage(args, getProjectOverview);
  const route = await describeRoute(project.routeId);
  const states = projectTaskStates(project);
  const joint = await jointBuyingSummary(projectId);
  return {
    project: {
      id: project.id,
      title: project.title,
      status: project.status,
      council: project.council.name,
      // The same details list as the printable record (one presenter).
      details: presentProjectDetails(project, route),
      outcome: project.outcome
        ? { kind: project.outcome.kind as OutcomeKind, productName: project.outcome.productVersion?.name ?? null }
        : null,
      frozenCount: project.frozenSearches.length,
      shortlistCount: project.shortlist.length,
      noticesDone: project.notices.filter((n) => n.done).length,
      noticesTotal: project.notices.length,
    },
    route,
    states,
    joint,
    ...access,
  };
}

const caseStudyIntent = z
  .object({ intent: z.string().optional() })
  .refine((form) => form.intent === "case-study", { message: "Choose an action on the page." });

export async function action(args: ActionFunctionArgs) {
  return projectAction(args, async ({ request, user, projectId, actor }) => {
    const councilId = user.councilId;
    if (!councilId) return data({ errors: { form: ["Your account is not linked to a council."] }, values: {} }, { status: 403 });
    return handleForm(request, {
      schema: caseStudyIntent,
      run: () => createCaseStudyFromProject(projectId, { ...actor, name: user.name, email: user.email, councilId }),
      onSuccess: ({ slug }) => redirect(`/case-studies/${slug}/edit`),
    });
  });
}

export default function ProjectTaskList() {
  const { project, route, states, joint, canEdit, verified } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/projects/${project.id}`;
  const hints = {
    search: route.agreement
      ? `Save one search of the ${route.agreement.name} catalogue`
      : "Optional for this route: search the catalogue to find services",
  };
  return (
    <>
      <BackLink to="/projects">All projects</BackLink>
      <ErrorSummary errors={actionData?.errors ?? {}} />
      <span className="govuk-caption-l">{project.council} buying project</span>
      <h1 className="govuk-heading-l">{project.title}</h1>
      <ReadOnlyNotice verified={verified} canEdit={canEdit} />
      <NarrowPage>
        <SummaryList rows={project.details} />

        {joint ? <JointBuyingPanel joint={joint} projectId={project.id} /> : null}

        <h2 className="govuk-heading-m">Buying steps</h2>
        <TaskList
          id="project-tasks"
          tasks={[
            { key: "requirements", title: "Requirements and budget approval", href: `${base}/requirements`, status: states.requirements },
            { key: "search", title: "Save a search", href: `${base}/search`, hint: hints.search, status: states.search },
            {
              key: "freeze",
              title: "Freeze the search results",
              href: `${base}/freeze`,
              hint: project.frozenCount ? `${project.frozenCount} frozen` : undefined,
              status: states.freeze,
            },
            {
              key: "shortlist",
              title: "Shortlist services",
              href: `${base}/shortlist`,
              hint: project.shortlistCount ? `${project.shortlistCount} shortlisted` : undefined,
              status: states.shortlist,
            },
            { key: "evaluation", title: "Evaluate the shortlist", href: `${base}/evaluation`, status: states.evaluation },
            {
              key: "outcome",
              title: "Record the outcome",
              href: `${base}/outcome`,
              hint: project.outcome
                ? `${OUTCOME_LABELS[project.outcome.kind]}${project.outcome.productName ? `: ${project.outcome.productName}` : ""}`
                : undefined,
              status: states.outcome,
            },
            {
              key: "notices",
              title: "Publish the notices",
              href: `${base}/notices`,
              hint: project.noticesTotal ? `${project.noticesDone} of ${project.noticesTotal} done` : "No notices for this route",
              status: states.notices,
            },
          ]}
        />

        <h2 className="govuk-heading-m">Records and exports</h2>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`${base}/history`}>
              History: who did what and when
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`${base}/record`}>
              Printable record of the project
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`${base}/approvals`}>
              Approvals: budget and award decisions (four eyes)
            </Link>
          </li>
          {project.outcome?.kind === "awarded" ? (
            <li>
              <a className="govuk-link" href={`${base}/ocds.json`}>
                Award as Open Contracting Data (OCDS JSON)
              </a>
            </li>
          ) : null}
          {project.frozenCount ? (
            <li>
              <Link className="govuk-link" to={`${base}/freeze`}>
                Frozen search results (CSV downloads)
              </Link>
            </li>
          ) : null}
        </ul>

        {project.outcome?.kind === "awarded" && canEdit ? (
          <>
            <h2 className="govuk-heading-m">Share what you bought</h2>
            <p className="govuk-body">
              Turn this project into a draft case study for {project.council}, with the product, supplier, lot and buying route filled in.
              Nothing is published until you submit it.
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="case-study" />
              <SubmitButton variant="secondary">Turn into a draft case study</SubmitButton>
            </Form>
          </>
        ) : null}
      </NarrowPage>
    </>
  );
}
