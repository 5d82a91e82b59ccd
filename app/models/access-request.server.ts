// Access requests (issue 15): someone on a public-sector domain that is no council's (*.gov.uk,
// *.gov.scot, *.gov.wales) asks for a buyer account. The request waits "unconfirmed" until they
// open the emailed link (a signed, expiring token), then "pending" for an admin, who approves it
// for a council (the account is created as a buyer there, with a one-time link to choose a
// password) or refuses it with a reason. Both decisions are conditional on the request still
// pending (two admins at once: one wins, the other gets a conflict), audited and mailed.
// A buyer account always belongs to one council, so a body that is not a council is refused
// (with the reason) rather than given an account with no council.
import crypto from "node:crypto";
import { prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { afterCommit } from "~/utils/after-commit.server";
import { getEnv } from "~/utils/env.server";
import { limitsFor, takeAttempt } from "~/utils/rate-limit.server";
import { conflict, gone, invalid, notFoundFailure, ok, throttled, type Result } from "~/utils/result";
import { hashToken, publicLink, sendAccountExistsEmail } from "~/auth/verification.server";
import { recordAudit } from "./audit.server";
import { enqueueMail } from "./mail.server";
import { emailDomainOf, findCouncilsForEmailDomain } from "./council-domain.server";
import { isPublicSectorDomain } from "./council-domain.schema";
import type { AccessRequestInput } from "./access-request.schema";

export const ACCESS_REQUEST_CONFIRM_TTL_MS = 24 * 60 * 60 * 1000;
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type AccessRequestStatus = "unconfirmed" | "pending" | "approved" | "refused";

interface Actor {
  id: string;
  ip?: string | null;
}

// ── the confirmation link ────────────────────────────────────────────────

function key(): Buffer {
  // A key of its own, so no other signed value can be replayed as one.
  return crypto.createHmac("sha256", getEnv().SESSION_SECRET).update("council-marketplace access-request v1").digest();
}

function sign(id: string, expires: number): string {
  return crypto.createHmac("sha256", key()).update(`${id}.${expires}`).digest("base64url");
}

export function accessRequestToken(id: string, expiresAt: Date): string {
  const expires = expiresAt.getTime();
  return `${id}.${expires}.${sign(id, expires)}`;
}

function readToken(token: string, at: Date): string | null {
  const match = /^([A-Za-z0-9_-]{1,40})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, expiresText, given] = match;
  const expires = Number(expiresText);
  const expected = Buffer.from(sign(id, expires));
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, Buffer.from(given))) return null;
  return expires > at.getTime() ? id : null;
}

// ── asking ───────────────────────────────────────────────────────────────

export const NOT_PUBLIC_SECTOR = "Use your work email address at a public body: one ending .gov.uk, .gov.scot or .gov.wales";
export const COUNCIL_DOMAIN_USE_SIGNUP = "This is a council's email domain: create a buyer account instead";

/** Stores the request and mails the confirmation link. The reply is the same whether or not the address has an account. */
export async function requestAccess(input: AccessRequestInput, ip: string): Promise<Result<void>> {
  const limited = await takeAttempt(limitsFor.signup(ip, input.email));
  if (!limited.ok) return throttled(limited.retryAfterSeconds, "requests from here");
  const email = input.email.toLowerCase();
  const domain = emailDomainOf(email);
  if (!isPublicSectorDomain(domain)) return invalid({ email: [NOT_PUBLIC_SECTOR] });
  if ((await findCouncilsForEmailDomain(domain)).length) return invalid({ email: [COUNCIL_DOMAIN_USE_SIGNUP] });
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    await recordAudit({ action: "access-request.for-existing-account", entityType: "access-request", after: { email }, ip });
    await sendAccountExistsEmail(email, "ask for a buyer account");
    return ok();
  }
  const at = now();
  await prisma.$transaction(async (tx) => {
    const created = await tx.accessRequest.create({
      data: {
        email,
        name: input.name,
        organisation: input.organisation,
        jobTitle: input.jobTitle,
        reason: input.reason,
        status: "unconfirmed",
      },
      select: { id: true },
    });
    await recordAudit(
      {
        action: "access-request.created",
        entityType: "access-request",
        entityId: created.id,
        after: { email, organisation: input.organisation },
        ip,
      },
      tx,
    );
    const link = publicLink(
      `/signup/access-request/confirm?token=${accessRequestToken(created.id, new Date(at.getTime() + ACCESS_REQUEST_CONFIRM_TTL_MS))}`,
    );
    await enqueueMail(tx, { to: email, template: "access-request-confirm", data: { name: input.name, link } });
  });
  await afterCommit();
  return ok();
}

/** The emailed link: moves the request from unconfirmed to pending, once. */
export async function confirmAccessRequest(token: string, ip: string): Promise<Result<{ id: string }>> {
  const id = token.length <= 120 ? readToken(token, now()) : null;
  if (!id) return gone("This link has expired or is not valid. Ask for access again.");
  const confirmed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.accessRequest.updateMany({ where: { id, status: "unconfirmed" }, data: { status: "pending" } });
    if (count === 0) return null;
    const row = await tx.accessRequest.findUniqueOrThrow({ where: { id }, select: { email: true, name: true } });
    await recordAudit({ action: "access-request.confirmed", entityType: "access-request", entityId: id, ip }, tx);
    await enqueueMail(tx, { to: row.email, template: "access-request-received", data: { name: row.name } });
    return row;
  });
  if (!confirmed) return gone("This link has already been used: your request is with an administrator.");
  await afterCommit();
  return ok({ id });
}

