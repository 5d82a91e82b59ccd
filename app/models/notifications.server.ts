// In-portal notifications (issue 15): a person's own (expiry warnings, alert and follow news)
// and their supplier organisation's (moderation outcomes, written elsewhere). A notification
// that must reach someone once carries a dedupe key, unique in the table, so two job runners
// racing to write it leave one row and only the winner queues its email.
import { enqueueMail } from "~/models/mail.server";
import type { MailTemplateName } from "~/mail/templates";
import { prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { afterCommit } from "~/utils/after-commit.server";
import { ok, notFoundFailure, type Result } from "~/utils/result";

export interface NotificationInput {
  userId: string;
  kind: string;
  message: string;
  link?: string | null;
  dedupeKey: string;
}

export interface NotificationMail {
  to: string;
  template: MailTemplateName;
  data: Record<string, unknown>;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

/**
 * Writes the notification and queues its email in one transaction, once per dedupe key.
 * Returns false when it had already been written (by an earlier run or a racing runner).
 */
export async function notifyOnce(notification: NotificationInput, mail: NotificationMail | null): Promise<boolean> {
  // The common case on a re-run: already sent. Checked first so a re-run writes nothing.
  if (await prisma.notification.findUnique({ where: { dedupeKey: notification.dedupeKey }, select: { id: true } })) return false;
  try {
    await prisma.$transaction(async (tx) => {
      await createNotification(tx, notification);
      if (mail) await enqueueMail(tx, { ...mail, dedupeKey: notification.dedupeKey });
    });
    if (mail) await afterCommit();
    return true;
  } catch (error) {
    // The insert lost to an existing row: nothing was queued either (same transaction).
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** For callers that already hold a transaction and have made sure the key is new. */
export async function createNotification(tx: Tx, notification: NotificationInput): Promise<void> {
  await tx.notification.create({
    data: {
      userId: notification.userId,
      kind: notification.kind,
      message: notification.message,
      link: notification.link ?? null,
      dedupeKey: notification.dedupeKey,
    },
  });
}

function visibleTo(user: { id: string; supplierId: string | null }) {
  return { OR: [{ userId: user.id }, ...(user.supplierId ? [{ supplierId: user.supplierId, userId: null }] : [])] };
}

export function listNotificationsFor(user: { id: string; supplierId: string | null }, take = 100) {
  return prisma.notification.findMany({
    where: visibleTo(user),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, kind: true, message: true, link: true, createdAt: true, readAt: true },
  });
}

export function countUnreadNotifications(user: { id: string; supplierId: string | null }) {
  return prisma.notification.count({ where: { ...visibleTo(user), readAt: null } });
}

/** Marks one (or, without an id, every) unread notification the person can see as read. */
export async function markNotificationsRead(
  user: { id: string; supplierId: string | null },
  notificationId?: string,
): Promise<Result<{ count: number }>> {
  const { count } = await prisma.notification.updateMany({
    where: { ...visibleTo(user), readAt: null, ...(notificationId ? { id: notificationId } : {}) },
    data: { readAt: now() },
  });
  if (notificationId && count === 0) {
    const exists = await prisma.notification.findFirst({ where: { ...visibleTo(user), id: notificationId }, select: { id: true } });
    if (!exists) return notFoundFailure("That notification was not found");
  }
  return ok({ count });
}
