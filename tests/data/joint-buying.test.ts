// Issue 16 item 4, joint buying: Brighton and Hove (the lead) invites Leeds with a share of the
// estimated value; a confirmed Leeds buyer accepts once; Leeds then reads the project and its
// history but changes nothing; the shares stay within the whole and freeze with the search; the
// award makes a private contract for each council (Leeds's for its share) and a later outcome
// that is not an award withdraws both; the OCDS export names Leeds as a buyer. Everything goes
// through the route loaders and actions.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { validateOcdsRelease } from "../support/ocds-schema";

useTestDatabase();

type RouteModule = {
  loader?: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
  action?: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
};

const ROUTES = {
  newProject: () => import("~/routes/projects.new"),
  overview: () => import("~/routes/projects.$id._index"),
  participants: () => import("~/routes/projects.$id.participants"),
  invitation: () => import("~/routes/joint-invitations.$id"),
  history: () => import("~/routes/projects.$id.history"),
  search: () => import("~/routes/projects.$id.search"),
  freeze: () => import("~/routes/projects.$id.freeze"),
  shortlist: () => import("~/routes/projects.$id.shortlist"),
  evaluation: () => import("~/routes/projects.$id.evaluation"),
  outcome: () => import("~/routes/projects.$id.outcome"),
  ocds: () => import("~/routes/projects.$id.ocds[.]json"),
  contract: () => import("~/routes/contracts.$id"),
} as const;

async function call(
  route: keyof typeof ROUTES,
  kind: "loader" | "action",
  path: string,
  { cookie, form, params = {} }: { cookie?: string; form?: Record<string, string | string[]>; params?: Record<string, string> } = {},
): Promise<Response> {
  const mod = (await ROUTES[route]()) as RouteModule;
  const fn = mod[kind];
  if (!fn) throw new Error(`${route} has no ${kind}`);
  const request = makeRequest(path, { cookie, form: kind === "action" ? (form ?? {}) : undefined });
  return responseOf(() => fn({ request, params, context }));
}

const json = async <T = Record<string, any>>(res: Response): Promise<T> => (await res.json()) as T;

const GUIDE_150K = {
  category: "cloud-software",
  value: "150000",
  contractMonths: "24",
  startDate: "2026-11-23",
  termsUnchanged: "yes",
  security: "OFFICIAL",
  nation: "England",
};
const DIRECT_AWARD = "framework-direct-award-rm1557-15";

let brighton: string, leeds: string, supplier: string;
let leedsCouncilId: string;

beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  [brighton, leeds, supplier] = await Promise.all([cookieFor(DEMO.buyerA), cookieFor(DEMO.buyerB), cookieFor(DEMO.supplierA)]);
  leedsCouncilId = (await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerB } })).councilId!;
});

async function lockOf(projectId: string) {
  const { prisma } = await import("~/utils/db.server");
  return String((await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } })).lockVersion);
}

async function newProject(title: string) {
  const res = await call("newProject", "action", "/projects/new", {
    cookie: brighton,
    form: { intent: "create", title, routeId: DIRECT_AWARD, ...GUIDE_150K },
  });
  expect(res.status).toBe(302);
  return res.headers.get("Location")!.split("/").pop()!;
}

const invite = (projectId: string, form: Record<string, string>, cookie = brighton) =>
  call("participants", "action", `/projects/${projectId}/participants?intent=invite`, { cookie, params: { id: projectId }, form });

async function participantOf(projectId: string) {
  const { prisma } = await import("~/utils/db.server");
  return prisma.projectParticipant.findUniqueOrThrow({ where: { projectId_councilId: { projectId, councilId: leedsCouncilId } } });
}

async function inviteAndAcceptLeeds(projectId: string, share = "50000") {
  expect((await invite(projectId, { councilId: leedsCouncilId, share, email: DEMO.buyerB })).status).toBe(302);
  const participant = await participantOf(projectId);
  const answer = await call("invitation", "action", `/joint-invitations/${participant.id}`, {
    cookie: leeds,
    params: { id: participant.id },
    form: { decision: "accept" },
  });
  expect(answer.status).toBe(302);
  expect(answer.headers.get("Location")).toBe(`/projects/${projectId}`);
  return participant.id;
}

/** A products search of G-Cloud 15 with between 3 and 30 results. */
async function gcloudSearch(): Promise<string> {
  const { searchIndex } = await import("~/services/search.server");
  const { parseSearchParams } = await import("~/search/search-query.schema");
  const all = await searchIndex("products", (parseSearchParams(new URLSearchParams("type=products")) as { success: true; data: any }).data);
  const found = Object.entries(all.facets.lot ?? {}).find(([value, count]) => /^G-Cloud 15 lot /.test(value) && count >= 3 && count <= 30);
  if (!found) throw new Error("No G-Cloud 15 lot with a small enough search in the seeded catalogue");
  return new URLSearchParams({ type: "products", lot: found[0] }).toString();
}

