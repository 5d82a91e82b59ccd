// Expiry warnings (issue 15): a council's buyers hear when an agreement or lot it has a buying
// project or award on comes within 90 days of its end, and again on the day it ends, naming
// the successor agreement where one is recorded; a supplier's people hear the same for their
// own lot awards, and for accreditations lapsing within 30 days. Each warning reaches each
// person once (dedupe key: stage, subject, end date, person), whichever runner gets there first.
import { agreementSlugOf } from "~/models/project.schema";
import { notifyOnce } from "~/models/notifications.server";
import {
  ACCREDITATION_WARNING_DAYS,
  AGREEMENT_WARNING_DAYS,
  daysLeft,
  warningStage,
  type WarningStage,
} from "~/procurement/expiry-warnings";
import { toIsoDate } from "~/procurement/dates";
import { ACCREDITATION_LABELS, formatDate } from "~/utils/format";
import { prisma } from "~/utils/db.server";
import { publicOrigin } from "~/utils/env.server";

export const EXPIRY_WARNING_TEMPLATE = "expiry-warning";

interface Subject {
  /** "agreement:<id>", "lot:<id>" or "accreditation:<id>" */
  key: string;
  /** "G-Cloud 14 (RM1557.14)", "G-Cloud 14 lot 2 (Cloud software)", "Cyber Essentials certificate" */
  label: string;
  endDate: Date;
  windowDays: number;
  successors: string[];
  path: string;
}

