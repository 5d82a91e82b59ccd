// The documents a listing carries (as a G-Cloud service definition does) and the rules for
// an upload. Shared by the upload form and the server; the content check is server-side
// (listing-document.server.ts), by the file's bytes, never by its name.
import { z } from "zod";
import { labelsOf, valuesOf } from "~/utils/labels";

export const DOCUMENT_KINDS = [
  { value: "service-definition", label: "Service definition", hint: "What the service is and how it works, in detail" },
  { value: "terms", label: "Terms and conditions", hint: "Your terms for the service, as they apply under the framework" },
  { value: "pricing", label: "Pricing document", hint: "Every price and what it covers, with discounts" },
  {
    value: "sfia-rate-card",
    label: "SFIA rate card",
    hint: "For services with people's time: day rates for each role by SFIA level (not needed for software alone)",
  },
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number]["value"];

export const DOCUMENT_KIND_LABELS = labelsOf(DOCUMENT_KINDS) as Record<DocumentKind, string>;

/** The largest document accepted: 10 MB (the body limit for the upload route is set a little above it). */
export const MAX_DOCUMENT_BYTES = 10_000_000;

/** The types accepted, as detected from the file's content, with the extension each is saved under. */
export const DOCUMENT_TYPES = {
  "application/pdf": { ext: "pdf", label: "PDF" },
  "application/vnd.oasis.opendocument.text": { ext: "odt", label: "OpenDocument text (ODT)" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { ext: "docx", label: "Word (DOCX)" },
} as const;

export type DocumentContentType = keyof typeof DOCUMENT_TYPES;

const kindValues = valuesOf(DOCUMENT_KINDS);

export const documentActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("upload"),
    lockVersion: z.coerce.number({ invalid_type_error: "The page is out of date. Reload it and try again." }).int().min(1),
    kind: z.enum(kindValues, { errorMap: () => ({ message: "Select which document this is" }) }),
  }),
  z.object({
    intent: z.literal("remove"),
    lockVersion: z.coerce.number({ invalid_type_error: "The page is out of date. Reload it and try again." }).int().min(1),
    kind: z.enum(kindValues, { errorMap: () => ({ message: "Select which document to remove" }) }),
  }),
]);

/** A file name safe to offer in Content-Disposition: the base name, printable ASCII, with the detected type's extension. */
export function safeDocumentName(original: string, ext: string): string {
  const base = (original.split(/[\\/]/).pop() ?? "")
    .replace(/\.[A-Za-z0-9]{1,5}$/, "")
    .replace(/[^A-Za-z0-9 ._()-]+/g, "-")
    .replace(/^[.\s-]+|[.\s-]+$/g, "")
    .slice(0, 80);
  return `${base || "document"}.${ext}`;
}
