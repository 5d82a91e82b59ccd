// Which council an email address belongs to (sign-up), and the admins' list of council email
// domains (issue 15). A domain may serve more than one council (shared services): whoever signs
// up on it chooses which. Writes return a Result and are audited in the same transaction.
import { prisma } from "~/utils/db.server";
import { invalid, notFoundFailure, ok, type Result } from "~/utils/result";
import { recordAudit } from "./audit.server";

export function emailDomainOf(email: string): string {
  return email.split("@")[1]?.trim().toLowerCase() ?? "";
}

/** The councils whose staff use this email domain, by name (usually one; two or more for a shared domain). */
export async function findCouncilsForEmailDomain(domain: string) {
  const rows = await prisma.councilDomain.findMany({
    where: { domain: domain.toLowerCase(), councilId: { not: null } },
    select: { council: { select: { id: true, code: true, name: true } } },
  });
  return rows.flatMap((r) => (r.council ? [r.council] : [])).sort((a, b) => a.name.localeCompare(b.name));
}

/** Domains that more than one council uses, with those councils: the sign-up page offers the choice. */
export async function listSharedCouncilDomains(): Promise<Record<string, { code: string; name: string }[]>> {
  const shared = await prisma.councilDomain.groupBy({
    by: ["domain"],
    where: { councilId: { not: null } },
    _count: { _all: true },
    having: { domain: { _count: { gt: 1 } } },
  });
  if (shared.length === 0) return {};
  const rows = await prisma.councilDomain.findMany({
    where: { domain: { in: shared.map((s) => s.domain) }, councilId: { not: null } },
    select: { domain: true, council: { select: { code: true, name: true } } },
  });
  const out: Record<string, { code: string; name: string }[]> = {};
  for (const r of rows) if (r.council) (out[r.domain] ??= []).push(r.council);
  for (const list of Object.values(out)) list.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

export function listCouncilDomains() {
  return prisma.councilDomain.findMany({ orderBy: { domain: "asc" }, include: { council: { select: { code: true, name: true } } } });
}

export async function addCouncilDomain({
  domain,
  councilCode,
  actorId,
  ip,
}: {
  domain: string;
  councilCode: string;
  actorId: string;
  ip?: string;
}): Promise<Result<{ domain: string }>> {
  const council = await prisma.council.findUnique({ where: { code: councilCode }, select: { id: true } });
  if (!council) return invalid({ councilCode: ["Select a council from the list"] });
  if (await prisma.councilDomain.findFirst({ where: { domain, councilId: council.id } }))
    return invalid({ domain: ["That domain is already on the list for that council"] });
  await prisma.$transaction(async (tx) => {
    const row = await tx.councilDomain.create({ data: { domain, councilId: council.id } });
    await recordAudit(
      { actorId, action: "council-domain.added", entityType: "council-domain", entityId: row.id, after: { domain, councilCode }, ip },
      tx,
    );
  });
  return ok({ domain });
}

export async function removeCouncilDomain({ id, actorId, ip }: { id: string; actorId: string; ip?: string }): Promise<Result<void>> {
  const removed = await prisma.$transaction(async (tx) => {
    const row = await tx.councilDomain.findUnique({ where: { id } });
    if (!row) return false;
    // Conditional: of two admins removing it at once, one removes it and the other is told.
    const { count } = await tx.councilDomain.deleteMany({ where: { id } });
    if (count === 0) return false;
    await recordAudit(
      { actorId, action: "council-domain.removed", entityType: "council-domain", entityId: id, before: { domain: row.domain }, ip },
      tx,
    );
    return true;
  });
  return removed ? ok() : notFoundFailure("That domain is no longer on the list");
}
