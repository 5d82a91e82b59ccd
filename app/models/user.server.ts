import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { hashPassword } from "~/auth/password.server";
import type { RoleName } from "./access-control";
import { afterCommit } from "~/utils/after-commit.server";
import { publicOrigin } from "~/utils/env.server";
import { conflict, notFoundFailure, ok, refused, type Result } from "~/utils/result";
import type { Tx } from "~/utils/db.server";
import { auditWriterFor } from "./audit.server";
import { enqueueMail } from "./mail.server";
import { checkRoles, ROLE_RULE, rolesAllowedFor } from "./user-roles";

const userWithAccess = {
  id: true,
  email: true,
  name: true,
  councilId: true,
  supplierId: true,
  emailVerifiedAt: true,
  passwordChangedAt: true,
  council: { select: { id: true, code: true, name: true } },
  supplier: { select: { id: true, slug: true, tradingName: true } },
  roles: { select: { name: true, permissions: { select: { action: true, entity: true, access: true } } } },
} as const;

export type UserWithAccess = NonNullable<Awaited<ReturnType<typeof getUserById>>>;

export function getUserById(id: string) {
  return prisma.user.findUnique({ where: { id }, select: userWithAccess });
}

export function getUserForLogin(email: string) {
  return prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, passwordHash: true, deactivatedAt: true } });
}

export function getUserByEmail(email: string) {
  return prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
}

export async function createUser(input: {
  email: string;
  name: string;
  password: string;
  role: RoleName;
  councilId?: string | null;
  supplierId?: string | null;
}) {
  const passwordHash = await hashPassword(input.password);
  return prisma.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name,
      passwordHash,
      councilId: input.councilId ?? null,
      supplierId: input.supplierId ?? null,
      roles: { connect: { name: input.role } },
      passwordChangedAt: now(),
    },
    select: { id: true },
  });
}

/**
 * Creates the user unless the address already has an account (then null). The password is
 * hashed either way, so the answer takes as long for a taken address as for a new one.
 */
export async function createUserUnlessTaken(input: Parameters<typeof createUser>[0]): Promise<{ id: string } | null> {
  try {
    return await createUser(input);
  } catch (error) {
    if (error && typeof error === "object" && (error as { code?: unknown }).code === "P2002") return null;
    throw error;
  }
}

// ── sessions ──────────────────────────────────────────────────────────────

export function createSession(data: { userId: string; expiresAt: Date; ip?: string; userAgent?: string }) {
  const at = now();
  return prisma.session.create({ data: { ...data, createdAt: at, lastSeenAt: at }, select: { id: true } });
}

export function getSession(id: string) {
  return prisma.session.findUnique({
    where: { id },
    select: { id: true, userId: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
}

export function touchSession(id: string, at: Date) {
  return prisma.session.update({ where: { id }, data: { lastSeenAt: at } });
}

export function deleteSession(id: string) {
  return prisma.session.deleteMany({ where: { id } });
}

export function deleteSessionsForUser(userId: string) {
  return prisma.session.deleteMany({ where: { userId } });
}

// ── email verification ────────────────────────────────────────────────────

export type TokenPurpose = "email-verification" | "invitation" | "password-reset";

/**
 * Stores a new one-time token (its hash only) and revokes every earlier unused token of the
 * same purpose for the user, in one transaction: only the newest link works.
 */
export async function createVerificationToken(userId: string, purpose: TokenPurpose, tokenHash: string, expiresAt: Date) {
  const at = now();
  await prisma.$transaction(async (tx) => {
    await tx.verificationToken.deleteMany({ where: { userId, purpose, usedAt: null } });
    await tx.verificationToken.create({ data: { userId, purpose, tokenHash, expiresAt, createdAt: at } });
  });
}

/**
 * Uses up a live token of exactly this purpose (compare-and-set on usedAt, so a link used
 * twice at once works once). A token of another purpose (an invitation at /verify-email) is
 * refused and left as it was.
 */
export async function consumeVerificationToken(tokenHash: string, at: Date, purpose: TokenPurpose = "email-verification") {
  return prisma.$transaction(async (tx) => {
    const token = await tx.verificationToken.findUnique({ where: { tokenHash } });
    if (!token || token.purpose !== purpose || token.usedAt || token.expiresAt <= at) return null;
    const { count } = await tx.verificationToken.updateMany({ where: { id: token.id, usedAt: null }, data: { usedAt: at } });
    if (count === 0) return null;
    if (purpose === "email-verification") {
      await tx.user.update({ where: { id: token.userId }, data: { emailVerifiedAt: at } });
    }
    return { userId: token.userId, purpose: token.purpose };
  });
}

// ── password change and session revocation ──────────────────────────────────

/** Sets a new password and ends every session the user had (the caller starts a fresh one). */
export async function changePassword(userId: string, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now() } }),
    prisma.session.deleteMany({ where: { userId } }),
  ]);
}

