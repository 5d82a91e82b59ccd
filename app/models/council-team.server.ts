// A council's own team (issue 15): its lead (council_lead, manage:council-team:own) sees the
// council's buyers and grants or revokes the approver role, only for officers of their own
// council (anyone else is "not found"). Each change is conditional on the role state the lead
// saw (a change made meanwhile by someone else is a conflict) and audited by the approval model.
import { prisma } from "~/utils/db.server";
import { conflict, notFoundFailure, type Result } from "~/utils/result";
import { grantApproverRole, revokeApproverRole } from "./project-approval.server";

export function listCouncilTeam(councilId: string) {
  return prisma.user.findMany({
    where: { councilId, roles: { some: { name: "buyer" } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, emailVerifiedAt: true, deactivatedAt: true, roles: { select: { name: true } } },
  });
}

export async function setCouncilApprover(input: {
  lead: { id: string; councilId: string | null; ip?: string | null };
  userId: string;
  approver: boolean;
}): Promise<Result<{ name: string; approver: boolean }>> {
  if (!input.lead.councilId) return notFoundFailure("No such officer in your council");
  const target = await prisma.user.findFirst({
    where: { id: input.userId, councilId: input.lead.councilId },
    select: { name: true, roles: { select: { name: true } } },
  });
  if (!target) return notFoundFailure("No such officer in your council");
  const isApprover = target.roles.some((r) => r.name === "approver");
  if (isApprover === input.approver)
    return conflict(
      `${target.name} ${isApprover ? "is already an approver" : "is no longer an approver"}: someone changed it since you opened the page.`,
    );
  const actor = { id: input.lead.id, ip: input.lead.ip };
  const changed = input.approver ? await grantApproverRole(input.userId, actor) : await revokeApproverRole(input.userId, actor);
  return changed.ok ? { ok: true, value: { name: target.name, approver: input.approver } } : changed;
}
