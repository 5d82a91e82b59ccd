// /projects/:id/ocds.json – the award as an OCDS 1.1 release (resource route). A changed outcome
// is a new release ("awardUpdate", with amendments); ?releases=all gives every release as a package.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireProjectAccess } from "~/auth/project-policy.server";
import { ocdsAwardRelease, ocdsReleasePackage } from "~/models/project-export";
import { describeRoute, getOutcomeRevisions, getProjectAward } from "~/models/project.server";
import { presentOutcome } from "~/models/project-presenter";
import { listApprovals } from "~/models/project-approval.server";
import { listParticipants, withParticipantBuyers } from "~/models/project-participants.server";
import { getEnv } from "~/utils/env.server";
import { now } from "~/utils/clock.server";
import { recordAudit } from "~/models/audit.server";
import { clientIp, notFound } from "~/utils/http.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, projectId } = await requireProjectAccess(request, params.id, "read");
  const [award, revisions, approvals, participants] = await Promise.all([
    getProjectAward(projectId),
    getOutcomeRevisions(projectId),
    listApprovals(projectId),
    listParticipants(projectId),
  ]);
  if (!award) throw notFound("This project has no award to publish yet.");
  const route = await describeRoute(award.project.routeId);
  const prefix = getEnv().OCID_PREFIX;
  // Every revision as the record presents it (value, product, dates, award decision), so the release says what the pages say.
  const outcomes = revisions.map((r) => ({ ...presentOutcome(r, approvals), productVersion: r.productVersion }));
  const project = { ...award.project, route: route.label };
  // One release per awarded revision, each amending the outcomes before it.
  const releases = outcomes
    .map((outcome, i) => ocdsAwardRelease({ project, outcome, agreement: award.agreement }, prefix, outcomes.slice(0, i)))
    .filter((r): r is NonNullable<typeof r> => r !== null)
    // Joint buying: every accepted participant is a party with the role "buyer".
    .map((r) => withParticipantBuyers(r, participants));
  const current = award.project.outcome ? releases.find((r) => r.id.endsWith(`-rev${award.project.outcome!.revision}`)) : undefined;
  if (!current) throw notFound("This project has no award to publish yet.");
  const all = new URL(request.url).searchParams.get("releases") === "all";
  await recordAudit({
    actorId: user.id,
    action: "project.award-exported",
    entityType: "project",
    entityId: projectId,
    after: { format: all ? "ocds-package" : "ocds", ocid: current.ocid, releaseId: current.id },
    ip: clientIp(context as { ip?: string }, request),
  });
  const body = all ? ocdsReleasePackage(releases, now(), award.project.council.officialName) : current;
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${current.ocid}${all ? "-releases" : ""}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
