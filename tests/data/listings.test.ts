// Listings: ownership on every route, versions and moderation, stale edits, CSV import.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

const ABOUT = {
  name: "Bin Day Finder",
  summary: "Residents check their collection day.",
  description: "A hosted service that tells residents which bins go out when.",
  category: "Waste and recycling",
};

async function prisma() {
  return (await import("~/utils/db.server")).prisma;
}

async function kestrelProduct() {
  const db = await prisma();
  return db.product.findFirstOrThrow({
    where: { supplier: { slug: "kestrel-civic-software" }, status: "published" },
    include: { publishedVersion: true },
  });
}

async function lotIdsFor(email: string) {
  const { listListableLots } = await import("~/models/award.server");
  const db = await prisma();
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const { now } = await import("~/utils/clock.server");
  return (await listListableLots(user.supplierId!, now())).map((l) => l.id);
}

async function post(
  routeModule: string,
  path: string,
  params: Record<string, string>,
  cookie: string | undefined,
  form: Record<string, string | string[]>,
) {
  const route = await import(/* @vite-ignore */ routeModule);
  return responseOf(() => route.action({ request: makeRequest(path, { cookie, form }), params, context }));
}

async function get(routeModule: string, path: string, params: Record<string, string>, cookie?: string) {
  const route = await import(/* @vite-ignore */ routeModule);
  return responseOf(() => route.loader({ request: makeRequest(path, { cookie }), params, context }));
}