async function freeze(projectId: string) {
  const { prisma } = await import("~/utils/db.server");
  const saved = await call("search", "action", `/projects/${projectId}/search`, {
    cookie: brighton,
    params: { id: projectId },
    form: { search: await gcloudSearch() },
  });
  expect(saved.status).toBe(302);
  const savedSearch = await prisma.savedSearch.findFirstOrThrow({ where: { projectId }, orderBy: { createdAt: "desc" } });
  const frozen = await call("freeze", "action", `/projects/${projectId}/freeze`, {
    cookie: brighton,
    params: { id: projectId },
    form: { savedSearchId: savedSearch.id },
  });
  expect(frozen.status).toBe(302);
  return prisma.frozenSearch.findFirstOrThrow({
    where: { projectId, abandonedAt: null },
    include: { results: { orderBy: { position: "asc" } } },
  });
}

/** Frozen, one service shortlisted and scored, the rest set aside: ready to award. */
async function readyToAward(projectId: string) {
  const { prisma } = await import("~/utils/db.server");
  const frozen = await freeze(projectId);
  const [first, ...rest] = frozen.results;
  const post = (route: "shortlist" | "evaluation", form: Record<string, string | string[]>) =>
    call(route, "action", `/projects/${projectId}/${route}`, { cookie: brighton, params: { id: projectId }, form });
  expect(
    (await post("shortlist", { intent: "add", frozenResultId: first.id, reason: `Meets the requirement: ${first.productName}` })).status,
  ).toBe(302);
  expect(
    (await post("shortlist", { intent: "set-aside", frozenResultIds: rest.map((r) => r.id), reason: "Does not meet must-have: open API" }))
      .status,
  ).toBe(302);
  expect(
    (
      await post("evaluation", {
        intent: "criteria",
        lockVersion: await lockOf(projectId),
        "criteria.0.name": "Quality",
        "criteria.0.weight": "100",
      })
    ).status,
  ).toBe(302);
  const entry = await prisma.shortlistEntry.findFirstOrThrow({ where: { projectId } });
  const [criterion] = await prisma.evaluationCriterion.findMany({ where: { projectId } });
  expect(
    (
      await post("evaluation", {
        intent: "scores",
        lockVersion: await lockOf(projectId),
        "scores.0.entryId": entry.id,
        "scores.0.criterionId": criterion.id,
        "scores.0.score": "90",
      })
    ).status,
  ).toBe(302);
  return entry.id;
}

const awardForm = (lockVersion: string, entryId: string) => ({
  lockVersion,
  kind: "awarded",
  entryId,
  value: "148000",
  "startDate-day": "5",
  "startDate-month": "1",
  "startDate-year": "2027",
  "endDate-day": "4",
  "endDate-month": "1",
  "endDate-year": "2029",
  justification: "Highest weighted total against our requirements",
});

