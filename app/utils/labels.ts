// The one label registry (issue 11): the words shown for stored codes (supplier sizes,
// accreditations, case-study cost bands, framework status), defined once for forms, pages,
// search facets and exports. Pure data: imported by app/search, app/models and the routes.

type Option = { value: string; label: string };

/** Each option's label by its stored value. */
export function labelsOf(options: readonly Option[]): Record<string, string> {
  return Object.fromEntries(options.map((o) => [o.value, o.label]));
}

/** The options' values, as the non-empty tuple `z.enum` takes. */
export function valuesOf<T extends readonly { value: string }[]>(options: T) {
  return options.map((o) => o.value) as [T[number]["value"], ...T[number]["value"][]];
}

export const SUPPLIER_SIZE_OPTIONS = [
  { value: "micro", label: "Micro", hint: "Fewer than 10 staff and turnover of £2 million or less" },
  { value: "small", label: "Small", hint: "Fewer than 50 staff and turnover of £10 million or less" },
  {
    value: "medium",
    label: "Medium",
    hint: "Fewer than 250 staff and turnover of £44 million or less, or a balance sheet total of £38 million or less",
  },
  { value: "large", label: "Large", hint: "250 staff or more, or turnover over £44 million and a balance sheet total over £38 million" },
] as const;

export const SUPPLIER_SIZE_ORDER: string[] = SUPPLIER_SIZE_OPTIONS.map((o) => o.value);

export const SIZE_LABELS: Record<string, string> = labelsOf(SUPPLIER_SIZE_OPTIONS);

export const ACCREDITATION_OPTIONS = [
  { value: "cyber-essentials", label: "Cyber Essentials" },
  { value: "cyber-essentials-plus", label: "Cyber Essentials Plus" },
  { value: "iso-27001", label: "ISO/IEC 27001" },
  { value: "iso-9001", label: "ISO 9001" },
  { value: "other", label: "Other" },
] as const;

export type AccreditationKind = (typeof ACCREDITATION_OPTIONS)[number]["value"];

export const ACCREDITATION_KINDS = valuesOf(ACCREDITATION_OPTIONS);

export const ACCREDITATION_LABELS: Record<string, string> = labelsOf(ACCREDITATION_OPTIONS);

/** A case study's whole-life cost band: the form's options and the search facet. */
export const COST_BANDS = [
  { value: "under-30k", label: "Under £30,000" },
  { value: "30k-100k", label: "£30,000 to £100,000" },
  { value: "100k-250k", label: "£100,000 to £250,000" },
  { value: "250k-1m", label: "£250,000 to £1 million" },
  { value: "over-1m", label: "Over £1 million" },
] as const;

export type CostBand = (typeof COST_BANDS)[number]["value"];

export const COST_BAND_LABELS: Record<string, string> = labelsOf(COST_BANDS);

/** The cost band for a whole-life cost in integer pence (the bands' upper limits are exclusive). */
export function costBandForPence(pence: number): CostBand {
  if (pence < 3_000_000) return "under-30k";
  if (pence < 10_000_000) return "30k-100k";
  if (pence < 25_000_000) return "100k-250k";
  if (pence < 100_000_000) return "250k-1m";
  return "over-1m";
}

export const FRAMEWORK_STATUS_LABELS: Record<string, { label: string; tag: string }> = {
  upcoming: { label: "Upcoming", tag: "govuk-tag--blue" },
  live: { label: "Live", tag: "govuk-tag--green" },
  expiring: { label: "Expiring soon", tag: "govuk-tag--yellow" },
  expired: { label: "Expired", tag: "govuk-tag--grey" },
  unknown: { label: "Start date unverified", tag: "govuk-tag--orange" },
};

/** Formats a listing says buyers can bring data in and take it out in (listing form and search facet). */
export const DATA_FORMATS = [
  { value: "csv", label: "CSV" },
  { value: "json", label: "JSON" },
  { value: "xml", label: "XML" },
  { value: "xlsx", label: "Excel (XLSX)" },
  { value: "ods", label: "OpenDocument spreadsheet (ODS)" },
  { value: "pdf", label: "PDF" },
  { value: "sql", label: "Database dump (SQL)" },
  { value: "api", label: "Through the API" },
  { value: "other", label: "Other" },
] as const;

export const DATA_FORMAT_LABELS: Record<string, string> = labelsOf(DATA_FORMATS);

/** A listing's committed availability, shortest first as a facet reads it (highest commitment first). */
export const AVAILABILITY_FACET = [
  { value: "99.99", label: "99.99%" },
  { value: "99.95", label: "99.95%" },
  { value: "99.9", label: "99.9%" },
  { value: "99.5", label: "99.5%" },
  { value: "99", label: "99%" },
  { value: "none", label: "No availability commitment" },
] as const;

export const AVAILABILITY_LABELS: Record<string, string> = labelsOf(AVAILABILITY_FACET);

