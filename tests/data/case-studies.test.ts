// Case studies end to end through the real loaders and actions: who may write and edit,
// validation, revisions, audit, stale edits, moderation, search and supplier responses.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

type Form = Record<string, string | string[]>;

const TITLE = "Zephyrine repairs portal halved the wait for housing repairs";
let cookies: Record<keyof typeof DEMO, string>;
let kestrelProduct: { id: string; supplierId: string };
let otherProduct: { id: string; supplierId: string };
let housing: { id: string; name: string; slug: string };
let slug = "";

function completeForm(overrides: Form = {}): Form {
  return {
    intent: "submit",
    title: TITLE,
    serviceAreaId: housing.id,
    summary: "Tenants now report repairs online and track them.",
    problem: "Repairs were reported by phone and tenants could not see progress.",
    approach: "We bought a repairs portal on G-Cloud and ran it alongside our own workflow.",
    "metrics.0.name": "Days from report to repair",
    "metrics.0.before": "28",
    "metrics.0.after": "14",
    "metrics.0.unit": "days",
    "metrics.1.name": "Tenant satisfaction",
    "metrics.1.before": "61",
    "metrics.1.after": "78",
    "metrics.1.unit": "%",
    "metrics.1.higherIsBetter": "true",
    "metrics.2.name": "",
    "metrics.2.before": "",
    "metrics.2.after": "",
    "metrics.2.unit": "",
    outcomeNarrative: "Repairs are faster and tenants can see where things are.",
    costExact: "86,500",
    costBand: "",
    funding: "Housing revenue account",
    "startDate-day": "1",
    "startDate-month": "4",
    "startDate-year": "2025",
    "endDate-day": "30",
    "endDate-month": "9",
    "endDate-year": "2025",
    productIds: [kestrelProduct.id, otherProduct.id],
    "unlisted.0.name": "Repairs scheduling spreadsheet",
    "unlisted.0.supplierName": "Built in-house",
    lotId: "",
    buyingRoute: "direct-award",
    "assets.0.title": "Repairs reporting pattern",
    "assets.0.type": "pattern",
    "assets.0.url": "https://github.com/brighton-hove/repairs-pattern",
    "assets.0.licence": "MIT",
    "assets.0.description": "How we ask tenants about a repair.",
    lessons: "Talk to the repairs team first.",
    contactName: "Priya Patel",
    contactEmail: "priya.patel@brighton-hove.gov.uk",
    ...overrides,
  };
}

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

beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  cookies = {
    admin: await cookieFor(DEMO.admin),
    buyerA: await cookieFor(DEMO.buyerA),
    buyerB: await cookieFor(DEMO.buyerB),
    supplierA: await cookieFor(DEMO.supplierA),
    supplierB: await cookieFor(DEMO.supplierB),
  };
  const published = { status: "published", publishedVersionId: { not: null } };
  kestrelProduct = (await prisma.product.findFirstOrThrow({
    where: { ...published, supplier: { slug: "kestrel-civic-software" } },
    orderBy: { id: "asc" },
    select: { id: true, supplierId: true },
  }))!;
  otherProduct = (await prisma.product.findFirstOrThrow({
    where: { ...published, supplier: { slug: { notIn: ["kestrel-civic-software", "brightwater-digital"] } } },
    orderBy: { id: "asc" },
    select: { id: true, supplierId: true },
  }))!;
  housing = await prisma.serviceArea.findUniqueOrThrow({ where: { slug: "housing" }, select: { id: true, name: true, slug: true } });
});

