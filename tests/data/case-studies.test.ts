// Case studies end to end through the real loaders and actions: who may write and edit,
// validation, revisions, audit, stale edits, moderation, search and supplier responses.
// Each test writes its own case study through the council's and the administrator's routes
// (tests/support/case-studies.ts), so one failure never fails the tests after it.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, DEMO, makeRequest, responseOf } from "../support/session";
import {
  completeForm,
  decide,
  loadCaseStudyFixtures,
  publishedCaseStudy,
  reviewPage,
  writeCaseStudy,
  type CaseStudyFixtures,
} from "../support/case-studies";

useTestDatabase();

let fx: CaseStudyFixtures;

async function routes() {
  return {
    create: await import("~/routes/case-studies.new"),
    edit: await import("~/routes/case-studies.$slug.edit"),
    page: await import("~/routes/case-studies.$slug._index"),
    moderate: await import("~/routes/admin.case-studies.$slug"),
    respond: await import("~/routes/supplier.case-studies.$slug"),
    search: await import("~/routes/search"),
  };
}

/** The case studies a search for `word` finds under a service area: their ids. */
async function searchFor(word: string, serviceArea: string) {
  const { search } = await routes();
  const data = await search.loader({
    request: makeRequest(`/search?type=case-studies&q=${word}&serviceArea=${encodeURIComponent(serviceArea)}`),
    params: {},
    context,
  });
  const result = (data as { result: { hits: { id: string }[] } | null }).result;
  return result!.hits.map((h) => h.id);
}

beforeAll(async () => {
  fx = await loadCaseStudyFixtures();
});

