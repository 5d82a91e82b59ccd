// Suppliers follow a council or a service area (issue 15) and are told, in the portal and by
// email, of new published case studies there; the contracts work calls notifyFollowers for
// pipeline entries the same way. Each item reaches each follower once (dedupe key).
import { recordAudit } from "~/models/audit.server";
import { caseStudyNames } from "~/models/case-study.server";
import { notifyOnce } from "~/models/notifications.server";
import { unsubscribeToken } from "~/models/alerts-unsubscribe-token.server";
import { prisma } from "~/utils/db.server";
import { publicOrigin } from "~/utils/env.server";
import { conflict, notFoundFailure, ok, type Result } from "~/utils/result";

export const FOLLOW_KINDS = ["council", "service-area"] as const;
export type FollowKind = (typeof FOLLOW_KINDS)[number];
export const FOLLOW_NEWS_TEMPLATE = "follow-news";

/** Something new about a followed council or service area. */
export interface FollowedItem {
  /** The council's or service area's id. */
  subjectId: string;
  /** Stable id of the item, e.g. "case-study:<id>" or "pipeline:<id>": one notification per follower per item. */
  itemKey: string;
  /** "New case study from Leeds City Council: …" */
  message: string;
  /** Path on the portal. */
  path: string;
}

interface Actor {
  id: string;
  ip?: string | null;
}

export async function listFollowsForUser(userId: string) {
  const follows = await prisma.follow.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, subjectId: true, createdAt: true },
  });
  const councils = await prisma.council.findMany({
    where: { id: { in: follows.filter((f) => f.kind === "council").map((f) => f.subjectId) } },
    select: { id: true, name: true, code: true },
  });
  const areas = await prisma.serviceArea.findMany({
    where: { id: { in: follows.filter((f) => f.kind === "service-area").map((f) => f.subjectId) } },
    select: { id: true, name: true },
  });
  const names = new Map<string, string>([...councils.map((c) => [c.id, c.name] as const), ...areas.map((a) => [a.id, a.name] as const)]);
  return follows.map((f) => ({ ...f, name: names.get(f.subjectId) ?? "(no longer listed)" }));
}

export function listFollowChoices() {
  return Promise.all([
    prisma.council.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.serviceArea.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]).then(([councils, serviceAreas]) => ({ councils, serviceAreas }));
}

export async function follow(actor: Actor, kind: FollowKind, subjectId: string): Promise<Result<{ id: string }>> {
  const exists =
    kind === "council"
      ? await prisma.council.findUnique({ where: { id: subjectId }, select: { id: true } })
      : await prisma.serviceArea.findUnique({ where: { id: subjectId }, select: { id: true } });
  if (!exists) return notFoundFailure(kind === "council" ? "Select a council" : "Select a service area");
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.follow.create({ data: { userId: actor.id, kind, subjectId }, select: { id: true } });
      await recordAudit(
        {
          actorId: actor.id,
          action: "follow.created",
          entityType: "follow",
          entityId: created.id,
          after: { kind, subjectId },
          ip: actor.ip,
        },
        tx,
      );
      return ok(created);
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return conflict("You already follow this", kind === "council" ? "councilId" : "serviceAreaId");
    throw error;
  }
}

export async function unfollow(actor: Actor | null, followId: string, ip?: string | null): Promise<Result<void>> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.follow.findFirst({
      where: { id: followId, ...(actor ? { userId: actor.id } : {}) },
      select: { kind: true, subjectId: true },
    });
    if (!existing) return notFoundFailure("You no longer follow this");
    const { count } = await tx.follow.deleteMany({ where: { id: followId } });
    if (count !== 1) return notFoundFailure("You no longer follow this");
    await recordAudit(
      {
        actorId: actor?.id ?? null,
        action: "follow.deleted",
        entityType: "follow",
        entityId: followId,
        before: existing,
        after: actor ? undefined : { by: "email link" },
        ip: actor?.ip ?? ip,
      },
      tx,
    );
    return ok();
  });
}

/**
 * Tells everyone who follows `kind` `item.subjectId` about the item, once each (in the portal
 * and by email); returns how many were newly told. Safe to call again for the same item.
 */
export async function notifyFollowers(kind: FollowKind, item: FollowedItem): Promise<number> {
  const followers = await prisma.follow.findMany({
    where: { kind, subjectId: item.subjectId, user: { emailVerifiedAt: { not: null }, deactivatedAt: null } },
    select: { id: true, user: { select: { id: true, email: true, name: true } } },
  });
  const origin = publicOrigin();
  let told = 0;
  for (const f of followers) {
    const dedupeKey = `follow:${item.itemKey}:user:${f.user.id}`;
    const wrote = await notifyOnce(
      { userId: f.user.id, kind: "follow", message: item.message, link: item.path, dedupeKey },
      {
        to: f.user.email,
        template: FOLLOW_NEWS_TEMPLATE,
        data: {
          recipientName: f.user.name,
          message: item.message,
          url: `${origin}${item.path}`,
          manageUrl: `${origin}/account/follows`,
          unsubscribeUrl: `${origin}/unsubscribe/${unsubscribeToken("follow", f.id)}`,
        },
      },
    );
    if (wrote) told++;
  }
  return told;
}

/** Case studies published in (from, to], for the follow job. */
export function listCaseStudiesPublishedBetween(from: Date, to: Date) {
  return prisma.caseStudy.findMany({
    where: { status: "published", publishedAt: { gt: from, lte: to } },
    select: { ...caseStudyNames, id: true, councilId: true, serviceAreaId: true },
    orderBy: { publishedAt: "asc" },
  });
}

/** What an unsubscribe link stops, in words ("“Housing repairs”", "Leeds City Council"), or null when it is gone. */
export async function describeSubscription(kind: "alert" | "follow", id: string): Promise<string | null> {
  if (kind === "alert") {
    const alert = await prisma.searchAlert.findUnique({ where: { id }, select: { name: true } });
    return alert ? `“${alert.name}”` : null;
  }
  const f = await prisma.follow.findUnique({ where: { id }, select: { kind: true, subjectId: true } });
  if (!f) return null;
  const subject =
    f.kind === "council"
      ? await prisma.council.findUnique({ where: { id: f.subjectId }, select: { name: true } })
      : await prisma.serviceArea.findUnique({ where: { id: f.subjectId }, select: { name: true } });
  return subject?.name ?? "this";
}
