// The audit log as CSV, with the same filters as /admin/audit (issue 15).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditFilterSchema, auditLogCsv } from "~/models/audit-log.server";
import { now } from "~/utils/clock.server";
import { parseWithSchema } from "~/utils/forms";
import { requireUserWithPermission } from "~/auth/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:audit:any");
  const params = new URL(request.url).searchParams;
  const raw = Object.fromEntries(
    ["who", "what", "object", "from", "to"].map((f) => [f, (params.get(f) ?? "").slice(0, 200)]).filter(([, v]) => v !== ""),
  );
  const parsed = parseWithSchema(auditFilterSchema, raw);
  if (!parsed.success) {
    const message = Object.values(parsed.errors).flat().join("; ");
    return new Response(`The filters are not valid: ${message}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const csv = await auditLogCsv(parsed.data);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${now().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
