// Joint buying (issue 16, item 4): councils taking part in another council's buying project.
// The lead council's buyers invite a council with its share of the estimated value; a confirmed
// buyer at the invited council accepts or declines. The project's estimated value is the whole:
// the route (and the thresholds) are worked out on it, the shares add up to no more than it, and
// once the search is frozen on that route the shares no longer change. Every step is a
// conditional update on the state it expects and is audited on the project, so it is in the
// one history every participant reads. Prisma access only.
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { afterCommit } from "~/utils/after-commit.server";
import { publicOrigin } from "~/utils/env.server";
import { conflict, invalid, notFoundFailure, ok, refused, type fail, type Result } from "~/utils/result";
import { formatPence } from "~/procurement/money";
import { recordAudit } from "./audit.server";
import { enqueueMail } from "./mail.server";
import { createNotification } from "./notifications.server";
import { penceFromDb, penceToDb } from "./pence";
import {
  JOINT_BUYING_RULES,
  type ChangeShareInput,
  type InvitationResponseInput,
  type InviteParticipantInput,
  type ParticipantStatus,
  type WithdrawParticipantInput,
} from "./project-participants.schema";

type Refusal = ReturnType<typeof fail>;

export interface ParticipantActor {
  id: string;
  ip?: string | null;
}

/** Invited and accepted councils hold their share; declined and withdrawn ones hold none. */
const HOLDING_SHARE = ["invited", "accepted"] as const;

/** Confirmed buyers who can still sign in: who may answer for a council. */
const ACTIVE_BUYER = { emailVerifiedAt: { not: null }, deactivatedAt: null, roles: { some: { name: "buyer" } } } as const;

const PLACE_CHANGED_MESSAGE = "This council's place in the project changed since you opened the page. Reload the page and try again.";

/**
 * Changes a council's place only while it still holds a share and nobody has changed it since
 * `lockVersion` was read; false when the place had changed (nothing written).
 */
async function changeHeldPlace(
  tx: Tx,
  participantId: string,
  lockVersion: number,
  data: Prisma.ProjectParticipantUpdateManyMutationInput,
): Promise<boolean> {
  const { count } = await tx.projectParticipant.updateMany({
    where: { id: participantId, status: { in: [...HOLDING_SHARE] }, lockVersion },
    data: { ...data, lockVersion: lockVersion + 1 },
  });
  return count > 0;
}

function audit(db: Tx, actor: ParticipantActor, projectId: string, action: string, before: unknown, after: unknown) {
  return recordAudit(
    { actorId: actor.id, action: `project.${action}`, entityType: "project", entityId: projectId, before, after, ip: actor.ip },
    db,
  );
}

// ───────────────────────────── reading ───────────────────────────────────────

/** Whether the council has accepted a place in the project (the project policy's read check). */
export async function isAcceptedParticipant(projectId: string, councilId: string): Promise<boolean> {
  return (await prisma.projectParticipant.count({ where: { projectId, councilId, status: "accepted" } })) === 1;
}

export async function listParticipants(projectId: string, db: Tx = prisma) {
  const rows = await db.projectParticipant.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      status: true,
      sharePence: true,
      inviteeEmail: true,
      lockVersion: true,
      createdAt: true,
      respondedAt: true,
      councilId: true,
      council: { select: { name: true, officialName: true, code: true, nation: true } },
      invitedBy: { select: { name: true } },
      respondedBy: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    status: r.status as ParticipantStatus,
    sharePence: penceFromDb(r.sharePence),
    inviteeEmail: r.inviteeEmail,
    lockVersion: r.lockVersion,
    invitedAt: r.createdAt,
    invitedBy: r.invitedBy?.name ?? null,
    respondedAt: r.respondedAt,
    respondedBy: r.respondedBy?.name ?? null,
    councilId: r.councilId,
    council: r.council,
  }));
}

export type ParticipantRow = Awaited<ReturnType<typeof listParticipants>>[number];

/** The shares: the whole (the estimated value), each participant's, and the lead's remainder. */
export function sharesOf(wholePence: number, participants: readonly Pick<ParticipantRow, "status" | "sharePence">[]) {
  const held = participants.filter((p) => (HOLDING_SHARE as readonly string[]).includes(p.status));
  const participantsPence = held.reduce((sum, p) => sum + p.sharePence, 0);
  return { wholePence, participantsPence, leadPence: Math.max(wholePence - participantsPence, 0) };
}

