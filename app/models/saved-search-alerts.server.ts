// Saved searches and their email alerts (issue 15). Saving records the matches of the moment;
// each due check compares the matches now with those and emails only the new or changed ones
// (nothing when nothing changed). A check is one conditional update on the alert's version,
// with its email queued in the same transaction, so two runners never send it twice.
import { auditWriterFor } from "~/models/audit.server";
import { enqueueMail } from "~/models/mail.server";
import { createNotification } from "~/models/notifications.server";
import { unsubscribeToken } from "~/models/alerts-unsubscribe-token.server";
import {
  MAX_ALERTS_PER_USER,
  parseAlertSearch,
  describeAlertSearch,
  type AlertFrequency,
  type CreateAlertInput,
  type UpdateAlertInput,
} from "~/models/saved-search-alerts.schema";
import { prisma } from "~/utils/db.server";
import { afterCommit } from "~/utils/after-commit.server";
import { now } from "~/utils/clock.server";
import { publicOrigin } from "~/utils/env.server";
import { conflict, invalid, notFoundFailure, ok, refused, type Result } from "~/utils/result";

const DAY_MS = 86_400_000;
export const ALERT_PERIOD_MS: Record<Exclude<AlertFrequency, "none">, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };
/** A check due a few minutes after the hourly job runs still goes out on this run, not the next. */
const DUE_SLACK_MS = 10 * 60_000;

/** One search result as an alert remembers it. */
export interface AlertMatch {
  /** "products:<id>", "suppliers:<id>", "case-studies:<id>" */
  key: string;
  title: string;
  /** Path on the portal, e.g. /products/<id>. */
  path: string;
  /** Changes when the indexed document changes. */
  fingerprint: string;
}

interface Actor {
  id: string;
  ip?: string | null;
}

/** A change to a saved search's alert, in the audit log in the same transaction. */
const auditAlert = auditWriterFor("search-alert");

function seenFrom(matches: AlertMatch[]): Record<string, string> {
  return Object.fromEntries(matches.map((m) => [m.key, m.fingerprint]));
}

function parseSeen(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The matches that are new since `seen`, and those whose document changed. */
export function diffMatches(seen: Record<string, string>, matches: AlertMatch[]): { added: AlertMatch[]; changed: AlertMatch[] } {
  const added: AlertMatch[] = [];
  const changed: AlertMatch[] = [];
  for (const match of matches) {
    const before = seen[match.key];
    if (before === undefined) added.push(match);
    else if (before !== match.fingerprint) changed.push(match);
  }
  return { added, changed };
}

export function listAlertsForUser(userId: string) {
  return prisma.searchAlert.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, search: true, frequency: true, version: true, lastSentAt: true, checkedAt: true, createdAt: true },
  });
}

export function getAlertForUser(userId: string, alertId: string) {
  return prisma.searchAlert.findFirst({
    where: { id: alertId, userId },
    select: { id: true, name: true, search: true, frequency: true, version: true, lastSentAt: true, checkedAt: true },
  });
}

/** Saves a search; `matches` are its results now, so the first email holds only what is new after today. */
export async function createAlert(actor: Actor, input: CreateAlertInput, matches: AlertMatch[]): Promise<Result<{ id: string }>> {
  const search = parseAlertSearch(input.search);
  if (!search.ok) return invalid({ search: search.errors });
  const count = await prisma.searchAlert.count({ where: { userId: actor.id } });
  if (count >= MAX_ALERTS_PER_USER)
    return refused(`You can save up to ${MAX_ALERTS_PER_USER} searches. Delete one you no longer need first.`, { field: "name" });
  const created = await prisma.$transaction(async (tx) => {
    const alert = await tx.searchAlert.create({
      data: {
        userId: actor.id,
        name: input.name,
        search: search.canonical,
        frequency: input.frequency,
        seen: JSON.stringify(seenFrom(matches)),
      },
      select: { id: true },
    });
    await auditAlert(tx, actor, alert.id, "search-alert.created", {
      after: { name: input.name, search: search.canonical, frequency: input.frequency },
    });
    return alert;
  });
  return ok(created);
}

/** Renames and sets the frequency, if the alert is still the version the person saw. */
export async function updateAlert(actor: Actor, input: UpdateAlertInput): Promise<Result<{ id: string }>> {
  const before = await getAlertForUser(actor.id, input.alertId);
  if (!before) return notFoundFailure("That saved search was not found");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.searchAlert.updateMany({
      where: { id: input.alertId, userId: actor.id, version: input.version },
      data: { name: input.name, frequency: input.frequency, version: { increment: 1 } },
    });
    if (count !== 1) return conflict("This saved search changed since you opened it. Check it and try again.", "name");
    await auditAlert(tx, actor, input.alertId, "search-alert.updated", {
      before: { name: before.name, frequency: before.frequency },
      after: { name: input.name, frequency: input.frequency },
    });
    return ok({ id: input.alertId });
  });
}

