// A council's own team (issue 15): its lead (council_lead, manage:council-team:own) sees the
// council's buyers and grants or revokes the approver role, only for officers of their own
// council (anyone else is "not found"). The change is one conditional statement on the role
// state the lead saw (setApproverRole), so of two changes at once one wins and the other is a
// conflict, with exactly one audit row.
import { prisma } from "~/utils/db.server";
import { conflict, notFoundFailure, type Result } from "~/utils/result";
import { setApproverRole } from "./user.server";

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
  const councilId = input.lead.councilId;
  if (!councilId) return notFoundFailure("No such officer in your council");
  const target = await prisma.user.findFirst({
    where: { id: input.userId, councilId, roles: { some: { name: "buyer" } } },
    select: { name: true },
  });
  if (!target) return notFoundFailure("No such officer in your council");
  const changed = await setApproverRole({
    userId: input.userId,
    approver: input.approver,
    councilId,
    actor: { id: input.lead.id, ip: input.lead.ip },
  });
  if (!changed)
    return conflict(
      `${target.name} ${input.approver ? "is already an approver" : "is no longer an approver"}: someone changed it since you opened the page.`,
    );
  return { ok: true, value: { name: target.name, approver: input.approver } };
}
