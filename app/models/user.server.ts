import { prisma } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { hashPassword } from "~/auth/password.server";
import type { RoleName } from "./access-control";

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
  return prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, passwordHash: true } });
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

export function listUsersForAdmin(query: string, take = 50) {
  return prisma.user.findMany({
    where: query ? { OR: [{ email: { contains: query.toLowerCase() } }, { name: { contains: query } }] } : {},
    orderBy: { email: "asc" },
    take,
    select: {
      id: true,
      email: true,
      name: true,
      emailVerifiedAt: true,
      roles: { select: { name: true } },
      council: { select: { name: true } },
      supplier: { select: { tradingName: true } },
      _count: { select: { sessions: true } },
    },
  });
}
