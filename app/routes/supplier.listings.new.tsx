import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { Form } from "~/components/form";
import { SubmitButton } from "~/components/forms";
import { createDraftListing } from "~/models/listing.server";
import { forbidden, requireUserWithPermission } from "~/auth/permissions.server";
import { clientIp } from "~/utils/http.server";
import { pageTitle } from "~/utils/meta";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = () => pageTitle("Create a listing");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:product:own");
  if (!user.supplierId) throw forbidden();
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:product:own");
  if (!user.supplierId) throw forbidden();
  const product = await createDraftListing({ supplierId: user.supplierId, userId: user.id, ip: clientIp(context, request) });
  return redirect(`/supplier/listings/${product.id}`);
}

export default function NewListing() {
  return (
    <NarrowPage>
      <BackLink to="/supplier">Back to your dashboard</BackLink>
      <h1 className="govuk-heading-l">Create a listing</h1>
      <p className="govuk-body">
        A listing describes one product or service. You fill it in section by section and can save a draft at any point. When every section
        is complete, submit it: an administrator checks it before buyers can see it.
      </p>
      <p className="govuk-body">
        To list many products at once,{" "}
        <Link className="govuk-link" to="/supplier/import">
          upload a CSV file
        </Link>
        .
      </p>
      <Form method="post">
        <SubmitButton className="govuk-button--start">Start a new listing</SubmitButton>
      </Form>
    </NarrowPage>
  );
}
