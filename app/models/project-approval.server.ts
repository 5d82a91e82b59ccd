// Four eyes on a buying project (issue 13, item 5): budget approval and the award decision
// are decided by a second officer of the same council who holds approve:project:own, never by
// the officer who asked. A council with no other approver records that nobody else was
// available, with why, and the record shows it. Every decision is a conditional update on a
// request still "requested", audited in the same transaction. Prisma access only.
import { prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { conflict, notFoundFailure, ok, refused, type Result } from "~/utils/result";
import { recordAudit } from "./audit.server";
import { setApproverRole } from "./user.server";

export type ApprovalSubject = "budget" | "award";
export type ApprovalStatus = "requested" | "approved" | "rejected" | "no-second-person" | "withdrawn";

export interface ApprovalActor {
  id: string;
  ip?: string | null;
}

export const FOUR_EYES_RULE =
  "Budget approval and the award decision need a second person in your council who is an approver (four eyes). The officer who asked cannot approve their own request.";

/** Users holding the approver permission. */
const holdsApprove = { roles: { some: { permissions: { some: { action: "approve", entity: "project" } } } } } as const;

function audit(tx: Tx, actor: ApprovalActor, projectId: string, action: string, before: unknown, after: unknown) {
  return recordAudit(
    { actorId: actor.id, action: `project.${action}`, entityType: "project", entityId: projectId, before, after, ip: actor.ip },
    tx,
  );
}

// ───────────────────────────── naming approvers ──────────────────────────────

/**
 * Makes a council officer an approver (used by the admin pages, the seed and tests): one
 * conditional statement (setApproverRole), so of two grants at once the second is a no-op
 * with no second audit row.
 */
export async function grantApproverRole(userId: string, actor: ApprovalActor): Promise<Result<void>> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, councilId: true, roles: { select: { name: true } } },
  });
  if (!user) return notFoundFailure("User not found");
  if (!user.councilId || !user.roles.some((r) => r.name === "buyer"))
    return refused("Only council officers (buyers) can be approvers.", { rule: FOUR_EYES_RULE });
  await setApproverRole({ userId, approver: true, councilId: user.councilId, actor });
  return ok();
}

export async function revokeApproverRole(userId: string, actor: ApprovalActor): Promise<Result<void>> {
  if (!(await prisma.user.count({ where: { id: userId } }))) return notFoundFailure("User not found");
  await setApproverRole({ userId, approver: false, councilId: null, actor });
  return ok();
}

