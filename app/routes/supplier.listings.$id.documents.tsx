import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/buying";
import { Form } from "~/components/form";
import { ChoiceField, ErrorSummary, SubmitButton } from "~/components/forms";
import { formatBytes } from "~/components/service-definition";
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, documentActionSchema, MAX_DOCUMENT_BYTES } from "~/models/listing-document.schema";
import { checkDocument, listVersionDocuments, removeListingDocument, uploadListingDocument } from "~/models/listing-document.server";
import { getListing } from "~/models/listing.server";
import { handleForm } from "~/utils/form-action.server";
import { invalid, ok } from "~/utils/result";
import { clientIp, notFound } from "~/utils/http.server";
import { requireListingAccess } from "~/auth/listing-policy.server";
import { pageTitle } from "~/utils/meta";
import { flash } from "~/auth/session.server";
import { DataTable } from "~/components/data-table";
import { RowAction } from "~/components/row-action";
import { NarrowPage } from "~/components/form-page";

export const meta: MetaFunction = () => pageTitle("Listing documents");
export const handle = { title: "Listing documents" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { owner } = await requireListingAccess(request, params.id, "update");
  const listing = await getListing(owner.id);
  if (!listing) throw notFound();
  return {
    productId: owner.id,
    listingName: listing.values.name || "Untitled listing",
    lockVersion: listing.product.lockVersion,
    withdrawn: listing.product.status === "withdrawn",
    documents: await listVersionDocuments(listing.current.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, owner } = await requireListingAccess(request, params.id, "update");
  const ip = clientIp(context, request);
  return handleForm(request, {
    schema: documentActionSchema,
    run: async (input, form) => {
      const args = { productId: owner.id, userId: user.id, lockVersion: input.lockVersion, kind: input.kind, ip };
      if (input.intent === "remove") {
        const removed = await removeListingDocument(args);
        return removed.ok ? ok(`${DOCUMENT_KIND_LABELS[input.kind]} removed`) : removed;
      }
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return invalid({ file: ["Select a PDF, ODT or DOCX file to upload"] });
      if (file.size > MAX_DOCUMENT_BYTES)
        return invalid({ file: [`The selected file must be smaller than ${MAX_DOCUMENT_BYTES / 1_000_000} MB`] });
      const checked = await checkDocument(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!checked.ok) return checked;
      const uploaded = await uploadListingDocument({ ...args, document: checked.value });
      return uploaded.ok ? ok(`${DOCUMENT_KIND_LABELS[input.kind]} uploaded to the draft`) : uploaded;
    },
    onSuccess: async (message) => redirect(`/supplier/listings/${owner.id}/documents`, { headers: await flash(request, message) }),
  });
}

export default function ListingDocumentsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const posted = actionData?.values as { kind?: string } | undefined;
  return (
    <NarrowPage>
      <BackLink to={`/supplier/listings/${data.productId}`}>Back to the listing</BackLink>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{data.listingName}</span>
      <h1 className="govuk-heading-l">Documents</h1>
      <p className="govuk-body">
        Buyers download these from the listing, as they would a G-Cloud service definition. Upload a PDF, OpenDocument text (ODT) or Word
        (DOCX) file of up to {MAX_DOCUMENT_BYTES / 1_000_000} MB. A new upload goes into your draft: the published listing, and any buying
        record that saved it, keep the documents they had until an administrator approves the new version.
      </p>
      <DataTable
        caption="Documents in this version"
        rows={data.documents}
        rowKey={(d) => d.id}
        empty={<p className="govuk-body">No documents yet.</p>}
        columns={[
          { header: "Document", cell: (d) => d.kindLabel },
          {
            header: "File",
            cell: (d) => (
              <>
                <a className="govuk-link" href={`/documents/${d.id}`} download>
                  {d.fileName}
                </a>{" "}
                ({d.typeLabel}, {formatBytes(d.sizeBytes)})
              </>
            ),
          },
          !data.withdrawn && {
            header: "Action",
            hiddenHeader: true,
            cell: (d) => (
              <RowAction
                fields={{ lockVersion: data.lockVersion, kind: d.kind }}
                intent="remove"
                label="Remove"
                about={d.kindLabel}
                plainAbout
                className="govuk-button--warning govuk-!-margin-bottom-0"
              />
            ),
          },
        ]}
      />
      {data.withdrawn ? (
        <p className="govuk-body">This listing has been withdrawn and cannot be edited.</p>
      ) : (
        <Form method="post" encType="multipart/form-data" noValidate key={data.lockVersion}>
          <h2 className="govuk-heading-m">Upload a document</h2>
          <input type="hidden" name="lockVersion" value={data.lockVersion} />
          <ChoiceField
            type="radio"
            name="kind"
            legend="Which document is it?"
            hint="A new file replaces the draft's document of the same kind"
            defaultValue={posted?.kind}
            error={errors.kind?.[0]}
            options={DOCUMENT_KINDS.map((k) => ({ value: k.value, label: k.label, hint: k.hint }))}
          />
          <div className={`govuk-form-group${errors.file ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              Upload a file
            </label>
            <div id="file-hint" className="govuk-hint">
              PDF, ODT or DOCX, up to {MAX_DOCUMENT_BYTES / 1_000_000} MB
            </div>
            {errors.file ? (
              <p id="file-error" className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors.file[0]}
              </p>
            ) : null}
            <input
              className={`govuk-file-upload${errors.file ? " govuk-file-upload--error" : ""}`}
              id="file"
              name="file"
              type="file"
              accept=".pdf,.odt,.docx,application/pdf,application/vnd.oasis.opendocument.text,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={errors.file ? "file-hint file-error" : "file-hint"}
            />
          </div>
          <SubmitButton intent="upload">Upload</SubmitButton>
        </Form>
      )}
    </NarrowPage>
  );
}
