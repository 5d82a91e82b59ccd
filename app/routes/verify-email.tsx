import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/models/audit.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/utils/session.server";
import { verifyEmailToken } from "~/utils/verification.server";

export const meta: MetaFunction = () => pageTitle("Confirm your email address");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return { status: "sent" as const };
  if (token.length > 100) return { status: "invalid" as const };
  const result = await verifyEmailToken(token);
  if (!result) return { status: "invalid" as const };
  await recordAudit({ actorId: result.userId, action: "user.email-verified", entityType: "user", entityId: result.userId });
  throw redirect("/", { headers: await flash(request, "Your email address is confirmed") });
}

export default function VerifyEmail() {
  const { status } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{status === "sent" ? "Check your email" : "That link has expired or was already used"}</h1>
      {status === "sent" ? (
        <p className="govuk-body">We have sent you a link to confirm your email address. It works once and expires in 24 hours.</p>
      ) : (
        <p className="govuk-body">Sign in and ask for a new link from your account page.</p>
      )}
    </>
  );
}
