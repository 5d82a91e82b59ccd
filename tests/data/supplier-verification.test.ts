// Issue 12 finding 10, last part: a self-registered supplier organisation is hidden from public
// pages and search until an admin verifies it, so nobody can pass off a made-up company (or
// someone else's company number) as a listed supplier. Through the real registration and
// admin actions, on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

const PASSWORD = "heather kettle orbit lantern";

function registrationForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    legalName: "Plover Analytics Ltd",
    tradingName: "Plover Analytics",
    companyNumber: "SC765432",
    staffCount: "8",
    turnover: "600,000",
    declaredSize: "micro",
    region: "Scotland",
    website: "https://plover-analytics.example",
    contactName: "Morven Reid",
    contactEmail: "hello@plover-analytics.example",
    contactPhone: "0131 496 0001",
    description: "Dashboards for council performance teams.",
    name: "Morven Reid",
    email: "morven@plover-analytics.example",
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  };
}

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

async function searchIds(index: "suppliers" | "products", q: string): Promise<string[]> {
  const { searchIndex, syncSearch } = await import("~/services/search.server");
  const { parseSearchParams } = await import("~/search/search-query.schema");
  await syncSearch();
  const query = parseSearchParams(new URLSearchParams({ q, type: index, frameworks: "all" }));
  if (!query.success) throw new Error(query.errors.join());
  return (await searchIndex(index, query.data)).hits.map((h) => h.id);
}

async function supplierPageStatus(slug: string, cookie?: string): Promise<number> {
  const route = await import("~/routes/suppliers.$slug");
  return (await responseOf(() => route.loader({ request: makeRequest(`/suppliers/${slug}`, { cookie }), params: { slug }, context })))
    .status;
}

async function productPageStatus(id: string, cookie?: string): Promise<number> {
  const route = await import("~/routes/products.$id");
  return (await responseOf(() => route.loader({ request: makeRequest(`/products/${id}`, { cookie }), params: { id }, context }))).status;
}

async function verifyAsAdmin(supplierId: string, cookie: string): Promise<Response> {
  const route = await import("~/routes/admin.suppliers");
  return responseOf(() =>
    route.action({ request: makeRequest("/admin/suppliers", { cookie, form: { supplierId } }), params: {}, context }),
  );
}