describe("writing a case study", () => {
  it("rejects non-numeric measures with a clear message and keeps the answers", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { create } = await routes();
    const title = "Refused measures for housing repairs";
    const res = await responseOf(() =>
      create.action({
        request: makeRequest("/case-studies/new", {
          cookie: fx.cookies.buyerA,
          form: completeForm(fx, title, { "metrics.0.before": "twenty-eight" }),
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors["metrics.0.before"]).toEqual(["Enter the value before for “Days from report to repair” as a number, like 14"]);
    expect(body.values.title).toBe(title);
    expect(body.picker.selected.map((p: { id: string }) => p.id)).toEqual([fx.kestrelProduct.id, fx.otherProduct.id]);
    expect(await prisma.caseStudy.count({ where: { title } })).toBe(0);
  });

  it("adds a measure row without saving anything", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { create } = await routes();
    const before = await prisma.caseStudy.count();
    const res = await responseOf(() =>
      create.action({
        request: makeRequest("/case-studies/new", {
          cookie: fx.cookies.buyerA,
          form: completeForm(fx, "A row more", { intent: "add-metric", productQuery: "repairs" }),
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.adding).toBe("metrics");
    expect(body.values.title).toBe("A row more");
    expect(body.picker.query).toBe("repairs");
    expect(await prisma.caseStudy.count()).toBe(before);
  });

  it("only lets council officers write one, and only after confirming their email", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { create } = await routes();
    const asSupplier = await responseOf(() =>
      create.loader({ request: makeRequest("/case-studies/new", { cookie: fx.cookies.supplierA }), params: {}, context }),
    );
    expect(asSupplier.status).toBe(403);
    const anonymous = await responseOf(() => create.loader({ request: makeRequest("/case-studies/new"), params: {}, context }));
    expect(anonymous.status).toBe(302);

    await prisma.user.update({ where: { email: DEMO.buyerB }, data: { emailVerifiedAt: null } });
    try {
      const page = await create.loader({ request: makeRequest("/case-studies/new", { cookie: fx.cookies.buyerB }), params: {}, context });
      expect(page.needsVerification).toBe(true);
      const post = await responseOf(() =>
        create.action({
          request: makeRequest("/case-studies/new", {
            cookie: fx.cookies.buyerB,
            form: completeForm(fx, "Unverified officer's case study"),
          }),
          params: {},
          context,
        }),
      );
      expect(post.status).toBe(403);
      expect(await prisma.caseStudy.count({ where: { title: "Unverified officer's case study" } })).toBe(0);
    } finally {
      await prisma.user.update({ where: { email: DEMO.buyerB }, data: { emailVerifiedAt: new Date("2026-01-05T09:00:00Z") } });
    }
  });

  it("saves a submitted case study with its children, a revision, audit events and search outbox entries", async () => {
    const { prisma } = await import("~/utils/db.server");
    const title = "Zephyrine repairs portal halved the wait for housing repairs";
    const outboxBefore = await prisma.searchOutbox.aggregate({ _max: { seq: true } });
    const slug = await writeCaseStudy(fx, title);
    expect(slug).toBe("zephyrine-repairs-portal-halved-the-wait-for-housing-repairs");

    const cs = await prisma.caseStudy.findUniqueOrThrow({
      where: { slug },
      include: { council: true, metrics: { orderBy: { position: "asc" } }, products: true, suppliers: true, assets: true, revisions: true },
    });
    expect(cs.status).toBe("submitted");
    expect(cs.council.code).toBe("BNH");
    expect(cs.lockVersion).toBe(1);
    expect(cs.costExactPence).toBe(8_650_000n); // "86,500" pounds, stored as integer pence
    expect(cs.costBand).toBe("30k-100k");
    expect(cs.metrics.map((m) => [m.name, m.before, m.after, m.higherIsBetter])).toEqual([
      ["Days from report to repair", 28, 14, false],
      ["Tenant satisfaction", 61, 78, true],
    ]);
    expect(cs.products).toHaveLength(3);
    expect(cs.products.find((p) => !p.productId)?.unlistedName).toBe("Repairs scheduling spreadsheet");
    expect(cs.suppliers.map((s) => s.supplierId).sort()).toEqual([fx.kestrelProduct.supplierId, fx.otherProduct.supplierId].sort());
    expect(cs.assets[0].url).toBe("https://github.com/brighton-hove/repairs-pattern");
    expect(cs.revisions).toHaveLength(1);
    expect(JSON.parse(cs.revisions[0].snapshot).title).toBe(title);

    const audits = await prisma.auditEvent.findMany({
      where: { entityType: "case-study", entityId: cs.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["case-study.created", "case-study.submitted"]));
    expect(JSON.parse(audits.find((a) => a.action === "case-study.created")!.after!).metrics).toHaveLength(2);

    const outbox = await prisma.searchOutbox.findMany({ where: { seq: { gt: outboxBefore._max.seq ?? 0 } } });
    const queued = new Set(outbox.map((o) => `${o.entityType}:${o.entityId}`));
    expect(queued).toContain(`case-study:${cs.id}`);
    expect(queued).toContain(`product:${fx.kestrelProduct.id}`);
    expect(queued).toContain(`product:${fx.otherProduct.id}`);
    expect(queued).toContain(`supplier:${fx.kestrelProduct.supplierId}`);
  });

  it("keeps drafts and submissions private to the council and administrators", async () => {
    const { page } = await routes();
    const title = "A submission only its council can read";
    const slug = await writeCaseStudy(fx, title);
    const args = (cookie?: string) => ({ request: makeRequest(`/case-studies/${slug}`, { cookie }), params: { slug }, context });
    expect((await responseOf(() => page.loader(args()))).status).toBe(404);
    expect((await responseOf(() => page.loader(args(fx.cookies.buyerB)))).status).toBe(404);
    expect((await responseOf(() => page.loader(args(fx.cookies.supplierA)))).status).toBe(404);
    const own = await page.loader(args(fx.cookies.buyerA));
    expect(own.caseStudy.title).toBe(title);
    expect(own.canEdit).toBe(true);
    const admin = await page.loader(args(fx.cookies.admin));
    expect(admin.canModerate).toBe(true);
  });
});

describe("editing", () => {
  it("refuses another council's officer with 404 (as for no such case study), in the loader and the action, and audits it", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { edit } = await routes();
    const title = "Brighton and Hove's own words on repairs";
    const slug = await writeCaseStudy(fx, title);
    const refusedBefore = await prisma.auditEvent.count({ where: { action: "authorisation.refused", entityType: "case-study" } });
    const loader = await responseOf(() =>
      edit.loader({ request: makeRequest(`/case-studies/${slug}/edit`, { cookie: fx.cookies.buyerB }), params: { slug }, context }),
    );
    expect(loader.status).toBe(404);
    const action = await responseOf(() =>
      edit.action({
        request: makeRequest(`/case-studies/${slug}/edit`, {
          cookie: fx.cookies.buyerB,
          form: completeForm(fx, "Hijacked", { lockVersion: "1" }),
        }),
        params: { slug },
        context,
      }),
    );
    expect(action.status).toBe(404);
    expect((await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).title).toBe(title);
    const refused = await prisma.auditEvent.count({ where: { action: "authorisation.refused", entityType: "case-study" } });
    expect(refused - refusedBefore).toBe(2);
  });

  it("refuses a supplier with 403, even one the case study names", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { edit } = await routes();
    const title = "Repairs case study a supplier would like to change";
    const slug = await writeCaseStudy(fx, title);
    for (const cookie of [fx.cookies.supplierA, fx.cookies.supplierB]) {
      const loader = await responseOf(() =>
        edit.loader({ request: makeRequest(`/case-studies/${slug}/edit`, { cookie }), params: { slug }, context }),
      );
      expect(loader.status).toBe(403);
      const action = await responseOf(() =>
        edit.action({
          request: makeRequest(`/case-studies/${slug}/edit`, { cookie, form: completeForm(fx, "Supplier spin", { lockVersion: "1" }) }),
          params: { slug },
          context,
        }),
      );
      expect(action.status).toBe(403);
    }
    expect((await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).title).toBe(title);
  });

  it("saves with a new revision and refuses a stale edit, showing what changed", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { edit } = await routes();
    const title = "Repairs portal edited by two officers at once";
    const slug = await writeCaseStudy(fx, title);
    const opened = await edit.loader({
      request: makeRequest(`/case-studies/${slug}/edit`, { cookie: fx.cookies.buyerA }),
      params: { slug },
      context,
    });
    if (opened.needsVerification) throw new Error("buyer A should be verified");
    expect(opened.values.title).toBe(title);
    expect(opened.values["metrics.1.higherIsBetter"]).toBe("true");
    const openedVersion = String(opened.lockVersion);

    // First officer saves a change…
    const first = await responseOf(() =>
      edit.action({
        request: makeRequest(`/case-studies/${slug}/edit`, {
          cookie: fx.cookies.buyerA,
          form: completeForm(fx, title, { lockVersion: openedVersion, summary: "Tenants report and track repairs online." }),
        }),
        params: { slug },
        context,
      }),
    );
    expect(first.status).toBe(302);
    const saved = await prisma.caseStudy.findUniqueOrThrow({
      where: { slug },
      include: { revisions: { orderBy: { lockVersion: "asc" } } },
    });
    expect(saved.lockVersion).toBe(Number(openedVersion) + 1);
    expect(saved.revisions.map((r) => r.lockVersion)).toEqual([1, 2]);

    // …then a second officer, who opened the same version, tries to save theirs.
    const stale = await responseOf(() =>
      edit.action({
        request: makeRequest(`/case-studies/${slug}/edit`, {
          cookie: fx.cookies.buyerA,
          form: completeForm(fx, "A stale title", { lockVersion: openedVersion }),
        }),
        params: { slug },
        context,
      }),
    );
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.errors.form[0]).toMatch(/changed this case study since you opened it/);
    expect(body.conflict.map((c: { label: string }) => c.label)).toEqual(["Summary"]);
    expect(body.conflict[0].after).toBe("Tenants report and track repairs online.");
    expect(body.lockVersion).toBe(saved.lockVersion);
    expect(body.values.title).toBe("A stale title");
    const after = await prisma.caseStudy.findUniqueOrThrow({ where: { slug } });
    expect(after.title).toBe(title);
    expect(after.lockVersion).toBe(saved.lockVersion);

    const updated = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case-study.updated", entityId: saved.id } });
    expect(JSON.parse(updated.before!).summary).toBe("Tenants now report repairs online and track them.");
    expect(JSON.parse(updated.after!).summary).toBe("Tenants report and track repairs online.");
  });

  it("edits a draft another feature created directly in the database", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { edit } = await routes();
    const council = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
    const draft = await prisma.caseStudy.create({
      data: {
        slug: "draft-from-a-buying-project",
        title: "Draft from a buying project",
        councilId: council.id,
        serviceAreaId: fx.housing.id,
        summary: "",
        problem: "",
        approach: "",
        outcomeNarrative: "",
      },
    });
    await prisma.caseStudyProduct.create({ data: { caseStudyId: draft.id, productId: fx.kestrelProduct.id } });
    const opened = await edit.loader({
      request: makeRequest(`/case-studies/${draft.slug}/edit`, { cookie: fx.cookies.buyerA }),
      params: { slug: draft.slug },
      context,
    });
    if (opened.needsVerification) throw new Error("buyer A should be verified");
    expect(opened.status).toBe("draft");
    expect(opened.options.picker.selected.map((p) => p.id)).toEqual([fx.kestrelProduct.id]);
    const res = await responseOf(() =>
      edit.action({
        request: makeRequest(`/case-studies/${draft.slug}/edit`, {
          cookie: fx.cookies.buyerA,
          form: {
            intent: "save-draft",
            lockVersion: "1",
            title: "Draft from a buying project",
            serviceAreaId: fx.housing.id,
            productIds: [fx.kestrelProduct.id],
            problem: "Written later",
          },
        }),
        params: { slug: draft.slug },
        context,
      }),
    );
    expect(res.status).toBe(302);
    const revisions = await prisma.caseStudyRevision.findMany({ where: { caseStudyId: draft.id }, orderBy: { lockVersion: "asc" } });
    // The state it was created in is kept as a baseline, then the save.
    expect(revisions.map((r) => [r.lockVersion, JSON.parse(r.snapshot).problem])).toEqual([
      [1, ""],
      [2, "Written later"],
    ]);
    const suppliers = await prisma.caseStudySupplier.findMany({ where: { caseStudyId: draft.id } });
    expect(suppliers.map((s) => s.supplierId)).toEqual([fx.kestrelProduct.supplierId]);
  });
});

describe("moderation, search and supplier responses", () => {
  it("only lets administrators moderate", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { moderate } = await routes();
    const slug = await writeCaseStudy(fx, "Repairs case study only an administrator may approve");
    const view = await reviewPage(fx, slug);
    for (const cookie of [fx.cookies.buyerA, fx.cookies.supplierA]) {
      const res = await responseOf(() =>
        moderate.action({
          request: makeRequest(`/admin/case-studies/${slug}`, {
            cookie,
            form: { intent: "approve", lockVersion: String(view.caseStudy.lockVersion), contentToken: view.caseStudy.contentToken },
          }),
          params: { slug },
          context,
        }),
      );
      expect(res.status).toBe(403);
    }
    expect((await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).status).toBe("submitted");
  });

  it("shows the administrator every answer of a never-published case study and needs a reason to reject", async () => {
    const { prisma } = await import("~/utils/db.server");
    const title = "Repairs case study returned without a reason";
    const slug = await writeCaseStudy(fx, title);
    const view = await reviewPage(fx, slug);
    expect(view.lastPublished).toBeNull();
    expect(view.fields.find((f) => f.field === "title")!.after).toBe(title);
    const res = await decide(fx, slug, "reject", "");
    expect(res.status).toBe(400);
    expect((await res.json()).errors.reason).toEqual(["Enter the reason, so the council knows what to change"]);
    expect((await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).status).toBe("submitted");
    const returned = await decide(fx, slug, "reject", "Add what it cost");
    expect(returned.status).toBe(302);
    expect(await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).toMatchObject({
      status: "rejected",
      rejectionReason: "Add what it cost",
    });
  });

  it("refuses a decision on content that changed since the administrator opened it", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { moderate, edit } = await routes();
    const title = "Repairs case study changed under review";
    const slug = await writeCaseStudy(fx, title);
    const seen = await reviewPage(fx, slug);
    // The council changes its submission while the administrator reads it.
    const changed = await responseOf(() =>
      edit.action({
        request: makeRequest(`/case-studies/${slug}/edit`, {
          cookie: fx.cookies.buyerA,
          form: completeForm(fx, title, { lockVersion: String(seen.caseStudy.lockVersion), summary: "Now says something else." }),
        }),
        params: { slug },
        context,
      }),
    );
    expect(changed.status).toBe(302);
    const res = await responseOf(() =>
      moderate.action({
        request: makeRequest(`/admin/case-studies/${slug}`, {
          cookie: fx.cookies.admin,
          form: { intent: "approve", lockVersion: String(seen.caseStudy.lockVersion), contentToken: seen.caseStudy.contentToken },
        }),
        params: { slug },
        context,
      }),
    );
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.errors.form[0]).toMatch(/since you opened it/);
    // The page shows the case study as it is now, to decide on that.
    expect(body.conflict.fields.find((f: { field: string }) => f.field === "summary").after).toBe("Now says something else.");
    const cs = await prisma.caseStudy.findUniqueOrThrow({ where: { slug } });
    expect(cs.status).toBe("submitted");
    expect(await prisma.auditEvent.count({ where: { entityId: cs.id, action: "case-study.published" } })).toBe(0);
  });

  it("publishes: the case study appears in search under its service area, suppliers are told, and it is audited", async () => {
    const { prisma } = await import("~/utils/db.server");
    const slug = await writeCaseStudy(fx, "Quorvath repairs portal published for every council to read");
    expect(await searchFor("Quorvath", fx.housing.name)).toEqual([]);
    const cs = await prisma.caseStudy.findUniqueOrThrow({ where: { slug } });
    const res = await decide(fx, slug, "approve");
    expect(res.status).toBe(302);
    const published = await prisma.caseStudy.findUniqueOrThrow({
      where: { slug },
      include: { revisions: { orderBy: { lockVersion: "desc" }, take: 1 } },
    });
    expect(published.status).toBe("published");
    expect(published.publishedAt).not.toBeNull();
    expect(published.revisions[0].status).toBe("published");

    expect(await searchFor("Quorvath", fx.housing.name)).toEqual([cs.id]);
    expect(await searchFor("Quorvath", "Libraries")).toEqual([]);

    const notes = await prisma.notification.findMany({ where: { kind: "case-study.named", link: `/supplier/case-studies/${slug}` } });
    expect(notes.map((n) => n.supplierId).sort()).toEqual([fx.kestrelProduct.supplierId, fx.otherProduct.supplierId].sort());
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case-study.published", entityId: cs.id } });
    expect(JSON.parse(audit.before!)).toEqual({ status: "submitted" });
    expect(JSON.parse(audit.after!).status).toBe("published");

    // Product pages list it, and the public can read it.
    const productRoute = await import("~/routes/products.$id");
    const product = await productRoute.loader({
      request: makeRequest(`/products/${fx.kestrelProduct.id}`),
      params: { id: fx.kestrelProduct.id },
      context,
    });
    expect(product.product.caseStudies.map((c) => c.slug)).toContain(slug);
    const { page } = await routes();
    const publicPage = await page.loader({ request: makeRequest(`/case-studies/${slug}`), params: { slug }, context });
    expect(publicPage.canEdit).toBe(false);
    expect(publicPage.peers.length).toBeGreaterThan(0);
  });

  it("lets a named supplier respond, labelled as theirs, but not a supplier it does not name", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { respond, page } = await routes();
    const slug = await publishedCaseStudy(fx, "Repairs portal its supplier answers");
    const notNamed = await responseOf(() =>
      respond.loader({
        request: makeRequest(`/supplier/case-studies/${slug}`, { cookie: fx.cookies.supplierB }),
        params: { slug },
        context,
      }),
    );
    expect(notNamed.status).toBe(403);
    const opened = await respond.loader({
      request: makeRequest(`/supplier/case-studies/${slug}`, { cookie: fx.cookies.supplierA }),
      params: { slug },
      context,
    });
    expect(opened.response).toBe("");
    const res = await responseOf(() =>
      respond.action({
        request: makeRequest(`/supplier/case-studies/${slug}`, {
          cookie: fx.cookies.supplierA,
          form: { response: "Thank you. We have since added repair photos.", respondedAt: opened.respondedAt },
        }),
        params: { slug },
        context,
      }),
    );
    expect(res.status).toBe(302);
    // A second save from the same stale form is refused.
    const stale = await responseOf(() =>
      respond.action({
        request: makeRequest(`/supplier/case-studies/${slug}`, {
          cookie: fx.cookies.supplierA,
          form: { response: "Overwrite", respondedAt: "" },
        }),
        params: { slug },
        context,
      }),
    );
    expect(stale.status).toBe(409);
    const shown = await page.loader({ request: makeRequest(`/case-studies/${slug}`), params: { slug }, context });
    const response = shown.caseStudy.suppliers.find((s) => s.supplierId === fx.kestrelProduct.supplierId)!;
    expect(response.response).toBe("Thank you. We have since added repair photos.");
    // The council's words stay as the council wrote them.
    expect(shown.caseStudy.summary).toBe("Tenants now report repairs online and track them.");
    expect(await prisma.auditEvent.count({ where: { action: "case-study.supplier-responded", entityId: shown.caseStudy.id } })).toBe(1);
  });

  it("takes an unpublished case study out of search", async () => {
    const { prisma } = await import("~/utils/db.server");
    const slug = await publishedCaseStudy(fx, "Mistlebane repairs portal later unpublished");
    const cs = await prisma.caseStudy.findUniqueOrThrow({ where: { slug } });
    expect(await searchFor("Mistlebane", fx.housing.name)).toEqual([cs.id]);
    const res = await decide(fx, slug, "unpublish", "Names a member of staff");
    expect(res.status).toBe(302);
    expect(await searchFor("Mistlebane", fx.housing.name)).toEqual([]);
    expect(await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).toMatchObject({
      status: "withdrawn",
      rejectionReason: "Names a member of staff",
    });
  });
});

