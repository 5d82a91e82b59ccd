// Presenters (issue 11): the project record shaped once, for the pages that show parts of it,
// the printable record, the frozen search's CSV and the OCDS release, so every view says the
// same thing the same way (labels, money, dates, statuses). Pure: no database, no clock, so
// the exports (app/models/project-export.ts) and the browser can use it too.
import { displayAnswer } from "./buying-guide-steps";
import { describeProjectEvent } from "./project-history";
import { describeFilters, OUTCOME_LABELS, weightedTotal, type OutcomeKind } from "./project.schema";
import type { FullProject } from "./project.server";
import type { ApprovalRow, ApprovalSubject } from "./project-approval.server";
import {
  DOCUMENT_KINDS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_TYPES,
  type DocumentContentType,
  type DocumentKind,
} from "./listing-document.schema";
import { toIsoDate } from "~/procurement";
import { noticePublisherOf } from "~/procurement/notices";
import { SIZE_LABELS, formatDate, formatDateTime } from "~/utils/format";
import { formatPence, penceToPounds } from "~/procurement/money";

/** Where one subject stands: the latest approval row that counts for it (for an award, for the given outcome revision). */
export function approvalState(approvals: readonly ApprovalRow[], subject: ApprovalSubject, outcomeRevision: number | null = null) {
  const relevant = approvals.filter(
    (a) => a.subject === subject && a.status !== "withdrawn" && (subject === "budget" || a.outcomeRevision === outcomeRevision),
  );
  return relevant.at(-1) ?? null;
}

type HistoryEvent = Parameters<typeof describeProjectEvent>[0] & { id: string; createdAt: Date; actor: { name: string } | null };

const APPROVAL_WORDS: Record<string, string> = {
  requested: "waiting for an approver",
  approved: "approved",
  rejected: "rejected",
  "no-second-person": "no second person available",
  withdrawn: "replaced by a later request",
};

/** One line for an approval: who asked, who decided, when and why. */
export function describeApproval(a: ApprovalRow | null, none: string): string {
  if (!a) return none;
  const asked = `asked by ${a.requestedBy ?? "someone"} on ${formatDateTime(a.requestedAt)}`;
  if (a.status === "requested") return `Waiting for an approver (${asked})`;
  if (a.status === "no-second-person")
    return `No second person was available: recorded by ${a.decidedBy ?? "someone"} on ${formatDateTime(a.decidedAt ?? a.requestedAt)}, because ${a.reason}`;
  const word = APPROVAL_WORDS[a.status] ?? a.status;
  return `${word[0].toUpperCase()}${word.slice(1)} by ${a.decidedBy ?? "someone"} on ${formatDateTime(a.decidedAt ?? a.requestedAt)} (${asked})${a.reason ? `: ${a.reason}` : ""}`;
}

/** What the project's details list needs (the overview's narrow query and the whole record both have it). */
export type ProjectDetailsInput = Pick<
  FullProject,
  | "category"
  | "procurementStart"
  | "securityClassification"
  | "estimatedValuePence"
  | "contractMonths"
  | "termsUnchanged"
  | "nation"
  | "createdAt"
> & { council: { officialName: string }; owner: { name: string } | null };

/** The project's details as one summary list, shaped once for the overview page and the printable record. */
export function presentProjectDetails(p: ProjectDetailsInput, route: { label: string }) {
  const raw = { category: p.category, startDate: toIsoDate(p.procurementStart), security: p.securityClassification };
  return [
    { key: "Council", value: p.council.officialName },
    { key: "Buying route", value: route.label },
    { key: "What is being bought", value: displayAnswer("category", raw) },
    { key: "Estimated whole-life value", value: `${formatPence(p.estimatedValuePence)} including VAT` },
    { key: "Contract length", value: `${p.contractMonths} months` },
    { key: "Procurement start date", value: displayAnswer("startDate", raw) },
    { key: "Security classification", value: displayAnswer("security", raw) },
    { key: "Framework terms used unchanged", value: p.termsUnchanged ? "Yes" : "No" },
    { key: "Nation", value: p.nation },
    { key: "Started by", value: `${p.owner?.name ?? "Former user"}, ${formatDate(p.createdAt)}` },
  ];
}

