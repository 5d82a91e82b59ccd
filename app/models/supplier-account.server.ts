// A supplier organisation managing itself: registration (organisation + first user),
// profile edits under an optimistic lock (Supplier.version), accreditations and team
// invitations. Every change is audited and, where search shows it, queued in the outbox
// in the same transaction.
import crypto from "node:crypto";
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";
import { queueMail } from "./mail.server";
import { hashPassword } from "~/auth/password.server";
import { hashToken, publicLink, sendAccountExistsEmail, sendVerificationEmail } from "~/auth/verification.server";
import { afterCommit } from "~/utils/after-commit.server";
import { recordAudit } from "./audit.server";
import { enqueueSearchUpdate, type OutboxEntity } from "./search-outbox.server";
import { computeSupplierSize, isSme } from "./supplier-size";
import { penceToDb, withPence } from "./pence";
import { uniqueSlug } from "./unique-slug.server";
import { penceToPounds } from "~/procurement/money";
import type { SupplierProfileInput, SupplierRegistrationInput } from "./supplier-account.schema";
import type { AccreditationKind } from "~/utils/labels";
import { conflict, invalid, notFoundFailure, ok, type Result } from "~/utils/result";

type FieldErrors = Record<string, string[]>;
type Actor = { actorId: string; ip?: string | null };

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// ── shared helpers ───────────────────────────────────────────────────────

/** Prisma's unique-constraint error (P2002), whichever database adapter raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return Boolean(error && typeof error === "object" && "code" in error && (error as { code?: unknown }).code === "P2002");
}

/** The supplier and its published products: what search shows of an organisation. */
export async function searchEntriesForSupplier(tx: Tx, supplierId: string): Promise<{ entityType: OutboxEntity; entityId: string }[]> {
  const products = await tx.product.findMany({ where: { supplierId, status: "published" }, select: { id: true } });
  return [
    { entityType: "supplier" as const, entityId: supplierId },
    ...products.map((p) => ({ entityType: "product" as const, entityId: p.id })),
  ];
}

// Paths under /suppliers/ that a supplier slug must never take.
const RESERVED_SLUGS = new Set(["register", "new", "edit", "search"]);

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "supplier";
}

function supplierSlug(tx: Tx, tradingName: string): Promise<string> {
  return uniqueSlug(
    slugify(tradingName),
    (prefix) => tx.supplier.findMany({ where: { slug: { startsWith: prefix } }, select: { slug: true } }),
    RESERVED_SLUGS,
  );
}

function organisationData(input: SupplierProfileInput) {
  return {
    legalName: input.legalName,
    tradingName: input.tradingName,
    staffCount: input.staffCount,
    turnoverPence: penceToDb(input.turnover, "turnover"),
    balanceSheetPence: input.balanceSheet === null ? null : penceToDb(input.balanceSheet, "balanceSheet"),
    declaredSize: input.declaredSize,
    computedSize: computeSupplierSize(input.staffCount, input.turnover, input.balanceSheet),
    region: input.region,
    website: input.website,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    description: input.description,
  };
}

const PROFILE_FIELDS = {
  id: true,
  slug: true,
  legalName: true,
  tradingName: true,
  companyNumber: true,
  staffCount: true,
  turnoverPence: true,
  balanceSheetPence: true,
  declaredSize: true,
  computedSize: true,
  region: true,
  website: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  description: true,
  version: true,
} as const;

// ── registration ─────────────────────────────────────────────────────────

async function findDuplicates(db: Tx, companyNumber: string, email: string) {
  const [company, user] = await Promise.all([
    db.supplier.findUnique({ where: { companyNumber }, select: { id: true } }),
    db.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } }),
  ]);
  return { companyTaken: Boolean(company), emailTaken: Boolean(user) };
}

export type RegistrationDuplicate = { companyTaken: boolean; emailTaken: boolean };

