import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { BackLink, SummaryList } from "~/components/buying";
import { DateInput } from "~/components/date-input";
import { ChoiceField, ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { findBuyingRoutes, getCouncilGuideSettings } from "~/models/buying-guide.server";
import {
  ANSWER_KEYS,
  CATEGORY_OPTIONS,
  GUIDE_STEPS,
  NATION_OPTIONS,
  SECURITY_OPTIONS,
  YES_NO_OPTIONS,
  answersQuery,
  dateParts,
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
import { echoedText } from "~/utils/forms";
import { ok, type Result } from "~/utils/result";
import { pageTitle } from "~/utils/meta";
import { requireUserWithPermission } from "~/auth/permissions.server";
import { flash } from "~/auth/session.server";

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
    onSuccess: async ({ to, message }) => redirect(to, message ? { headers: await flash(request, message) } : undefined),
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
        <div className="govuk-inset-text">
          {!data.verified ? (
            <>
              {VERIFY_EMAIL_MESSAGE}{" "}
              <Link className="govuk-link" to="/verify-email">
                Find out how to confirm your email address
              </Link>
              .
            </>
          ) : (
            "Your account is not linked to a council, so you cannot start a project."
          )}
        </div>
      </>
    );
  }
  return data.mode === "choose" ? <ChooseRoute /> : <Details />;
}

function ChooseRoute() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit, error } = useZodForm(createProjectSchema, actionData?.errors);
  if (data.mode !== "choose") return null;
  return (
    <>
      <BackLink to={`/buy/result?${data.query}`}>Back to your buying routes</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">{data.councilName}</span>
          <h1 className="govuk-heading-l">Start a buying project</h1>
          <h2 className="govuk-heading-m">Your answers</h2>
          <SummaryList rows={data.summary} />
          <p className="govuk-body">
            <Link className="govuk-link" to={`/buy/check?${data.query}`}>
              Change your answers in the buying route guide
            </Link>
          </p>
          {data.warnings.map((w) => (
            <div className="govuk-inset-text" key={w}>
              {w}
            </div>
          ))}
          {data.routes.length ? (
            <Form method="post" noValidate onSubmit={onSubmit}>
              <input type="hidden" name="intent" value="create" />
              {ANSWER_KEYS.map((key) => (
                <input type="hidden" key={key} {...register(key)} value={data.answers[key] ?? ""} />
              ))}
              <TextField
                name="title"
                label="Project name"
                hint="For example, Housing repairs case management system."
                defaultValue={echoedText(actionData?.values?.title) ?? data.title}
                error={error("title")}
                registered={register("title")}
              />
              <ChoiceField
                type="radio"
                name="routeId"
                legend="Buying route"
                options={data.routes.map((r) => ({ value: r.id, label: r.title, hint: r.summary }))}
                defaultValue={echoedText(actionData?.values?.routeId) ?? data.selectedRoute}
                error={error("routeId")}
                registered={register("routeId")}
              />
              <button type="submit" className="govuk-button" data-module="govuk-button">
                Start the project
              </button>
            </Form>
          ) : (
            <p className="govuk-body">
              The guide found no buying route for these answers, so a project cannot be started. Change your answers.
            </p>
          )}
        </div>
      </div>
    </>
  );
}

function Details() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { register, errors, onSubmit, error } = useZodForm(projectDetailsSchema, actionData?.errors);
  if (data.mode !== "details") return null;
  const posted = actionData?.values;
  const value = (name: string, fallback?: string) => (posted && name in posted ? String(posted[name] ?? "") : (fallback ?? ""));
  const date =
    posted && "startDate-day" in posted
      ? { day: value("startDate-day"), month: value("startDate-month"), year: value("startDate-year") }
      : dateParts(data.defaults.startDate);
  return (
    <>
      <BackLink to="/projects" />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">{data.councilName}</span>
          <h1 className="govuk-heading-l">Start a buying project</h1>
          <p className="govuk-body">
            Tell us about the purchase. On the next page you choose the buying route from the routes open to it. You can also{" "}
            <Link className="govuk-link" to="/buy">
              use the buying route guide
            </Link>
            , one question at a time.
          </p>
          <Form method="post" noValidate onSubmit={onSubmit}>
            <input type="hidden" name="intent" value="details" />
            <TextField
              name="title"
              label="Project name"
              hint="For example, Housing repairs case management system."
              defaultValue={value("title", data.title)}
              error={error("title")}
              registered={register("title")}
            />
            <ChoiceField
              type="radio"
              name="category"
              legend="What are you buying?"
              options={CATEGORY_OPTIONS}
              defaultValue={value("category", data.defaults.category)}
              error={error("category")}
              registered={register("category")}
            />
            <TextField
              name="value"
              label="Estimated whole-life value, including VAT"
              prefix="£"
              width="10"
              inputMode="decimal"
              spellCheck={false}
              hint="Include the value of any extensions or options. For example, 150000."
              defaultValue={value("value", data.defaults.value)}
              error={error("value")}
              registered={register("value")}
            />
            <TextField
              name="contractMonths"
              label="Contract length, including any extensions"
              suffix="months"
              width="3"
              inputMode="numeric"
              defaultValue={value("contractMonths", data.defaults.contractMonths)}
              error={error("contractMonths")}
              registered={register("contractMonths")}
            />
            <DateInput
              name="startDate"
              legend="When does the procurement start?"
              hint="For example, 23 11 2026."
              values={date}
              error={error("startDate")}
              register={register}
            />
            <ChoiceField
              type="radio"
              name="termsUnchanged"
              legend="Can you use the framework's call-off terms without changes?"
              options={YES_NO_OPTIONS}
              inline
              defaultValue={value("termsUnchanged", data.defaults.termsUnchanged)}
              error={error("termsUnchanged")}
              registered={register("termsUnchanged")}
            />
            <ChoiceField
              type="radio"
              name="security"
              legend="Security classification"
              options={SECURITY_OPTIONS}
              defaultValue={value("security", data.defaults.security)}
              error={error("security")}
              registered={register("security")}
            />
            <ChoiceField
              type="radio"
              name="nation"
              legend="Which nation is your council in?"
              options={NATION_OPTIONS}
              defaultValue={value("nation", data.defaults.nation)}
              error={error("nation")}
              registered={register("nation")}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Continue
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}
