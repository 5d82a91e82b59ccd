// A listing's history as its supplier reads it (issue 18 item 5: no internal codes): each audit
// event named in words, a saved section by the title the listing form gives it, and what changed
// as before and after answers, with stored codes turned into the labels the form shows. Pure:
// the history loader (listing-history.server.ts) and the unit tests call it.
import { formatPence, parsePounds } from "~/procurement/money";
import { formatBytes } from "~/components/service-definition";
import { LISTING_FIELD_LABELS } from "./listing-display";
import { DOCUMENT_KIND_LABELS } from "./listing-document.schema";
import {
  ACCESSIBILITY_LEVELS,
  AVAILABILITY_LEVELS,
  BACKUP_FREQUENCIES,
  DATA_FORMATS,
  DATA_LOCATIONS,
  LISTING_SECTIONS,
  SECURITY_OPTIONS,
  SUPPORT_HOURS,
  SUPPORT_RESPONSE,
} from "./listing.schema";

/** One stored audit event about a listing: the action and its before/after as stored (JSON text). */
export interface ListingAuditEvent {
  action: string;
  before: string | null;
  after: string | null;
}

/** One changed answer: its question and the answers before and after, as a person reads them. */
export interface ListingChange {
  key: string;
  label: string;
  before: string | string[];
  after: string | string[];
}

export interface ListingHistoryEntry {
  /** What happened: "Saved “Pricing”", "Submitted version 2 for review". */
  label: string;
  /** A sentence more, where the event carries one (the reason changes were asked for). */
  detail: string | null;
  /** The answers that changed (a saved section, a replaced document); empty when nothing is compared. */
  changes: ListingChange[];
}

const NOT_STATED = "Not stated";
const NONE = "None";

/** Stored codes of each listing question, with the labels the listing form shows for them. */
export const LISTING_CODE_OPTIONS: Record<string, readonly { value: string; label: string }[]> = {
  dataLocation: DATA_LOCATIONS,
  security: SECURITY_OPTIONS,
  dataImportFormats: DATA_FORMATS,
  dataExportFormats: DATA_FORMATS,
  availability: AVAILABILITY_LEVELS,
  supportHours: SUPPORT_HOURS,
  supportResponse: SUPPORT_RESPONSE,
  backupFrequency: BACKUP_FREQUENCIES,
  accessibilityLevel: ACCESSIBILITY_LEVELS,
};

/** A listing section's title as the listing form names it ("data-security" is "Data, security and accessibility"). */
export function listingSectionTitle(slug: string): string | null {
  return LISTING_SECTIONS.find((s) => s.slug === slug)?.title ?? null;
}

/** A listing question's name as the form and the moderation view call it. */
export function listingFieldLabel(key: string): string {
  return LISTING_FIELD_LABELS[key] ?? "Another answer";
}

function optionLabel(key: string, value: string): string {
  return LISTING_CODE_OPTIONS[key]?.find((o) => o.value === value)?.label ?? value;
}

/**
 * One stored answer as the listing form would show it: a price as money, yes or no, a code as its
 * label, a lot by its framework and name, a list item by item; "Not stated" when there is none.
 * `all` is the rest of the same snapshot (a draft's placeholder price of 0 with no unit is blank).
 */
export function listingValueText(
  key: string,
  value: unknown,
  lotLabels: Record<string, string> = {},
  all: Record<string, unknown> = {},
): string | string[] {
  if (Array.isArray(value)) {
    if (!value.length) return NONE;
    return value.map((item) =>
      key === "lotIds" ? (lotLabels[String(item)] ?? "A lot no longer on the portal") : optionLabel(key, String(item)),
    );
  }
  if (value == null || value === "") return NOT_STATED;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (key === "priceFromPence" && typeof value === "number" && Number.isSafeInteger(value)) {
    return value === 0 && !all.priceUnit ? NOT_STATED : formatPence(value);
  }
  if (key === "priceFrom") {
    const parsed = parsePounds(String(value));
    if (parsed.ok) return parsed.pence === 0 && !all.priceUnit ? NOT_STATED : formatPence(parsed.pence);
  }
  if (typeof value === "object") return NOT_STATED;
  return optionLabel(key, String(value));
}