export function getPasswordHash(userId: string) {
  return prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
}

/** `%text%` for LIKE, with the user's own % _ and \ taken literally. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An account as the admin pages show it: its state, organisation, roles and how many sessions it has. */
const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  emailVerifiedAt: true,
  deactivatedAt: true,
  deactivationReason: true,
  councilId: true,
  supplierId: true,
  roles: { select: { name: true } },
  council: { select: { name: true } },
  supplier: { select: { tradingName: true } },
  _count: { select: { sessions: true } },
} as const;

/**
 * Users whose name or email contains `query`, ignoring case on both databases (SQLite's LIKE
 * ignores ASCII case, PostgreSQL's does not, so both sides are lowered).
 */
export async function listUsersForAdmin(query: string, take = 50) {
  const q = query.trim();
  let where = {};
  if (q) {
    const pattern = likePattern(q);
    const ids = await prisma.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "User"
      WHERE LOWER("email") LIKE ${pattern} ESCAPE '\\' OR LOWER("name") LIKE ${pattern} ESCAPE '\\'
      ORDER BY "email" LIMIT ${take}`;
    where = { id: { in: ids.map((r) => r.id) } };
  }
  return prisma.user.findMany({
    where,
    orderBy: { email: "asc" },
    take,
    select: adminUserSelect,
  });
}

// ── administration (issue 15) ────────────────────────────────────────────

export interface AdminActor {
  id: string;
  ip?: string | null;
}

/** A change an administrator made to an account, in the audit log in the same transaction. */
const auditAccountChange = auditWriterFor("user");

/** Signs a user out of every session (an admin's "sign out everywhere"), audited. */
export async function revokeUserSessions(input: { userId: string; actor: AdminActor }): Promise<Result<{ count: number }>> {
  const { count } = await prisma.$transaction(async (tx) => {
    const ended = await tx.session.deleteMany({ where: { userId: input.userId } });
    await auditAccountChange(tx, input.actor, input.userId, "user.sessions-revoked", { after: { sessionsEnded: ended.count } });
    return ended;
  });
  return ok({ count });
}

async function activeAdminCount(db: Tx, exceptUserId: string) {
  return db.user.count({ where: { id: { not: exceptUserId }, deactivatedAt: null, roles: { some: { name: "admin" } } } });
}

/**
 * Deactivates an account: every session ends, sign-in is refused, and the person is told why
 * by email. Refused for one's own account and for the last active admin.
 */
export async function deactivateUser(input: {
  userId: string;
  reason: string;
  actor: AdminActor;
}): Promise<Result<{ sessionsEnded: number }>> {
  if (input.userId === input.actor.id) return refused("You cannot deactivate your own account.", { field: "userId" });
  const result = await prisma.$transaction(async (tx): Promise<Result<{ sessionsEnded: number }>> => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, email: true, name: true, roles: { select: { name: true } } },
    });
    if (!user) return notFoundFailure("User not found");
    if (user.roles.some((r) => r.name === "admin") && (await activeAdminCount(tx, user.id)) === 0)
      return refused("This is the only active administrator. Make someone else an administrator first.");
    const at = now();
    const changed = await tx.user.updateMany({
      where: { id: user.id, deactivatedAt: null },
      data: { deactivatedAt: at, deactivatedById: input.actor.id, deactivationReason: input.reason },
    });
    if (changed.count !== 1) return conflict("That account is already deactivated.");
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    await auditAccountChange(tx, input.actor, user.id, "user.deactivated", { after: { reason: input.reason, sessionsEnded: count } });
    await enqueueMail(tx, { to: user.email, template: "account-deactivated", data: { name: user.name, reason: input.reason } });
    return ok({ sessionsEnded: count });
  });
  if (result.ok) await afterCommit();
  return result;
}

export async function reactivateUser(input: { userId: string; actor: AdminActor }): Promise<Result<void>> {
  const result = await prisma.$transaction(async (tx): Promise<Result<void>> => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, email: true, name: true, deactivationReason: true },
    });
    if (!user) return notFoundFailure("User not found");
    const changed = await tx.user.updateMany({
      where: { id: user.id, deactivatedAt: { not: null } },
      data: { deactivatedAt: null, deactivatedById: null, deactivationReason: null },
    });
    if (changed.count !== 1) return conflict("That account is already active.");
    await auditAccountChange(tx, input.actor, user.id, "user.reactivated", { before: { reason: user.deactivationReason } });
    await enqueueMail(tx, {
      to: user.email,
      template: "account-reactivated",
      data: { name: user.name, loginLink: `${publicOrigin()}/login` },
    });
    return ok();
  });
  if (result.ok) await afterCommit();
  return result;
}

/**
 * Sets a user's roles to `roles`, within the role model (rolesAllowedFor) and only if they
 * still hold `expected` (what the admin saw), so two admins' changes cannot silently cross.
 */
export async function setUserRoles(input: {
  userId: string;
  roles: string[];
  expected: string[];
  actor: AdminActor;
}): Promise<Result<void>> {
  return prisma.$transaction(async (tx): Promise<Result<void>> => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, councilId: true, supplierId: true, roles: { select: { name: true } } },
    });
    if (!user) return notFoundFailure("User not found");
    const before = user.roles.map((r) => r.name).sort();
    if (before.join(",") !== [...input.expected].sort().join(","))
      return conflict("Someone else changed this user's roles. Check them and try again.", "roles");
    const wanted = [...new Set(input.roles)].sort();
    const problem = checkRoles(user, wanted);
    if (problem) return refused(problem, { field: "roles", rule: ROLE_RULE });
    if (input.userId === input.actor.id && before.includes("admin") && !wanted.includes("admin"))
      return refused("You cannot remove your own administrator role.", { field: "roles" });
    if (before.includes("admin") && !wanted.includes("admin") && (await activeAdminCount(tx, user.id)) === 0)
      return refused("This is the only active administrator. Make someone else an administrator first.", { field: "roles" });
    if (before.join(",") === wanted.join(",")) return ok();
    const known = await tx.role.count({ where: { name: { in: wanted } } });
    if (known !== wanted.length) return refused("Choose roles from the list.", { field: "roles" });
    await tx.user.update({ where: { id: user.id }, data: { roles: { set: wanted.map((name) => ({ name })) } } });
    // A changed role changes what every open session may do: end them.
    await tx.session.deleteMany({ where: { userId: user.id } });
    await auditAccountChange(tx, input.actor, user.id, "user.roles-changed", { before: { roles: before }, after: { roles: wanted } });
    return ok();
  });
}

/** For the admin pages: each account's state and which roles it may hold. */
export function rolesOffered(user: { councilId: string | null; supplierId: string | null }) {
  return rolesAllowedFor(user);
}

export function getUserForAdmin(id: string) {
  if (!id || id.length > 40) return Promise.resolve(null);
  return prisma.user.findUnique({
    where: { id },
    select: { ...adminUserSelect, roles: { select: { name: true }, orderBy: { name: "asc" } } },
  });
}

// ── the approver role, by one conditional statement each (issue 15) ─────────

/**
 * Grants or revokes the approver role by one conditional statement, audited in the same
 * transaction only when it changed something: of two grants (or revokes) at once, the second
 * is a no-op with no audit row. A grant needs the user to still be a buyer of `councilId`; a
 * revoke with `councilId` only touches that council's officer. True when this call changed it.
 */
export async function setApproverRole(input: {
  userId: string;
  approver: boolean;
  councilId: string | null;
  actor: AdminActor;
}): Promise<boolean> {
  const { userId, councilId, actor } = input;
  return prisma.$transaction(async (tx) => {
    const changed = input.approver
      ? councilId !== null && (await addApproverRole(tx, userId, councilId))
      : await removeApproverRole(tx, userId, councilId);
    if (!changed) return false;
    await tx.user.updateMany({ where: { id: userId }, data: { updatedAt: now() } });
    const action = input.approver ? "user.approver-granted" : "user.approver-revoked";
    await auditAccountChange(tx, actor, userId, action);
    return true;
  });
}

/** One insert: the join table's unique key settles two grants at once (the second inserts nothing). */
async function addApproverRole(tx: Tx, userId: string, councilId: string): Promise<boolean> {
  const added = await tx.$executeRaw`
    INSERT INTO "_RoleToUser" ("A", "B")
    SELECT r."id", u."id" FROM "Role" r, "User" u
    WHERE r."name" = 'approver' AND u."id" = ${userId} AND u."councilId" = ${councilId}
      AND EXISTS (
        SELECT 1 FROM "_RoleToUser" held JOIN "Role" buyer ON buyer."id" = held."A"
        WHERE held."B" = u."id" AND buyer."name" = 'buyer'
      )
    ON CONFLICT DO NOTHING`;
  return added === 1;
}

/** One delete (of the second of two revokes at once, nothing is left to delete). */
async function removeApproverRole(tx: Tx, userId: string, councilId: string | null): Promise<boolean> {
  const removed = councilId
    ? await tx.$executeRaw`
        DELETE FROM "_RoleToUser" WHERE "B" = ${userId} AND "A" IN (SELECT "id" FROM "Role" WHERE "name" = 'approver')
          AND EXISTS (SELECT 1 FROM "User" u WHERE u."id" = ${userId} AND u."councilId" = ${councilId})`
    : await tx.$executeRaw`
        DELETE FROM "_RoleToUser" WHERE "B" = ${userId} AND "A" IN (SELECT "id" FROM "Role" WHERE "name" = 'approver')`;
  return removed === 1;
}