/** Everything the project page, the participants page and the printable record show. */
export async function jointBuyingSummary(projectId: string) {
  const project = await prisma.buyingProject.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      title: true,
      status: true,
      councilId: true,
      procurementStart: true,
      estimatedValuePence: true,
      council: { select: { officialName: true } },
      frozenSearches: { where: { abandonedAt: null }, select: { id: true } },
    },
  });
  if (!project) return null;
  const participants = await listParticipants(projectId);
  const { council, estimatedValuePence, frozenSearches, ...details } = project;
  return {
    project: { ...details, frozen: frozenSearches.length > 0 },
    leadCouncil: council.officialName,
    participants,
    ...sharesOf(penceFromDb(estimatedValuePence), participants),
  };
}

export type JointBuyingSummary = NonNullable<Awaited<ReturnType<typeof jointBuyingSummary>>>;

/** Where the shares may still change: an open project whose search is not frozen yet. */
async function shareChangeProblem(tx: Tx, projectId: string): Promise<Refusal | null> {
  const project = await tx.buyingProject.findUnique({ where: { id: projectId }, select: { status: true } });
  if (!project) return notFoundFailure("Project not found");
  if (project.status !== "open") return conflict(JOINT_BUYING_RULES.decided);
  const frozen = await tx.frozenSearch.count({ where: { projectId, abandonedAt: null } });
  if (frozen > 0) return refused(JOINT_BUYING_RULES.frozen, { rule: JOINT_BUYING_RULES.wholeValue });
  return null;
}

/**
 * The project row is touched first, so two changes to one project's shares run one after the
 * other (PostgreSQL holds the row lock until commit; SQLite has one writer), and each reads the
 * shares the other committed before checking the total.
 */
async function lockProject(tx: Tx, projectId: string) {
  await tx.buyingProject.updateMany({ where: { id: projectId }, data: { updatedAt: now() } });
}

/** For the lead council's changes to a place: locks the project, then reads the place (null if not this project's). */
async function lockParticipant(tx: Tx, projectId: string, participantId: string) {
  await lockProject(tx, projectId);
  return tx.projectParticipant.findFirst({
    where: { id: participantId, projectId },
    select: {
      id: true,
      status: true,
      sharePence: true,
      council: { select: { officialName: true } },
      project: { select: { status: true } },
    },
  });
}