/** The council's approvers other than `exceptUserId` with a confirmed address (who could decide this officer's request). */
export function otherApprovers(councilId: string, exceptUserId: string, db: Tx | typeof prisma = prisma) {
  return db.user.findMany({
    where: { councilId, id: { not: exceptUserId }, emailVerifiedAt: { not: null }, ...holdsApprove },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

async function isCouncilApprover(userId: string, councilId: string, db: Tx) {
  return (await db.user.count({ where: { id: userId, councilId, emailVerifiedAt: { not: null }, ...holdsApprove } })) === 1;
}

// ───────────────────────────── asking ────────────────────────────────────────

/** Asks for a decision; called in the transaction that records an award, and by the budget page. */
export async function openApprovalRequest(
  tx: Tx,
  projectId: string,
  subject: ApprovalSubject,
  actor: ApprovalActor,
  outcomeRevision: number | null = null,
) {
  // A newer request replaces an open one (a changed award needs its own decision); both stay in the record.
  await tx.projectApproval.updateMany({ where: { projectId, subject, status: "requested" }, data: { status: "withdrawn" } });
  return tx.projectApproval.create({
    data: { projectId, subject, outcomeRevision, status: "requested", requestedById: actor.id, requestedAt: now() },
    select: { id: true },
  });
}

export async function requestBudgetApproval(projectId: string, actor: ApprovalActor): Promise<Result<{ approvalId: string }>> {
  return prisma.$transaction(async (tx) => {
    const project = await tx.buyingProject.findUnique({ where: { id: projectId }, select: { status: true, budgetApproved: true } });
    if (!project) return notFoundFailure("Project not found");
    if (project.status !== "open") return conflict("This project has an outcome recorded, so its budget approval can no longer change.");
    if (project.budgetApproved) return refused("The budget is already approved.", { rule: FOUR_EYES_RULE });
    const pending = await tx.projectApproval.findFirst({ where: { projectId, subject: "budget", status: "requested" } });
    if (pending) return refused("Budget approval has already been asked for; an approver in your council will decide it.");
    const request = await openApprovalRequest(tx, projectId, "budget", actor);
    await audit(tx, actor, projectId, "approval-requested", null, { subject: "budget", approvalId: request.id });
    return ok({ approvalId: request.id });
  });
}

// ───────────────────────────── deciding ──────────────────────────────────────

export type ApprovalDecision = { approvalId: string; decision: "approve" | "reject"; note: string };

/** An approver decides a request: not their own, in their own council, while it is still open and (for an award) still about the current outcome. */
export async function decideApproval(
  projectId: string,
  input: ApprovalDecision,
  actor: ApprovalActor,
): Promise<Result<{ subject: ApprovalSubject }>> {
  return prisma.$transaction(async (tx) => {
    const project = await tx.buyingProject.findUnique({
      where: { id: projectId },
      select: { councilId: true, status: true, outcome: { select: { revision: true, kind: true } } },
    });
    if (!project) return notFoundFailure("Project not found");
    const approval = await tx.projectApproval.findFirst({ where: { id: input.approvalId, projectId } });
    if (!approval) return notFoundFailure("That approval request is not on this project.");
    if (!(await isCouncilApprover(actor.id, project.councilId, tx)))
      return refused("Only an approver in this project's council can decide this.", { field: "decision", rule: FOUR_EYES_RULE });
    if (approval.requestedById === actor.id)
      return refused("You asked for this approval, so another approver must decide it.", { field: "decision", rule: FOUR_EYES_RULE });
    const subject = approval.subject as ApprovalSubject;
    if (subject === "award" && project.outcome?.revision !== approval.outcomeRevision)
      return conflict("The outcome has changed since this approval was asked for. Decide the current award instead.", "decision");
    const at = now();
    const status: ApprovalStatus = input.decision === "approve" ? "approved" : "rejected";
    const decided = await tx.projectApproval.updateMany({
      where: { id: approval.id, status: "requested" },
      data: { status, decidedById: actor.id, decidedAt: at, reason: input.note },
    });
    if (decided.count !== 1) return conflict("This request has already been decided.", "decision");
    if (subject === "budget" && status === "approved") {
      const set = await tx.buyingProject.updateMany({
        where: { id: projectId, status: "open" },
        data: { budgetApproved: true, budgetApprovedAt: at, lockVersion: { increment: 1 }, updatedAt: at },
      });
      if (set.count !== 1) throw new Error("project closed while approving its budget");
    }
    await audit(
      tx,
      actor,
      projectId,
      `approval-${status}`,
      { status: "requested" },
      {
        subject,
        approvalId: approval.id,
        outcomeRevision: approval.outcomeRevision,
        note: input.note,
      },
    );
    return ok({ subject });
  });
}

/**
 * A council with nobody else to ask: the officer records why, and the record shows that the
 * decision had one pair of eyes. Refused while another approver exists, naming them.
 */
export async function recordNoSecondPerson(
  projectId: string,
  input: { subject: ApprovalSubject; reason: string },
  actor: ApprovalActor,
): Promise<Result<void>> {
  return prisma.$transaction(async (tx) => {
    const project = await tx.buyingProject.findUnique({
      where: { id: projectId },
      select: { councilId: true, status: true, budgetApproved: true, outcome: { select: { revision: true, kind: true } } },
    });
    if (!project) return notFoundFailure("Project not found");
    const others = await otherApprovers(project.councilId, actor.id, tx);
    if (others.length)
      return refused(`Your council has another approver (${others.map((o) => o.name).join(", ")}). Ask them to decide instead.`, {
        field: "reason",
        rule: FOUR_EYES_RULE,
      });
    let outcomeRevision: number | null = null;
    if (input.subject === "budget") {
      if (project.status !== "open") return conflict("This project has an outcome recorded, so its budget approval can no longer change.");
      if (project.budgetApproved) return refused("The budget is already approved.");
    } else {
      if (project.outcome?.kind !== "awarded") return refused("Record the award before its decision.");
      outcomeRevision = project.outcome.revision;
    }
    await tx.projectApproval.updateMany({
      where: { projectId, subject: input.subject, status: "requested" },
      data: { status: "withdrawn" },
    });
    const at = now();
    const row = await tx.projectApproval.create({
      data: {
        projectId,
        subject: input.subject,
        outcomeRevision,
        status: "no-second-person",
        requestedById: actor.id,
        requestedAt: at,
        decidedById: actor.id,
        decidedAt: at,
        reason: input.reason,
      },
      select: { id: true },
    });
    if (input.subject === "budget") {
      const set = await tx.buyingProject.updateMany({
        where: { id: projectId, status: "open", budgetApproved: false },
        data: { budgetApproved: true, budgetApprovedAt: at, lockVersion: { increment: 1 }, updatedAt: at },
      });
      if (set.count !== 1) throw new Error("budget changed while recording its approval");
    }
    await audit(tx, actor, projectId, "approval-no-second-person", null, {
      subject: input.subject,
      approvalId: row.id,
      outcomeRevision,
      reason: input.reason,
    });
    return ok();
  });
}

// ───────────────────────────── reading ───────────────────────────────────────

/** Every approval on the project, oldest first, with who asked and who decided. */
export async function listApprovals(projectId: string) {
  const rows = await prisma.projectApproval.findMany({ where: { projectId }, orderBy: [{ requestedAt: "asc" }, { id: "asc" }] });
  const ids = [...new Set(rows.flatMap((r) => [r.requestedById, r.decidedById]).filter((id): id is string => Boolean(id)))];
  const users = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const name = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? "A former user") : null);
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject as ApprovalSubject,
    outcomeRevision: r.outcomeRevision,
    status: r.status as ApprovalStatus,
    requestedById: r.requestedById,
    requestedBy: name(r.requestedById),
    requestedAt: r.requestedAt,
    decidedBy: name(r.decidedById),
    decidedAt: r.decidedAt,
    reason: r.reason,
  }));
}

export type ApprovalRow = Awaited<ReturnType<typeof listApprovals>>[number];
