// The mail queue (issue 15). A message is rendered from its template and written in the
// caller's transaction, so it exists exactly when the change it describes committed; the
// sender (app/mail/sender.server.ts) delivers it afterwards. Each row is claimed with a lease
// by a conditional update, so with several processes draining, one of them sends it; a failed
// attempt is retried with back-off and given up after MAX_MAIL_ATTEMPTS.
import { renderMail, type MailTemplateName } from "~/mail/templates";
import { prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { afterCommit } from "~/utils/after-commit.server";

export const MAX_MAIL_ATTEMPTS = 8;
/** A sender that holds a message longer than this is presumed dead; another may take it. */
export const MAIL_LEASE_MS = 2 * 60_000;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 60 * 60_000;

export interface MailRequest {
  to: string;
  template: MailTemplateName;
  data: unknown;
  /** The same key is never queued twice (a second call returns null). */
  dedupeKey?: string;
}

/**
 * Queues a message in the caller's transaction (`db` is prisma or a transaction client).
 * Returns the new row's id, or null when a message with the same dedupe key already exists.
 * A racing insert of the same key throws the unique violation, which fails the caller's
 * transaction, as the duplicate should.
 */
export async function enqueueMail(db: Tx, request: MailRequest): Promise<string | null> {
  if (request.dedupeKey && (await db.mailMessage.findUnique({ where: { dedupeKey: request.dedupeKey }, select: { id: true } })))
    return null;
  const rendered = renderMail(request.template, request.data);
  const at = now();
  const row = await db.mailMessage.create({
    data: {
      recipient: request.to.trim().toLowerCase(),
      template: request.template,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      dedupeKey: request.dedupeKey ?? null,
      nextAttemptAt: at,
      createdAt: at,
    },
    select: { id: true },
  });
  return row.id;
}

export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/** Doubling from a minute, at most an hour: 1, 2, 4 … 60 minutes after the nth failure. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims up to `limit` due messages for `holder`: each with a conditional update on the row
 * still being unclaimed (or its lease lapsed), so two senders never both get one.
 */
export async function claimDueMail(holder: string, at: Date = now(), limit = 20): Promise<ClaimedMail[]> {
  const free = { OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] };
  const candidates = await prisma.mailMessage.findMany({
    where: { status: "queued", nextAttemptAt: { lte: at }, ...free },
    orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
    take: limit,
    select: { id: true, lockedBy: true, lockedUntil: true },
  });
  const claimed: ClaimedMail[] = [];
  for (const candidate of candidates) {
    const taken = await prisma.mailMessage.updateMany({
      // The lease seen when listing: whoever changes it first wins.
      where: { id: candidate.id, status: "queued", lockedBy: candidate.lockedBy, lockedUntil: candidate.lockedUntil },
      data: { lockedBy: holder, lockedUntil: new Date(at.getTime() + MAIL_LEASE_MS), attempts: { increment: 1 } },
    });
    if (taken.count !== 1) continue;
    const row = await prisma.mailMessage.findUnique({
      where: { id: candidate.id },
      select: { id: true, recipient: true, subject: true, text: true, html: true, attempts: true },
    });
    if (row) claimed.push(row);
  }
  return claimed;
}

/**
 * Renews the holder's lease on one claimed message just before it is sent: a batch is claimed
 * at once, and with a slow mail server the later messages' leases could lapse while the first
 * are sent, letting another sender claim and send them too. Conditional on still holding it
 * (a claim by another sender changes lockedBy), so of the two exactly one goes on to send.
 */
export async function renewMailLease(id: string, holder: string, at: Date = now()): Promise<boolean> {
  const renewed = await prisma.mailMessage.updateMany({
    where: { id, status: "queued", lockedBy: holder },
    data: { lockedUntil: new Date(at.getTime() + MAIL_LEASE_MS) },
  });
  return renewed.count === 1;
}

/**
 * Records delivery by the holder of the lease. Delivered through SMTP, the body is cleared:
 * links in it carry bearer tokens that only their hashes may keep in the database. Kept in
 * the outbox (no SMTP server, outside production) it stays for admins to read.
 */
export async function markMailSent(id: string, holder: string, transport: "smtp" | "outbox", at: Date = now()): Promise<boolean> {
  const done = await prisma.mailMessage.updateMany({
    where: { id, status: "queued", lockedBy: holder },
    data: {
      status: "sent",
      sentAt: at,
      transport,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      ...(transport === "smtp" ? { text: "", html: "" } : {}),
    },
  });
  return done.count === 1;
}

/** Records a failed attempt: retried after back-off, or given up after MAX_MAIL_ATTEMPTS. */
export async function markMailFailed(id: string, holder: string, error: string, at: Date = now()): Promise<"retry" | "failed" | "lost"> {
  const row = await prisma.mailMessage.findUnique({ where: { id }, select: { attempts: true, lockedBy: true, status: true } });
  if (!row || row.lockedBy !== holder || row.status !== "queued") return "lost";
  const giveUp = row.attempts >= MAX_MAIL_ATTEMPTS;
  const updated = await prisma.mailMessage.updateMany({
    where: { id, status: "queued", lockedBy: holder },
    data: {
      status: giveUp ? "failed" : "queued",
      lastError: error.slice(0, 500),
      lockedBy: null,
      lockedUntil: null,
      nextAttemptAt: giveUp ? at : new Date(at.getTime() + retryDelayMs(row.attempts)),
    },
  });
  if (updated.count !== 1) return "lost";
  return giveUp ? "failed" : "retry";
}

export const OUTBOX_STATUSES = ["queued", "sent", "failed"] as const;
export type MailStatus = (typeof OUTBOX_STATUSES)[number];

/** A queued or sent message as the admin outbox lists it (the page for one message adds its text). */
const outboxRowSelect = {
  id: true,
  recipient: true,
  template: true,
  subject: true,
  status: true,
  attempts: true,
  transport: true,
  sentAt: true,
  lastError: true,
  createdAt: true,
} as const;

/** The outbox for admins: newest first, optionally one recipient or status. */
export async function listOutbox({
  recipient,
  status,
  take = 50,
  skip = 0,
}: {
  recipient?: string;
  status?: MailStatus;
  take?: number;
  skip?: number;
}) {
  const where = {
    ...(recipient ? { recipient: { contains: recipient.trim().toLowerCase() } } : {}),
    ...(status ? { status } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.mailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      skip,
      select: outboxRowSelect,
    }),
    prisma.mailMessage.count({ where }),
  ]);
  return { rows, total };
}

export function getOutboxMessage(id: string) {
  return prisma.mailMessage.findUnique({
    where: { id },
    select: { ...outboxRowSelect, text: true },
  });
}

/** Counts for /healthz and the admin page: queued now, and given up. */
export async function mailQueueCounts(at: Date = now()) {
  const [due, failed] = await Promise.all([
    prisma.mailMessage.count({ where: { status: "queued", nextAttemptAt: { lte: at } } }),
    prisma.mailMessage.count({ where: { status: "failed" } }),
  ]);
  return { due, failed };
}

/**
 * Queues one message outside any transaction of the caller's and wakes the sender: for mail
 * that follows a write already committed (a token just stored, say).
 */
export async function queueMail(request: MailRequest): Promise<string | null> {
  const id = await enqueueMail(prisma, request);
  await afterCommit();
  return id;
}
