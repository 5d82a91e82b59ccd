// The foundation on whichever database the run uses (SQLite, or PostgreSQL in CI):
// seeded pages' data, permissions, sessions, login throttling and audit.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

describe("reference data and pages", () => {
  it("lists every current council and the real frameworks with computed status", async () => {
    const { prisma } = await import("~/utils/db.server");
    expect(await prisma.council.count()).toBe(397);
    const { listAgreements } = await import("~/models/agreement.server");
    const agreements = await listAgreements();
    const byNumber = Object.fromEntries(agreements.map((a) => [a.number, a.status]));
    expect(byNumber["RM1557.14"]).toBe("expired");
    expect(byNumber["RM1557.15"]).toBe("live");
    expect(byNumber["RM6263"]).toBe("expired");
  });

  it("renders framework, supplier, product and council loaders from seeded data", async () => {
    const framework = await import("~/routes/frameworks.$number");
    const fw = await framework.loader({ request: makeRequest("/frameworks/RM1557.15"), params: { number: "RM1557.15" }, context });
    expect(fw.agreement.name).toBe("G-Cloud 15");
    expect(fw.agreement.lots.length).toBeGreaterThan(0);

    const supplierRoute = await import("~/routes/suppliers.$slug");
    const sup = await supplierRoute.loader({
      request: makeRequest("/suppliers/kestrel-civic-software"),
      params: { slug: "kestrel-civic-software" },
      context,
    });
    expect(sup.supplier.tradingName).toMatch(/Kestrel/);
    expect(sup.supplier.products.length).toBeGreaterThan(0);

    const productRoute = await import("~/routes/products.$id");
    const productId = sup.supplier.products[0].id;
    const product = await productRoute.loader({ request: makeRequest(`/products/${productId}`), params: { id: productId }, context });
    expect(product.product.version.name).toBe(sup.supplier.products[0].publishedVersion!.name);

    const councilRoute = await import("~/routes/councils.$code");
    const council = await councilRoute.loader({ request: makeRequest("/councils/bnh"), params: { code: "bnh" }, context });
    expect(council.council.officialName).toBe("Brighton and Hove City Council");
  });

  it("answers 404 for unknown objects, never 500", async () => {
    const framework = await import("~/routes/frameworks.$number");
    const res = await responseOf(() =>
      framework.loader({ request: makeRequest("/frameworks/RM0000"), params: { number: "RM0000" }, context }),
    );
    expect(res.status).toBe(404);
    const councilRoute = await import("~/routes/councils.$code");
    const bad = await responseOf(() =>
      councilRoute.loader({ request: makeRequest("/councils/<script>"), params: { code: "<script>" }, context }),
    );
    expect(bad.status).toBe(404);
  });

  it("reports health with the database reachable", async () => {
    const health = await import("~/routes/healthz");
    const res = await health.loader();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.database.reachable).toBe(true);
  });
});