async function totalProblem(tx: Tx, projectId: string, exceptId: string | null, addPence: number): Promise<Refusal | null> {
  const project = await tx.buyingProject.findUniqueOrThrow({ where: { id: projectId }, select: { estimatedValuePence: true } });
  const others = await tx.projectParticipant.findMany({
    where: { projectId, status: { in: [...HOLDING_SHARE] }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { sharePence: true },
  });
  const whole = penceFromDb(project.estimatedValuePence);
  const taken = others.reduce((sum, p) => sum + penceFromDb(p.sharePence), 0);
  if (taken + addPence > whole)
    return refused(
      `The participating councils' shares would add up to ${formatPence(taken + addPence)}, more than the project's estimated value of ${formatPence(whole)}. Enter a share of ${formatPence(Math.max(whole - taken, 0))} or less.`,
      { field: "share", rule: JOINT_BUYING_RULES.wholeValue },
    );
  return null;
}

// ───────────────────────────── the lead council ──────────────────────────────

/** Tells the invited council's buyer (the named one, or every confirmed buyer there) in the portal and by email. */
async function notifyInvitation(
  tx: Tx,
  participantId: string,
  round: number,
  recipients: { id: string; email: string; name: string }[],
  facts: { leadCouncil: string; invitedCouncil: string; projectTitle: string; sharePence: number; wholePence: number },
) {
  const path = `/joint-invitations/${participantId}`;
  for (const user of recipients) {
    const dedupeKey = `joint-invitation:${participantId}:${round}:user:${user.id}`;
    await createNotification(tx, {
      userId: user.id,
      kind: "joint-invitation",
      message: `${facts.leadCouncil} invites ${facts.invitedCouncil} to buy jointly: “${facts.projectTitle}”, your share ${formatPence(facts.sharePence)} of ${formatPence(facts.wholePence)}.`,
      link: path,
      dedupeKey,
    });
    await enqueueMail(tx, {
      to: user.email,
      template: "joint-invitation",
      dedupeKey,
      data: {
        recipientName: user.name,
        leadCouncil: facts.leadCouncil,
        invitedCouncil: facts.invitedCouncil,
        projectTitle: facts.projectTitle,
        share: formatPence(facts.sharePence),
        whole: formatPence(facts.wholePence),
        url: `${publicOrigin()}${path}`,
      },
    });
  }
}

/**
 * The lead council invites another council with its share. Refused once the search is frozen
 * (the route was chosen on the whole value) and when the shares would pass the whole. A council
 * that declined or was withdrawn can be invited again (the same row, back to invited).
 */
export async function inviteParticipant(
  projectId: string,
  input: InviteParticipantInput,
  actor: ParticipantActor,
): Promise<Result<{ participantId: string; council: string }>> {
  const result = await prisma.$transaction(async (tx): Promise<Result<{ participantId: string; council: string }>> => {
    await lockProject(tx, projectId);
    const project = await tx.buyingProject.findUnique({
      where: { id: projectId },
      select: { id: true, title: true, councilId: true, estimatedValuePence: true, council: { select: { officialName: true } } },
    });
    if (!project) return notFoundFailure("Project not found");
    const council = await tx.council.findUnique({ where: { id: input.councilId }, select: { id: true, officialName: true } });
    if (!council) return invalid({ councilId: ["Select the council you are inviting from the list"] });
    if (council.id === project.councilId) return invalid({ councilId: ["Your own council leads this project: select another council"] });
    const blocked = await shareChangeProblem(tx, projectId);
    if (blocked) return blocked;
    const existing = await tx.projectParticipant.findUnique({
      where: { projectId_councilId: { projectId, councilId: council.id } },
      select: { id: true, status: true, lockVersion: true },
    });
    if (existing && (HOLDING_SHARE as readonly string[]).includes(existing.status))
      return invalid({ councilId: [`${council.officialName} has already been invited to this project`] });
    const tooMuch = await totalProblem(tx, projectId, existing?.id ?? null, input.share);
    if (tooMuch) return tooMuch;
    const recipients = await tx.user.findMany({
      where: { councilId: council.id, ...ACTIVE_BUYER, ...(input.email ? { email: input.email } : {}) },
      select: { id: true, email: true, name: true },
      orderBy: { email: "asc" },
      take: 50,
    });
    if (input.email && recipients.length === 0)
      return invalid({
        email: [`No confirmed buyer at ${council.officialName} has that email address. Leave it blank to tell every buyer there.`],
      });
    const fields = {
      sharePence: penceToDb(input.share, "share"),
      status: "invited",
      inviteeEmail: input.email || null,
      invitedById: actor.id,
      respondedById: null,
      respondedAt: null,
    };
    let participantId: string;
    let round: number;
    if (existing) {
      // Invited again after a decline or withdrawal: conditional on the state just read.
      const { count } = await tx.projectParticipant.updateMany({
        where: { id: existing.id, status: existing.status, lockVersion: existing.lockVersion },
        data: { ...fields, lockVersion: existing.lockVersion + 1 },
      });
      if (count === 0)
        return conflict("Someone changed this council's place in the project at the same time. Reload the page and try again.");
      participantId = existing.id;
      round = existing.lockVersion + 1;
    } else {
      const created = await tx.projectParticipant.create({
        data: { ...fields, projectId, councilId: council.id },
        select: { id: true, lockVersion: true },
      });
      participantId = created.id;
      round = created.lockVersion;
    }
    const wholePence = penceFromDb(project.estimatedValuePence);
    await notifyInvitation(tx, participantId, round, recipients, {
      leadCouncil: project.council.officialName,
      invitedCouncil: council.officialName,
      projectTitle: project.title,
      sharePence: input.share,
      wholePence,
    });
    await audit(tx, actor, projectId, "participant-invited", existing ? { status: existing.status } : null, {
      participantId,
      councilId: council.id,
      council: council.officialName,
      sharePence: input.share,
      inviteeEmail: input.email || null,
      told: recipients.length,
    });
    return ok({ participantId, council: council.officialName });
  });
  if (result.ok) await afterCommit();
  return result;
}

type Place = NonNullable<Awaited<ReturnType<typeof lockParticipant>>>;

/**
 * A lead council's change to one council's place, in one transaction: the place locked and read
 * first, 404 when it is not this project's.
 */
function changePlace(
  projectId: string,
  participantId: string,
  change: (tx: Tx, participant: Place) => Promise<Result<{ council: string }>>,
): Promise<Result<{ council: string }>> {
  return prisma.$transaction(async (tx) => {
    const participant = await lockParticipant(tx, projectId, participantId);
    return participant ? change(tx, participant) : notFoundFailure("That council is not taking part in this project");
  });
}

/**
 * Writes the change to a place nobody changed since `lockVersion` was read (409 otherwise), audits it
 * on the project with the place before and after, and answers with the council's name.
 */
async function writePlaceChange(
  tx: Tx,
  actor: ParticipantActor,
  projectId: string,
  participant: Place,
  lockVersion: number,
  change: { action: string; data: Prisma.ProjectParticipantUpdateManyMutationInput; before: object; after?: object },
): Promise<Result<{ council: string }>> {
  if (!(await changeHeldPlace(tx, participant.id, lockVersion, change.data))) return conflict(PLACE_CHANGED_MESSAGE);
  const council = participant.council.officialName;
  await audit(
    tx,
    actor,
    projectId,
    change.action,
    { participantId: participant.id, ...change.before },
    { participantId: participant.id, council, ...change.after },
  );
  return ok({ council });
}

/** The lead council changes a council's share: before the freeze only, and within the whole. */
export function changeParticipantShare(projectId: string, input: ChangeShareInput, actor: ParticipantActor) {
  return changePlace(projectId, input.participantId, async (tx, participant) => {
    const blocked = await shareChangeProblem(tx, projectId);
    if (blocked) return blocked;
    if (!(HOLDING_SHARE as readonly string[]).includes(participant.status))
      return conflict(`${participant.council.officialName} is no longer taking part, so its share cannot change.`);
    const tooMuch = await totalProblem(tx, projectId, participant.id, input.share);
    if (tooMuch) return tooMuch;
    return writePlaceChange(tx, actor, projectId, participant, input.lockVersion, {
      action: "participant-share-changed",
      data: { sharePence: penceToDb(input.share, "share") },
      before: { sharePence: penceFromDb(participant.sharePence) },
      after: { sharePence: input.share },
    });
  });
}

/** The lead council withdraws a council (invited or accepted) while the project is open; its share returns to the lead. */
export function withdrawParticipant(projectId: string, input: WithdrawParticipantInput, actor: ParticipantActor) {
  return changePlace(projectId, input.participantId, async (tx, participant) => {
    if (participant.project.status !== "open") return conflict(JOINT_BUYING_RULES.decided);
    return writePlaceChange(tx, actor, projectId, participant, input.lockVersion, {
      action: "participant-withdrawn",
      data: { status: "withdrawn" },
      before: { status: participant.status },
    });
  });
}

// ───────────────────────────── the invited council ───────────────────────────

/** The invitation as its council sees it; null for anyone else's council (the route answers 404). */
export async function getInvitation(participantId: string, councilId: string | null) {
  if (!councilId) return null;
  const row = await prisma.projectParticipant.findFirst({
    where: { id: participantId.slice(0, 60), councilId },
    select: {
      id: true,
      status: true,
      sharePence: true,
      createdAt: true,
      respondedAt: true,
      invitedBy: { select: { name: true } },
      respondedBy: { select: { name: true } },
      council: { select: { officialName: true } },
      project: {
        select: {
          id: true,
          title: true,
          status: true,
          estimatedValuePence: true,
          contractMonths: true,
          council: { select: { officialName: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    status: row.status as ParticipantStatus,
    sharePence: penceFromDb(row.sharePence),
    invitedAt: row.createdAt,
    invitedBy: row.invitedBy?.name ?? null,
    respondedAt: row.respondedAt,
    respondedBy: row.respondedBy?.name ?? null,
    council: row.council.officialName,
    project: {
      id: row.project.id,
      title: row.project.title,
      status: row.project.status,
      wholePence: penceFromDb(row.project.estimatedValuePence),
      contractMonths: row.project.contractMonths,
      leadCouncil: row.project.council.officialName,
    },
  };
}

/** The invited council's councilId for an invitation (the route's ownership check), or null when there is none. */
export async function invitationCouncilId(participantId: string): Promise<string | null> {
  const row = await prisma.projectParticipant.findUnique({ where: { id: participantId.slice(0, 60) }, select: { councilId: true } });
  return row?.councilId ?? null;
}

/**
 * A confirmed buyer at the invited council accepts or declines, once: conditional on the
 * invitation still pending (409 otherwise) and the project still open. Audited on the project
 * and told to whoever invited.
 */
export async function respondToInvitation(
  participantId: string,
  input: InvitationResponseInput,
  actor: ParticipantActor & { councilId: string },
): Promise<Result<{ projectId: string; status: ParticipantStatus }>> {
  const result = await prisma.$transaction(async (tx): Promise<Result<{ projectId: string; status: ParticipantStatus }>> => {
    const row = await tx.projectParticipant.findFirst({
      where: { id: participantId, councilId: actor.councilId },
      select: {
        id: true,
        projectId: true,
        invitedById: true,
        lockVersion: true,
        council: { select: { officialName: true } },
        project: { select: { title: true, status: true } },
      },
    });
    if (!row) return notFoundFailure("Invitation not found");
    if (row.project.status !== "open") return conflict(JOINT_BUYING_RULES.decided);
    const status: ParticipantStatus = input.decision === "accept" ? "accepted" : "declined";
    const { count } = await tx.projectParticipant.updateMany({
      where: { id: row.id, councilId: actor.councilId, status: "invited" },
      data: { status, respondedById: actor.id, respondedAt: now(), lockVersion: { increment: 1 } },
    });
    if (count === 0) return conflict("This invitation has already been answered or withdrawn, so it cannot be answered again.");
    await audit(
      tx,
      actor,
      row.projectId,
      `participant-${status}`,
      { participantId: row.id, status: "invited" },
      { participantId: row.id, council: row.council.officialName },
    );
    if (row.invitedById)
      await createNotification(tx, {
        userId: row.invitedById,
        kind: "joint-invitation-answered",
        message: `${row.council.officialName} ${status === "accepted" ? "accepted" : "declined"} your invitation to buy jointly: “${row.project.title}”.`,
        link: `/projects/${row.projectId}/participants`,
        dedupeKey: `joint-invitation-answered:${row.id}:${row.lockVersion + 1}`,
      });
    return ok({ projectId: row.projectId, status });
  });
  if (result.ok) await afterCommit();
  return result;
}

// ───────────────────────────── the OCDS export ───────────────────────────────

/** org-id.guide registers for UK local authorities (as the project export uses for the lead buyer). */
const COUNCIL_SCHEMES: Record<string, string> = {
  England: "GB-LAE",
  Wales: "GB-PLA",
  Scotland: "GB-LAS",
  "Northern Ireland": "GB-LAN",
};

/**
 * Adds each accepted participant to an OCDS release's `parties` with the role "buyer" (OCDS 1.1:
 * a joint procurement lists every buying organisation as a party with the buyer role; the
 * release's `buyer` stays the lead). Pure.
 */
export function withParticipantBuyers<R extends { parties: unknown[] }>(
  release: R,
  participants: readonly Pick<ParticipantRow, "status" | "council">[],
): R {
  const buyers = participants
    .filter((p) => p.status === "accepted")
    .map((p) => {
      const scheme = COUNCIL_SCHEMES[p.council.nation] ?? "GB-LAE";
      return {
        id: `${scheme}-${p.council.code}`,
        name: p.council.officialName,
        identifier: { scheme, id: p.council.code, legalName: p.council.officialName },
        address: { countryName: "United Kingdom" },
        roles: ["buyer"],
      };
    });
  return buyers.length ? { ...release, parties: [...release.parties, ...buyers] } : release;
}

/** Councils the lead may invite: every council but its own, by name. */
export function listInvitableCouncils(leadCouncilId: string) {
  return prisma.council.findMany({
    where: { id: { not: leadCouncilId } },
    select: { id: true, officialName: true },
    orderBy: [{ officialName: "asc" }, { id: "asc" }],
  });
}