/**
 * Creates the organisation and its first user (role supplier) in one transaction, audits
 * it and queues the organisation for search. A taken company number or email address comes
 * back as `duplicate` for the caller to answer exactly as it answers a success (the page
 * must not say which exists); the password is hashed either way, so the timing is the same.
 */
export async function registerSupplier(
  input: SupplierRegistrationInput,
  context: { ip?: string | null } = {},
): Promise<{ ok: true; userId: string; supplierId: string; slug: string } | { ok: false; duplicate: RegistrationDuplicate }> {
  // bcrypt is slow on purpose: hash outside the transaction so it holds no lock meanwhile.
  const passwordHash = await hashPassword(input.password);
  const before = await findDuplicates(prisma, input.companyNumber, input.email);
  if (before.companyTaken || before.emailTaken) return { ok: false, duplicate: before };
  const at = now();
  try {
    type Outcome =
      | { duplicates: { companyTaken: boolean; emailTaken: boolean } }
      | { duplicates: null; userId: string; supplierId: string; slug: string };
    const created = await prisma.$transaction(async (tx): Promise<Outcome> => {
      const dup = await findDuplicates(tx, input.companyNumber, input.email);
      if (dup.companyTaken || dup.emailTaken) return { duplicates: dup };
      const supplier = profileFromDb(
        await tx.supplier.create({
          data: {
            ...organisationData(input),
            slug: await supplierSlug(tx, input.tradingName),
            companyNumber: input.companyNumber,
            createdAt: at,
          },
          select: PROFILE_FIELDS,
        }),
      );
      const user = await tx.user.create({
        data: {
          email: input.email.toLowerCase(),
          name: input.name,
          passwordHash,
          passwordChangedAt: at,
          createdAt: at,
          supplierId: supplier.id,
          roles: { connect: { name: "supplier" } },
        },
        select: { id: true, email: true },
      });
      await recordAudit(
        { actorId: user.id, action: "supplier.registered", entityType: "supplier", entityId: supplier.id, after: supplier, ip: context.ip },
        tx,
      );
      await recordAudit(
        {
          actorId: user.id,
          action: "user.created",
          entityType: "user",
          entityId: user.id,
          after: { email: user.email, role: "supplier", supplierId: supplier.id },
          ip: context.ip,
        },
        tx,
      );
      await enqueueSearchUpdate(tx, [{ entityType: "supplier", entityId: supplier.id }]);
      return { duplicates: null, userId: user.id, supplierId: supplier.id, slug: supplier.slug };
    });
    if (created.duplicates) return { ok: false, duplicate: created.duplicates };
    await afterCommit();
    return { ok: true, userId: created.userId, supplierId: created.supplierId, slug: created.slug };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Someone registered the same company or email between our check and our insert.
    const dup = await findDuplicates(prisma, input.companyNumber, input.email);
    if (!dup.companyTaken && !dup.emailTaken) throw error;
    return { ok: false, duplicate: dup };
  }
}

/**
 * Mails the new supplier user a one-time link to confirm their email address (the same
 * /verify-email link buyers get, worded for suppliers, on the configured PUBLIC_URL).
 */
export async function sendSupplierVerificationEmail({ userId, email }: { userId: string; email: string }) {
  await sendVerificationEmail({ userId, email, audience: "supplier" });
}

/** Told to whoever registers a company number that is already registered (only their mailbox learns it). */
export async function sendCompanyAlreadyRegisteredEmail(email: string, companyNumber: string) {
  await queueMail({
    to: email,
    template: "company-already-registered",
    data: { companyNumber, contactLink: publicLink("/accessibility") },
  });
}

// ── profile ──────────────────────────────────────────────────────────────

type ProfileRow = Prisma.SupplierGetPayload<{ select: typeof PROFILE_FIELDS }>;

/** The profile with turnover as number pence (see ./pence). */
function profileFromDb(row: ProfileRow) {
  return withPence(row, "turnoverPence", "balanceSheetPence");
}