/** The whole record for the printable page. */
export function presentProjectRecord(
  p: FullProject,
  { route, history, approvals }: { route: { label: string }; history: HistoryEvent[]; approvals: ApprovalRow[] },
) {
  const weightsOk = p.criteria.reduce((s, c) => s + c.weight, 0) === 100;
  return {
    project: {
      id: p.id,
      title: p.title,
      status: p.status,
      council: p.council.officialName,
      owner: p.owner?.name ?? "Former user",
      createdAt: p.createdAt,
      route: route.label,
      details: presentProjectDetails(p, route),
      requirements: p.requirements,
      budget: describeApproval(
        approvalState(approvals, "budget"),
        p.budgetApproved ? `Approved ${formatDate(p.budgetApprovedAt)}` : "Not approved",
      ),
    },
    saved: p.savedSearches.map((s) => ({ id: s.id, query: s.query, filters: describeFilters(s.filters), at: s.createdAt })),
    frozen: p.frozenSearches.map((f) => {
      const search = presentFrozenSearch(f);
      return {
        ...search,
        results: search.results.map((r) => ({
          ...r,
          // Every frozen result with its assessment (issue 13, item 2).
          assessment: (() => {
            const s = p.shortlist.find((e) => e.frozenResultId === r.id);
            if (s) return `Shortlisted: ${s.reason}`;
            const a = p.setAside.find((x) => x.frozenResultId === r.id);
            return a ? `Set aside: ${a.reason}` : "Not assessed";
          })(),
        })),
      };
    }),
    shortlist: p.shortlist.map((e) => ({
      id: e.id,
      name: e.frozenResult.productName,
      supplier: e.frozenResult.supplierName,
      reason: e.reason,
      scores: p.criteria
        .map((c) => e.scores.find((s) => s.criterionId === c.id) ?? null)
        .map((s) => (s ? { score: s.score, notes: s.notes } : null)),
      total: weightsOk ? weightedTotal(p.criteria, e.scores) : null,
    })),
    criteria: p.criteria.map((c) => ({ id: c.id, name: c.name, weight: c.weight, description: c.description })),
    outcome: p.outcome ? presentOutcome({ ...p.outcome, sequence: p.outcome.revision, productName: null }, approvals) : null,
    // Every outcome ever recorded, oldest first: a changed outcome never replaces the first (issue 13, item 4).
    outcomeHistory: p.outcomeHistory.map((r) => presentOutcome(r, approvals)),
    notices: p.notices.map((n) => ({
      id: n.id,
      title: n.title,
      done: n.done,
      at: n.doneAt,
      dueAt: n.dueAt,
      publications: n.publications.map((x) => ({
        id: x.id,
        noticeId: x.noticeId,
        url: x.url,
        publisher: noticePublisherOf(x.url),
        at: x.recordedAt,
      })),
    })),
    approvals: approvals.map((a) => ({
      id: a.id,
      subject: a.subject,
      outcomeRevision: a.outcomeRevision,
      text: describeApproval(a, ""),
    })),
    history: history.map((e) => ({ id: e.id, at: e.createdAt, who: e.actor?.name ?? "Former user", ...describeProjectEvent(e) })),
  };
}

export type ProjectRecordView = ReturnType<typeof presentProjectRecord>;

// ── Frozen searches: the record, the shortlist and the CSV ────────────────

