// /unsubscribe/:token — the link at the foot of every alert and follow email. It works signed
// out (the signed token is the authority). Opening it only shows one button: mail scanners
// that fetch every link must not unsubscribe anyone; pressing the button stops the emails.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Form } from "~/components/form";
import { NarrowPage } from "~/components/form-page";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { readUnsubscribeToken } from "~/models/alerts-unsubscribe-token.server";
import { unsubscribeAlert } from "~/models/saved-search-alerts.server";
import { describeSubscription, unfollow } from "~/models/follows.server";
import { handleForm } from "~/utils/form-action.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { ok } from "~/utils/result";

export const meta: MetaFunction = () => pageTitle("Stop these emails");
export const handle = { title: "Stop these emails" };

function subscriptionOf(token: string | undefined) {
  const found = readUnsubscribeToken(token ?? "");
  // A bad or tampered link is a plain 404: it says nothing about which subscriptions exist.
  if (!found) throw new Response("Not Found", { status: 404 });
  return found;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const found = subscriptionOf(params.token);
  const description = await describeSubscription(found.kind, found.id);
  return { description, kind: found.kind };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = subscriptionOf(params.token);
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: z.object({}),
    run: async () => {
      if (found.kind === "alert") {
        const result = await unsubscribeAlert(found.id, ip);
        return result.ok ? ok({ done: true as const }) : result;
      }
      const result = await unfollow(null, found.id, ip);
      // Already gone is the outcome the person wants.
      return result.ok || result.failure.kind === "not-found" ? ok({ done: true as const }) : result;
    },
    onSuccess: (value) => data(value),
  });
}

export default function Unsubscribe() {
  const { description, kind } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const done = actionData && "done" in actionData;
  const errors = actionData && "errors" in actionData ? actionData.errors : {};
  return (
    <NarrowPage>
      <ErrorSummary errors={errors} />
      {done ? (
        <>
          <h1 className="govuk-heading-l">You will not get these emails any more</h1>
          <p className="govuk-body">
            {kind === "alert"
              ? `Your saved search ${description ?? ""} is kept, with its emails turned off.`
              : `You no longer follow ${description ?? "this"}.`}{" "}
            Sign in and go to{" "}
            <Link className="govuk-link" to={kind === "alert" ? "/account/alerts" : "/account/follows"}>
              {kind === "alert" ? "your saved searches" : "what you follow"}
            </Link>{" "}
            to change this.
          </p>
        </>
      ) : (
        <>
          <h1 className="govuk-heading-l">Stop these emails</h1>
          <p className="govuk-body">
            {description === null
              ? "This subscription no longer exists, so it sends no emails."
              : kind === "alert"
                ? `Stop the emails for your saved search ${description}. The search stays saved.`
                : `Stop following ${description} and the emails about it.`}
          </p>
          {description === null ? null : (
            <Form method="post">
              <SubmitButton>Stop these emails</SubmitButton>
            </Form>
          )}
        </>
      )}
    </NarrowPage>
  );
}
