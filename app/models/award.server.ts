// Framework awards: a supplier declares the lot it won; an admin verifies (or rejects) it.
// Only verified awards on lots open for new call-offs can carry a listing.
import { prisma, type Prisma, type Tx } from "~/utils/db.server";
import { toIsoDate } from "~/procurement/dates";
import { isOpenForNewCallOffs, lotStatus, type FrameworkStatus } from "~/procurement/framework-status";
import { recordAudit } from "./audit.server";
import { enqueueSearchUpdate } from "./search-outbox.server";
import { afterCommit } from "~/utils/after-commit.server";
import { conflict, invalid, ok, type Result } from "~/utils/result";
import { isUniqueViolation, searchEntriesForSupplier } from "./supplier-account.server";

type LotAward = Prisma.LotAwardGetPayload<object>;

type Dated = { startDate: Date | null; endDate: Date | null };

function iso(d: Date | null) {
  return d ? toIsoDate(d) : null;
}

/** A lot's status on a date: its own dates bounded by its agreement's. */
export function statusOfLot(agreement: Dated, lot: Dated, onDate: Date): FrameworkStatus {
  return lotStatus(
    { startDate: iso(agreement.startDate), endDate: iso(agreement.endDate) },
    { startDate: iso(lot.startDate) ?? undefined, endDate: iso(lot.endDate) ?? undefined },
    onDate,
  );
}

function lotLabel(agreement: { shortName: string; number: string }, lot: { number: string; name: string }) {
  return `${agreement.shortName} (${agreement.number}) lot ${lot.number}: ${lot.name}`;
}

const DECLARABLE: FrameworkStatus[] = ["live", "expiring", "upcoming"];

const lotWithAgreement = {
  include: { agreement: { select: { number: true, shortName: true, startDate: true, endDate: true } } },
} as const;

/**
 * The lots a supplier may list products on: its verified awards whose agreement and lot
 * are live or expiring on `onDate`. Used by the listing form, and re-checked inside the
 * submit and approve transactions (pass their `db`).
 */
export async function listListableLots(
  supplierId: string,
  onDate: Date,
  db: Tx = prisma,
): Promise<{ id: string; label: string; agreementNumber: string; lotNumber: string }[]> {
  const awards = await db.lotAward.findMany({
    where: { supplierId, verified: true },
    include: { lot: lotWithAgreement },
  });
  return awards
    .filter((a) => isOpenForNewCallOffs(statusOfLot(a.lot.agreement, a.lot, onDate)))
    .map((a) => ({
      id: a.lot.id,
      label: lotLabel(a.lot.agreement, a.lot),
      agreementNumber: a.lot.agreement.number,
      lotNumber: a.lot.number,
    }))
    .sort((x, y) => x.agreementNumber.localeCompare(y.agreementNumber) || x.lotNumber.localeCompare(y.lotNumber, "en", { numeric: true }));
}

/** Lots a supplier can declare an award on: agreements and lots that are live, expiring or upcoming. */
export async function listDeclarableLots(onDate: Date) {
  const lots = await prisma.lot.findMany({
    include: lotWithAgreement.include,
    orderBy: [{ agreement: { number: "asc" } }, { number: "asc" }],
  });
  return lots
    .map((lot) => ({ lot, status: statusOfLot(lot.agreement, lot, onDate) }))
    .filter(({ status }) => DECLARABLE.includes(status))
    .map(({ lot, status }) => ({ id: lot.id, label: lotLabel(lot.agreement, lot), status }));
}

export async function listSupplierAwards(supplierId: string, onDate: Date) {
  const awards = await prisma.lotAward.findMany({
    where: { supplierId },
    include: { lot: lotWithAgreement },
    orderBy: [{ verified: "asc" }, { awardedAt: "desc" }],
  });
  return awards.map((a) => ({
    id: a.id,
    lotId: a.lotId,
    reference: a.reference,
    awardedAt: a.awardedAt,
    verified: a.verified,
    verifiedAt: a.verifiedAt,
    lotLabel: lotLabel(a.lot.agreement, a.lot),
    agreementNumber: a.lot.agreement.number,
    status: statusOfLot(a.lot.agreement, a.lot, onDate),
  }));
}

export function getAwardOwner(awardId: string) {
  return prisma.lotAward.findUnique({ where: { id: awardId }, select: { id: true, supplierId: true } });
}

type Actor = { actorId: string; ip?: string | null };