/** A listing document as a frozen result cites it: the document of the version that was frozen. */
export interface FrozenDocumentInput {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface FrozenResultInput {
  id: string;
  position: number;
  productId: string;
  productVersionId: string;
  productName: string;
  supplierName: string;
  supplierSize: string;
  /** Integer pence. */
  priceFromPence: number;
  priceUnit: string;
  productVersion: { versionNumber: number; documents?: readonly FrozenDocumentInput[] };
}

export interface FrozenSearchInput {
  id: string;
  query: string;
  filters: string;
  frozenAt: Date;
  abandonedAt?: Date | null;
  abandonReason?: string | null;
  results: readonly FrozenResultInput[];
}

const kindOrder = (kind: string) => DOCUMENT_KINDS.findIndex((k) => k.value === kind);

/** One frozen result as every view shows it: the listing version frozen, its supplier, price and documents. */
export function presentFrozenResult(r: FrozenResultInput) {
  const size = SIZE_LABELS[r.supplierSize] ?? r.supplierSize;
  return {
    id: r.id,
    position: r.position,
    productId: r.productId,
    name: r.productName,
    version: r.productVersion.versionNumber,
    versionId: r.productVersionId,
    supplierName: r.supplierName,
    supplierSize: size,
    supplier: `${r.supplierName} (${size})`,
    pricePence: r.priceFromPence,
    /** Pounds with the pence, for a spreadsheet column ("100.00"). */
    pricePounds: penceToPounds(r.priceFromPence, { wholePounds: "with-pence" }),
    priceUnit: r.priceUnit,
    price: `${formatPence(r.priceFromPence)} ${r.priceUnit}`,
    // The documents of the version that was frozen (issue 19): a later version's never replace them.
    documents: [...(r.productVersion.documents ?? [])]
      .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind))
      .map((d) => ({
        id: d.id,
        kindLabel: DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? d.kind,
        fileName: d.fileName,
        typeLabel: DOCUMENT_TYPES[d.contentType as DocumentContentType]?.label ?? d.contentType,
        sizeBytes: d.sizeBytes,
      })),
  };
}

export type FrozenResultView = ReturnType<typeof presentFrozenResult>;

export function presentFrozenSearch(f: FrozenSearchInput) {
  return {
    id: f.id,
    query: f.query,
    filters: describeFilters(f.filters),
    at: f.frozenAt,
    abandoned: f.abandonedAt ? { at: f.abandonedAt, reason: f.abandonReason ?? "" } : null,
    results: f.results.map(presentFrozenResult),
  };
}

export type FrozenSearchView = ReturnType<typeof presentFrozenSearch>;

// ── Outcomes: the record, the outcome page and the OCDS release ──────────

export interface OutcomeInput {
  /** The outcome revision (OutcomeRevision.sequence, ProjectOutcome.revision). */
  sequence: number;
  kind: string;
  /** The product name as recorded with the revision; the listing version's own name wins when known. */
  productName: string | null;
  productVersion?: { name: string; versionNumber: number } | null;
  /** Integer pence. */
  valuePence: number | null;
  startDate: Date | null;
  endDate: Date | null;
  justification: string;
  /** JSON array of { rule } (the rules the outcome was explained against). */
  exceptions: string;
  decidedAt: Date;
}

/** One outcome revision as every view says it, with where its award decision (four eyes) stands. */
export function presentOutcome(o: OutcomeInput, approvals: readonly ApprovalRow[]) {
  const kind = o.kind as OutcomeKind;
  const state = approvalState(approvals, "award", o.sequence);
  return {
    sequence: o.sequence,
    kind,
    label: OUTCOME_LABELS[kind] ?? o.kind,
    product: o.productVersion ? `${o.productVersion.name} (version ${o.productVersion.versionNumber})` : o.productName,
    valuePence: o.valuePence,
    value: o.valuePence === null ? null : formatPence(o.valuePence),
    startDate: o.startDate,
    endDate: o.endDate,
    period: o.startDate ? `${formatDate(o.startDate)} to ${formatDate(o.endDate)}` : null,
    justification: o.justification,
    exceptions: (JSON.parse(o.exceptions || "[]") as { rule: string }[]).map((e) => e.rule),
    at: o.decidedAt,
    approval: describeApproval(state, "No decision asked for"),
    /** A second officer approved it, or it was recorded that nobody else could: until then an award is pending. */
    approved: state?.status === "approved" || state?.status === "no-second-person",
  };
}

export type OutcomeView = ReturnType<typeof presentOutcome>;
