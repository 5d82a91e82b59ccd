// Presenters (issue 11): the project record shaped once, for the printable record and the
// pages that show parts of it, so every view says the same thing the same way. Pure.
import { displayAnswer } from "./buying-guide-steps";
import { describeProjectEvent } from "./project-history";
import { describeFilters, weightedTotal, type OutcomeKind } from "./project.schema";
import type { FullProject } from "./project.server";
import type { ApprovalRow } from "./project-approval.server";
import { approvalState } from "./project-approval.server";
import { toIsoDate } from "~/procurement";
import { noticePublisherOf } from "~/procurement/notices";
import { SIZE_LABELS, formatDate, formatDateTime } from "~/utils/format";
import { formatPence } from "~/procurement/money";

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
    frozen: p.frozenSearches.map((f) => ({
      id: f.id,
      query: f.query,
      filters: describeFilters(f.filters),
      at: f.frozenAt,
      abandoned: f.abandonedAt ? { at: f.abandonedAt, reason: f.abandonReason ?? "" } : null,
      results: f.results.map((r) => ({
        id: r.id,
        position: r.position,
        name: r.productName,
        version: r.productVersion.versionNumber,
        versionId: r.productVersionId,
        supplier: `${r.supplierName} (${SIZE_LABELS[r.supplierSize] ?? r.supplierSize})`,
        price: `${formatPence(r.priceFromPence)} ${r.priceUnit}`,
        // Every frozen result with its assessment (issue 13, item 2).
        assessment: (() => {
          const s = p.shortlist.find((e) => e.frozenResultId === r.id);
          if (s) return `Shortlisted: ${s.reason}`;
          const a = p.setAside.find((x) => x.frozenResultId === r.id);
          return a ? `Set aside: ${a.reason}` : "Not assessed";
        })(),
      })),
    })),
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
    outcome: p.outcome
      ? {
          kind: p.outcome.kind as OutcomeKind,
          product: p.outcome.productVersion ? `${p.outcome.productVersion.name} (version ${p.outcome.productVersion.versionNumber})` : null,
          valuePence: p.outcome.valuePence,
          startDate: p.outcome.startDate,
          endDate: p.outcome.endDate,
          justification: p.outcome.justification,
          exceptions: (JSON.parse(p.outcome.exceptions || "[]") as { rule: string }[]).map((e) => e.rule),
          at: p.outcome.decidedAt,
          approval: describeApproval(approvalState(approvals, "award", p.outcome.revision), "No decision asked for"),
        }
      : null,
    // Every outcome ever recorded, oldest first: a changed outcome never replaces the first (issue 13, item 4).
    outcomeHistory: p.outcomeHistory.map((r) => ({
      sequence: r.sequence,
      kind: r.kind as OutcomeKind,
      product: r.productName,
      valuePence: r.valuePence,
      startDate: r.startDate,
      endDate: r.endDate,
      justification: r.justification,
      exceptions: (JSON.parse(r.exceptions || "[]") as { rule: string }[]).map((e) => e.rule),
      at: r.decidedAt,
    })),
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