function parsed(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const same = (a: string | string[], b: string | string[]) => JSON.stringify(a) === JSON.stringify(b);

/** Where a question comes in the listing form (the field labels are in form order); unknown keys last. */
const FORM_ORDER = Object.keys(LISTING_FIELD_LABELS);
const formPosition = (key: string) => (FORM_ORDER.includes(key) ? FORM_ORDER.indexOf(key) : FORM_ORDER.length);

/** The answers a section save changed, in the order the form asks them; unchanged answers are left out. */
function sectionChanges(before: Record<string, unknown>, after: Record<string, unknown>, lotLabels: Record<string, string>) {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])]
    .filter((k) => k !== "documents")
    .sort((a, b) => formPosition(a) - formPosition(b));
  const changes: ListingChange[] = [];
  for (const key of keys) {
    const was = listingValueText(key, before[key], lotLabels, before);
    const now = listingValueText(key, after[key], lotLabels, after);
    if (!same(was, now)) changes.push({ key, label: listingFieldLabel(key), before: was, after: now });
  }
  return changes;
}

const versionText = (v: Record<string, unknown>) => (typeof v.versionNumber === "number" ? ` version ${v.versionNumber}` : "");

function documentKindLabel(kind: unknown): string {
  return DOCUMENT_KIND_LABELS[String(kind) as keyof typeof DOCUMENT_KIND_LABELS] ?? "Document";
}

/** A label inside a sentence: "the terms and conditions", but "the SFIA rate card". */
const inSentence = (label: string) => (/^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

function documentText(d: Record<string, unknown>): string {
  if (typeof d.fileName !== "string" || !d.fileName) return NONE;
  return typeof d.sizeBytes === "number" ? `${d.fileName} (${formatBytes(d.sizeBytes)})` : d.fileName;
}

/** One audit event about a listing as its supplier reads it. */
export function listingHistoryEntry(event: ListingAuditEvent, lotLabels: Record<string, string> = {}): ListingHistoryEntry {
  const before = parsed(event.before);
  const after = parsed(event.after);
  const [action, detail] = event.action.split(":", 2);
  const entry = (label: string, extra: Partial<ListingHistoryEntry> = {}): ListingHistoryEntry => ({
    label,
    detail: null,
    changes: [],
    ...extra,
  });
  switch (action) {
    case "product.created":
      return entry("Listing created");
    case "product.imported":
      return entry("Listing imported from a spreadsheet");
    case "product.section-saved": {
      const title = listingSectionTitle(detail ?? "");
      const changes = sectionChanges(before, after, lotLabels);
      return entry(title ? `Saved “${title}”` : "Saved a section of the listing", {
        changes,
        detail: changes.length ? null : "No answers changed.",
      });
    }
    case "product.submitted":
      return entry(`Submitted${versionText(after)} for review`);
    case "product.approved":
      return entry(`Approved and published${versionText(after)}`);
    case "product.rejected":
      return entry("Changes requested", {
        detail: typeof after.reason === "string" && after.reason.trim() ? `Reason given: ${after.reason}` : null,
      });
    case "product.taken-out-of-review":
      return entry("Taken out of review to make changes");
    case "product.withdrawn":
      return entry("Withdrawn");
    case "product.document-uploaded": {
      const kind = documentKindLabel(after.kind);
      return entry(`${event.before ? "Replaced" : "Uploaded"} the ${inSentence(kind)}`, {
        changes: [{ key: "document", label: kind, before: documentText(before), after: documentText(after) }],
      });
    }
    case "product.document-removed":
      return entry(`Removed the ${inSentence(documentKindLabel(after.kind))}`);
    default:
      return entry("Another change to the listing");
  }
}
