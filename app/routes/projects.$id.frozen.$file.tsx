// /projects/:id/frozen/:frozenId.csv – the frozen search as CSV (resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/auth/project-policy.server";
import { frozenSearchCsv } from "~/models/project-export";
import { getFrozenSearch } from "~/models/project.server";
import { presentFrozenSearch } from "~/models/project-presenter";
import { recordAudit } from "~/models/audit.server";
import { clientIp, notFound } from "~/utils/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, projectId } = await requireProjectAccess(request, params.id, "read");
  const file = String(params.file ?? "");
  if (!file.endsWith(".csv")) throw notFound();
  const frozen = await getFrozenSearch(projectId, file.slice(0, -4).slice(0, 60));
  if (!frozen) throw notFound("Frozen search not found");
  await recordAudit({
    actorId: user.id,
    action: "project.frozen-search-exported",
    entityType: "project",
    entityId: projectId,
    after: { frozenSearchId: frozen.id, format: "csv" },
    ip: clientIp(context as { ip?: string }, request),
  });
  const stamp = frozen.frozenAt.toISOString().slice(0, 16).replace(/[-:]/g, "").replace("T", "-");
  const csv = frozenSearchCsv({ council: frozen.project.council.name, project: frozen.project.title, search: presentFrozenSearch(frozen) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="frozen-search-${stamp}-${frozen.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
