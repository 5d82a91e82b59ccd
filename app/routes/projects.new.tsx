import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { BackLink, InsetText, LinkParagraph, SummaryList } from "~/components/buying";
import { DateInput } from "~/components/date-input";
import type { ReactNode } from "react";
import { ChoiceField, ErrorSummary, type FieldErrors, SubmitButton, TextField, useZodForm } from "~/components/forms";
import { VerifyEmailNotice } from "~/components/project";
import { bindFields } from "~/components/project-fields";
import { findBuyingRoutes, getCouncilGuideSettings } from "~/models/buying-guide.server";
import {
  ANSWER_KEYS,
  CATEGORY_OPTIONS,
  GUIDE_STEPS,
  NATION_OPTIONS,
  SECURITY_OPTIONS,
  YES_NO_OPTIONS,
  answersQuery,
  displayAnswer,
  parseAnswers,
  readAnswers,
} from "~/models/buying-guide-steps";
import { actorFrom, canEditProjects, unverifiedFailure } from "~/auth/project-policy.server";
import { VERIFY_EMAIL_MESSAGE } from "~/auth/messages";
import { byIntent, createProjectSchema, projectDetailsSchema } from "~/models/project.schema";
import { createProject } from "~/models/project.server";
import { penceToPounds, toIsoDate } from "~/procurement";
import { now } from "~/utils/clock.server";
import { failureData, handleForm } from "~/utils/form-action.server";
import { ok, type Result } from "~/utils/result";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { redirectWithFlash } from "~/utils/project-route.server";

export const meta: MetaFunction = () => pageTitle("Start a buying project");
export const handle = { title: "Start a buying project" };
export { revalidateAfterErrors as shouldRevalidate } from "~/components/project";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:project:own");
  const url = new URL(request.url);
  const raw = readAnswers(url.searchParams);
  const title = (url.searchParams.get("title") ?? "").slice(0, 200);
  const common = {
    verified: Boolean(user.emailVerifiedAt),
    canCreate: canEditProjects(user, user.councilId),
    councilName: user.council?.name ?? null,
    title,
  };
  const parsed = Object.keys(raw).length ? parseAnswers(raw) : null;
  if (parsed?.success) {
    const result = await findBuyingRoutes(parsed.data, user.councilId);
    const wanted = url.searchParams.get("route") ?? "";
    return {
      ...common,
      mode: "choose" as const,
      answers: raw,
      query: answersQuery(raw),
      summary: GUIDE_STEPS.map((s) => ({ key: s.label, value: displayAnswer(s.field, raw) })),
      routes: result.routes.map((r) => ({ id: r.id, title: r.title, summary: r.summary })),
      selectedRoute: result.routes.some((r) => r.id === wanted) ? wanted : "",
      warnings: result.warnings.map((w) => w.message),
    };
  }
  const settings = await getCouncilGuideSettings(user.councilId);
  return {
    ...common,
    mode: "details" as const,
    defaults: { ...raw, startDate: raw.startDate ?? toIsoDate(now()), nation: raw.nation ?? settings.nation ?? "" },
  };
}

const newProjectFormSchema = byIntent({ create: createProjectSchema, details: projectDetailsSchema }, "create");

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:project:own");
  if (!user.emailVerifiedAt) return unverifiedFailure();
  const councilId = user.councilId;
  if (!councilId)
    return failureData({ kind: "forbidden", message: "Your account is not linked to a council, so you cannot start a project." });
  return handleForm(request, {
    schema: newProjectFormSchema,
    run: async (form): Promise<Result<{ to: string; message?: string }>> => {
      if (form.intent === "details") {
        const d = form.input;
        const query = answersQuery(
          {
            category: d.category,
            value: penceToPounds(d.valuePence),
            contractMonths: String(d.contractMonths),
            startDate: d.startDate,
            termsUnchanged: d.termsUnchanged ? "yes" : "no",
            security: d.security,
            nation: d.nation,
          },
          { title: d.title },
        );
        return ok({ to: `/projects/new?${query}` });
      }
      const created = await createProject(form.input, { ...actorFrom(user, context, request), councilId });
      return created.ok ? ok({ to: `/projects/${created.value.projectId}`, message: "Buying project started" }) : created;
    },
    onSuccess: ({ to, message }) => (message ? redirectWithFlash(request, to, message) : redirect(to)),
  });
}

export default function NewProjectPage() {
  const data = useLoaderData<typeof loader>();
  return <NewProject key={data.mode} />;
}