describe("writing a case study", () => {
  it("rejects non-numeric measures with a clear message and keeps the answers", async () => {
    const { create } = await routes();
    const res = await responseOf(() =>
      create.action({
        request: makeRequest("/case-studies/new", { cookie: cookies.buyerA, form: completeForm({ "metrics.0.before": "twenty-eight" }) }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors["metrics.0.before"]).toEqual(["Enter the value before as a number, like 14"]);
    expect(body.values.title).toBe(TITLE);
    expect(body.picker.selected.map((p: { id: string }) => p.id)).toEqual([kestrelProduct.id, otherProduct.id]);
  });

  it("adds a measure row without saving anything", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { create } = await routes();
    const before = await prisma.caseStudy.count();
    const res = await responseOf(() =>
      create.action({
        request: makeRequest("/case-studies/new", { cookie: cookies.buyerA, form: completeForm({ intent: "add-metric" }) }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).adding).toBe("metrics");
    expect(await prisma.caseStudy.count()).toBe(before);
  });

  it("only lets council officers write one, and only after confirming their email", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { create } = await routes();
    const asSupplier = await responseOf(() =>
      create.loader({ request: makeRequest("/case-studies/new", { cookie: cookies.supplierA }), params: {}, context }),
    );
    expect(asSupplier.status).toBe(403);
    const anonymous = await responseOf(() => create.loader({ request: makeRequest("/case-studies/new"), params: {}, context }));
    expect(anonymous.status).toBe(302);

    await prisma.user.update({ where: { email: DEMO.buyerB }, data: { emailVerifiedAt: null } });
    try {
      const page = await create.loader({ request: makeRequest("/case-studies/new", { cookie: cookies.buyerB }), params: {}, context });
      expect(page.needsVerification).toBe(true);
      const post = await responseOf(() =>
        create.action({ request: makeRequest("/case-studies/new", { cookie: cookies.buyerB, form: completeForm() }), params: {}, context }),
      );
      expect(post.status).toBe(403);
    } finally {
      await prisma.user.update({ where: { email: DEMO.buyerB }, data: { emailVerifiedAt: new Date("2026-01-05T09:00:00Z") } });
    }
  });

  it("saves a submitted case study with its children, a revision, audit events and search outbox entries", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { create } = await routes();
    const outboxBefore = await prisma.searchOutbox.aggregate({ _max: { seq: true } });
    const res = await responseOf(() =>
      create.action({ request: makeRequest("/case-studies/new", { cookie: cookies.buyerA, form: completeForm() }), params: {}, context }),
    );
    expect(res.status).toBe(302);
    slug = res.headers.get("Location")!.replace("/case-studies/", "");
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
    expect(cs.suppliers.map((s) => s.supplierId).sort()).toEqual([kestrelProduct.supplierId, otherProduct.supplierId].sort());
    expect(cs.assets[0].url).toBe("https://github.com/brighton-hove/repairs-pattern");
    expect(cs.revisions).toHaveLength(1);
    expect(JSON.parse(cs.revisions[0].snapshot).title).toBe(TITLE);

    const audits = await prisma.auditEvent.findMany({
      where: { entityType: "case-study", entityId: cs.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["case-study.created", "case-study.submitted"]));
    expect(JSON.parse(audits.find((a) => a.action === "case-study.created")!.after!).metrics).toHaveLength(2);

    const outbox = await prisma.searchOutbox.findMany({ where: { seq: { gt: outboxBefore._max.seq ?? 0 } } });
    const queued = new Set(outbox.map((o) => `${o.entityType}:${o.entityId}`));
    expect(queued).toContain(`case-study:${cs.id}`);
    expect(queued).toContain(`product:${kestrelProduct.id}`);
    expect(queued).toContain(`product:${otherProduct.id}`);
    expect(queued).toContain(`supplier:${kestrelProduct.supplierId}`);
  });

  it("keeps drafts and submissions private to the council and administrators", async () => {
    const { page } = await routes();
    const args = (cookie?: string) => ({ request: makeRequest(`/case-studies/${slug}`, { cookie }), params: { slug }, context });
    expect((await responseOf(() => page.loader(args()))).status).toBe(404);
    expect((await responseOf(() => page.loader(args(cookies.buyerB)))).status).toBe(404);
    expect((await responseOf(() => page.loader(args(cookies.supplierA)))).status).toBe(404);
    const own = await page.loader(args(cookies.buyerA));
    expect(own.caseStudy.title).toBe(TITLE);
    expect(own.canEdit).toBe(true);
    const admin = await page.loader(args(cookies.admin));
    expect(admin.canModerate).toBe(true);
  });
});

describe("editing", () => {
  it("refuses another council's officer with 404 (as for no such case study), in the loader and the action, and audits it", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { edit } = await routes();
    const loader = await responseOf(() =>
      edit.loader({ request: makeRequest(`/case-studies/${slug}/edit`, { cookie: cookies.buyerB }), params: { slug }, context }),
    );
    expect(loader.status).toBe(404);
    const action = await responseOf(() =>
      edit.action({
        request: makeRequest(`/case-studies/${slug}/edit`, {
          cookie: cookies.buyerB,
          form: completeForm({ title: "Hijacked", lockVersion: "1" }),
        }),
        params: { slug },
        context,
      }),
    );
    expect(action.status).toBe(404);
    expect((await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).title).toBe(TITLE);
    const refused = await prisma.auditEvent.count({ where: { action: "authorisation.refused", entityType: "case-study" } });
    expect(refused).toBeGreaterThanOrEqual(2);
  });

  it("refuses a supplier with 403, even one the case study names", async () => {
    const { edit } = await routes();
    for (const cookie of [cookies.supplierA, cookies.supplierB]) {
      const loader = await responseOf(() =>
        edit.loader({ request: makeRequest(`/case-studies/${slug}/edit`, { cookie }), params: { slug }, context }),
      );
      expect(loader.status).toBe(403);
      const action = await responseOf(() =>
        edit.action({
          request: makeRequest(`/case-studies/${slug}/edit`, { cookie, form: completeForm({ title: "Supplier spin", lockVersion: "1" }) }),
          params: { slug },
          context,
        }),
      );
      expect(action.status).toBe(403);
    }
  });

  it("saves with a new revision and refuses a stale edit, showing what changed", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { edit } = await routes();
    const opened = await edit.loader({
      request: makeRequest(`/case-studies/${slug}/edit`, { cookie: cookies.buyerA }),
      params: { slug },
      context,
    });
    if (opened.needsVerification) throw new Error("buyer A should be verified");
    expect(opened.values.title).toBe(TITLE);
    expect(opened.values["metrics.1.higherIsBetter"]).toBe("true");
    const openedVersion = String(opened.lockVersion);

    // First officer saves a change…
    const first = await responseOf(() =>
      edit.action({
        request: makeRequest(`/case-studies/${slug}/edit`, {
          cookie: cookies.buyerA,
          form: completeForm({ lockVersion: openedVersion, summary: "Tenants report and track repairs online." }),
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
          cookie: cookies.buyerA,
          form: completeForm({ lockVersion: openedVersion, title: "A stale title" }),
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
    expect(after.title).toBe(TITLE);
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
        serviceAreaId: housing.id,
        summary: "",
        problem: "",
        approach: "",
        outcomeNarrative: "",
      },
    });
    await prisma.caseStudyProduct.create({ data: { caseStudyId: draft.id, productId: kestrelProduct.id } });
    const opened = await edit.loader({
      request: makeRequest(`/case-studies/${draft.slug}/edit`, { cookie: cookies.buyerA }),
      params: { slug: draft.slug },
      context,
    });
    if (opened.needsVerification) throw new Error("buyer A should be verified");
    expect(opened.status).toBe("draft");
    expect(opened.options.picker.selected.map((p) => p.id)).toEqual([kestrelProduct.id]);
    const res = await responseOf(() =>
      edit.action({
        request: makeRequest(`/case-studies/${draft.slug}/edit`, {
          cookie: cookies.buyerA,
          form: {
            intent: "save-draft",
            lockVersion: "1",
            title: "Draft from a buying project",
            serviceAreaId: housing.id,
            productIds: [kestrelProduct.id],
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
    expect(suppliers.map((s) => s.supplierId)).toEqual([kestrelProduct.supplierId]);
  });
});

describe("moderation, search and supplier responses", () => {
  async function searchFor(serviceArea: string) {
    const { search } = await routes();
    const data = await search.loader({
      request: makeRequest(`/search?type=case-studies&q=Zephyrine&serviceArea=${encodeURIComponent(serviceArea)}`),
      params: {},
      context,
    });
    const result = (data as { result: { hits: { id: string }[] } | null }).result;
    return result!.hits.map((h) => h.id);
  }

  it("only lets administrators moderate", async () => {
    const { moderate } = await routes();
    for (const cookie of [cookies.buyerA, cookies.supplierA]) {
      const res = await responseOf(() =>
        moderate.action({
          request: makeRequest(`/admin/case-studies/${slug}`, { cookie, form: { intent: "approve", lockVersion: "2" } }),
          params: { slug },
          context,
        }),
      );
      expect(res.status).toBe(403);
    }
  });

  it("shows the administrator every answer of a never-published case study and needs a reason to reject", async () => {
    const { moderate } = await routes();
    const view = await moderate.loader({
      request: makeRequest(`/admin/case-studies/${slug}`, { cookie: cookies.admin }),
      params: { slug },
      context,
    });
    expect(view.lastPublished).toBeNull();
    expect(view.fields.find((f) => f.field === "title")!.after).toBe(TITLE);
    const res = await responseOf(() =>
      moderate.action({
        request: makeRequest(`/admin/case-studies/${slug}`, {
          cookie: cookies.admin,
          form: {
            intent: "reject",
            lockVersion: String(view.caseStudy.lockVersion),
            contentToken: view.caseStudy.contentToken,
            reason: "",
          },
        }),
        params: { slug },
        context,
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).errors.reason).toEqual(["Enter the reason, so the council knows what to change"]);
  });

  it("publishes: the case study appears in search under its service area, suppliers are told, and it is audited", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { moderate } = await routes();
    expect(await searchFor(housing.name)).toEqual([]);
    const cs = await prisma.caseStudy.findUniqueOrThrow({ where: { slug } });
    const view = await moderate.loader({
      request: makeRequest(`/admin/case-studies/${slug}`, { cookie: cookies.admin }),
      params: { slug },
      context,
    });
    const res = await responseOf(() =>
      moderate.action({
        request: makeRequest(`/admin/case-studies/${slug}`, {
          cookie: cookies.admin,
          form: { intent: "approve", lockVersion: String(cs.lockVersion), contentToken: view.caseStudy.contentToken },
        }),
        params: { slug },
        context,
      }),
    );
    expect(res.status).toBe(302);
    const published = await prisma.caseStudy.findUniqueOrThrow({
      where: { slug },
      include: { revisions: { orderBy: { lockVersion: "desc" }, take: 1 } },
    });
    expect(published.status).toBe("published");
    expect(published.publishedAt).not.toBeNull();
    expect(published.revisions[0].status).toBe("published");

    expect(await searchFor(housing.name)).toEqual([cs.id]);
    expect(await searchFor("Libraries")).toEqual([]);

    const notes = await prisma.notification.findMany({ where: { kind: "case-study.named", link: `/supplier/case-studies/${slug}` } });
    expect(notes.map((n) => n.supplierId).sort()).toEqual([kestrelProduct.supplierId, otherProduct.supplierId].sort());
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "case-study.published", entityId: cs.id } });
    expect(JSON.parse(audit.before!)).toEqual({ status: "submitted" });
    expect(JSON.parse(audit.after!).status).toBe("published");

    // Product pages list it, and the public can read it.
    const productRoute = await import("~/routes/products.$id");
    const product = await productRoute.loader({
      request: makeRequest(`/products/${kestrelProduct.id}`),
      params: { id: kestrelProduct.id },
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
    const notNamed = await responseOf(() =>
      respond.loader({ request: makeRequest(`/supplier/case-studies/${slug}`, { cookie: cookies.supplierB }), params: { slug }, context }),
    );
    expect(notNamed.status).toBe(403);
    const opened = await respond.loader({
      request: makeRequest(`/supplier/case-studies/${slug}`, { cookie: cookies.supplierA }),
      params: { slug },
      context,
    });
    expect(opened.response).toBe("");
    const res = await responseOf(() =>
      respond.action({
        request: makeRequest(`/supplier/case-studies/${slug}`, {
          cookie: cookies.supplierA,
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
          cookie: cookies.supplierA,
          form: { response: "Overwrite", respondedAt: "" },
        }),
        params: { slug },
        context,
      }),
    );
    expect(stale.status).toBe(409);
    const shown = await page.loader({ request: makeRequest(`/case-studies/${slug}`), params: { slug }, context });
    const response = shown.caseStudy.suppliers.find((s) => s.supplierId === kestrelProduct.supplierId)!;
    expect(response.response).toBe("Thank you. We have since added repair photos.");
    expect(shown.caseStudy.summary).toBe("Tenants report and track repairs online.");
    expect(await prisma.auditEvent.count({ where: { action: "case-study.supplier-responded", entityId: shown.caseStudy.id } })).toBe(1);
  });

  it("takes an unpublished case study out of search", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { moderate } = await routes();
    const cs = await prisma.caseStudy.findUniqueOrThrow({ where: { slug } });
    const res = await responseOf(() =>
      moderate.action({
        request: makeRequest(`/admin/case-studies/${slug}`, {
          cookie: cookies.admin,
          form: { intent: "unpublish", lockVersion: String(cs.lockVersion), reason: "Names a member of staff" },
        }),
        params: { slug },
        context,
      }),
    );
    expect(res.status).toBe(302);
    expect(await searchFor(housing.name)).toEqual([]);
    expect((await prisma.caseStudy.findUniqueOrThrow({ where: { slug } })).rejectionReason).toBe("Names a member of staff");
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