export async function getSupplierAccount(supplierId: string) {
  const supplier = await prisma.supplier.findUnique({ where: { id: supplierId }, select: PROFILE_FIELDS });
  if (!supplier) return null;
  return { ...profileFromDb(supplier), sme: isSme(supplier.computedSize) };
}

/** The organisation's name for the supplier area's header (app/routes/supplier.tsx). */
export function getSupplierHeader(supplierId: string) {
  return prisma.supplier.findUnique({ where: { id: supplierId }, select: { id: true, tradingName: true } });
}

export type SupplierAccount = NonNullable<Awaited<ReturnType<typeof getSupplierAccount>>>;

/** The saved profile as the profile form's fields: turnover back in pounds text. */
export function profileFormValues(account: SupplierAccount): Record<string, unknown> {
  const { turnoverPence, balanceSheetPence, ...rest } = account;
  return {
    ...rest,
    turnover: turnoverPence === null ? "" : penceToPounds(turnoverPence),
    balanceSheet: balanceSheetPence === null ? "" : penceToPounds(balanceSheetPence),
  };
}

/** Said when the profile changed since the user opened it (the page then shows what differs). */
export const PROFILE_CONFLICT_MESSAGE =
  "Your organisation's profile changed since you opened it: someone else saved it. Compare your changes with the saved details below, then save again to keep yours.";

/**
 * Saves the profile if nobody has changed it since the user opened it (`expectedVersion`),
 * recomputing the size. On a stale edit nothing is written: a conflict (409), and the page
 * reloads the saved profile to show what differs.
 */
export async function updateSupplierProfile(
  input: { supplierId: string; expectedVersion: number; profile: SupplierProfileInput } & Actor,
): Promise<Result<SupplierAccount>> {
  const result = await prisma.$transaction(async (tx): Promise<Result<SupplierAccount>> => {
    const beforeRow = await tx.supplier.findUnique({ where: { id: input.supplierId }, select: PROFILE_FIELDS });
    if (!beforeRow) return notFoundFailure("Your organisation could not be found");
    const before = profileFromDb(beforeRow);
    const { count } = await tx.supplier.updateMany({
      where: { id: input.supplierId, version: input.expectedVersion },
      data: { ...organisationData(input.profile), version: { increment: 1 } },
    });
    if (count === 0) return conflict(PROFILE_CONFLICT_MESSAGE);
    const after = profileFromDb(await tx.supplier.findUniqueOrThrow({ where: { id: input.supplierId }, select: PROFILE_FIELDS }));
    await recordAudit(
      {
        actorId: input.actorId,
        action: "supplier.updated",
        entityType: "supplier",
        entityId: input.supplierId,
        before,
        after,
        ip: input.ip,
      },
      tx,
    );
    await enqueueSearchUpdate(tx, await searchEntriesForSupplier(tx, input.supplierId));
    return ok({ ...after, sme: isSme(after.computedSize) });
  });
  if (result.ok) await afterCommit();
  return result;
}

// ── accreditations ───────────────────────────────────────────────────────

export function listAccreditations(supplierId: string) {
  return prisma.accreditation.findMany({
    where: { supplierId },
    orderBy: [{ expiresAt: "asc" }, { kind: "asc" }],
    select: { id: true, kind: true, certificateNumber: true, expiresAt: true, createdAt: true },
  });
}

export async function addAccreditation(
  input: { supplierId: string; kind: AccreditationKind; certificateNumber: string; expiresAt: Date } & Actor,
  onDate: Date,
): Promise<Result<void>> {
  if (input.expiresAt.getTime() <= Date.UTC(onDate.getUTCFullYear(), onDate.getUTCMonth(), onDate.getUTCDate())) {
    return invalid({ expires: ["Expiry date must be in the future: expired certificates cannot be added"] });
  }
  await prisma.$transaction(async (tx) => {
    const created = await tx.accreditation.create({
      data: {
        supplierId: input.supplierId,
        kind: input.kind,
        certificateNumber: input.certificateNumber,
        expiresAt: input.expiresAt,
        createdAt: onDate,
      },
    });
    await recordAudit(
      {
        actorId: input.actorId,
        action: "accreditation.added",
        entityType: "supplier",
        entityId: input.supplierId,
        after: created,
        ip: input.ip,
      },
      tx,
    );
    await enqueueSearchUpdate(tx, [{ entityType: "supplier", entityId: input.supplierId }]);
  });
  await afterCommit();
  return ok();
}