interface AgreementRow {
  id: string;
  number: string;
  shortName: string;
  endDate: Date | null;
  replacedBy: string;
  lots: { id: string; number: string; name: string; endDate: Date | null }[];
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

function successorNames(agreement: AgreementRow, byNumber: Map<string, AgreementRow>): string[] {
  let numbers: unknown;
  try {
    numbers = JSON.parse(agreement.replacedBy);
  } catch {
    numbers = [];
  }
  if (!Array.isArray(numbers)) return [];
  return numbers
    .filter((n): n is string => typeof n === "string")
    .map((n) => {
      const next = byNumber.get(n);
      return next ? `${next.shortName} (${next.number})` : n;
    });
}

function agreementSubject(a: AgreementRow, byNumber: Map<string, AgreementRow>): Subject | null {
  if (!a.endDate) return null;
  return {
    key: `agreement:${a.id}`,
    label: `${a.shortName} (${a.number})`,
    endDate: a.endDate,
    windowDays: AGREEMENT_WARNING_DAYS,
    successors: successorNames(a, byNumber),
    path: `/frameworks/${a.number}`,
  };
}

/** A lot that ends with its agreement is warned about as the agreement; one that ends earlier, on its own. */
function lotSubject(a: AgreementRow, lot: AgreementRow["lots"][number], byNumber: Map<string, AgreementRow>): Subject | null {
  const end = earliest(a.endDate, lot.endDate);
  if (!end) return null;
  if (!lot.endDate || (a.endDate && lot.endDate >= a.endDate)) return agreementSubject(a, byNumber);
  return {
    key: `lot:${lot.id}`,
    label: `${a.shortName} lot ${lot.number} (${lot.name})`,
    endDate: end,
    windowDays: AGREEMENT_WARNING_DAYS,
    successors: successorNames(a, byNumber),
    path: `/frameworks/${a.number}`,
  };
}

function message(subject: Subject, stage: WarningStage, today: Date, why: string): string {
  const left = daysLeft(subject.endDate, today);
  const when =
    stage === "soon"
      ? `ends on ${formatDate(subject.endDate)}, in ${left} ${left === 1 ? "day" : "days"}`
      : left === 0
        ? `ends today (${formatDate(subject.endDate)})`
        : `ended on ${formatDate(subject.endDate)}`;
  const successor = subject.successors.length ? ` It is replaced by ${subject.successors.join(" and ")}.` : "";
  return `${subject.label} ${when}. ${why}${successor}`;
}

interface Audience {
  /** Who is told: their user ids and addresses. */
  users: { id: string; email: string; name: string }[];
  why: string;
}

async function warn(subject: Subject, audience: Audience, today: Date): Promise<number> {
  const stage = warningStage(subject.endDate, today, subject.windowDays);
  if (!stage) return 0;
  const text = message(subject, stage, today, audience.why);
  const origin = publicOrigin();
  const endIso = toIsoDate(subject.endDate);
  let sent = 0;
  for (const user of audience.users) {
    const wrote = await notifyOnce(
      {
        userId: user.id,
        kind: "expiry",
        message: text,
        link: subject.path,
        dedupeKey: `expiry:${stage}:${subject.key}:${endIso}:user:${user.id}`,
      },
      {
        to: user.email,
        template: EXPIRY_WARNING_TEMPLATE,
        data: {
          recipientName: user.name,
          kind: subject.key.startsWith("accreditation:") ? "accreditation" : "agreement",
          subject: subject.label,
          stage,
          endDate: formatDate(subject.endDate),
          daysLeft: daysLeft(subject.endDate, today),
          message: text,
          successors: subject.successors,
          url: `${origin}${subject.path}`,
          notificationsUrl: `${origin}/account/notifications`,
        },
      },
    );
    if (wrote) sent++;
  }
  return sent;
}

// Confirmed addresses of people who can still sign in.
const ACTIVE = { emailVerifiedAt: { not: null }, deactivatedAt: null } as const;

/** Sends every warning due on `today` that has not been sent; returns how many people were told. */
export async function sendExpiryWarnings(today: Date): Promise<{ councils: number; suppliers: number; accreditations: number }> {
  const agreements: AgreementRow[] = await prisma.agreement.findMany({
    select: {
      id: true,
      number: true,
      shortName: true,
      endDate: true,
      replacedBy: true,
      lots: { select: { id: true, number: true, name: true, endDate: true } },
    },
  });
  const byNumber = new Map(agreements.map((a) => [a.number, a]));
  const bySlug = new Map((await prisma.agreement.findMany({ select: { id: true, slug: true } })).map((a) => [a.slug, a.id]));
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const lotOwner = new Map(agreements.flatMap((a) => a.lots.map((l) => [l.id, { agreement: a, lot: l }] as const)));
  const subjectOfLot = (lotId: string) => {
    const found = lotOwner.get(lotId);
    return found ? lotSubject(found.agreement, found.lot, byNumber) : null;
  };

  // Councils: the agreement a project's route uses, and the lots of the listing it awarded.
  const councilSubjects = new Map<string, Map<string, Subject>>();
  const add = (map: Map<string, Map<string, Subject>>, owner: string, subject: Subject | null) => {
    if (!subject || !warningStage(subject.endDate, today, subject.windowDays)) return;
    if (!map.has(owner)) map.set(owner, new Map());
    map.get(owner)!.set(subject.key, subject);
  };
  const projects = await prisma.buyingProject.findMany({
    where: { status: { not: "cancelled" } },
    select: { councilId: true, routeId: true },
  });
  for (const p of projects) {
    const slug = agreementSlugOf(p.routeId);
    const agreement = slug ? byId.get(bySlug.get(slug) ?? "") : undefined;
    if (agreement) add(councilSubjects, p.councilId, agreementSubject(agreement, byNumber));
  }
  const awarded = await prisma.projectOutcome.findMany({
    where: { kind: "awarded", productVersionId: { not: null } },
    select: { project: { select: { councilId: true } }, productVersion: { select: { lots: { select: { lotId: true } } } } },
  });
  for (const o of awarded) for (const l of o.productVersion?.lots ?? []) add(councilSubjects, o.project.councilId, subjectOfLot(l.lotId));

  let councils = 0;
  for (const [councilId, subjects] of councilSubjects) {
    const users = await prisma.user.findMany({
      where: { councilId, ...ACTIVE, roles: { some: { name: "buyer" } } },
      select: { id: true, email: true, name: true },
    });
    for (const subject of subjects.values())
      councils += await warn(subject, { users, why: "Your council has a buying project or an award on it." }, today);
  }

  // Suppliers: their own lot awards.
  const supplierSubjects = new Map<string, Map<string, Subject>>();
  const awards = await prisma.lotAward.findMany({ select: { supplierId: true, lotId: true } });
  for (const a of awards) add(supplierSubjects, a.supplierId, subjectOfLot(a.lotId));
  const supplierUsers = async (supplierId: string) =>
    prisma.user.findMany({ where: { supplierId, ...ACTIVE }, select: { id: true, email: true, name: true } });
  let suppliers = 0;
  for (const [supplierId, subjects] of supplierSubjects) {
    const users = await supplierUsers(supplierId);
    for (const subject of subjects.values())
      suppliers += await warn(
        subject,
        { users, why: "Your organisation has an award on it: listings only on it are not shown once it has ended." },
        today,
      );
  }

  // Accreditations lapsing within 30 days (and on the day they lapse).
  const horizon = new Date(today.getTime() + (ACCREDITATION_WARNING_DAYS + 1) * 86_400_000);
  const accreditations = await prisma.accreditation.findMany({
    where: { expiresAt: { not: null, lte: horizon } },
    select: { id: true, kind: true, certificateNumber: true, expiresAt: true, supplierId: true },
  });
  let lapsing = 0;
  for (const a of accreditations) {
    const label = `Your ${ACCREDITATION_LABELS[a.kind] ?? a.kind} certificate${a.certificateNumber ? ` ${a.certificateNumber}` : ""}`;
    const subject: Subject = {
      key: `accreditation:${a.id}`,
      label,
      endDate: a.expiresAt!,
      windowDays: ACCREDITATION_WARNING_DAYS,
      successors: [],
      path: "/supplier/accreditations",
    };
    lapsing += await warn(subject, { users: await supplierUsers(a.supplierId), why: "Renew it and record the new certificate." }, today);
  }
  return { councils, suppliers, accreditations: lapsing };
}
