// Buying projects end to end through their loaders and actions, on a seeded
// database: who may see and change them, the guide, freezing, evaluation,
// award, exports and the audit trail.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { cookieFor, DEMO } from "../support/session";
import { PROJECT_ROUTES, json, routeCaller } from "../support/route-call";
import { validateOcdsRelease } from "../support/ocds-schema";

useTestDatabase();

const call = routeCaller(PROJECT_ROUTES);

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

let buyerA: string, buyerB: string, supplierA: string, admin: string;
let projectId: string;

beforeAll(async () => {
  [buyerA, buyerB, supplierA, admin] = await Promise.all([
    cookieFor(DEMO.buyerA),
    cookieFor(DEMO.buyerB),
    cookieFor(DEMO.supplierA),
    cookieFor(DEMO.admin),
  ]);
  const res = await call("newProject", "action", "/projects/new", {
    cookie: buyerA,
    form: { intent: "create", title: "Repairs case management", routeId: DIRECT_AWARD, ...GUIDE_150K },
  });
  expect(res.status).toBe(302);
  projectId = res.headers.get("Location")!.split("/").pop()!;
});

/** A products search with between `min` and `max` results, found from the facets of the seeded catalogue. */
async function searchWithResults(min: number, max: number, only?: RegExp): Promise<{ qs: string; total: number }> {
  const { searchIndex } = await import("~/services/search.server");
  const { parseSearchParams } = await import("~/search/search-query.schema");
  const all = await searchIndex("products", (parseSearchParams(new URLSearchParams("type=products")) as { success: true; data: any }).data);
  for (const facet of ["lot", "framework", "category", "supplierSize", "priceBand", "dataLocation"]) {
    for (const [value, count] of Object.entries(all.facets[facet] ?? {})) {
      if (only && !(facet === "lot" && only.test(value))) continue;
      if (count >= min && count <= max) return { qs: new URLSearchParams({ type: "products", [facet]: value }).toString(), total: count };
    }
  }
  throw new Error(`No facet value with ${min}–${max} results in the seeded catalogue`);
}