function NewProject() {
  const data = useLoaderData<typeof loader>();
  if (!data.verified || !data.canCreate) {
    return (
      <>
        <BackLink to="/projects" />
        <h1 className="govuk-heading-l">Start a buying project</h1>
        {!data.verified ? (
          <VerifyEmailNotice message={VERIFY_EMAIL_MESSAGE} />
        ) : (
          <InsetText>Your account is not linked to a council, so you cannot start a project.</InsetText>
        )}
      </>
    );
  }
  return data.mode === "choose" ? <ChooseRoute /> : <Details />;
}

/** The page of both steps: its back link, the error summary, the council and the heading, then the step. */
function StepPage({ back, errors, children }: { back: ReactNode; errors: FieldErrors; children: ReactNode }) {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      {back}
      <NarrowPage>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{data.councilName}</span>
        <h1 className="govuk-heading-l">Start a buying project</h1>
        {children}
      </NarrowPage>
    </>
  );
}

/** Both steps ask for the project's name. */
const PROJECT_NAME = { label: "Project name", hint: "For example, Housing repairs case management system." };

function ChooseRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useZodForm(createProjectSchema, actionData?.errors);
  if (data.mode !== "choose") return null;
  const { field } = bindFields(form, actionData?.values);
  return (
    <StepPage back={<BackLink to={`/buy/result?${data.query}`}>Back to your buying routes</BackLink>} errors={form.errors}>
      <h2 className="govuk-heading-m">Your answers</h2>
      <SummaryList rows={data.summary} />
      <LinkParagraph to={`/buy/check?${data.query}`}>Change your answers in the buying route guide</LinkParagraph>
      {data.warnings.map((w) => (
        <InsetText key={w}>{w}</InsetText>
      ))}
      {data.routes.length ? (
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <input type="hidden" name="intent" value="create" />
          {ANSWER_KEYS.map((key) => (
            <input type="hidden" key={key} {...form.register(key)} value={data.answers[key] ?? ""} />
          ))}
          <TextField {...PROJECT_NAME} {...field("title", data.title)} />
          <ChoiceField
            type="radio"
            legend="Buying route"
            options={data.routes.map((r) => ({ value: r.id, label: r.title, hint: r.summary }))}
            {...field("routeId", data.selectedRoute)}
          />
          <SubmitButton>Start the project</SubmitButton>
        </Form>
      ) : (
        <p className="govuk-body">
          The guide found no buying route for these answers, so a project cannot be started. Change your answers.
        </p>
      )}
    </StepPage>
  );
}

function Details() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useZodForm(projectDetailsSchema, actionData?.errors);
  if (data.mode !== "details") return null;
  const { field, dateField } = bindFields(form, actionData?.values);
  return (
    <StepPage back={<BackLink to="/projects" />} errors={form.errors}>
      <p className="govuk-body">
        Tell us about the purchase. On the next page you choose the buying route from the routes open to it. You can also{" "}
        <Link className="govuk-link" to="/buy">
          use the buying route guide
        </Link>
        , one question at a time.
      </p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="details" />
        <TextField {...PROJECT_NAME} {...field("title", data.title)} />
        <ChoiceField type="radio" legend="What are you buying?" options={CATEGORY_OPTIONS} {...field("category", data.defaults.category)} />
        <TextField
          label="Estimated whole-life value, including VAT"
          prefix="£"
          width="10"
          inputMode="decimal"
          spellCheck={false}
          hint="Include the value of any extensions or options. For example, 150000."
          {...field("value", data.defaults.value)}
        />
        <TextField
          label="Contract length, including any extensions"
          suffix="months"
          width="3"
          inputMode="numeric"
          {...field("contractMonths", data.defaults.contractMonths)}
        />
        <DateInput
          legend="When does the procurement start?"
          hint="For example, 23 11 2026."
          {...dateField("startDate", data.defaults.startDate)}
        />
        <ChoiceField
          type="radio"
          legend="Can you use the framework's call-off terms without changes?"
          options={YES_NO_OPTIONS}
          inline
          {...field("termsUnchanged", data.defaults.termsUnchanged)}
        />
        <ChoiceField
          type="radio"
          legend="Security classification"
          options={SECURITY_OPTIONS}
          {...field("security", data.defaults.security)}
        />
        <ChoiceField
          type="radio"
          legend="Which nation is your council in?"
          options={NATION_OPTIONS}
          {...field("nation", data.defaults.nation)}
        />
        <SubmitButton>Continue</SubmitButton>
      </Form>
    </StepPage>
  );
}