// ── deciding ─────────────────────────────────────────────────────────────

export function listPendingAccessRequests() {
  return prisma.accessRequest.findMany({
    where: { status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, email: true, name: true, organisation: true, jobTitle: true, reason: true, createdAt: true },
  });
}

const ALREADY_DECIDED = "Another administrator has already decided this request. Reload the page to see the requests still waiting.";

/** An admin's decision on a pending request, in the audit log with the change it made. */
function auditDecision(
  tx: Tx,
  { requestId, actor }: { requestId: string; actor: Actor },
  after: { status: "approved" | "refused" } & Record<string, unknown>,
) {
  return recordAudit(
    {
      actorId: actor.id,
      action: `access-request.${after.status}`,
      entityType: "access-request",
      entityId: requestId,
      before: { status: "pending" },
      after,
      ip: actor.ip,
    },
    tx,
  );
}

/** Approves a pending request: a buyer account at the council, emailed a one-time link to choose a password. */
export async function approveAccessRequest(input: {
  requestId: string;
  councilCode: string;
  actor: Actor;
}): Promise<Result<{ email: string }>> {
  const council = await prisma.council.findUnique({ where: { code: input.councilCode.toUpperCase() }, select: { id: true, name: true } });
  if (!council) return invalid({ councilCode: ["Select the council the account is for"] });
  const at = now();
  const token = crypto.randomBytes(32).toString("base64url");
  type Outcome = { kind: "gone" } | { kind: "taken"; email: string } | { kind: "approved"; email: string };
  const outcome = await prisma.$transaction(async (tx): Promise<Outcome> => {
    const request = await tx.accessRequest.findUnique({ where: { id: input.requestId }, select: { email: true, name: true } });
    if (!request) return { kind: "gone" };
    if (await tx.user.findUnique({ where: { email: request.email }, select: { id: true } })) return { kind: "taken", email: request.email };
    // Conditional on the request still waiting: of two admins deciding at once, one wins.
    const { count } = await tx.accessRequest.updateMany({
      where: { id: input.requestId, status: "pending" },
      data: { status: "approved", decidedById: input.actor.id, decidedAt: at, councilId: council.id },
    });
    if (count === 0) return { kind: "gone" };
    const user = await tx.user.create({
      data: {
        email: request.email,
        name: request.name,
        // Not a bcrypt hash, so no password matches until they choose one through the link.
        passwordHash: `!invitation-pending:${crypto.randomBytes(32).toString("hex")}`,
        // The confirmation link proved the address.
        emailVerifiedAt: at,
        councilId: council.id,
        roles: { connect: { name: "buyer" } },
      },
      select: { id: true },
    });
    await tx.accessRequest.update({ where: { id: input.requestId }, data: { userId: user.id } });
    await tx.verificationToken.create({
      data: {
        userId: user.id,
        purpose: "invitation",
        tokenHash: hashToken(token),
        expiresAt: new Date(at.getTime() + INVITATION_TTL_MS),
        createdAt: at,
      },
    });
    await auditDecision(tx, input, { status: "approved", councilCode: input.councilCode.toUpperCase(), userId: user.id });
    await enqueueMail(tx, {
      to: request.email,
      template: "access-request-approved",
      data: { name: request.name, councilName: council.name, link: publicLink(`/invitations/${token}`) },
    });
    return { kind: "approved", email: request.email };
  });
  if (outcome.kind === "gone") return conflict(ALREADY_DECIDED);
  // An account was made for the address after the request was sent: nothing to approve.
  if (outcome.kind === "taken")
    return conflict("That address already has an account, so this request needs no approval. Refuse it, saying so.");
  await afterCommit();
  return ok({ email: outcome.email });
}

export async function refuseAccessRequest(input: { requestId: string; reason: string; actor: Actor }): Promise<Result<{ email: string }>> {
  const at = now();
  const refusedRow = await prisma.$transaction(async (tx) => {
    const request = await tx.accessRequest.findUnique({
      where: { id: input.requestId },
      select: { email: true, name: true, status: true },
    });
    if (!request) return undefined;
    const { count } = await tx.accessRequest.updateMany({
      where: { id: input.requestId, status: "pending" },
      data: { status: "refused", decidedById: input.actor.id, decidedAt: at, decisionReason: input.reason },
    });
    if (count === 0) return null;
    await auditDecision(tx, input, { status: "refused", reason: input.reason });
    await enqueueMail(tx, { to: request.email, template: "access-request-refused", data: { name: request.name, reason: input.reason } });
    return request;
  });
  if (refusedRow === undefined) return notFoundFailure("No such request");
  if (refusedRow === null) return conflict(ALREADY_DECIDED);
  await afterCommit();
  return ok({ email: refusedRow.email });
}