/** The organisation an accreditation belongs to, for the supplier policy (null if there is none). */
export function getAccreditationOwner(accreditationId: string) {
  return prisma.accreditation.findUnique({ where: { id: accreditationId }, select: { id: true, supplierId: true } });
}

/** Removes one of the organisation's accreditations; the owner check is in the where clause. */
export async function removeAccreditation(input: { supplierId: string; accreditationId: string } & Actor): Promise<Result<void>> {
  const removed = await prisma.$transaction(async (tx) => {
    const before = await tx.accreditation.findFirst({ where: { id: input.accreditationId, supplierId: input.supplierId } });
    if (!before) return false;
    const { count } = await tx.accreditation.deleteMany({ where: { id: before.id, supplierId: input.supplierId } });
    if (count === 0) return false;
    await recordAudit(
      { actorId: input.actorId, action: "accreditation.removed", entityType: "supplier", entityId: input.supplierId, before, ip: input.ip },
      tx,
    );
    await enqueueSearchUpdate(tx, [{ entityType: "supplier", entityId: input.supplierId }]);
    return true;
  });
  if (!removed) return conflict("That accreditation has already been removed");
  await afterCommit();
  return ok();
}

// ── team and invitations ─────────────────────────────────────────────────

export type TeamMemberStatus = "active" | "invited" | "invitation-expired";

