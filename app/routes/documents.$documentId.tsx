// A listing document, as a download. Readable once its version has been published (frozen
// buying records cite superseded versions, so those stay readable), otherwise only by the
// listing's own supplier and administrators; "not found" for everything else.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readListingDocument } from "~/models/listing-document.server";
import { getSessionUser } from "~/auth/session.server";
import { hasPermission } from "~/auth/permissions.server";
import { notFound, serviceUnavailable } from "~/utils/http.server";
import { log } from "~/utils/log.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = String(params.documentId ?? "");
  if (!/^[a-z0-9]{1,40}$/i.test(id)) throw notFound("Document not found");
  const user = await getSessionUser(request);
  const reader = user
    ? {
        supplierId: hasPermission(user, "read", "product", "own") ? user.supplierId : null,
        isAdmin: hasPermission(user, "read", "product", "any"),
      }
    : null;
  const read = await readListingDocument(id, reader);
  if (!read.ok) {
    if (read.failure.kind === "not-found") throw notFound("Document not found");
    log.error({ documentId: id }, "listing document missing from the document store");
    throw serviceUnavailable("This document cannot be downloaded at the moment.");
  }
  const { document, bytes } = read.value;
  return new Response(bytes, {
    headers: {
      "Content-Type": document.contentType,
      "Content-Length": String(bytes.length),
      // Always a download, never shown in the portal's origin; the name is ASCII-safe already.
      // (X-Content-Type-Options: nosniff is on every response the server sends: server/security.js.)
      "Content-Disposition": `attachment; filename="${document.fileName}"`,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
