// The audit log for administrators (issue 15): every event, filtered by who did it, what was
// done, which object it was done to and when; the same filters give the CSV export.
import { z } from "zod";
import { prisma } from "~/utils/db.server";
import { auditActionField } from "./audit-actions";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date like 2026-11-23")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Enter a real date")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const auditFilterSchema = z
  .object({
    who: z.string().trim().max(200).optional().default(""),
    what: auditActionField,
    object: z.string().trim().max(200).optional().default(""),
    from: day,
    to: day,
    page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to)
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: "The end date must be on or after the start date" });
  });

export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

function whereFor(filter: AuditFilter) {
  const who = filter.who.toLowerCase();
  // "object" is an id, a type ("project"), or "type:id".
  const [objectType, objectId] = filter.object.includes(":") ? filter.object.split(":", 2) : [null, null];
  return {
    ...(who ? (who === "system" ? { actorId: null } : { actor: { OR: [{ email: { contains: who } }, { id: filter.who }] } }) : {}),
    // One action: itself, or with a detail after a colon (product.section-saved:about); never a longer code it begins.
    ...(filter.what ? { AND: [{ OR: [{ action: filter.what }, { action: { startsWith: `${filter.what}:` } }] }] } : {}),
    ...(filter.object
      ? objectType
        ? { entityType: objectType, entityId: objectId }
        : { OR: [{ entityId: filter.object }, { entityType: filter.object }] }
      : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            // Up to the end of the "to" day.
            ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

const auditSelect = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  ip: true,
  actor: { select: { id: true, email: true, name: true } },
} as const;

export async function listAuditLog(filter: AuditFilter) {
  const where = whereFor(filter);
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: AUDIT_PAGE_SIZE,
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      select: auditSelect,
    }),
    prisma.auditEvent.count({ where }),
  ]);
  return { events, total };
}

function csvCell(value: string): string {
  // A leading = + - @ would be a formula in a spreadsheet: quote it with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function auditLogCsv(filter: AuditFilter): Promise<string> {
  const events = await prisma.auditEvent.findMany({
    where: whereFor(filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_EXPORT_LIMIT,
    select: auditSelect,
  });
  const header = ["time", "actor_email", "actor_id", "action", "object_type", "object_id", "before", "after", "ip"];
  const lines = events.map((e) =>
    [
      e.createdAt.toISOString(),
      e.actor?.email ?? "",
      e.actor?.id ?? "",
      e.action,
      e.entityType,
      e.entityId ?? "",
      e.before ?? "",
      e.after ?? "",
      e.ip ?? "",
    ]
      .map(csvCell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