export async function listTeam(supplierId: string, at: Date) {
  const users = await prisma.user.findMany({
    where: { supplierId },
    orderBy: [{ createdAt: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      createdAt: true,
      verificationTokens: { where: { purpose: "invitation" }, select: { usedAt: true, expiresAt: true } },
    },
  });
  return users.map(({ verificationTokens: invitations, ...user }) => {
    let status: TeamMemberStatus = "active";
    if (invitations.length && !invitations.some((t) => t.usedAt)) {
      status = invitations.some((t) => t.expiresAt > at) ? "invited" : "invitation-expired";
    }
    return { ...user, status };
  });
}

function newInvitationToken() {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/**
 * Invites a colleague: a user with no usable password (so nobody can sign in as them until
 * they accept), and a one-time link (only its hash is stored) valid for 7 days. Inviting a
 * colleague who has not yet accepted sends a fresh link and cancels the old one.
 */
export async function inviteColleague(
  input: { supplierId: string; email: string; inviterName: string } & Actor,
): Promise<Result<{ link: string | null; resent: boolean }>> {
  const email = input.email.toLowerCase();
  const at = now();
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(at.getTime() + INVITATION_TTL_MS);
  type Outcome = { ok: false; errors: FieldErrors } | { ok: true; supplierName: string; resent: boolean; existingElsewhere?: boolean };
  const result = await prisma.$transaction(async (tx): Promise<Outcome> => {
    const supplier = await tx.supplier.findUnique({ where: { id: input.supplierId }, select: { tradingName: true } });
    if (!supplier) return { ok: false as const, errors: { form: ["Your organisation could not be found"] } };
    const existing = await tx.user.findUnique({
      where: { email },
      select: { id: true, supplierId: true, verificationTokens: { where: { purpose: "invitation" }, select: { usedAt: true } } },
    });
    const pendingHere =
      existing &&
      existing.supplierId === input.supplierId &&
      existing.verificationTokens.length > 0 &&
      !existing.verificationTokens.some((t) => t.usedAt);
    if (existing && existing.supplierId === input.supplierId && !pendingHere) {
      return { ok: false as const, errors: { email: ["This person is already in your team"] } };
    }
    if (existing && !pendingHere) {
      // An account elsewhere (another organisation, a council, an administrator): the inviter
      // is told what they would be told for anyone; the holder gets an email instead.
      await recordAudit(
        {
          actorId: input.actorId,
          action: "user.invitation-for-existing-account",
          entityType: "supplier",
          entityId: input.supplierId,
          after: { email },
          ip: input.ip,
        },
        tx,
      );
      return { ok: true as const, supplierName: supplier.tradingName, resent: false, existingElsewhere: true };
    }
    let userId: string;
    if (existing) {
      userId = existing.id;
      await tx.verificationToken.deleteMany({ where: { userId, purpose: "invitation", usedAt: null } });
    } else {
      const user = await tx.user.create({
        data: {
          email,
          name: email,
          // Not a bcrypt hash, so no password ever matches it.
          passwordHash: `!invitation-pending:${crypto.randomBytes(32).toString("hex")}`,
          supplierId: input.supplierId,
          createdAt: at,
          roles: { connect: { name: "supplier" } },
        },
        select: { id: true },
      });
      userId = user.id;
    }
    await tx.verificationToken.create({ data: { userId, purpose: "invitation", tokenHash, expiresAt, createdAt: at } });
    await recordAudit(
      {
        actorId: input.actorId,
        action: "user.invited",
        entityType: "user",
        entityId: userId,
        after: { email, supplierId: input.supplierId, role: "supplier", expiresAt, resent: Boolean(existing) },
        ip: input.ip,
      },
      tx,
    );
    return { ok: true as const, supplierName: supplier.tradingName, resent: Boolean(existing) };
  });
  if (!result.ok) return invalid(result.errors);
  if (result.existingElsewhere) {
    await sendAccountExistsEmail(email, `invite you to join ${result.supplierName}`);
    return ok({ link: null, resent: false });
  }
  const link = publicLink(`/invitations/${token}`);
  await queueMail({
    to: email,
    template: "supplier-invitation",
    data: { inviterName: input.inviterName, supplierName: result.supplierName, link },
  });
  return ok({ link, resent: result.resent });
}

async function findLiveInvitation(token: string, at: Date) {
  if (!token || token.length > 100) return null;
  const row = await prisma.verificationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      purpose: true,
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, email: true, supplier: { select: { tradingName: true } }, council: { select: { name: true } } } },
    },
  });
  if (!row || row.purpose !== "invitation" || row.usedAt || row.expiresAt <= at) return null;
  return row;
}

export async function getInvitation(token: string, at: Date) {
  const row = await findLiveInvitation(token, at);
  if (!row) return null;
  // A council officer's invitation comes from an approved access request (app/models/access-request.server.ts).
  return {
    email: row.user.email,
    supplierName: row.user.supplier?.tradingName ?? row.user.council?.name ?? "your organisation",
    forCouncil: Boolean(row.user.council),
    expiresAt: row.expiresAt,
  };
}

/**
 * Accepts an invitation: sets the name and password, marks the email verified (the link
 * proved it) and uses up the token, all or nothing. Returns null if the link is not live.
 */
export async function acceptInvitation(input: { token: string; name: string; password: string; ip?: string | null }, at: Date) {
  const row = await findLiveInvitation(input.token, at);
  if (!row) return null;
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    // Compare-and-set on usedAt: a link clicked twice at once is accepted only once.
    const { count } = await tx.verificationToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: at } });
    if (count === 0) return null;
    const user = await tx.user.update({
      where: { id: row.user.id },
      data: { name: input.name, passwordHash, passwordChangedAt: at, emailVerifiedAt: at },
      select: { id: true, email: true, supplierId: true },
    });
    await recordAudit(
      {
        actorId: user.id,
        action: "user.invitation-accepted",
        entityType: "user",
        entityId: user.id,
        after: { email: user.email, name: input.name, supplierId: user.supplierId },
        ip: input.ip,
      },
      tx,
    );
    return { userId: user.id };
  });
}