describe("finding 10: a new supplier organisation is hidden until an admin verifies it", () => {
  it("registration: not in search, 404 to anonymous and other users, visible to its own user and admins; verified: public and searchable", async () => {
    const register = await import("~/routes/suppliers.register");
    const res = await responseOf(() =>
      register.action({ request: makeRequest("/suppliers/register", { form: registrationForm() }), params: {}, context }),
    );
    expect(res.status).toBe(302);
    const prisma = await db();
    const supplier = await prisma.supplier.findUniqueOrThrow({ where: { companyNumber: "SC765432" } });
    expect(supplier.verifiedAt).toBeNull();

    expect(await searchIds("suppliers", "Plover Analytics")).not.toContain(supplier.id);
    const [owner, otherSupplier, buyer, admin] = await Promise.all([
      cookieFor("morven@plover-analytics.example"),
      cookieFor(DEMO.supplierA),
      cookieFor(DEMO.buyerA),
      cookieFor(DEMO.admin),
    ]);
    expect(await supplierPageStatus(supplier.slug)).toBe(404);
    expect(await supplierPageStatus(supplier.slug, otherSupplier)).toBe(404);
    expect(await supplierPageStatus(supplier.slug, buyer)).toBe(404);
    expect(await supplierPageStatus(supplier.slug, owner)).toBe(200);
    expect(await supplierPageStatus(supplier.slug, admin)).toBe(200);

    // The admin queue lists it with what is checked; other roles cannot use it.
    const adminRoute = await import("~/routes/admin.suppliers");
    const queue = await adminRoute.loader({ request: makeRequest("/admin/suppliers", { cookie: admin }), params: {}, context });
    const row = queue.queue.find((s) => s.id === supplier.id);
    expect(row).toMatchObject({ companyNumber: "SC765432", contactEmail: "hello@plover-analytics.example" });
    expect((await verifyAsAdmin(supplier.id, owner)).status).toBe(403);
    expect((await prisma.supplier.findUniqueOrThrow({ where: { id: supplier.id } })).verifiedAt).toBeNull();

    const verified = await verifyAsAdmin(supplier.id, admin);
    expect(verified.status).toBe(302);
    expect(verified.headers.get("Location")).toBe("/admin/suppliers");
    const after = await prisma.supplier.findUniqueOrThrow({ where: { id: supplier.id } });
    expect(after.verifiedAt).not.toBeNull();
    const adminUser = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    expect(after.verifiedById).toBe(adminUser.id);
    const audit = await prisma.auditEvent.findMany({
      where: { entityType: "supplier", entityId: supplier.id, action: "supplier.verified" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: adminUser.id, ip: "127.0.0.1" });

    expect(await searchIds("suppliers", "Plover Analytics")).toContain(supplier.id);
    expect(await supplierPageStatus(supplier.slug)).toBe(200);
    expect(await supplierPageStatus(supplier.slug, otherSupplier)).toBe(200);
    const queueAfter = await adminRoute.loader({ request: makeRequest("/admin/suppliers", { cookie: admin }), params: {}, context });
    expect(queueAfter.queue.map((s) => s.id)).not.toContain(supplier.id);
  });

  it("an unverified organisation's published products are left out of search, its product pages and its framework listing", async () => {
    const prisma = await db();
    const brightwater = await prisma.supplier.findUniqueOrThrow({
      where: { slug: "brightwater-digital" },
      include: {
        products: { where: { status: "published" }, include: { publishedVersion: true } },
        awards: { where: { verified: true }, include: { lot: { include: { agreement: true } } } },
      },
    });
    const product = brightwater.products[0];
    expect(product?.publishedVersion).toBeTruthy();
    // As if it had just registered: unverified (the outbox carries the change, as a real edit would).
    const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
    const { searchEntriesForSupplier } = await import("~/models/supplier-account.server");
    await prisma.$transaction(async (tx) => {
      await tx.supplier.update({ where: { id: brightwater.id }, data: { verifiedAt: null } });
      await enqueueSearchUpdate(tx, await searchEntriesForSupplier(tx, brightwater.id));
    });

    const name = product.publishedVersion!.name;
    expect(await searchIds("products", name)).not.toContain(product.id);
    expect(await searchIds("suppliers", brightwater.tradingName)).not.toContain(brightwater.id);
    const [owner, other, admin] = await Promise.all([cookieFor(DEMO.supplierB), cookieFor(DEMO.supplierA), cookieFor(DEMO.admin)]);
    expect(await productPageStatus(product.id)).toBe(404);
    expect(await productPageStatus(product.id, other)).toBe(404);
    expect(await productPageStatus(product.id, owner)).toBe(200);
    if (brightwater.awards.length) {
      const { getAgreementByNumber } = await import("~/models/agreement.server");
      const agreement = await getAgreementByNumber(brightwater.awards[0].lot.agreement.number);
      expect(agreement!.lots.flatMap((l) => l.awards.map((a) => a.supplierId))).not.toContain(brightwater.id);
    }

    expect((await verifyAsAdmin(brightwater.id, admin)).status).toBe(302);
    expect(await searchIds("products", name)).toContain(product.id);
    expect(await searchIds("suppliers", brightwater.tradingName)).toContain(brightwater.id);
    expect(await productPageStatus(product.id)).toBe(200);
  });

  it("two admins verifying at once: exactly one succeeds, the other is told it is already verified (409), one audit event", async () => {
    const register = await import("~/routes/suppliers.register");
    await register.action({
      request: makeRequest("/suppliers/register", {
        form: registrationForm({
          companyNumber: "SC765433",
          legalName: "Tern Systems Ltd",
          tradingName: "Tern Systems",
          email: "ailsa@tern-systems.example",
          contactEmail: "hello@tern-systems.example",
        }),
      }),
      params: {},
      context: { ...context, ip: "127.0.0.2" },
    });
    const prisma = await db();
    const supplier = await prisma.supplier.findUniqueOrThrow({ where: { companyNumber: "SC765433" } });
    const admin = await cookieFor(DEMO.admin);
    const results = await Promise.all([verifyAsAdmin(supplier.id, admin), verifyAsAdmin(supplier.id, admin)]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(JSON.stringify(await refused.json())).toContain("already been verified");
    expect(await prisma.auditEvent.count({ where: { entityId: supplier.id, action: "supplier.verified" } })).toBe(1);
    // A later attempt changes nothing either.
    expect((await verifyAsAdmin(supplier.id, admin)).status).toBe(409);
    expect(await searchIds("suppliers", "Tern Systems")).toContain(supplier.id);
  });
});
