// How each audit event of a buying project reads in its history and printed record.
import { OUTCOME_LABELS, type OutcomeKind } from "./project.schema";
import { formatPence } from "~/procurement/money";
import { noticeName } from "~/procurement/notices";

export const PROJECT_ACTION_LABELS: Record<string, string> = {
  "project.created": "Started the project",
  "project.requirements-updated": "Updated the requirements and budget approval",
  "project.search-saved": "Saved a search",
  "project.search-frozen": "Froze search results",
  "project.shortlist-added": "Added a service to the shortlist",
  "project.shortlist-removed": "Removed a service from the shortlist",
  "project.criteria-saved": "Set the evaluation criteria",
  "project.scores-saved": "Saved evaluation scores",
  "project.outcome-recorded": "Recorded the outcome",
  "project.notices-updated": "Updated the notices checklist",
  "project.case-study-created": "Created a draft case study",
  "project.frozen-search-exported": "Downloaded frozen search results (CSV)",
  "project.award-exported": "Downloaded the award (OCDS JSON)",
  "project.search-abandoned": "Abandoned a frozen search",
  "project.notice-published": "Recorded where a notice was published",
  "project.results-set-aside": "Set frozen results aside",
  "project.approval-requested": "Asked for approval",
  "project.approval-approved": "Approved (four eyes)",
  "project.approval-rejected": "Rejected (four eyes)",
  "project.approval-no-second-person": "Recorded that no second person was available",
  "project.participant-invited": "Invited a council to buy jointly",
  "project.participant-share-changed": "Changed a council's share",
  "project.participant-withdrawn": "Withdrew a council from the project",
  "project.participant-accepted": "Accepted the invitation to buy jointly",
  "project.participant-declined": "Declined the invitation to buy jointly",
};

function parse(json: string | null): Record<string, unknown> | unknown[] | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const str = (v: unknown) => (typeof v === "string" ? v : v == null ? "" : String(v));

export function describeProjectEvent(event: { action: string; before: string | null; after: string | null }): {
  label: string;
  detail: string;
} {
  const label = PROJECT_ACTION_LABELS[event.action] ?? event.action;
  const after = parse(event.after);
  const a = (after && !Array.isArray(after) ? after : {}) as Record<string, unknown>;
  let detail = "";
  switch (event.action) {
    case "project.created":
      detail = str(a.routeTitle);
      break;
    case "project.requirements-updated":
      detail = a.budgetApprovalRequested ? "Budget approval asked for" : a.budgetApproved ? "Budget approved" : "";
      break;
    case "project.search-abandoned":
    case "project.approval-no-second-person":
      detail = str(a.reason);
      break;
    case "project.notice-published":
      detail = `${noticeName(str(a.code))}: ${str(a.noticeId)} (${str(a.url)})`;
      break;
    case "project.approval-requested":
    case "project.approval-approved":
    case "project.approval-rejected":
      detail = `${a.subject === "award" ? `Award decision${a.outcomeRevision ? ` (revision ${str(a.outcomeRevision)})` : ""}` : "Budget"}${a.note ? `: ${str(a.note)}` : ""}`;
      break;
    case "project.search-saved":
    case "project.search-frozen": {
      const results = Array.isArray(a.results) ? a.results.length : null;
      detail = `Search words: ${str(a.query) || "(none)"}${results !== null ? `; ${results} ${results === 1 ? "result" : "results"} frozen` : ""}`;
      break;
    }
    case "project.shortlist-added":
      detail = `${str(a.productName)}: ${str(a.reason)}`;
      break;
    case "project.shortlist-removed": {
      const before = parse(event.before) as Record<string, unknown> | null;
      detail = str(before?.productName);
      break;
    }
    case "project.criteria-saved":
      detail = Array.isArray(after)
        ? after.map((c) => `${str((c as Record<string, unknown>).name)} ${str((c as Record<string, unknown>).weight)}%`).join(", ")
        : "";
      break;
    case "project.scores-saved":
      detail = Array.isArray(after) ? `${after.filter((s) => (s as Record<string, unknown>).score !== null).length} scores` : "";
      break;
    case "project.outcome-recorded":
      detail = `${OUTCOME_LABELS[str(a.kind) as OutcomeKind] ?? str(a.kind)}${a.productName ? `: ${str(a.productName)}` : ""}`;
      break;
    case "project.notices-updated":
      detail = Array.isArray(after) && after.length ? `Done: ${after.map((code) => noticeName(str(code))).join(", ")}` : "None done";
      break;
    case "project.case-study-created":
      detail = str(a.slug);
      break;
    case "project.participant-invited":
    case "project.participant-share-changed":
      detail = `${str(a.council)}: share ${typeof a.sharePence === "number" ? formatPence(a.sharePence) : ""}`;
      break;
    case "project.participant-withdrawn":
    case "project.participant-accepted":
    case "project.participant-declined":
      detail = str(a.council);
      break;
  }
  return { label, detail };
}
