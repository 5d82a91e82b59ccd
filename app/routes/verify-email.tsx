import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { recordAudit } from "~/models/audit.server";
import { getUserById } from "~/models/user.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { flash, getSessionUser } from "~/auth/session.server";
import { verifyEmailToken } from "~/auth/verification.server";

export const meta: MetaFunction = () => pageTitle("Confirm your email address");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  if (!token) return { status: "sent" as const };
  if (token.length > 100) return { status: "invalid" as const };
  // Only a live email-verification token: an invitation or reset token is refused here.
  const result = await verifyEmailToken(token);
  if (!result) return { status: "invalid" as const };
  await recordAudit({
    actorId: result.userId,
    action: "user.email-verified",
    entityType: "user",
    entityId: result.userId,
    ip: clientIp(context, request),
  });
  if (await getSessionUser(request)) throw redirect("/", { headers: await flash(request, "Your email address is confirmed") });
  const user = await getUserById(result.userId);
  const next = user?.supplierId ? "/supplier/profile?registered=1" : "/";
  throw redirect(`/login?redirectTo=${encodeURIComponent(next)}`, {
    headers: await flash(request, "Your email address is confirmed. Sign in to continue."),
  });
}

export default function VerifyEmail() {
  const { status } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{status === "sent" ? "Check your email" : "That link has expired or was already used"}</h1>
      {status === "sent" ? (
        <>
          <p className="govuk-body">
            We have sent an email to the address you gave. Open the link in it to confirm your address, then sign in.
          </p>
          <p className="govuk-body">
            The link works once and expires in 24 hours. If you already have an account, the email tells you how to sign in or reset your
            password.
          </p>
        </>
      ) : (
        <p className="govuk-body">
          <Link className="govuk-link" to="/login">
            Sign in
          </Link>{" "}
          and ask for a new link from your account page.
        </p>
      )}
    </>
  );
}