export async function declareAward(
  input: { supplierId: string; lotId: string; awardedAt: Date; reference: string } & Actor,
  onDate: Date,
): Promise<Result<{ awardId: string }>> {
  const lot = await prisma.lot.findUnique({ where: { id: input.lotId }, include: lotWithAgreement.include });
  if (!lot || !DECLARABLE.includes(statusOfLot(lot.agreement, lot, onDate))) {
    return invalid({ lotId: ["Select a lot on a framework that is live, expiring or upcoming"] });
  }
  if (toIsoDate(input.awardedAt) > toIsoDate(onDate)) {
    return invalid({ awarded: ["Award date must be today or in the past"] });
  }
  const duplicate = invalid({ lotId: [`You have already declared an award on ${lotLabel(lot.agreement, lot)}`] });
  try {
    const award = await prisma.$transaction(async (tx) => {
      const existing = await tx.lotAward.findUnique({ where: { supplierId_lotId: { supplierId: input.supplierId, lotId: input.lotId } } });
      if (existing) return null;
      const created = await tx.lotAward.create({
        data: {
          supplierId: input.supplierId,
          lotId: input.lotId,
          awardedAt: input.awardedAt,
          reference: input.reference,
          createdAt: onDate,
        },
      });
      await recordAudit(
        {
          actorId: input.actorId,
          action: "award.declared",
          entityType: "award",
          entityId: created.id,
          after: {
            supplierId: input.supplierId,
            lotId: input.lotId,
            lot: lotLabel(lot.agreement, lot),
            reference: input.reference,
            awardedAt: toIsoDate(input.awardedAt),
          },
          ip: input.ip,
        },
        tx,
      );
      return created;
    });
    if (!award) return duplicate;
    return ok({ awardId: award.id });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}

/** A supplier may withdraw a declaration that is still waiting for verification. */
export async function withdrawAward(input: { supplierId: string; awardId: string } & Actor): Promise<Result<void>> {
  return prisma.$transaction(async (tx) => {
    const award = await tx.lotAward.findFirst({ where: { id: input.awardId, supplierId: input.supplierId } });
    if (!award) return conflict("That award has already been withdrawn or rejected");
    if (award.verified) return conflict("A verified award cannot be withdrawn here. Contact the portal administrators");
    const { count } = await tx.lotAward.deleteMany({ where: { id: award.id, verified: false } });
    if (count === 0) return conflict("That award was verified or removed while you were looking at it");
    await recordAudit(
      { actorId: input.actorId, action: "award.withdrawn", entityType: "award", entityId: award.id, before: award, ip: input.ip },
      tx,
    );
    return ok();
  });
}

// ── admin verification ───────────────────────────────────────────────────

type AwardWithLot = LotAward & { lot: Prisma.LotGetPayload<typeof lotWithAgreement> };

/** A declared award as the admin's verification pages show it. */
function awardToVerify<S>(a: AwardWithLot & { supplier: S }, onDate: Date) {
  return {
    id: a.id,
    reference: a.reference,
    awardedAt: a.awardedAt,
    supplier: a.supplier,
    lotLabel: lotLabel(a.lot.agreement, a.lot),
    status: statusOfLot(a.lot.agreement, a.lot, onDate),
  };
}

export async function listUnverifiedAwards(onDate: Date) {
  const awards = await prisma.lotAward.findMany({
    where: { verified: false },
    include: {
      lot: lotWithAgreement,
      supplier: { select: { id: true, slug: true, tradingName: true, companyNumber: true, computedSize: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  return awards.map((a) => ({ ...awardToVerify(a, onDate), declaredAt: a.createdAt }));
}

export function countUnverifiedAwards() {
  return prisma.lotAward.count({ where: { verified: false } });
}

const ALREADY_DECIDED = "That award has already been verified, rejected or withdrawn";

/**
 * An admin's decision on a declared award, in one transaction: `decide` changes the award only
 * while it is still unverified (compare-and-set: two admins deciding at once, or a withdrawal in
 * between, change nothing twice) and says what the audit entry records after it; the supplier's
 * listings are then queued for search.
 */
async function decideAward(
  input: { awardId: string } & Actor,
  action: "award.verified" | "award.rejected",
  decide: (tx: Tx, award: LotAward) => Promise<{ count: number; after: unknown }>,
): Promise<Result<{ supplierName: string }>> {
  const result = await prisma.$transaction(async (tx): Promise<Result<{ supplierName: string }>> => {
    const award = await tx.lotAward.findUnique({ where: { id: input.awardId }, include: { supplier: { select: { tradingName: true } } } });
    if (!award) return conflict(ALREADY_DECIDED);
    const { supplier, ...before } = award;
    const { count, after } = await decide(tx, before);
    if (count === 0) return conflict(ALREADY_DECIDED);
    await recordAudit({ actorId: input.actorId, action, entityType: "award", entityId: award.id, before, after, ip: input.ip }, tx);
    await enqueueSearchUpdate(tx, await searchEntriesForSupplier(tx, award.supplierId));
    return ok({ supplierName: supplier.tradingName });
  });
  if (result.ok) await afterCommit();
  return result;
}

export async function verifyAward(input: { awardId: string } & Actor, at: Date): Promise<Result<{ supplierName: string }>> {
  return decideAward(input, "award.verified", async (tx, award) => {
    const verified = { verified: true, verifiedAt: at, verifiedById: input.actorId };
    const { count } = await tx.lotAward.updateMany({ where: { id: award.id, verified: false }, data: verified });
    return { count, after: { ...award, ...verified } };
  });
}

export async function rejectAward(input: { awardId: string; reason: string } & Actor): Promise<Result<{ supplierName: string }>> {
  return decideAward(input, "award.rejected", async (tx, award) => {
    const { count } = await tx.lotAward.deleteMany({ where: { id: award.id, verified: false } });
    return { count, after: { reason: input.reason } };
  });
}

export async function getUnverifiedAward(awardId: string, onDate: Date) {
  const a = await prisma.lotAward.findFirst({
    where: { id: awardId, verified: false },
    include: { lot: lotWithAgreement, supplier: { select: { id: true, slug: true, tradingName: true } } },
  });
  return a ? awardToVerify(a, onDate) : null;
}
