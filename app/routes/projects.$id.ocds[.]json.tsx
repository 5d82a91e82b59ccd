// /projects/:id/ocds.json – the award as an OCDS 1.1 release (resource route).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/auth/project-policy.server";
import { ocdsAwardRelease } from "~/models/project-export";
import { getProjectAward } from "~/models/project.server";
import { getEnv } from "~/utils/env.server";
import { recordAudit } from "~/models/audit.server";
import { clientIp, notFound } from "~/utils/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, projectId } = await requireProjectAccess(request, params.id, "read");
  const award = await getProjectAward(projectId);
  const release = award ? ocdsAwardRelease(award, getEnv().OCID_PREFIX) : null;
  if (!release) throw notFound("This project has no award to publish yet.");
  await recordAudit({
    actorId: user.id,
    action: "project.award-exported",
    entityType: "project",
    entityId: projectId,
    after: { format: "ocds", ocid: release.ocid },
    ip: clientIp(context as { ip?: string }, request),
  });
  return new Response(JSON.stringify(release, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${release.ocid}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