// What an audit event records, as an administrator reads it on /admin/audit (issue 18 item 5:
// no internal codes). A buying project's own events read as in its history (project-history.ts).
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "access-request.approved": "Approved an access request",
  "access-request.confirmed": "Confirmed the email address of an access request",
  "access-request.created": "Asked for access",
  "access-request.for-existing-account": "Asked for access with an address that already has an account",
  "access-request.refused": "Refused an access request",
  "accreditation.added": "Added an accreditation",
  "accreditation.removed": "Removed an accreditation",
  "authorisation.refused": "Refused access to a page or action",
  "award.declared": "Declared a framework award",
  "award.rejected": "Rejected a framework award",
  "award.verified": "Verified a framework award",
  "award.withdrawn": "Withdrew a framework award",
  "case-study.created": "Created a case study",
  "case-study.named": "Named a supplier in a case study",
  "case-study.published": "Published a case study",
  "case-study.rejected": "Rejected a case study",
  "case-study.submitted": "Submitted a case study for review",
  "case-study.supplier-responded": "Responded to a case study as its supplier",
  "case-study.unpublished": "Unpublished a case study",
  "case-study.updated": "Updated a case study",
  "contract.created": "Recorded a contract",
  "contract.revised": "Revised a contract",
  "council-domain.added": "Added a council email domain",
  "council-domain.removed": "Removed a council email domain",
  "follow.created": "Followed a council or service area",
  "follow.deleted": "Stopped following a council or service area",
  "login.failed": "Sign-in failed",
  "login.refused-deactivated": "Sign-in refused: account deactivated",
  "login.succeeded": "Signed in",
  "login.throttled": "Sign-in refused: too many attempts",
  "password-reset.requested": "Asked for a password reset link",
  "password-reset.throttled": "Password reset refused: too many requests",
  "pipeline.project-linked": "Linked a pipeline entry to a buying project",
  "pipeline.published": "Published a pipeline entry",
  "pipeline.revised": "Revised a pipeline entry",
  "pipeline.withdrawn": "Withdrew a pipeline entry",
  "product.approved": "Approved a listing",
  "product.created": "Created a listing",
  "product.document-removed": "Removed a listing document",
  "product.document-uploaded": "Uploaded a listing document",
  "product.imported": "Imported a listing",
  "product.rejected": "Rejected a listing",
  "product.section-saved": "Saved a section of a listing",
  "product.submitted": "Submitted a listing for review",
  "product.taken-out-of-review": "Took a listing out of review to edit it",
  "product.withdrawn": "Withdrew a listing",
  "search-alert.created": "Saved a search alert",
  "search-alert.deleted": "Deleted a search alert",
  "search-alert.unsubscribed": "Unsubscribed from a search alert",
  "search-alert.updated": "Changed a search alert",
  "service-area.created": "Added a service area",
  "supplier.registered": "Registered a supplier",
  "supplier.registration-duplicate": "Tried to register a supplier already registered",
  "supplier.updated": "Updated a supplier's details",
  "supplier.verified": "Verified a supplier",
  "user.approver-granted": "Made an officer an approver",
  "user.approver-revoked": "Stopped an officer being an approver",
  "user.created": "Created an account",
  "user.deactivated": "Deactivated an account",
  "user.email-verified": "Confirmed an email address",
  "user.invitation-accepted": "Accepted an invitation",
  "user.invitation-for-existing-account": "Invited someone who already has an account",
  "user.invited": "Invited someone to an account",
  "user.password-changed": "Changed a password",
  "user.password-reset": "Reset a password by the emailed link",
  "user.password-reset-forced": "Made someone choose a new password",
  "user.reactivated": "Reactivated an account",
  "user.roles-changed": "Changed an account's roles",
  "user.sessions-revoked": "Signed someone out everywhere",
  "user.signup-for-existing-account": "Tried to sign up with an address that already has an account",
  "user.verification-resent": "Sent the confirmation link again",
};

/** What an audit action reads as; an action with a detail after a colon (product.section-saved:about) reads as its kind. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? AUDIT_ACTION_LABELS[action.split(":")[0]] ?? `Other event (${action})`;
}

/** The kind of object an audit event is about. */
export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  "access-request": "Access request",
  accreditation: "Accreditation",
  award: "Framework award",
  "case-study": "Case study",
  contract: "Contract",
  "council-domain": "Council email domain",
  follow: "Follow",
  pipeline: "Pipeline entry",
  product: "Listing",
  project: "Buying project",
  route: "Page",
  "search-alert": "Search alert",
  "service-area": "Service area",
  supplier: "Supplier",
  user: "Account",
};

export function auditObjectLabel(entityType: string): string {
  return AUDIT_OBJECT_LABELS[entityType] ?? entityType;
}

/** An account's roles, short (lists) and with what each allows (the admin's role choices). */
export const ROLE_NAMES: Record<string, string> = {
  buyer: "Buyer",
  approver: "Approver",
  council_lead: "Council lead",
  supplier: "Supplier user",
  admin: "Portal administrator",
};

export const ROLE_DESCRIPTIONS: Record<string, string> = {
  buyer: "Buyer (council officer)",
  approver: "Approver (a second officer who approves budgets and awards)",
  council_lead: "Council lead (grants the approver role to the council's buyers)",
  supplier: "Supplier user",
  admin: "Portal administrator",
};

export const roleName = (role: string): string => ROLE_NAMES[role] ?? role;