describe("joint buying: invitations", () => {
  it("invites Leeds by mail and notification; only a Leeds buyer answers, once; Leeds then reads the project but changes nothing", async () => {
    const { prisma } = await import("~/utils/db.server");
    const projectId = await newProject("Joint revenues and benefits system");

    // Before it is invited, Leeds cannot see the project (404, as for one that does not exist).
    expect((await call("overview", "loader", `/projects/${projectId}`, { cookie: leeds, params: { id: projectId } })).status).toBe(404);

    expect((await invite(projectId, { councilId: leedsCouncilId, share: "50000", email: DEMO.buyerB })).status).toBe(302);
    const participant = await participantOf(projectId);
    expect(participant).toMatchObject({ status: "invited", sharePence: 5_000_000n, inviteeEmail: DEMO.buyerB });

    // The named buyer is told in the portal and by email, with the link to answer.
    const leedsBuyer = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerB } });
    const note = await prisma.notification.findFirstOrThrow({ where: { userId: leedsBuyer.id, kind: "joint-invitation" } });
    expect(note.link).toBe(`/joint-invitations/${participant.id}`);
    expect(note.message).toContain("£50,000");
    const mail = await prisma.mailMessage.findFirstOrThrow({ where: { recipient: DEMO.buyerB, template: "joint-invitation" } });
    expect(mail.text).toContain(`/joint-invitations/${participant.id}`);
    expect(mail.text).toContain("£150,000");

    // Invited is not accepted: still no project for Leeds.
    expect((await call("overview", "loader", `/projects/${projectId}`, { cookie: leeds, params: { id: projectId } })).status).toBe(404);

    // The invitation is Leeds's: Brighton's buyer gets 404, a supplier 403, Leeds's buyer sees it.
    const path = `/joint-invitations/${participant.id}`;
    expect((await call("invitation", "loader", path, { cookie: brighton, params: { id: participant.id } })).status).toBe(404);
    expect((await call("invitation", "loader", path, { cookie: supplier, params: { id: participant.id } })).status).toBe(403);
    const seen = await json(await call("invitation", "loader", path, { cookie: leeds, params: { id: participant.id } }));
    expect(seen.invitation).toMatchObject({ status: "invited", sharePence: 5_000_000, project: { wholePence: 15_000_000 } });
    expect(
      (await call("invitation", "action", path, { cookie: brighton, params: { id: participant.id }, form: { decision: "accept" } })).status,
    ).toBe(404);

    // No answer chosen: the form comes back with the message.
    const blank = await call("invitation", "action", path, { cookie: leeds, params: { id: participant.id }, form: {} });
    expect(blank.status).toBe(400);

    const accepted = await call("invitation", "action", path, {
      cookie: leeds,
      params: { id: participant.id },
      form: { decision: "accept" },
    });
    expect(accepted.status).toBe(302);
    const after = await participantOf(projectId);
    expect(after).toMatchObject({ status: "accepted", respondedById: leedsBuyer.id });
    expect(after.respondedAt).toBeInstanceOf(Date);

    // Answering again is a conflict: the invitation is no longer pending.
    const again = await call("invitation", "action", path, {
      cookie: leeds,
      params: { id: participant.id },
      form: { decision: "decline" },
    });
    expect(again.status).toBe(409);
    expect((await participantOf(projectId)).status).toBe("accepted");

    // Leeds reads the project, the participants and the one history, read-only.
    const overview = await json(await call("overview", "loader", `/projects/${projectId}`, { cookie: leeds, params: { id: projectId } }));
    expect(overview.canEdit).toBe(false);
    const shares = await json(
      await call("participants", "loader", `/projects/${projectId}/participants`, { cookie: leeds, params: { id: projectId } }),
    );
    expect(shares.joint).toMatchObject({ wholePence: 15_000_000, leadPence: 10_000_000, participantsPence: 5_000_000 });
    expect(shares.canEdit).toBe(false);
    const history = await json<{ events: { label: string; detail: string }[] }>(
      await call("history", "loader", `/projects/${projectId}/history`, { cookie: leeds, params: { id: projectId } }),
    );
    expect(history.events.map((e) => e.label)).toEqual(
      expect.arrayContaining(["Invited a council to buy jointly", "Accepted the invitation to buy jointly", "Started the project"]),
    );
    expect(history.events.find((e) => e.label === "Invited a council to buy jointly")?.detail).toBe("Leeds City Council: share £50,000");

    // Every write stays with the lead: Leeds is refused as for another council's project (404).
    expect((await invite(projectId, { councilId: leedsCouncilId, share: "1" }, leeds)).status).toBe(404);
    const outcome = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: leeds,
      params: { id: projectId },
      form: { lockVersion: await lockOf(projectId), kind: "cancelled", justification: "Leeds tries to cancel the lead's project" },
    });
    expect(outcome.status).toBe(404);
    expect((await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } })).status).toBe("open");
  });

  it("keeps the shares within the whole, refuses the lead's own council, and freezes the shares with the search (422, the rule named)", async () => {
    const projectId = await newProject("Joint shares within the whole");
    const { prisma } = await import("~/utils/db.server");
    const own = (await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerA } })).councilId!;
    const ownCouncil = await invite(projectId, { councilId: own, share: "1000" });
    expect(ownCouncil.status).toBe(400);
    expect((await json(ownCouncil)).errors.councilId[0]).toMatch(/leads this project/);

    const tooMuch = await invite(projectId, { councilId: leedsCouncilId, share: "150000.01" });
    expect(tooMuch.status).toBe(422);
    const body = await json(tooMuch);
    expect(body.errors.share[0]).toMatch(/more than the project's estimated value of £150,000/);
    expect(body.failure.rule).toMatch(/thresholds apply to it/);

    // Exactly the whole is allowed (the lead's remainder is then nothing).
    const participantId = await inviteAndAcceptLeeds(projectId, "150000");
    const shares = await json(
      await call("participants", "loader", `/projects/${projectId}/participants`, { cookie: brighton, params: { id: projectId } }),
    );
    expect(shares.joint).toMatchObject({ leadPence: 0, participantsPence: 15_000_000 });

    // A share change before the freeze is fine, conditional on the version seen.
    const p = await participantOf(projectId);
    const change = (share: string, lockVersion = String(p.lockVersion)) =>
      call("participants", "action", `/projects/${projectId}/participants?intent=share`, {
        cookie: brighton,
        params: { id: projectId },
        form: { participantId, share, lockVersion },
      });
    expect((await change("40000")).status).toBe(302);
    expect((await participantOf(projectId)).sharePence).toBe(4_000_000n);
    expect((await change("30000")).status).toBe(409); // the page was out of date

    await freeze(projectId);
    const fresh = await participantOf(projectId);
    const frozen = await change("30000", String(fresh.lockVersion));
    expect(frozen.status).toBe(422);
    const refusal = await json(frozen);
    expect(refusal.errors.form[0]).toMatch(/search has been frozen/);
    expect(refusal.failure.rule).toMatch(/One route is worked out for the combined value/);
    expect((await participantOf(projectId)).sharePence).toBe(4_000_000n);
    // Inviting another council after the freeze changes the lead's share too: refused the same way.
    const other = await prisma.council.findFirstOrThrow({ where: { id: { notIn: [own, leedsCouncilId] } } });
    expect((await invite(projectId, { councilId: other.id, share: "1000" })).status).toBe(422);
  });
});

