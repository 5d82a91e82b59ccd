// The actions an administrator can filter the audit log by (issue 18 item 5: no internal codes):
// every action the label registry names, offered by its label, with the stored code only as the
// option's value. Pure: the audit log page, its CSV export and the filter schema share it.
import { z } from "zod";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "~/utils/labels";
import { describeProjectEvent, PROJECT_ACTION_LABELS } from "./project-history";

/** What an audit action reads as: a buying project's events as in its history, every other from the label registry. */
export function auditEventLabel(action: string): string {
  return action.startsWith("project.") ? describeProjectEvent({ action, before: null, after: null }).label : auditActionLabel(action);
}

/** Every action the filter offers, in alphabetical order of its label. */
export const AUDIT_ACTION_CHOICES: readonly { value: string; label: string }[] = Object.entries({
  ...AUDIT_ACTION_LABELS,
  ...PROJECT_ACTION_LABELS,
})
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, "en-GB"));

const KNOWN = new Set(AUDIT_ACTION_CHOICES.map((c) => c.value));

export const isKnownAuditAction = (action: string) => KNOWN.has(action);

/** The "what" filter: empty for any action, otherwise one of the choices (an unknown code is a clear error, not a 500). */
export const auditActionField = z
  .string()
  .trim()
  .max(100)
  .optional()
  .default("")
  .refine((v) => v === "" || KNOWN.has(v), "Select an action from the list");