describe("the buying-route guide", () => {
  it("asks one question a page and carries the answers in the query string", async () => {
    const bad = await call("buyStep", "action", "/buy/value?category=cloud-software", {
      params: { step: "value" },
      form: { value: "a lot" },
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors.value).toEqual(["Enter the estimated value as a number, like 150000"]);

    const ok = await call("buyStep", "action", "/buy/value?category=cloud-software", {
      params: { step: "value" },
      form: { value: "£150,000" },
    });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/buy/contract-length?category=cloud-software&value=150000");

    const date = await call("buyStep", "action", "/buy/start-date?x=1", {
      params: { step: "start-date" },
      form: { "startDate-day": "31", "startDate-month": "2", "startDate-year": "2026" },
    });
    expect(date.status).toBe(400);
    expect((await json(date)).errors.startDate).toEqual(["Date the procurement starts must be a real date"]);
  });

  it("defaults the start date to today and the nation to the buyer's council", async () => {
    const q = new URLSearchParams({ ...GUIDE_150K });
    q.delete("startDate");
    q.delete("termsUnchanged");
    q.delete("security");
    q.delete("nation");
    const dateStep = await json(await call("buyStep", "loader", `/buy/start-date?${q}`, { params: { step: "start-date" } }));
    expect(dateStep.current).toBe("2026-11-23");
    q.set("startDate", "2026-11-23");
    q.set("termsUnchanged", "yes");
    q.set("security", "OFFICIAL");
    const nationStep = await json(await call("buyStep", "loader", `/buy/nation?${q}`, { params: { step: "nation" }, cookie: buyerA }));
    expect(nationStep.current).toBe("England");
  });

  it("sends people back to a missing or altered answer instead of failing", async () => {
    const skipped = await call("buyStep", "loader", "/buy/security?category=cloud-software", { params: { step: "security" } });
    expect(skipped.status).toBe(302);
    expect(skipped.headers.get("Location")).toBe("/buy/value?category=cloud-software");
    const tampered = await call("buyResult", "loader", `/buy/result?${new URLSearchParams({ ...GUIDE_150K, contractMonths: "-4" })}`);
    expect(tampered.status).toBe(302);
    expect(tampered.headers.get("Location")).toMatch(/^\/buy\/contract-length\?/);
    const shown = await json(
      await call("buyStep", "loader", `/buy/contract-length?${new URLSearchParams({ ...GUIDE_150K, contractMonths: "-4" })}`, {
        params: { step: "contract-length" },
      }),
    );
    expect(shown.error).toBe("Contract length must be between 1 and 120 months");
  });

  it("lists a G-Cloud direct award for £150,000 of cloud software, and offers buyers a project", async () => {
    const res = await json(await call("buyResult", "loader", `/buy/result?${new URLSearchParams(GUIDE_150K)}`, { cookie: buyerA }));
    const ids = res.result.routes.map((r: { id: string }) => r.id);
    expect(ids).toContain(DIRECT_AWARD);
    expect(ids).toContain("notifiable-below-threshold");
    expect(res.viewer).toBe("buyer");
    const anonymous = await json(await call("buyResult", "loader", `/buy/result?${new URLSearchParams(GUIDE_150K)}`));
    expect(anonymous.viewer).toBe("anonymous");
  });
});

describe("who may see and change a project", () => {
  it("loads the header once in the layout route (title, council, route, status), refusing another council's buyer", async () => {
    const own = await call("layout", "loader", `/projects/${projectId}`, { cookie: buyerA, params: { id: projectId } });
    expect(own.status).toBe(200);
    expect((await json(own)).project).toEqual({
      id: projectId,
      title: "Repairs case management",
      status: "open",
      council: expect.stringMatching(/^Brighton/),
      route: expect.stringMatching(/^Direct award from .* \(RM1557\.15\)$/),
    });
    const other = await call("layout", "loader", `/projects/${projectId}`, { cookie: buyerB, params: { id: projectId } });
    expect(other.status).toBe(404);
  });

  const loaders = [
    "project",
    "requirements",
    "search",
    "freeze",
    "shortlist",
    "evaluation",
    "outcome",
    "notices",
    "history",
    "record",
    "ocds",
  ] as const;
  const actions = ["project", "requirements", "search", "freeze", "shortlist", "evaluation", "outcome", "notices"] as const;

  it("refuses another council's buyer (404, as for no such project) and a supplier (403) on every project loader and action", async () => {
    const frozenCsvPath = `/projects/${projectId}/frozen/anything.csv`;
    for (const cookie of [buyerB, supplierA]) {
      // A project's existence is private: another council's buyer cannot tell it from a missing one.
      const expected = cookie === buyerB ? 404 : 403;
      for (const route of loaders) {
        const res = await call(route, "loader", `/projects/${projectId}/x`, { cookie, params: { id: projectId } });
        expect(res.status, `${route} loader`).toBe(expected);
      }
      const csv = await call("frozenCsv", "loader", frozenCsvPath, { cookie, params: { id: projectId, file: "anything.csv" } });
      expect(csv.status).toBe(expected);
      for (const route of actions) {
        const res = await call(route, "action", `/projects/${projectId}/x`, {
          cookie,
          params: { id: projectId },
          form: { lockVersion: "1", requirements: "Hijack" },
        });
        expect(res.status, `${route} action`).toBe(expected);
      }
      const save = await call("saveSearch", "action", "/projects/save-search", { cookie, form: { projectId, search: "type=products" } });
      expect(save.status).toBe(expected);
    }
    const { prisma } = await import("~/utils/db.server");
    const project = await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.requirements).toBe("");
    const refusals = await prisma.auditEvent.count({ where: { action: "authorisation.refused", entityId: projectId } });
    expect(refusals).toBeGreaterThan(0);
  });

  it("refuses a supplier the project list and the start page", async () => {
    expect((await call("projects", "loader", "/projects", { cookie: supplierA })).status).toBe(403);
    expect((await call("newProject", "loader", "/projects/new", { cookie: supplierA })).status).toBe(403);
    expect((await call("newProject", "action", "/projects/new", { cookie: supplierA, form: { intent: "create" } })).status).toBe(403);
  });

  it("lets an administrator read but not change a project", async () => {
    const res = await call("project", "loader", `/projects/${projectId}`, { cookie: admin, params: { id: projectId } });
    expect(res.status).toBe(200);
    expect((await json(res)).canEdit).toBe(false);
    const change = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie: admin,
      params: { id: projectId },
      form: { lockVersion: "1", requirements: "x" },
    });
    expect(change.status).toBe(403);
  });

  it("sends people who are not signed in to sign in", async () => {
    const res = await call("project", "loader", `/projects/${projectId}`, { params: { id: projectId } });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("needs a confirmed email address to start or change a project", async () => {
    const { createUser } = await import("~/models/user.server");
    const { prisma } = await import("~/utils/db.server");
    const council = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
    await createUser({
      email: "new.officer@brighton-hove.gov.uk",
      name: "New Officer",
      password: "a-long-enough-password-123",
      role: "buyer",
      councilId: council.id,
    });
    const cookie = await cookieFor("new.officer@brighton-hove.gov.uk");
    // Not even reading: council membership comes from the email domain, so it needs the confirmed address (issue 12 finding 1).
    const page = await call("project", "loader", `/projects/${projectId}`, { cookie, params: { id: projectId } });
    expect(page.status).toBe(403);
    expect(await page.text()).toMatch(/Confirm your email address/);
    const res = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie,
      params: { id: projectId },
      form: { lockVersion: "1", requirements: "x" },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/Confirm your email address/);
    const create = await call("newProject", "action", "/projects/new", {
      cookie,
      form: { intent: "create", title: "X", routeId: DIRECT_AWARD, ...GUIDE_150K },
    });
    expect(create.status).toBe(403);
  });

  it("lists only the buyer's own council's projects", async () => {
    const a = await json(await call("projects", "loader", "/projects", { cookie: buyerA }));
    expect(a.projects.map((p: { id: string }) => p.id)).toContain(projectId);
    const b = await json(await call("projects", "loader", "/projects", { cookie: buyerB }));
    expect(b.projects.map((p: { id: string }) => p.id)).not.toContain(projectId);
  });
});

