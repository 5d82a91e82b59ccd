// The link in the access-request email: confirms the address once, then the request waits for an admin.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LinkParagraph } from "~/components/buying";
import { MessagePage } from "~/components/form-page";
import { confirmAccessRequest } from "~/models/access-request.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = () => pageTitle("Confirm your request");

// The token is the credential: keep it out of the Referer sent to other sites.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const result = await confirmAccessRequest(token, clientIp(context, request));
  if (result.ok) return { confirmed: true as const, message: "" };
  return { confirmed: false as const, message: result.failure.kind === "gone" ? result.failure.message : "This link is not valid." };
}

export default function ConfirmAccessRequest() {
  const { confirmed, message } = useLoaderData<typeof loader>();
  if (confirmed) {
    return (
      <MessagePage title="Your request has been sent">
        <p className="govuk-body">
          Thank you for confirming your email address. An administrator will check your request, usually within 2 working days, and email
          you when they have decided.
        </p>
      </MessagePage>
    );
  }
  return (
    <MessagePage title="This link is not valid">
      <p className="govuk-body">{message}</p>
      <LinkParagraph to="/signup/access-request">Ask for access again</LinkParagraph>
    </MessagePage>
  );
}