describe("ownership", () => {
  it("gives another supplier's user 404 (as for no such listing) on every listing route: view draft, edit, submit, withdraw", async () => {
    const db = await prisma();
    const draft = await db.product.findFirstOrThrow({
      where: { supplier: { slug: "kestrel-civic-software" } },
      orderBy: { createdAt: "desc" },
    });
    const product = await kestrelProduct();
    const cookie = await cookieFor(DEMO.supplierB);
    const checks = [
      await get("~/routes/supplier.listings.$id._index", `/supplier/listings/${draft.id}`, { id: draft.id }, cookie),
      await get("~/routes/supplier.listings.$id.preview", `/supplier/listings/${draft.id}/preview`, { id: draft.id }, cookie),
      await get("~/routes/supplier.listings.$id.history", `/supplier/listings/${draft.id}/history`, { id: draft.id }, cookie),
      await get(
        "~/routes/supplier.listings.$id.$section",
        `/supplier/listings/${draft.id}/about`,
        { id: draft.id, section: "about" },
        cookie,
      ),
      await post(
        "~/routes/supplier.listings.$id.$section",
        `/supplier/listings/${product.id}/about`,
        { id: product.id, section: "about" },
        cookie,
        { lockVersion: String(product.lockVersion), ...ABOUT },
      ),
      await post("~/routes/supplier.listings.$id._index", `/supplier/listings/${product.id}`, { id: product.id }, cookie, {
        lockVersion: String(product.lockVersion),
        intent: "submit",
      }),
      await post("~/routes/supplier.listings.$id._index", `/supplier/listings/${product.id}`, { id: product.id }, cookie, {
        lockVersion: String(product.lockVersion),
        intent: "withdraw",
      }),
    ];
    expect(checks.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    const after = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(after.status).toBe("published");
    expect(after.lockVersion).toBe(product.lockVersion);
  });

  it("gives a buyer 403 and a signed-out visitor a sign-in redirect", async () => {
    const product = await kestrelProduct();
    const buyer = await get(
      "~/routes/supplier.listings.$id._index",
      `/supplier/listings/${product.id}`,
      { id: product.id },
      await cookieFor(DEMO.buyerA),
    );
    expect(buyer.status).toBe(403);
    const anon = await get("~/routes/supplier.listings.$id._index", `/supplier/listings/${product.id}`, { id: product.id });
    expect(anon.status).toBe(302);
  });

  it("refuses lots the supplier is not verified on", async () => {
    const product = await kestrelProduct();
    const db = await prisma();
    const foreignLot = await db.lot.findFirstOrThrow({
      where: { awards: { none: { supplier: { slug: "kestrel-civic-software" }, verified: true } } },
    });
    const res = await post(
      "~/routes/supplier.listings.$id.$section",
      `/supplier/listings/${product.id}/lots`,
      { id: product.id, section: "lots" },
      await cookieFor(DEMO.supplierA),
      {
        lockVersion: String(product.lockVersion),
        lotIds: [foreignLot.id],
      },
    );
    expect(res.status).toBe(400);
    expect((await res.json()).errors.lotIds[0]).toMatch(/verified award/);
  });
});

describe("versions and moderation", () => {
  it("keeps the published version live while an edit awaits approval, then swaps it in", async () => {
    const product = await kestrelProduct();
    const oldName = product.publishedVersion!.name;
    const supplier = await cookieFor(DEMO.supplierA);
    const save = await post(
      "~/routes/supplier.listings.$id.$section",
      `/supplier/listings/${product.id}/about`,
      { id: product.id, section: "about" },
      supplier,
      {
        lockVersion: String(product.lockVersion),
        name: `${oldName} 2027`,
        summary: product.publishedVersion!.summary,
        description: product.publishedVersion!.description,
        category: product.publishedVersion!.category,
      },
    );
    expect(save.status).toBe(302);
    const db = await prisma();
    // A lot whose framework has ended since it was published cannot be submitted again: keep the live ones.
    const lotsSaved = await post(
      "~/routes/supplier.listings.$id.$section",
      `/supplier/listings/${product.id}/lots`,
      { id: product.id, section: "lots" },
      supplier,
      {
        lockVersion: String((await db.product.findUniqueOrThrow({ where: { id: product.id } })).lockVersion),
        lotIds: await lotIdsFor(DEMO.supplierA),
      },
    );
    expect(lotsSaved.status).toBe(302);
    const afterSave = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    const submit = await post("~/routes/supplier.listings.$id._index", `/supplier/listings/${product.id}`, { id: product.id }, supplier, {
      lockVersion: String(afterSave.lockVersion),
      intent: "submit",
    });
    expect(submit.status).toBe(302);

    const { getPublishedProduct } = await import("~/models/product.server");
    expect((await getPublishedProduct(product.id))!.version.name).toBe(oldName);

    const pending = await db.productVersion.findFirstOrThrow({ where: { productId: product.id, status: "submitted" } });
    expect(pending.versionNumber).toBe(product.publishedVersion!.versionNumber + 1);
    const admin = await cookieFor(DEMO.admin);
    const review = await get("~/routes/admin.moderation.$versionId", `/admin/moderation/${pending.id}`, { versionId: pending.id }, admin);
    const reviewData = await review.json();
    expect(reviewData.published.name).toBe(oldName);
    expect(reviewData.values.name).toBe(`${oldName} 2027`);
    const approve = await post(
      "~/routes/admin.moderation.$versionId",
      `/admin/moderation/${pending.id}`,
      { versionId: pending.id },
      admin,
      { decision: "approve", contentToken: reviewData.contentToken },
    );
    expect(approve.status).toBe(302);
    expect((await getPublishedProduct(product.id))!.version.name).toBe(`${oldName} 2027`);
    const old = await db.productVersion.findUniqueOrThrow({ where: { id: product.publishedVersionId! } });
    expect(old.status).toBe("superseded");
    const actions = (await db.auditEvent.findMany({ where: { entityId: product.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["product.section-saved:about", "product.submitted", "product.approved"]));
  });

  it("refuses a stale edit with a clear message and both versions", async () => {
    const db = await prisma();
    const product = await db.product.findFirstOrThrow({
      where: { supplier: { slug: "kestrel-civic-software" }, status: "published" },
      skip: 1,
      include: { publishedVersion: true },
    });
    const supplier = await cookieFor(DEMO.supplierA);
    const stale = String(product.lockVersion);
    const first = await post(
      "~/routes/supplier.listings.$id.$section",
      `/supplier/listings/${product.id}/about`,
      { id: product.id, section: "about" },
      supplier,
      { lockVersion: stale, ...ABOUT, name: "First editor's name" },
    );
    expect(first.status).toBe(302);
    const second = await post(
      "~/routes/supplier.listings.$id.$section",
      `/supplier/listings/${product.id}/about`,
      { id: product.id, section: "about" },
      supplier,
      { lockVersion: stale, ...ABOUT, name: "Second editor's name" },
    );
    expect(second.status).toBe(409);
    const body = await second.json();
    // A conflict (409) that says what the other save changed; the form keeps what this editor typed.
    expect(body.failure.kind).toBe("conflict");
    expect(body.errors.form[0]).toMatch(/changed since you opened it/);
    expect(body.errors.form[0]).toMatch(/Listing name now reads “First editor's name”/);
    expect(body.errors.form[0]).not.toMatch(/Summary now reads/);
    expect(body.values.name).toBe("Second editor's name");
    // The page loaded again shows the saved version and the lock to save over it with.
    const reloaded = await (
      await get(
        "~/routes/supplier.listings.$id.$section",
        `/supplier/listings/${product.id}/about`,
        { id: product.id, section: "about" },
        supplier,
      )
    ).json();
    expect(reloaded.values.name).toBe("First editor's name");
    expect(reloaded.lockVersion).toBe(product.lockVersion + 1);
    const working = await db.productVersion.findFirstOrThrow({ where: { productId: product.id, status: "draft" } });
    expect(working.name).toBe("First editor's name");
  });

  it("rejects with a reason the supplier sees, and validates the decision", async () => {
    const supplier = await cookieFor(DEMO.supplierA);
    const created = await post("~/routes/supplier.listings.new", "/supplier/listings/new", {}, supplier, {});
    const id = created.headers.get("Location")!.split("/").pop()!;
    const lots = await lotIdsFor(DEMO.supplierA);
    const sections: [string, Record<string, string | string[]>][] = [
      ["about", ABOUT],
      ["features", { features: "Postcode lookup\nCalendar export", benefits: "Fewer calls" }],
      ["pricing", { priceFrom: "1200", priceUnit: "per instance per month", vatIncluded: "no", freeTrial: "yes", pricingDocumentUrl: "" }],
      ["lots", { lotIds: [lots[0]] }],
      [
        "data-security",
        {
          dataLocation: "UK",
          security: ["cyber-essentials-plus"],
          securityEvidence: "Cyber Essentials Plus certificate from IASME, renewed every year.",
          accessibilityLevel: "wcag-2.2-aa",
          accessibilityStatementUrl: "https://kestrel.example/accessibility",
        },
      ],
      ["onboarding", { serviceId: "", onboarding: "Two weeks to load rounds and train staff.", offboarding: "CSV export at any time." }],
      ["data-formats", { dataImportFormats: "csv", dataExportFormats: ["csv", "json"] }],
      [
        "availability",
        {
          availability: "99.9",
          availabilityMeasurement: "Checked every minute.",
          supportHours: "business-hours",
          supportResponse: "4-hours",
        },
      ],
      ["backup", { backupFrequency: "daily", backupRecovery: "Nightly backups kept 30 days." }],
      ["standards", { hasApi: "no", standards: "OpenAPI 3", integrations: "" }],
    ];
    const db = await prisma();
    for (const [section, form] of sections) {
      const { lockVersion } = await db.product.findUniqueOrThrow({ where: { id } });
      const res = await post("~/routes/supplier.listings.$id.$section", `/supplier/listings/${id}/${section}`, { id, section }, supplier, {
        lockVersion: String(lockVersion),
        ...form,
      });
      expect(res.status, `section ${section}`).toBe(302);
    }
    const { lockVersion } = await db.product.findUniqueOrThrow({ where: { id } });
    const submitted = await post("~/routes/supplier.listings.$id._index", `/supplier/listings/${id}`, { id }, supplier, {
      lockVersion: String(lockVersion),
      intent: "submit",
    });
    expect(submitted.status, submitted.status === 302 ? "" : JSON.stringify(await submitted.clone().json())).toBe(302);
    const version = await db.productVersion.findFirstOrThrow({ where: { productId: id } });
    const admin = await cookieFor(DEMO.admin);
    const { contentToken } = await (
      await get("~/routes/admin.moderation.$versionId", `/admin/moderation/${version.id}`, { versionId: version.id }, admin)
    ).json();
    const noReason = await post(
      "~/routes/admin.moderation.$versionId",
      `/admin/moderation/${version.id}`,
      { versionId: version.id },
      admin,
      { decision: "reject", contentToken, reason: "" },
    );
    expect(noReason.status).toBe(400);
    const reject = await post("~/routes/admin.moderation.$versionId", `/admin/moderation/${version.id}`, { versionId: version.id }, admin, {
      decision: "reject",
      contentToken,
      reason: "Add your price per household",
    });
    expect(reject.status).toBe(302);
    const page = await (await get("~/routes/supplier.listings.$id._index", `/supplier/listings/${id}`, { id }, supplier)).json();
    expect(page.working.status).toBe("rejected");
    expect(page.working.rejectionReason).toBe("Add your price per household");
    const supplierB = await cookieFor(DEMO.supplierB);
    expect((await get("~/routes/admin.moderation._index", "/admin/moderation", {}, supplierB)).status).toBe(403);
  });

  it("stores markup as text", async () => {
    const db = await prisma();
    const product = await db.product.findFirstOrThrow({
      where: { supplier: { slug: "kestrel-civic-software" }, status: "published" },
      skip: 2,
    });
    const res = await post(
      "~/routes/supplier.listings.$id.$section",
      `/supplier/listings/${product.id}/about`,
      { id: product.id, section: "about" },
      await cookieFor(DEMO.supplierA),
      {
        lockVersion: String(product.lockVersion),
        ...ABOUT,
        name: "<script>alert('x')</script> Bins",
      },
    );
    expect(res.status).toBe(302);
    const working = await db.productVersion.findFirstOrThrow({ where: { productId: product.id, status: "draft" } });
    expect(working.name).toBe("<script>alert('x')</script> Bins");
  });
});

describe("CSV import", () => {
  async function upload(csv: string, mode: "valid" | "all", filename = "listings.csv", type = "text/csv") {
    const cookie = await cookieFor(DEMO.supplierA);
    const form = new FormData();
    form.set("mode", mode);
    form.set("file", new File([csv], filename, { type }));
    const request = new Request("http://localhost/supplier/import", { method: "POST", body: form, headers: { Cookie: cookie } });
    const route = await import("~/routes/supplier.import");
    return responseOf(() => route.action({ request, params: {}, context }));
  }

  async function csvWithRows(rows: string[][]) {
    const { CSV_COLUMNS } = await import("~/models/listing-csv");
    const db = await prisma();
    const lotIds = await lotIdsFor(DEMO.supplierA);
    const lot = await db.lot.findUniqueOrThrow({ where: { id: lotIds[0] }, include: { agreement: true } });
    const code = `${lot.agreement.number}/${lot.number}`;
    const header = CSV_COLUMNS.map((c) => c.column).join(",");
    return {
      csv: [
        header,
        ...rows.map((r) =>
          r
            .map((v) => (v === "LOT" ? code : v))
            .map((v) => `"${v.replace(/"/g, '""')}"`)
            .join(","),
        ),
      ].join("\n"),
      code,
    };
  }

  const good = (name: string) => [
    name,
    "A summary.",
    "A description.",
    "Waste and recycling",
    "One|Two",
    "Faster",
    "99.50",
    "per user per month",
    "yes",
    "no",
    "",
    "LOT",
    "UK",
    "cyber-essentials",
    "https://kestrel.example/a11y",
    "OpenAPI 3",
    "REST API",
  ];

  it("reports bad rows by row and column and keeps the good rows as drafts", async () => {
    const bad = [...good("Broken listing")];
    bad[6] = "twelve pounds";
    bad[3] = "Not a category";
    bad[11] = "RM9999/9";
    const { csv } = await csvWithRows([good("Import Alpha"), bad, good("Import Gamma")]);
    const res = await upload(csv, "valid");
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.saved).toBe(2);
    const badRow = body.rows.find((r: { row: number }) => r.row === 3);
    const columns = badRow.errors.map((e: { column: string }) => e.column).sort();
    expect(columns).toEqual(["category", "lots", "price_from"]);
    expect(badRow.errors.find((e: { column: string }) => e.column === "price_from").message).toBe(
      "Enter the starting price as a number, like 12.50",
    );
    const db = await prisma();
    expect(await db.productVersion.count({ where: { name: { in: ["Import Alpha", "Import Gamma"] }, status: "draft" } })).toBe(2);
    expect(await db.productVersion.count({ where: { name: "Broken listing" } })).toBe(0);
  });

  it("saves nothing when asked for all-or-nothing and a row is bad", async () => {
    const bad = [...good("Nope")];
    bad[0] = "";
    const { csv } = await csvWithRows([good("Import Delta"), bad]);
    const res = await upload(csv, "all");
    const body = await res.json();
    expect(body.saved).toBe(0);
    expect(body.rows[1].errors[0]).toEqual({ column: "name", message: "Enter listing name" });
    const db = await prisma();
    expect(await db.productVersion.count({ where: { name: "Import Delta" } })).toBe(0);
  });

  it("refuses files that are not CSV, too large, or missing columns, with clear messages", async () => {
    const binary = await upload("PK\u0003\u0004\u0000\u0000", "valid", "listings.csv", "text/csv");
    expect((await binary.json()).errors.file[0]).toMatch(/must be a CSV/);
    const xlsx = await upload("a,b", "valid", "listings.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await xlsx.json()).errors.file[0]).toBe("The selected file must be a CSV");
    const big = await upload("x".repeat(1_100_000), "valid");
    expect(big.status).toBe(413);
    expect((await big.json()).errors.file[0]).toMatch(/smaller than 1 MB/);
    const columns = await upload("name,summary\nA,B\n", "valid");
    expect((await columns.json()).errors.file[0]).toMatch(/missing these columns/);
  });
});