describe("a direct award from start to finish", () => {
  let lockVersion = 1;
  let frozenId = "";
  let awardedProductId = "";
  const shortlisted: string[] = [];

  const currentLock = async () => {
    const { prisma } = await import("~/utils/db.server");
    return (await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } })).lockVersion;
  };

  it("refuses a route that is not open for the answers", async () => {
    const res = await call("newProject", "action", "/projects/new", {
      cookie: buyerA,
      form: { intent: "create", title: "X", routeId: "open-procedure", ...GUIDE_150K },
    });
    expect(res.status).toBe(400);
    expect((await json(res)).errors.routeId).toEqual(["That buying route is not open for these answers. Choose one of the routes shown."]);
  });

  it("created the notices checklist from the route's notices", async () => {
    const { prisma } = await import("~/utils/db.server");
    const codes = (await prisma.noticeChecklistItem.findMany({ where: { projectId } })).map((n) => n.code);
    expect(codes).toContain("BELOW_THRESHOLD_CONTRACT_DETAILS");
    expect(codes).not.toContain("UK4");
  });

  it("records requirements and budget approval, refusing a stale edit", async () => {
    const res = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: String(lockVersion), requirements: "A cloud case management system for housing repairs", budgetApproved: "yes" },
    });
    expect(res.status).toBe(302);
    const stale = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: String(lockVersion), requirements: "Overwrite" },
    });
    expect(stale.status).toBe(409);
    expect((await json(stale)).errors.form[0]).toMatch(/changed since you opened/);
    lockVersion = await currentLock();
    expect(lockVersion).toBe(2);
    const bad = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: String(lockVersion), requirements: "" },
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors.requirements).toEqual(["Enter your requirements"]);
  });

  it("shows the /search results on the project's search page and saves searches", async () => {
    const wide = "type=products";
    const page = await json(
      await call("search", "loader", `/projects/${projectId}/search?${wide}`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(page.invalid).toBe(false);
    expect(page.total).toBeGreaterThan(30);
    const save = await call("search", "action", `/projects/${projectId}/search`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { search: wide },
    });
    expect(save.status).toBe(302);
    const bad = await call("search", "loader", `/projects/${projectId}/search?nonsense=1`, { cookie: buyerA, params: { id: projectId } });
    expect(bad.status).toBe(200);
    expect((await json(bad)).invalid).toBe(true);
  });

  it("saves the current /search to a chosen project from /projects/save-search", async () => {
    const narrow = await searchWithResults(5, 30, /^G-Cloud 15 lot /);
    const page = await json(await call("saveSearch", "loader", `/projects/save-search?${narrow.qs}`, { cookie: buyerA }));
    expect(page.projects.map((p: { id: string }) => p.id)).toContain(projectId);
    expect(page.total).toBe(narrow.total);
    const res = await call("saveSearch", "action", "/projects/save-search", { cookie: buyerA, form: { projectId, search: narrow.qs } });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/projects/${projectId}/freeze`);
    const { prisma } = await import("~/utils/db.server");
    const saved = await prisma.savedSearch.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
    expect(saved).toHaveLength(2);
    // Confined to the route's agreement (issue 13).
    expect(JSON.parse(saved[1].filters).facets).toEqual({
      ...Object.fromEntries([...new URLSearchParams(narrow.qs)].filter(([k]) => k !== "type").map(([k, v]) => [k, [v]])),
      framework: ["G-Cloud 15"],
    });
  });

  it("refuses, at the model, a direct award's search of another framework, an expired lot or expired frameworks", async () => {
    const { prisma } = await import("~/utils/db.server");
    const before = await prisma.savedSearch.count({ where: { projectId } });
    const dos = await call("search", "action", `/projects/${projectId}/search`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { search: "type=products&framework=DOS+7" },
    });
    expect(dos.status).toBe(400);
    expect((await json(dos)).errors.form[0]).toMatch(/direct award from G-Cloud 15, so its search cannot cover DOS 7/);
    const dosLot = await call("saveSearch", "action", "/projects/save-search", {
      cookie: buyerA,
      form: { projectId, search: "type=products&lot=DOS+7+lot+2" },
    });
    expect(dosLot.status).toBe(400);
    expect(await dosLot.text()).toMatch(
      /can only use G-Cloud 15 lot 1a, G-Cloud 15 lot 1b, G-Cloud 15 lot 2a, G-Cloud 15 lot 2b, G-Cloud 15 lot 3/,
    );
    const expired = await call("search", "action", `/projects/${projectId}/search`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { search: "type=products&frameworks=all" },
    });
    expect(expired.status).toBe(400);
    expect((await json(expired)).errors.form[0]).toMatch(/cannot include products only on expired frameworks/);
    expect(await prisma.savedSearch.count({ where: { projectId } })).toBe(before);
    // The page offers only the route's agreement and its live lots.
    const page = await json(
      await call("search", "loader", `/projects/${projectId}/search?type=products`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(page.scope.agreement).toBe("G-Cloud 15");
    expect(page.scope.liveLots).toEqual([
      "G-Cloud 15 lot 1a",
      "G-Cloud 15 lot 1b",
      "G-Cloud 15 lot 2a",
      "G-Cloud 15 lot 2b",
      "G-Cloud 15 lot 3",
    ]);
    expect(page.params.filters.framework).toEqual(["G-Cloud 15"]);
  });

  it("refuses to freeze more than 30 results for a direct award", async () => {
    const { prisma } = await import("~/utils/db.server");
    const [wide] = await prisma.savedSearch.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
    const res = await call("freeze", "action", `/projects/${projectId}/freeze`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { savedSearchId: wide.id },
    });
    // A rule refuses it (422), not the form's own checks.
    expect(res.status).toBe(422);
    const message = (await json(res)).errors.form[0];
    expect(message).toMatch(/narrow your search to 30 results or fewer; do not combine searches/);
    expect(await prisma.frozenSearch.count({ where: { projectId } })).toBe(0);
  });

  it("freezes a search of 30 or fewer with each listing's exact published version", async () => {
    const { prisma } = await import("~/utils/db.server");
    const saved = await prisma.savedSearch.findMany({ where: { projectId }, orderBy: { createdAt: "asc" } });
    const res = await call("freeze", "action", `/projects/${projectId}/freeze`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { savedSearchId: saved[1].id },
    });
    expect(res.status).toBe(302);
    const frozen = await prisma.frozenSearch.findFirstOrThrow({
      where: { projectId },
      include: { results: { orderBy: { position: "asc" } } },
    });
    frozenId = frozen.id;
    expect(frozen.results.length).toBe(frozen.resultCount);
    expect(frozen.results.length).toBeGreaterThanOrEqual(5);
    expect(frozen.filters).toBe(saved[1].filters);
    // The search is now locked: a second freeze (or another saved search) is refused with why.
    const second = await call("freeze", "action", `/projects/${projectId}/freeze`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { savedSearchId: saved[1].id },
    });
    expect(second.status).toBe(409);
    expect((await json(second)).errors.form[0]).toMatch(
      /search was frozen on .*the Digital Marketplace locked a project once its results were exported/,
    );
    const another = await call("search", "action", `/projects/${projectId}/search`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { search: "type=products" },
    });
    expect(another.status).toBe(409);
    expect(await prisma.frozenSearch.count({ where: { projectId } })).toBe(1);
    for (const r of frozen.results) {
      const product = await prisma.product.findUniqueOrThrow({
        where: { id: r.productId },
        include: { publishedVersion: true, supplier: true },
      });
      expect(r.productVersionId).toBe(product.publishedVersionId);
      expect(r.productName).toBe(product.publishedVersion!.name);
      expect(r.supplierName).toBe(product.supplier.tradingName);
    }
  });

  it("keeps the frozen results unchanged after a listing is edited and another withdrawn", async () => {
    const { prisma } = await import("~/utils/db.server");
    const before = await json(
      await call("freeze", "loader", `/projects/${projectId}/freeze`, { cookie: buyerA, params: { id: projectId } }),
    );
    const rows = await prisma.frozenResult.findMany({ where: { frozenSearchId: frozenId }, orderBy: { position: "asc" } });
    const [edited, withdrawn] = rows;

    // A supplier's edit is published as a new version; another listing is withdrawn.
    const old = await prisma.productVersion.findUniqueOrThrow({ where: { id: edited.productVersionId } });
    const { id: _id, createdAt: _c, ...copy } = old;
    const next = await prisma.productVersion.create({
      data: {
        ...copy,
        versionNumber: old.versionNumber + 1,
        name: "Renamed after freezing",
        priceFromPence: old.priceFromPence * 3,
        status: "published",
      },
    });
    await prisma.productVersion.update({ where: { id: old.id }, data: { status: "superseded" } });
    await prisma.product.update({ where: { id: edited.productId }, data: { publishedVersionId: next.id, lockVersion: { increment: 1 } } });
    await prisma.product.update({ where: { id: withdrawn.productId }, data: { status: "withdrawn" } });

    const after = await json(
      await call("freeze", "loader", `/projects/${projectId}/freeze`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(after.frozen).toEqual(before.frozen);
    const again = await prisma.frozenResult.findMany({ where: { frozenSearchId: frozenId }, orderBy: { position: "asc" } });
    expect(again).toEqual(rows);
    expect(again[0].productName).not.toBe("Renamed after freezing");
  });

  it("exports the frozen search as CSV with the query, filters, freeze time and versions", async () => {
    const { prisma } = await import("~/utils/db.server");
    const frozen = await prisma.frozenSearch.findUniqueOrThrow({
      where: { id: frozenId },
      include: { results: { include: { productVersion: true } } },
    });
    const res = await call("frozenCsv", "loader", `/projects/${projectId}/frozen/${frozenId}.csv`, {
      cookie: buyerA,
      params: { id: projectId, file: `${frozenId}.csv` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const csv = await res.text();
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(frozen.results.length + 1);
    expect(lines[0]).toContain("Frozen at (UTC)");
    expect(csv).toContain(frozen.frozenAt.toISOString());
    const facet = Object.values(JSON.parse(frozen.filters).facets as Record<string, string[]>)[0][0];
    expect(csv).toContain(facet);
    for (const r of frozen.results) expect(csv).toContain(`,${r.productVersionId},${r.productVersion.versionNumber},`);
    expect(
      (
        await call("frozenCsv", "loader", `/projects/${projectId}/frozen/${frozenId}`, {
          cookie: buyerA,
          params: { id: projectId, file: frozenId },
        })
      ).status,
    ).toBe(404);
  });

  it("shortlists three frozen results with reasons, once each", async () => {
    const { prisma } = await import("~/utils/db.server");
    const rows = await prisma.frozenResult.findMany({ where: { frozenSearchId: frozenId }, orderBy: { position: "asc" } });
    for (const r of rows.slice(2, 5)) {
      const res = await call("shortlist", "action", `/projects/${projectId}/shortlist`, {
        cookie: buyerA,
        params: { id: projectId },
        form: { intent: "add", frozenResultId: r.id, reason: `Meets the requirement: ${r.productName}` },
      });
      expect(res.status).toBe(302);
      shortlisted.push(r.id);
    }
    const again = await call("shortlist", "action", `/projects/${projectId}/shortlist`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { intent: "add", frozenResultId: rows[2].id, reason: "Twice" },
    });
    expect(again.status).toBe(400);
    const noReason = await call("shortlist", "action", `/projects/${projectId}/shortlist`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { intent: "add", frozenResultId: rows[5]?.id ?? rows[0].id, reason: "" },
    });
    expect((await json(noReason)).errors.reason).toEqual(["Enter why you are shortlisting this service"]);
    expect(await prisma.shortlistEntry.count({ where: { projectId } })).toBe(3);
  });

  it("refuses the evaluation until every frozen result is assessed, then sets the rest aside with one reason", async () => {
    const { prisma } = await import("~/utils/db.server");
    lockVersion = await currentLock();
    const early = await call("evaluation", "action", `/projects/${projectId}/evaluation`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { intent: "criteria", lockVersion: String(lockVersion), "criteria.0.name": "Quality", "criteria.0.weight": "100" },
    });
    expect(early.status).toBe(400);
    expect((await json(early)).errors.form[0]).toMatch(/frozen results have not been assessed/);
    const rows = await prisma.frozenResult.findMany({ where: { frozenSearchId: frozenId, shortlist: { none: {} } } });
    const noReason = await call("shortlist", "action", `/projects/${projectId}/shortlist`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { intent: "set-aside", frozenResultIds: rows.map((r) => r.id), reason: "" },
    });
    expect(noReason.status).toBe(400);
    const res = await call("shortlist", "action", `/projects/${projectId}/shortlist`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { intent: "set-aside", frozenResultIds: rows.map((r) => r.id), reason: "Does not meet must-have: repairs scheduling" },
    });
    expect(res.status).toBe(302);
    expect(await prisma.setAsideResult.count({ where: { projectId } })).toBe(rows.length);
  });

  it("refuses weights that do not add up to 100, then scores the shortlist", async () => {
    lockVersion = await currentLock();
    const criteria = (weights: string[]) => ({
      intent: "criteria",
      lockVersion: String(lockVersion),
      ...Object.fromEntries(
        weights.flatMap((w, i) => [
          [`criteria.${i}.name`, ["Quality", "Price", "Support"][i]],
          [`criteria.${i}.weight`, w],
        ]),
      ),
    });
    const wrong = await call("evaluation", "action", `/projects/${projectId}/evaluation`, {
      cookie: buyerA,
      params: { id: projectId },
      form: criteria(["50", "30", "10"]),
    });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).errors.criteria).toEqual(["The weights must add up to 100. At the moment they add up to 90."]);
    const ok = await call("evaluation", "action", `/projects/${projectId}/evaluation`, {
      cookie: buyerA,
      params: { id: projectId },
      form: criteria(["50", "30", "20"]),
    });
    expect(ok.status).toBe(302);

    const { prisma } = await import("~/utils/db.server");
    lockVersion = await currentLock();
    const page = await json(
      await call("evaluation", "loader", `/projects/${projectId}/evaluation`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(page.weightsTotal).toBe(100);
    const form: Record<string, string> = { intent: "scores", lockVersion: String(lockVersion) };
    let k = 0;
    page.entries.forEach((entry: { id: string }, e: number) => {
      for (const c of page.criteria as { id: string }[]) {
        form[`scores.${k}.entryId`] = entry.id;
        form[`scores.${k}.criterionId`] = c.id;
        form[`scores.${k}.score`] = String(90 - e * 10);
        k += 1;
      }
    });
    const tooHigh = await call("evaluation", "action", `/projects/${projectId}/evaluation`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { ...form, "scores.0.score": "101" },
    });
    expect(tooHigh.status).toBe(400);
    const scored = await call("evaluation", "action", `/projects/${projectId}/evaluation`, {
      cookie: buyerA,
      params: { id: projectId },
      form,
    });
    expect(scored.status).toBe(302);
    expect(await prisma.evaluationScore.count({ where: { criterion: { projectId } } })).toBe(9);
    const totals = await json(
      await call("evaluation", "loader", `/projects/${projectId}/evaluation`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(totals.entries.map((e: { total: number }) => e.total)).toEqual([90, 80, 70]);
  });

  it("awards the contract, which counts toward 'used by N councils' in search once its contract notice is recorded as published", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { listCouncilsUsingProduct } = await import("~/models/product.server");
    const { searchIndex } = await import("~/services/search.server");
    const entry = await prisma.shortlistEntry.findFirstOrThrow({
      where: { projectId, frozenResultId: shortlisted[0] },
      include: { frozenResult: true },
    });
    awardedProductId = entry.frozenResult.productId;
    const council = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
    const usedBefore = await listCouncilsUsingProduct(awardedProductId);
    const docBefore = (
      await searchIndex("products", { q: "", type: "products", sort: "relevance", page: 1, pageSize: 100, frameworks: "all", filters: {} })
    ).hits.find((h) => h.id === awardedProductId);

    lockVersion = await currentLock();
    const missing = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: String(lockVersion), kind: "awarded", justification: "Best" },
    });
    expect(missing.status).toBe(400);
    expect(Object.keys((await json(missing)).errors).sort()).toEqual(["endDate", "entryId", "startDate", "value"]);

    const award = (over: Record<string, string>) =>
      call("outcome", "action", `/projects/${projectId}/outcome`, {
        cookie: buyerA,
        params: { id: projectId },
        form: {
          lockVersion: String(lockVersion),
          kind: "awarded",
          entryId: entry.id,
          value: "148000",
          "startDate-day": "5",
          "startDate-month": "1",
          "startDate-year": "2027",
          "endDate-day": "4",
          "endDate-month": "1",
          "endDate-year": "2029",
          justification: "Highest weighted total against our requirements",
          ...over,
        },
      });
    // Longer than the lot's maximum call-off length: refused with the rule and its source.
    const { prisma: db } = await import("~/utils/db.server");
    const lots = await db.productVersionLot.findMany({
      where: { versionId: entry.frozenResult.productVersionId, lot: { agreement: { number: "RM1557.15" } } },
      include: { lot: { include: { routes: true } } },
    });
    const max = Math.max(...lots.flatMap((l) => l.lot.routes.map((r) => r.maxContractMonths ?? 0)));
    const tooLong = await award({ "endDate-year": String(2027 + max / 12), "endDate-day": "5" });
    expect(tooLong.status).toBe(422);
    expect((await json(tooLong)).errors.endDate[0]).toMatch(
      new RegExp(`${max + 1} months, but a call-off on G-Cloud 15 lot .* at most ${max} months.*Source: https://`),
    );
    // Far over the estimate and across the threshold: "test long" is not a justification.
    const over = await award({ value: "450000", justification: "test long" });
    expect(over.status).toBe(422);
    expect((await json(over)).errors.justification[0]).toMatch(
      /200% over the estimate.*planned below the £207,720 threshold.*A placeholder such as "test" is not a justification/,
    );
    expect(await db.projectOutcome.count({ where: { projectId } })).toBe(0);

    const res = await call("outcome", "action", `/projects/${projectId}/outcome`, {
      cookie: buyerA,
      params: { id: projectId },
      form: {
        lockVersion: String(lockVersion),
        kind: "awarded",
        entryId: entry.id,
        value: "148000",
        "startDate-day": "5",
        "startDate-month": "1",
        "startDate-year": "2027",
        "endDate-day": "4",
        "endDate-month": "1",
        "endDate-year": "2029",
        justification: "Highest weighted total against our requirements",
      },
    });
    expect(res.status).toBe(302);
    const outcome = await prisma.projectOutcome.findUniqueOrThrow({ where: { projectId } });
    expect(outcome).toMatchObject({ kind: "awarded", productVersionId: entry.frozenResult.productVersionId, valuePence: 14_800_000n });
    expect((await prisma.buyingProject.findUniqueOrThrow({ where: { id: projectId } })).status).toBe("awarded");

    // The decision is private until the council records the contract notice as published (issue 12 finding 20).
    expect(await listCouncilsUsingProduct(awardedProductId)).toEqual(usedBefore);
    const contractVisibility = async () =>
      (await prisma.contract.findUniqueOrThrow({ where: { sourceKey: `project:${projectId}` } })).visibility;
    expect(await contractVisibility()).toBe("private");
    const ticked = await call("notices", "action", `/projects/${projectId}/notices`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: String(await currentLock()), done: ["BELOW_THRESHOLD_CONTRACT_DETAILS"] },
    });
    expect(ticked.status).toBe(302);
    // Ticked as published, its contract joins the public register.
    expect(await contractVisibility()).toBe("public");

    const usedAfter = await listCouncilsUsingProduct(awardedProductId);
    expect(usedAfter).toContain(council.id);
    const docAfter = (
      await searchIndex("products", { q: "", type: "products", sort: "relevance", page: 1, pageSize: 100, frameworks: "all", filters: {} })
    ).hits.find((h) => h.id === awardedProductId);
    expect(docAfter?.document.councilsUsing).toBe(usedAfter.length);
    if (!usedBefore.includes(council.id))
      expect(Number(docAfter?.document.councilsUsing)).toBe(Number(docBefore?.document.councilsUsing ?? 0) + 1);
    expect(await prisma.searchOutbox.count({ where: { entityType: "product", entityId: awardedProductId } })).toBeGreaterThan(0);
  });

  it("locks the record's earlier steps once decided", async () => {
    lockVersion = await currentLock();
    const res = await call("requirements", "action", `/projects/${projectId}/requirements`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: String(lockVersion), requirements: "Change after award" },
    });
    expect(res.status).toBe(409);
  });

  it("exports the award as an OCDS 1.1 release that validates against the schema", async () => {
    // Four eyes: the award is "pending" until a second officer approves it.
    const { prisma } = await import("~/utils/db.server");
    const pending = await json(
      await call("ocds", "loader", `/projects/${projectId}/ocds.json`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(pending.awards[0].status).toBe("pending");
    const request = await prisma.projectApproval.findFirstOrThrow({ where: { projectId, subject: "award", status: "requested" } });
    const approved = await call("approvals", "action", `/projects/${projectId}/approvals?intent=decide`, {
      cookie: await cookieFor("approver@brighton-hove.gov.uk"),
      params: { id: projectId },
      form: { approvalId: request.id, decision: "approve" },
    });
    expect(approved.status).toBe(302);
    const res = await call("ocds", "loader", `/projects/${projectId}/ocds.json`, { cookie: buyerA, params: { id: projectId } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const release = await json(res);
    expect(validateOcdsRelease(release)).toEqual([]);
    expect(release.ocid).toBe(`ocds-cmkt01-${projectId}`);
    expect(release.tag).toEqual(["award"]);
    expect(release.tender).toMatchObject({ procurementMethod: "limited", mainProcurementCategory: "services" });
    expect(release.awards[0]).toMatchObject({
      status: "active",
      value: { amount: 148000, currency: "GBP" },
      contractPeriod: { startDate: "2027-01-05T00:00:00.000Z", endDate: "2029-01-04T00:00:00.000Z" },
    });
    expect(release.buyer).toEqual({ id: "GB-LAE-BNH", name: "Brighton and Hove City Council" });
    const supplierParty = release.parties.find((p: { roles: string[] }) => p.roles.includes("supplier"));
    expect(["sme", "large"]).toContain(supplierParty.details.scale);
    expect(release.awards[0].suppliers[0].id).toBe(supplierParty.id);
    expect(release.relatedProcesses[0]).toMatchObject({ relationship: ["framework"], identifier: "RM1557.15" });
  });

  it("ticks off the notices, refusing a stale checklist", async () => {
    lockVersion = await currentLock();
    const res = await call("notices", "action", `/projects/${projectId}/notices`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: String(lockVersion), done: ["BELOW_THRESHOLD_CONTRACT_DETAILS"] },
    });
    expect(res.status).toBe(302);
    const stale = await call("notices", "action", `/projects/${projectId}/notices`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { lockVersion: String(lockVersion), done: [] },
    });
    expect(stale.status).toBe(409);
    const { prisma } = await import("~/utils/db.server");
    const item = await prisma.noticeChecklistItem.findUniqueOrThrow({
      where: { projectId_code: { projectId, code: "BELOW_THRESHOLD_CONTRACT_DETAILS" } },
    });
    expect(item.done).toBe(true);
    expect(item.doneAt).not.toBeNull();
  });

  it("turns the award into a draft case study for the council", async () => {
    const res = await call("project", "action", `/projects/${projectId}`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { intent: "case-study" },
    });
    expect(res.status).toBe(302);
    const slug = res.headers.get("Location")!.match(/^\/case-studies\/(.+)\/edit$/)![1];
    const { prisma } = await import("~/utils/db.server");
    const cs = await prisma.caseStudy.findUniqueOrThrow({
      where: { slug },
      include: { products: true, suppliers: true, serviceArea: true, lot: { include: { agreement: true } }, council: true },
    });
    expect(cs.status).toBe("draft");
    expect(cs.council.code).toBe("BNH");
    expect(cs.buyingRoute).toBe("direct-award");
    expect(cs.serviceArea.slug).toBe("it-infrastructure");
    expect(cs.products.map((p) => p.productId)).toEqual([awardedProductId]);
    const product = await prisma.product.findUniqueOrThrow({ where: { id: awardedProductId } });
    expect(cs.suppliers.map((s) => s.supplierId)).toEqual([product.supplierId]);
    expect(cs.lot?.agreement.number).toBe("RM1557.15");
    expect(cs.costExactPence).toBe(14_800_000n);
    // Asking again goes to the same draft rather than making another.
    const again = await call("project", "action", `/projects/${projectId}`, {
      cookie: buyerA,
      params: { id: projectId },
      form: { intent: "case-study" },
    });
    expect(again.headers.get("Location")).toBe(`/case-studies/${slug}/edit`);
  });

  it("shows who did what and when in the history and the printable record", async () => {
    const history = await json(
      await call("history", "loader", `/projects/${projectId}/history`, { cookie: buyerA, params: { id: projectId } }),
    );
    const labels = history.events.map((e: { label: string }) => e.label);
    for (const label of [
      "Started the project",
      "Updated the requirements and budget approval",
      "Saved a search",
      "Froze search results",
      "Added a service to the shortlist",
      "Set the evaluation criteria",
      "Saved evaluation scores",
      "Recorded the outcome",
      "Updated the notices checklist",
      "Created a draft case study",
    ]) {
      expect(labels).toContain(label);
    }
    // Everything by the buyer but the award decision, which a second officer made (four eyes).
    const byWho = (label: string) => history.events.filter((e: { label: string }) => e.label === label).map((e: { who: string }) => e.who);
    expect(byWho("Approved (four eyes)")).toEqual([expect.stringContaining("approver@brighton-hove.gov.uk")]);
    expect(
      history.events
        .filter((e: { label: string }) => e.label !== "Approved (four eyes)")
        .every((e: { who: string }) => e.who.includes(DEMO.buyerA)),
    ).toBe(true);
    const record = await json(
      await call("record", "loader", `/projects/${projectId}/record`, { cookie: buyerA, params: { id: projectId } }),
    );
    expect(record.outcome.kind).toBe("awarded");
    expect(record.shortlist).toHaveLength(3);
    expect(record.frozen[0].results.length).toBeGreaterThanOrEqual(5);
  });
});