describe("permissions", () => {
  async function productOf(supplierSlug: string) {
    const { prisma } = await import("~/utils/db.server");
    const p = await prisma.product.findFirstOrThrow({ where: { supplier: { slug: supplierSlug }, status: "published" } });
    return p.id;
  }

  it("redirects a signed-out user to sign in", async () => {
    const route = await import("~/routes/supplier.listings.$id._index");
    const id = await productOf("kestrel-civic-software");
    const res = await responseOf(() => route.loader({ request: makeRequest(`/supplier/listings/${id}`), params: { id }, context }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/supplier/listings/${id}`)}`);
  });

  it("refuses a supplier editing another supplier's product (404, as for a missing one) and audits the refusal", async () => {
    const route = await import("~/routes/supplier.listings.$id.$section");
    const id = await productOf("kestrel-civic-software");
    const cookie = await cookieFor(DEMO.supplierB);
    const view = await responseOf(() =>
      route.loader({ request: makeRequest(`/supplier/listings/${id}/about`, { cookie }), params: { id, section: "about" }, context }),
    );
    expect(view.status).toBe(404);
    const post = await responseOf(() =>
      route.action({
        request: makeRequest(`/supplier/listings/${id}/about`, {
          cookie,
          form: { lockVersion: "1", name: "Hijacked", summary: "x", description: "x", category: "Other" },
        }),
        params: { id, section: "about" },
        context,
      }),
    );
    expect(post.status).toBe(404);
    const { prisma } = await import("~/utils/db.server");
    const version = await prisma.productVersion.findFirstOrThrow({ where: { productId: id }, orderBy: { versionNumber: "desc" } });
    expect(version.name).not.toBe("Hijacked");
    expect(await prisma.auditEvent.count({ where: { action: "authorisation.refused", entityId: id } })).toBeGreaterThanOrEqual(2);
  });

  it("lets the owning supplier open its own product for editing", async () => {
    const route = await import("~/routes/supplier.listings.$id.$section");
    const id = await productOf("kestrel-civic-software");
    const cookie = await cookieFor(DEMO.supplierA);
    const data = await route.loader({
      request: makeRequest(`/supplier/listings/${id}/about`, { cookie }),
      params: { id, section: "about" },
      context,
    });
    expect(data.values.name.length).toBeGreaterThan(0);
  });

  it("stores permissions as data and checks them by action, entity and access", async () => {
    const { getUserByEmail, getUserById } = await import("~/models/user.server");
    const { hasPermission } = await import("~/auth/permissions.server");
    const admin = (await getUserById((await getUserByEmail(DEMO.admin))!.id))!;
    const buyer = (await getUserById((await getUserByEmail(DEMO.buyerA))!.id))!;
    expect(hasPermission(admin, "moderate", "product", "any")).toBe(true);
    expect(hasPermission(buyer, "moderate", "product", "any")).toBe(false);
    expect(hasPermission(buyer, "update", "project", "own")).toBe(true);
    expect(hasPermission(buyer, "update", "project", "any")).toBe(false);
  });
});

describe("signing in", () => {
  it("refuses a wrong password with a clear message and audits the failure", async () => {
    const login = await import("~/routes/login");
    const res = await responseOf(() =>
      login.action({
        request: makeRequest("/login", { form: { email: DEMO.buyerA, password: "not-the-password" } }),
        params: {},
        context: { ...context, ip: "10.1.1.1" },
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.email[0]).toBe("Enter a correct email address and password");
    const { prisma } = await import("~/utils/db.server");
    expect(await prisma.auditEvent.count({ where: { action: "login.failed" } })).toBeGreaterThan(0);
  });

  it("signs in with the right password: new session, signed httpOnly SameSite=Lax cookie", async () => {
    const login = await import("~/routes/login");
    const res = await responseOf(() =>
      login.action({
        request: makeRequest("/login", { form: { email: DEMO.buyerA, password: "Council-Marketplace-2026", redirectTo: "/projects" } }),
        params: {},
        context: { ...context, ip: "10.1.1.2" },
      }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/projects");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it("never redirects off-site after sign-in", async () => {
    const { safeRedirect } = await import("~/auth/session.server");
    expect(safeRedirect("//evil.example/x")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
    expect(safeRedirect("/\\evil")).toBe("/");
    expect(safeRedirect("/search?q=x")).toBe("/search?q=x");
  });

  it("throttles repeated attempts from one IP (5 a minute) even with the right password", async () => {
    const login = await import("~/routes/login");
    const ip = "10.9.9.9";
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await responseOf(() =>
        login.action({
          request: makeRequest("/login", { form: { email: DEMO.buyerB, password: i < 5 ? "wrong-password" : "Council-Marketplace-2026" } }),
          params: {},
          context: { ...context, ip },
        }),
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
  });

  it("throttles an account after 10 failures in an hour, from any IP", async () => {
    const { attemptLogin } = await import("~/auth/sign-in.server");
    for (let i = 0; i < 10; i++) {
      const r = await attemptLogin({ email: DEMO.supplierB, password: "wrong", ip: `10.2.0.${i}` });
      expect(r.ok).toBe(false);
    }
    const blocked = await attemptLogin({ email: DEMO.supplierB, password: "Council-Marketplace-2026", ip: "10.2.1.1" });
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("ends a session after 30 minutes idle", async () => {
    const { getSessionUser } = await import("~/auth/session.server");
    const { advanceClock, resetClock } = await import("~/utils/clock.server");
    const cookie = await cookieFor(DEMO.admin);
    const request = () => makeRequest("/", { cookie });
    expect((await getSessionUser(request()))?.email).toBe(DEMO.admin);
    advanceClock(31 * 60 * 1000);
    try {
      expect(await getSessionUser(request())).toBeNull();
    } finally {
      resetClock();
    }
  });
});

describe("sign-up validation", () => {
  const signupWith = async (form: Record<string, string>) => {
    const signup = await import("~/routes/signup");
    return responseOf(() => signup.action({ request: makeRequest("/signup", { form }), params: {}, context }));
  };

  it("answers empty input with GOV.UK messages for each field, not a 500", async () => {
    const res = await signupWith({});
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors.name[0]).toBe("Enter your full name");
    expect(errors.email[0]).toBe("Enter your email address");
    expect(errors.password[0]).toBe("Enter a password");
  });

  it("rejects too-long, wrong-type and script input with clear messages", async () => {
    const res = await signupWith({
      name: "<script>alert(1)</script>",
      email: "not-an-email",
      password: "short",
      confirmPassword: "different",
    });
    const { errors, values } = await res.json();
    expect(errors.name[0]).toBe("Full name must not contain < or >");
    expect(errors.email[0]).toMatch(/correct format/);
    expect(errors.password[0]).toBe("Password must be 12 characters or more");
    expect(values.password).toBeUndefined();
    const long = await signupWith({
      name: "x".repeat(101),
      email: `${"a".repeat(250)}@x.gov.uk`,
      password: "x".repeat(201),
      confirmPassword: "x",
    });
    const longErrors = (await long.json()).errors;
    expect(longErrors.name[0]).toBe("Full name must be 100 characters or fewer");
    expect(longErrors.password[0]).toBe("Password must be 200 characters or fewer");
  });

  it("refuses common passwords and non-council email domains", async () => {
    const common = await signupWith({
      name: "A Person",
      email: "a@brighton-hove.gov.uk",
      password: "password1234",
      confirmPassword: "password1234",
    });
    expect((await common.json()).errors.password[0]).toMatch(/common passwords/);
    const gmail = await signupWith({
      name: "A Person",
      email: "someone@gmail.com",
      password: "correct horse battery staple",
      confirmPassword: "correct horse battery staple",
    });
    expect((await gmail.json()).errors.email[0]).toMatch(/council email address/);
  });

  it("creates a buyer for the council that owns the email domain, unverified until the link is used", async () => {
    const res = await signupWith({
      name: "New Officer",
      email: "new.officer@leeds.gov.uk",
      password: "correct horse battery staple",
      confirmPassword: "correct horse battery staple",
    });
    expect(res.status).toBe(302);
    const { prisma } = await import("~/utils/db.server");
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "new.officer@leeds.gov.uk" },
      include: { council: true, roles: true },
    });
    expect(user.council?.code).toBe("LDS");
    expect(user.roles.map((r) => r.name)).toEqual(["buyer"]);
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    const { sentMail } = await import("../support/mail");
    const link = (await sentMail()).at(-1)!.text.match(/https?:\/\/\S+verify-email\?token=(\S+)/)!;
    const verify = await import("~/routes/verify-email");
    const ok = await responseOf(() => verify.loader({ request: makeRequest(`/verify-email?token=${link[1]}`), params: {}, context }));
    expect(ok.status).toBe(302);
    const again = await responseOf(() => verify.loader({ request: makeRequest(`/verify-email?token=${link[1]}`), params: {}, context }));
    expect((await again.json()).status).toBe("invalid");
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "new.officer@leeds.gov.uk" } })).emailVerifiedAt).not.toBeNull();
  });
});

describe("audit trail", () => {
  // SQLite reports a trigger abort through the Prisma adapter as a constraint violation.
  it("is append-only: the database refuses updates and deletes", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { recordAudit } = await import("~/models/audit.server");
    await recordAudit({ action: "test.event", entityType: "test", entityId: "t1" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "test.event" } });
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only|constraint violated/i,
    );
    await expect(prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only|constraint violated/i);
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only|constraint violated/i);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("test.event");
  });
});
