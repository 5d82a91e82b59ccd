import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/components/form";
import { BackLink } from "~/components/buying";
import { DateInput } from "~/components/date-input";
import { ChoiceField, ErrorSummary, SubmitButton, TextField, useZodForm, type FieldErrors, type TextFieldProps } from "~/components/forms";
import { getCouncilGuideSettings } from "~/models/buying-guide.server";
import {
  CATEGORY_OPTIONS,
  GUIDE_STEPS,
  NATION_OPTIONS,
  SECURITY_OPTIONS,
  STEP_SCHEMAS,
  YES_NO_OPTIONS,
  answersQuery,
  canonicalAnswer,
  checkAnswer,
  dateParts,
  firstUnanswered,
  readAnswers,
  stepBySlug,
  type AnswerKey,
  type GuideStep,
  type RawAnswers,
} from "~/models/buying-guide-steps";
import { toIsoDate } from "~/procurement";
import { now } from "~/utils/clock.server";
import { handleForm } from "~/utils/form-action.server";
import { ok } from "~/utils/result";
import { notFound } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { getSessionUser } from "~/auth/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? pageTitle(`${data.error ? "Error: " : ""}${data.step.question}`) : pageTitle("Page not found");
export const handle = { title: "Find a buying route" };

function previousHref(step: GuideStep, raw: RawAnswers, change: boolean): string {
  if (change) return `/buy/check?${answersQuery(raw)}`;
  const index = GUIDE_STEPS.indexOf(step);
  return index === 0 ? "/buy" : `/buy/${GUIDE_STEPS[index - 1].slug}?${answersQuery(raw)}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const step = stepBySlug(params.step);
  if (!step) throw notFound();
  const url = new URL(request.url);
  const raw = readAnswers(url.searchParams);
  const change = url.searchParams.get("change") === "yes";
  // An earlier answer is missing or was altered in the address: ask it again first.
  const earlier = firstUnanswered(raw, step.field);
  if (earlier) throw redirect(`/buy/${earlier.slug}?${answersQuery(raw)}`);

  let current = raw[step.field] ?? "";
  let defaultNote: string | null = null;
  if (!current && step.field === "startDate") {
    current = toIsoDate(now());
    defaultNote = "We have filled in today's date. Change it if the procurement starts on another day.";
  }
  if (!current && step.field === "nation") {
    const user = await getSessionUser(request);
    const settings = await getCouncilGuideSettings(user?.councilId);
    if (settings.nation && user?.council) {
      current = settings.nation;
      defaultNote = `We have selected ${settings.nation}, where ${user.council.name} is. Change it if you are buying for a council elsewhere.`;
    }
  }
  const check = raw[step.field] !== undefined ? checkAnswer(step.field, raw) : { ok: true as const };
  return {
    step,
    current,
    defaultNote,
    change,
    backHref: previousHref(step, raw, change),
    error: check.ok ? null : check.message,
    position: GUIDE_STEPS.indexOf(step) + 1,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const step = stepBySlug(params.step);
  if (!step) throw notFound();
  const url = new URL(request.url);
  const raw = readAnswers(url.searchParams);
  const index = GUIDE_STEPS.indexOf(step);
  const last = index === GUIDE_STEPS.length - 1;
  const next = url.searchParams.get("change") === "yes" || last ? "check" : GUIDE_STEPS[index + 1].slug;
  // The answers so far travel in the address; this one is checked by the step's schema and added.
  return handleForm(request, {
    schema: STEP_SCHEMAS[step.field],
    run: (answer) => ok({ ...raw, [step.field]: canonicalAnswer(step.field, answer as Record<string, unknown>) }),
    onSuccess: (answers) => redirect(`/buy/${next}?${answersQuery(answers)}`),
  });
}

/** How a question is asked: radios from a list of options, or a text box for a number. */
type QuestionField = { hint?: string } & (
  | { options: { value: string; label: string; hint?: string }[] }
  | { number: Pick<TextFieldProps, "prefix" | "suffix" | "width" | "inputMode"> }
);

/** Every question's field but the start date's (a date input, below). */
const QUESTION_FIELDS: Record<Exclude<AnswerKey, "startDate">, QuestionField> = {
  category: { options: CATEGORY_OPTIONS, hint: "Choose the closest match. Choose ‘Other services’ if none fits." },
  value: {
    number: { prefix: "£", width: "10", inputMode: "decimal" },
    hint: "Include VAT and the value of any extensions or options over the whole life of the contract. For example, 150000.",
  },
  contractMonths: { number: { suffix: "months", width: "3", inputMode: "numeric" }, hint: "Include any extensions. For example, 24." },
  termsUnchanged: {
    options: YES_NO_OPTIONS,
    hint: "A direct award from a framework must use the framework's call-off terms as they are. Further competition allows some refinement within the framework's rules.",
  },
  security: { options: SECURITY_OPTIONS },
  nation: {
    options: NATION_OPTIONS,
    hint: "Councils in England, Wales and Northern Ireland buy under the Procurement Act 2023, with differences the guide shows for each nation. Scottish councils follow Scottish procurement law (Public Contracts Scotland from £50,000 excluding VAT), except when they call off a UK framework.",
  },
};

// Keyed by question so each page gets a fresh form state with its own schema.
export default function GuideQuestionPage() {
  const data = useLoaderData<typeof loader>();
  return <GuideQuestion key={data.step.slug} />;
}

function GuideQuestion() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { step } = data;
  const serverErrors: FieldErrors | undefined = actionData?.errors ?? (data.error ? { [step.field]: [data.error] } : undefined);
  const { register, errors, onSubmit, error } = useZodForm(STEP_SCHEMAS[step.field], serverErrors);
  const posted = actionData?.values ?? {};
  const heading = (
    <>
      <span className="govuk-caption-l">
        Find a buying route: question {data.position} of {GUIDE_STEPS.length}
      </span>
      {step.question}
    </>
  );

  let field: JSX.Element;
  if (step.field === "startDate") {
    const parts =
      "startDate-day" in posted
        ? {
            day: String(posted["startDate-day"] ?? ""),
            month: String(posted["startDate-month"] ?? ""),
            year: String(posted["startDate-year"] ?? ""),
          }
        : dateParts(data.current);
    field = (
      <DateInput
        name="startDate"
        legendIsHeading
        legend={heading}
        values={parts}
        hint={
          <>The threshold that applies depends on this date. For example, 23 11 2026.{data.defaultNote ? <> {data.defaultNote}</> : null}</>
        }
        error={error("startDate")}
        register={register}
      />
    );
  } else {
    const asked = QUESTION_FIELDS[step.field];
    const answer = {
      name: step.field,
      // What the guide filled in (the council's nation) is said in place of the hint.
      hint: data.defaultNote ?? asked.hint,
      defaultValue: step.field in posted ? String(posted[step.field] ?? "") : data.current,
      error: error(step.field),
      registered: register(step.field),
    };
    field =
      "options" in asked ? (
        <ChoiceField type="radio" legendIsHeading legend={heading} options={asked.options} {...answer} />
      ) : (
        <TextField labelIsHeading label={heading} {...asked.number} spellCheck={false} {...answer} />
      );
  }

  return (
    <>
      <BackLink to={data.backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <Form method="post" noValidate onSubmit={onSubmit}>
            {field}
            <SubmitButton>Continue</SubmitButton>
          </Form>
        </div>
      </div>
    </>
  );
}