describe("joint buying: the award", () => {
  it("makes a private contract for each council in the award's transaction, names Leeds a buyer in OCDS, and a later non-award withdraws both", async () => {
    const { prisma } = await import("~/utils/db.server");
    const projectId = await newProject("Joint housing repairs system");
    await inviteAndAcceptLeeds(projectId, "50000");
    const entryId = await readyToAward(projectId);
    const award = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: brighton,
      params: { id: projectId },
      form: awardForm(await lockOf(projectId), entryId),
    });
    expect(award.status).toBe(302);

    const contracts = await prisma.contract.findMany({ where: { projectId }, include: { products: true }, orderBy: { valuePence: "asc" } });
    expect(contracts).toHaveLength(2);
    const [leedsContract, leadContract] = contracts;
    expect(leedsContract).toMatchObject({
      councilId: leedsCouncilId,
      buyerName: "Leeds City Council",
      valuePence: 5_000_000n,
      visibility: "private",
      status: "active",
    });
    expect(leadContract).toMatchObject({ valuePence: 9_800_000n, visibility: "private", status: "active" });
    for (const key of ["supplierId", "lotId", "agreementId", "startDate", "endDate", "title"] as const)
      expect(leedsContract[key]).toEqual(leadContract[key]);
    expect(leedsContract.lotId).not.toBeNull();
    expect(leedsContract.products.map((p) => p.productId)).toEqual(leadContract.products.map((p) => p.productId));

    // Each council sees its own private contract; the other council's is a 404.
    const view = (id: string, cookie: string) => call("contract", "loader", `/contracts/${id}`, { cookie, params: { id } });
    expect((await view(leedsContract.id, leeds)).status).toBe(200);
    expect((await view(leedsContract.id, brighton)).status).toBe(404);
    expect((await view(leadContract.id, leeds)).status).toBe(404);

    // OCDS: Leeds among the parties as a buyer, and the release still valid OCDS 1.1.
    const ocdsRes = await call("ocds", "loader", `/projects/${projectId}/ocds.json`, { cookie: leeds, params: { id: projectId } });
    expect(ocdsRes.status).toBe(200);
    const release = await json<{ parties: { name: string; roles: string[] }[]; buyer: { name: string } }>(ocdsRes);
    expect(release.parties.filter((p) => p.roles.includes("buyer")).map((p) => p.name)).toEqual([
      "Brighton and Hove City Council",
      "Leeds City Council",
    ]);
    expect(release.buyer.name).toBe("Brighton and Hove City Council");
    expect(validateOcdsRelease(release)).toEqual([]);

    // A later outcome that is not an award withdraws both contracts.
    const cancel = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: brighton,
      params: { id: projectId },
      form: { lockVersion: await lockOf(projectId), kind: "cancelled", justification: "The councils' budgets were withdrawn for 2027" },
    });
    expect(cancel.status).toBe(302);
    const after = await prisma.contract.findMany({ where: { projectId }, orderBy: { valuePence: "asc" } });
    expect(after.map((c) => c.status)).toEqual(["withdrawn", "withdrawn"]);
    expect(await prisma.contractRevision.count({ where: { contractId: leedsContract.id } })).toBe(2);
  });

  it("splits the award in proportion when it comes in below the shares (the contracts never add up to more than the award)", async () => {
    const { jointShares } = await import("~/models/contract.server");
    expect(jointShares(14_800_000, [5_000_000])).toEqual({ leadPence: 9_800_000, participantPence: [5_000_000] });
    expect(jointShares(10_000_000, [15_000_000])).toEqual({ leadPence: 0, participantPence: [10_000_000] });
    expect(jointShares(1_000, [2_000, 1_000])).toEqual({ leadPence: 1, participantPence: [666, 333] });
  });
});
