// /account/follows: a supplier's people and a council's buyers follow councils and service
// areas, and hear (in the portal and by email) of new published case studies there. Every follow
// email links here, so whoever may follow (app/auth/follow-policy.server.ts) sees and stops
// their follows here, including those made from a council's page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { z } from "zod";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { ErrorSummary, SelectField, SubmitButton } from "~/components/forms";
import { follow, listFollowChoices, listFollowsForUser, unfollow } from "~/models/follows.server";
import { requireFollower } from "~/auth/follow-policy.server";
import { flash } from "~/auth/session.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Councils and service areas you follow");
export const handle = { title: "Councils and service areas you follow" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFollower(request);
  const [follows, choices] = await Promise.all([listFollowsForUser(user.id), listFollowChoices()]);
  return { follows, choices };
}

/** A choice from a select whose first option is "Select a …" (the empty value). */
const chosen = (message: string) => z.string({ required_error: message }).trim().min(1, message).max(64);
const followCouncilSchema = z.object({ councilId: chosen("Select a council") });
const followAreaSchema = z.object({ serviceAreaId: chosen("Select a service area") });
const unfollowSchema = z.object({ followId: z.string().trim().min(1).max(64) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireFollower(request);
  const actor = { id: user.id, ip: clientIp(context, request) };
  const intent = new URL(request.url).searchParams.get("intent");
  const done = (message: string) => async () => redirect("/account/follows", { headers: await flash(request, message) });
  if (intent === "unfollow") {
    return handleForm(request, { schema: unfollowSchema, run: (i) => unfollow(actor, i.followId), onSuccess: done("Stopped following") });
  }
  if (intent === "service-area") {
    return handleForm(request, {
      schema: followAreaSchema,
      run: (i) => follow(actor, "service-area", i.serviceAreaId),
      onSuccess: done("You now follow this service area"),
    });
  }
  return handleForm(request, {
    schema: followCouncilSchema,
    run: (i) => follow(actor, "council", i.councilId),
    onSuccess: done("You now follow this council"),
  });
}

export default function Follows() {
  const { follows, choices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  // One form for each kind of thing to follow.
  const followForms = [
    { intent: "council", name: "councilId", label: "Council", thing: "council", choices: choices.councils },
    { intent: "service-area", name: "serviceAreaId", label: "Service area", thing: "service area", choices: choices.serviceAreas },
  ];
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Councils and service areas you follow</h1>
      <p className="govuk-body">
        We tell you, here and by email, when a council you follow or a service area you follow gets a new case study.
      </p>
      {follows.length ? (
        <ul className="govuk-list">
          {follows.map((f) => (
            <li key={f.id}>
              <Form method="post" action="/account/follows?intent=unfollow" className="govuk-!-display-inline">
                <input type="hidden" name="followId" value={f.id} />
                {f.kind === "council" ? "Council" : "Service area"}: {f.name}{" "}
                <SubmitButton variant="secondary" className="govuk-!-margin-bottom-2">
                  Stop following<span className="govuk-visually-hidden"> {f.name}</span>
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">You do not follow any councils or service areas yet.</p>
      )}
      {followForms.map((form) => (
        <Fragment key={form.intent}>
          <h2 className="govuk-heading-m">{`Follow a ${form.thing}`}</h2>
          <Form method="post" action={`/account/follows?intent=${form.intent}`} noValidate>
            <SelectField
              name={form.name}
              label={form.label}
              options={[{ value: "", label: `Select a ${form.thing}` }, ...form.choices.map((c) => ({ value: c.id, label: c.name }))]}
              error={errors[form.name]?.[0]}
            />
            <SubmitButton>{`Follow ${form.thing}`}</SubmitButton>
          </Form>
        </Fragment>
      ))}
    </NarrowPage>
  );
}
