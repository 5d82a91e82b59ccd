// Listing documents: checked by their content (not their name), stored once by SHA-256 in the
// document store, attached to the listing's draft version only (a submitted, published or
// frozen version keeps the documents it had), and readable only where the version may be read.
import { fileTypeFromBuffer } from "file-type";
import { prisma, type Tx } from "~/utils/db.server";
import { documentStore } from "~/services/document-store.server";
import { conflict, invalid, notFoundFailure, ok, refused, type Result } from "~/utils/result";
import { recordAudit } from "./audit.server";
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  DOCUMENT_TYPES,
  MAX_DOCUMENT_BYTES,
  safeDocumentName,
  type DocumentContentType,
  type DocumentKind,
} from "./listing-document.schema";
import { editListingDraft, getVersionValues } from "./listing.server";
import { pickServiceDefinition } from "./listing-display";

export type CheckedDocument = { bytes: Uint8Array; contentType: DocumentContentType; fileName: string };

const ACCEPTED = "a PDF, an OpenDocument text file (ODT) or a Word document (DOCX)";

/**
 * Checks an upload by what it is, not what it is called: the type is read from the bytes,
 * and a file whose name claims another type (a ".pdf" that is really a program or a web
 * page) is refused, so what is served is what the name says.
 */
export async function checkDocument(fileName: string, bytes: Uint8Array): Promise<Result<CheckedDocument>> {
  if (bytes.length === 0) return invalid({ file: ["The selected file is empty"] });
  if (bytes.length > MAX_DOCUMENT_BYTES)
    return invalid({ file: [`The selected file must be smaller than ${MAX_DOCUMENT_BYTES / 1_000_000} MB`] });
  const detected = await fileTypeFromBuffer(bytes);
  const type = detected && detected.mime in DOCUMENT_TYPES ? (detected.mime as DocumentContentType) : null;
  if (!type) {
    const what = detected ? `it is really a ${detected.ext.toUpperCase()} file` : "its content is not a document we can read";
    return invalid({ file: [`The selected file must be ${ACCEPTED}: ${what}`] });
  }
  const ext = DOCUMENT_TYPES[type].ext;
  const named = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase();
  if (named && named !== ext)
    return invalid({
      file: [
        `The selected file is called .${named} but it is really ${DOCUMENT_TYPES[type].label}: save it as .${ext} and upload it again`,
      ],
    });
  return ok({ bytes, contentType: type, fileName: safeDocumentName(fileName, ext) });
}

const documentSelect = { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true, sha256: true } as const;

export type VersionDocument = {
  id: string;
  kind: string;
  kindLabel: string;
  fileName: string;
  contentType: string;
  typeLabel: string;
  sizeBytes: number;
  sha256: string;
};

function present(d: {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}): VersionDocument {
  return {
    ...d,
    kindLabel: DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? d.kind,
    typeLabel: DOCUMENT_TYPES[d.contentType as DocumentContentType]?.label ?? d.contentType,
  };
}

const kindOrder = (kind: string) => DOCUMENT_KINDS.findIndex((k) => k.value === kind);

/** A version's documents, in the order the form lists the kinds. */
export async function listVersionDocuments(versionId: string, db: Tx = prisma): Promise<VersionDocument[]> {
  const rows = await db.listingDocument.findMany({ where: { versionId }, select: documentSelect });
  return rows.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind)).map(present);
}

/**
 * Attaches a checked document to the listing's draft (made from the latest version if there
 * is none, as any edit does), replacing that draft's document of the same kind. The bytes are
 * stored first: a stored file no row names is harmless, and the same bytes are stored once.
 */
export async function uploadListingDocument({
  productId,
  userId,
  lockVersion,
  kind,
  document,
  ip,
}: {
  productId: string;
  userId: string;
  lockVersion: number;
  kind: DocumentKind;
  document: CheckedDocument;
  ip?: string;
}): Promise<Result<{ versionId: string; documentId: string }>> {
  const sha256 = await documentStore().put(document.bytes);
  return editListingDraft({ productId, userId, lockVersion, ip }, async (tx, versionId) => {
    const before = await tx.listingDocument.findUnique({ where: { versionId_kind: { versionId, kind } }, select: documentSelect });
    if (before) await tx.listingDocument.delete({ where: { id: before.id } });
    const created = await tx.listingDocument.create({
      data: {
        versionId,
        kind,
        fileName: document.fileName,
        contentType: document.contentType,
        sizeBytes: document.bytes.length,
        sha256,
        uploadedById: userId,
      },
    });
    await recordAudit(
      {
        actorId: userId,
        action: "product.document-uploaded",
        entityType: "product",
        entityId: productId,
        before: before ? { kind, fileName: before.fileName, sha256: before.sha256 } : undefined,
        after: { versionId, kind, fileName: created.fileName, sha256, sizeBytes: created.sizeBytes },
        ip,
      },
      tx,
    );
    return ok({ versionId, documentId: created.id });
  });
}

export async function removeListingDocument({
  productId,
  userId,
  lockVersion,
  kind,
  ip,
}: {
  productId: string;
  userId: string;
  lockVersion: number;
  kind: DocumentKind;
  ip?: string;
}): Promise<Result<{ versionId: string }>> {
  return editListingDraft({ productId, userId, lockVersion, ip }, async (tx, versionId) => {
    const { count } = await tx.listingDocument.deleteMany({ where: { versionId, kind } });
    if (count !== 1) return conflict(`There is no ${DOCUMENT_KIND_LABELS[kind].toLowerCase()} to remove: reload the page`);
    await recordAudit(
      { actorId: userId, action: "product.document-removed", entityType: "product", entityId: productId, after: { versionId, kind }, ip },
      tx,
    );
    return ok({ versionId });
  });
}

export type DocumentReader = { supplierId: string | null; isAdmin: boolean } | null;

/**
 * A document and its bytes, if the reader may read it: anyone, once its version has been
 * published (a superseded version stays readable, because frozen buying records cite it), as
 * long as the listing's organisation is verified; otherwise only the listing's own supplier
 * and administrators. Anything else is "not found", as for a missing document.
 */
export async function readListingDocument(
  documentId: string,
  reader: DocumentReader,
): Promise<Result<{ document: VersionDocument; bytes: Uint8Array<ArrayBuffer> }>> {
  const row = await prisma.listingDocument.findUnique({
    where: { id: documentId },
    select: {
      ...documentSelect,
      version: { select: { publishedAt: true, product: { select: { supplierId: true, supplier: { select: { verifiedAt: true } } } } } },
    },
  });
  if (!row) return notFoundFailure("Document not found");
  const own = reader?.supplierId != null && reader.supplierId === row.version.product.supplierId;
  const publicCopy = row.version.publishedAt !== null && row.version.product.supplier.verifiedAt !== null;
  if (!own && !reader?.isAdmin && !publicCopy) return notFoundFailure("Document not found");
  const bytes = await documentStore().get(row.sha256);
  if (!bytes) return refused("This document's file is missing from the document store. Tell the portal's administrators.");
  const { version: _version, ...document } = row;
  return ok({ document: present(document), bytes });
}

/** What a buyer reads of a version beyond its summary: the service definition and the documents. */
export async function getVersionDetails(versionId: string) {
  const version = await getVersionValues(versionId);
  if (!version) return null;
  return { definition: pickServiceDefinition(version), documents: await listVersionDocuments(versionId) };
}