export async function deleteAlert(actor: Actor, alertId: string): Promise<Result<void>> {
  return prisma.$transaction(async (tx) => {
    const alert = await tx.searchAlert.findFirst({ where: { id: alertId, userId: actor.id }, select: { name: true, search: true } });
    if (!alert) return notFoundFailure("That saved search was not found");
    const { count } = await tx.searchAlert.deleteMany({ where: { id: alertId, userId: actor.id } });
    if (count !== 1) return notFoundFailure("That saved search was not found");
    await auditAlert(tx, actor, alertId, "search-alert.deleted", { before: alert });
    return ok();
  });
}

/** From the signed link in an email, signed out: stops the alert's emails (the search stays saved). */
export async function unsubscribeAlert(alertId: string, ip?: string | null): Promise<Result<{ name: string; alreadyOff: boolean }>> {
  const alert = await prisma.searchAlert.findUnique({ where: { id: alertId }, select: { name: true, frequency: true, userId: true } });
  if (!alert) return notFoundFailure("This saved search no longer exists, so it sends no emails");
  if (alert.frequency === "none") return ok({ name: alert.name, alreadyOff: true });
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.searchAlert.updateMany({
      where: { id: alertId, frequency: { not: "none" } },
      data: { frequency: "none", version: { increment: 1 } },
    });
    if (count === 1) {
      await auditAlert(tx, { id: null, ip }, alertId, "search-alert.unsubscribed", {
        before: { frequency: alert.frequency },
        after: { frequency: "none", by: "email link" },
      });
    }
    return ok({ name: alert.name, alreadyOff: count !== 1 });
  });
}

/** Alerts whose next check is due at `at`, with their owner's address. */
export async function listDueAlerts(at: Date, take = 500) {
  const daily = new Date(at.getTime() - ALERT_PERIOD_MS.daily + DUE_SLACK_MS);
  const weekly = new Date(at.getTime() - ALERT_PERIOD_MS.weekly + DUE_SLACK_MS);
  return prisma.searchAlert.findMany({
    where: {
      OR: [
        { frequency: "daily", checkedAt: { lte: daily } },
        { frequency: "weekly", checkedAt: { lte: weekly } },
      ],
      user: { emailVerifiedAt: { not: null }, deactivatedAt: null },
    },
    orderBy: { checkedAt: "asc" },
    take,
    select: {
      id: true,
      name: true,
      search: true,
      frequency: true,
      version: true,
      seen: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
}

export type DueAlert = Awaited<ReturnType<typeof listDueAlerts>>[number];
export const SEARCH_ALERT_TEMPLATE = "search-alert";

/**
 * Records one check of a due alert against its matches now: queues the email (and an in-portal
 * notification) listing the new and changed matches, or nothing when there are none. Returns
 * what it did; "taken" when another runner checked this version first.
 */
export async function recordAlertCheck(alert: DueAlert, matches: AlertMatch[], at: Date = now()): Promise<"sent" | "unchanged" | "taken"> {
  const { added, changed } = diffMatches(parseSeen(alert.seen), matches);
  const sending = added.length + changed.length > 0;
  const search = parseAlertSearch(alert.search);
  const outcome = await prisma.$transaction(async (tx) => {
    const { count } = await tx.searchAlert.updateMany({
      where: { id: alert.id, version: alert.version, frequency: alert.frequency },
      data: { seen: JSON.stringify(seenFrom(matches)), checkedAt: at, version: { increment: 1 }, ...(sending ? { lastSentAt: at } : {}) },
    });
    if (count !== 1) return "taken" as const;
    if (!sending) return "unchanged" as const;
    const origin = publicOrigin();
    const dedupeKey = `search-alert:${alert.id}:${alert.version}`;
    const total = added.length + changed.length;
    await enqueueMail(tx, {
      to: alert.user.email,
      template: SEARCH_ALERT_TEMPLATE,
      dedupeKey,
      data: {
        recipientName: alert.user.name,
        alertName: alert.name,
        searchDescription: search.ok ? describeAlertSearch(search.params) : alert.search,
        frequency: alert.frequency,
        added: added.map((m) => ({ title: m.title, url: `${origin}${m.path}` })),
        changed: changed.map((m) => ({ title: m.title, url: `${origin}${m.path}` })),
        searchUrl: `${origin}/search?${alert.search}`,
        manageUrl: `${origin}/account/alerts`,
        unsubscribeUrl: `${origin}/unsubscribe/${unsubscribeToken("alert", alert.id)}`,
      },
    });
    await createNotification(tx, {
      userId: alert.user.id,
      kind: "search-alert",
      message: `${total} new or changed ${total === 1 ? "match" : "matches"} for your saved search “${alert.name}”`,
      link: `/search?${alert.search}`,
      dedupeKey,
    });
    return "sent" as const;
  });
  // Wakes the mail sender for the message just committed.
  if (outcome === "sent") await afterCommit();
  return outcome;
}