describe("reading: index, both-way links, peers and reusable assets", () => {
  it("lists published case studies newest first, by service area, with real pages", async () => {
    const { prisma } = await import("~/utils/db.server");
    const index = await import("~/routes/case-studies._index");
    const all = await index.loader({ request: makeRequest("/case-studies"), params: {}, context });
    const published = await prisma.caseStudy.count({ where: { status: "published" } });
    expect(all.total).toBe(published);
    const dates = all.items.map((c) => c.publishedAt!.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    const page2 = await index.loader({ request: makeRequest("/case-studies?page=2"), params: {}, context });
    expect(page2.items[0]?.slug).not.toBe(all.items[0].slug);
    const area = await prisma.caseStudy.findFirstOrThrow({
      where: { status: "published" },
      select: { serviceArea: { select: { slug: true, id: true } } },
    });
    const filtered = await index.loader({
      request: makeRequest(`/case-studies?serviceArea=${area.serviceArea.slug}`),
      params: {},
      context,
    });
    expect(filtered.total).toBe(await prisma.caseStudy.count({ where: { status: "published", serviceAreaId: area.serviceArea.id } }));
    const junk = await index.loader({ request: makeRequest("/case-studies?serviceArea=%3Cscript%3E&page=-4"), params: {}, context });
    expect(junk.page).toBe(1);
  });

  it("shows seeded case studies on their council, framework and supplier pages", async () => {
    const { prisma } = await import("~/utils/db.server");
    const withLot = await prisma.caseStudy.findFirstOrThrow({
      where: { status: "published", lotId: { not: null }, suppliers: { some: {} } },
      include: { council: true, lot: { include: { agreement: true } }, suppliers: { include: { supplier: true } } },
      orderBy: { id: "asc" },
    });
    const framework = await import("~/routes/frameworks.$number");
    const fw = await framework.loader({ request: makeRequest("/"), params: { number: withLot.lot!.agreement.number }, context });
    expect(fw.caseStudies.map((c) => c.slug)).toContain(withLot.slug);
    const councilRoute = await import("~/routes/councils.$code");
    const council = await councilRoute.loader({ request: makeRequest("/"), params: { code: withLot.council.code }, context });
    expect(council.council.caseStudies.map((c) => c.slug)).toContain(withLot.slug);
    const supplierRoute = await import("~/routes/suppliers.$slug");
    const supplier = await supplierRoute.loader({
      request: makeRequest("/"),
      params: { slug: withLot.suppliers[0].supplier.slug },
      context,
    });
    expect(supplier.supplier.caseStudyLinks.map((l) => l.caseStudy.slug)).toContain(withLot.slug);
  });

  it("ranks councils like Brighton and Hove with scores and reasons", async () => {
    const peersRoute = await import("~/routes/councils.$code_.peers");
    const data = await peersRoute.loader({ request: makeRequest("/councils/BNH/peers"), params: { code: "BNH" }, context });
    expect(data.peers).toHaveLength(20);
    expect(data.peers.map((p) => p.code)).not.toContain("BNH");
    const scores = data.peers.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(data.peers[0].reasons).toContain("same type of council");
    const missing = await responseOf(() =>
      peersRoute.loader({ request: makeRequest("/councils/ZZZ/peers"), params: { code: "ZZZ" }, context }),
    );
    expect(missing.status).toBe(404);
  });

  it("counts councils and assets in the reuse register, filtered by words, type and service area", async () => {
    const { prisma } = await import("~/utils/db.server");
    const reuse = await import("~/routes/reuse");
    const all = await reuse.loader({ request: makeRequest("/reuse"), params: {}, context });
    const assets = await prisma.reusableAsset.findMany({
      where: { caseStudy: { status: "published" } },
      select: { type: true, caseStudy: { select: { councilId: true } } },
    });
    expect(all.total).toBe(assets.length);
    expect(all.councils).toBe(new Set(assets.map((a) => a.caseStudy.councilId)).size);
    const code = await reuse.loader({ request: makeRequest("/reuse?type=code"), params: {}, context });
    expect(code.total).toBe(assets.filter((a) => a.type === "code").length);
    expect(code.items.every((a) => a.type === "code")).toBe(true);
    const myAccount = await reuse.loader({ request: makeRequest("/reuse?q=my+account"), params: {}, context });
    expect(myAccount.total).toBeGreaterThan(0);
    expect(
      myAccount.items.every((a) => /my account|portal|resident account/i.test(`${a.title} ${a.description} ${a.caseStudy.title}`)),
    ).toBe(true);
    const none = await reuse.loader({ request: makeRequest("/reuse?q=zzqqxx"), params: {}, context });
    expect(none.total).toBe(0);
  });
});
