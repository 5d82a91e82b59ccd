// Supplier self-service on a real (seeded) database: registration, the profile's
// optimistic lock, accreditations, invitations, award declaration and verification,
// and that one supplier can never act on another's organisation.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { penceToPounds } from "~/procurement/money";

useTestDatabase();

const PASSWORD = "heather kettle orbit lantern";

function registrationForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    legalName: "Wren Data Ltd",
    tradingName: "Wren Data",
    companyNumber: "sc654321",
    staffCount: "12",
    turnover: "1,500,000",
    declaredSize: "micro",
    region: "Scotland",
    website: "https://wren-data.example",
    contactName: "Isla Grant",
    contactEmail: "hello@wren-data.example",
    contactPhone: "0131 496 0000",
    description: "Data platforms and analytics for Scottish councils.",
    name: "Isla Grant",
    email: "isla@wren-data.example",
    password: PASSWORD,
    confirmPassword: PASSWORD,
    ...overrides,
  };
}

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

async function supplierBySlug(slug: string) {
  return (await db()).supplier.findUniqueOrThrow({ where: { slug } });
}

async function lotId(agreementNumber: string, lotNumber: string) {
  const lot = await (await db()).lot.findFirstOrThrow({ where: { number: lotNumber, agreement: { number: agreementNumber } } });
  return lot.id;
}

function cookieFromRedirect(res: Response): string {
  const setCookie = res.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("no Set-Cookie on the response");
  return setCookie.split(";")[0];
}

function profileForm(supplier: Awaited<ReturnType<typeof supplierBySlug>>, overrides: Record<string, string> = {}) {
  return {
    supplierId: supplier.id,
    version: String(supplier.version),
    legalName: supplier.legalName,
    tradingName: supplier.tradingName,
    staffCount: String(supplier.staffCount),
    turnover: supplier.turnoverPence === null ? "" : penceToPounds(Number(supplier.turnoverPence)),
    declaredSize: supplier.declaredSize,
    region: supplier.region,
    website: supplier.website ?? "",
    contactName: supplier.contactName,
    contactEmail: supplier.contactEmail,
    contactPhone: supplier.contactPhone ?? "",
    description: supplier.description,
    ...overrides,
  };
}

afterEach(async () => {
  (await import("~/utils/clock.server")).resetClock();
});

describe("registration", () => {
  it("creates the organisation and its first user in one go, audits it, mails a confirmation link and queues it for search (hidden until an admin verifies it)", async () => {
    const route = await import("~/routes/suppliers.register");
    const res = await responseOf(() =>
      route.action({ request: makeRequest("/suppliers/register", { form: registrationForm() }), params: {}, context }),
    );
    // "Check your email", without a session: the same answer a taken email or company number gets (issue 12 finding 10).
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/verify-email?sent=1");
    expect(res.headers.get("Set-Cookie")).toBeNull();

    const prisma = await db();
    const supplier = await prisma.supplier.findUniqueOrThrow({
      where: { companyNumber: "SC654321" },
      include: { users: { include: { roles: true } } },
    });
    expect(supplier).toMatchObject({
      slug: "wren-data",
      tradingName: "Wren Data",
      staffCount: 12,
      turnoverPence: 150_000_000n,
      declaredSize: "micro",
      computedSize: "small",
      version: 1,
    });
    expect(supplier.users).toHaveLength(1);
    expect(supplier.users[0]).toMatchObject({ email: "isla@wren-data.example", name: "Isla Grant" });
    expect(supplier.users[0].roles.map((r) => r.name)).toEqual(["supplier"]);
    expect(supplier.users[0].passwordHash).not.toContain(PASSWORD);

    const audit = await prisma.auditEvent.findMany({ where: { entityType: "supplier", entityId: supplier.id } });
    expect(audit.map((a) => a.action)).toEqual(["supplier.registered"]);
    expect(audit[0].actorId).toBe(supplier.users[0].id);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ companyNumber: "SC654321", computedSize: "small" });

    const outbox = await prisma.searchOutbox.findMany({ where: { entityType: "supplier", entityId: supplier.id } });
    expect(outbox).toHaveLength(1);
    const { searchIndex } = await import("~/services/search.server");
    const { parseSearchParams } = await import("~/search/search-query.schema");
    const query = parseSearchParams(new URLSearchParams("q=Wren Data&type=suppliers&frameworks=all"));
    if (!query.success) throw new Error(query.errors.join());
    const found = await searchIndex("suppliers", query.data);
    // Not public until an admin verifies the organisation (tests/data/supplier-verification.test.ts).
    expect(supplier.verifiedAt).toBeNull();
    expect(found.hits.map((h) => h.id)).not.toContain(supplier.id);

    // The mailed link confirms the address and sends them to sign in, then to their profile, which explains the size.
    const { sentMail } = await import("../support/mail");
    const token = /verify-email\?token=(\S+)/.exec((await sentMail()).filter((m) => m.to === "isla@wren-data.example").at(-1)!.text)![1];
    const verify = await import("~/routes/verify-email");
    const confirmed = await responseOf(() => verify.loader({ request: makeRequest(`/verify-email?token=${token}`), params: {}, context }));
    expect(confirmed.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent("/supplier/profile?registered=1")}`);
    const cookie = await cookieFor("isla@wren-data.example");
    const profile = await import("~/routes/supplier.profile");
    const page = await profile.loader({ request: makeRequest("/supplier/profile?registered=1", { cookie }), params: {}, context });
    expect(page.supplier).toMatchObject({ id: supplier.id, computedSize: "small", declaredSize: "micro", sme: true });
    expect(page.explanation).toBe(
      "You declared micro, but with 12 members of staff (micro means fewer than 10) you count as small. Buyers see small.",
    );
  });

  it("refuses a Companies House number that is already registered without saying so on the page, and changes nothing", async () => {
    const route = await import("~/routes/suppliers.register");
    const prisma = await db();
    const kestrel = await supplierBySlug("kestrel-civic-software");
    const before = await prisma.supplier.count();
    const res = await responseOf(() =>
      route.action({
        request: makeRequest("/suppliers/register", {
          form: registrationForm({ companyNumber: kestrel.companyNumber!.toLowerCase(), email: "someone@new.example" }),
        }),
        params: {},
        context,
      }),
    );
    // The page says what it says to everyone ("check your email"); only the mailbox is told.
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/verify-email?sent=1");
    const { sentMail } = await import("../support/mail");
    expect((await sentMail()).filter((m) => m.to === "someone@new.example").at(-1)!.text).toContain(
      `Companies House number ${kestrel.companyNumber} on Council Marketplace using this email address. An organisation with that number is already registered`,
    );
    expect(await prisma.supplier.count()).toBe(before);
    expect(await prisma.user.findUnique({ where: { email: "someone@new.example" } })).toBeNull();
  });

  it("refuses an email address that already has an account, telling only its holder", async () => {
    const route = await import("~/routes/suppliers.register");
    const res = await responseOf(() =>
      route.action({
        request: makeRequest("/suppliers/register", { form: registrationForm({ companyNumber: "OC301234", email: DEMO.buyerA }) }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/verify-email?sent=1");
    const { sentMail } = await import("../support/mail");
    expect((await sentMail()).filter((m) => m.to === DEMO.buyerA).at(-1)!.subject).toMatch(/already have/);
    expect(await (await db()).supplier.findUnique({ where: { companyNumber: "OC301234" } })).toBeNull();
  });

  it("gives a second organisation with the same trading name its own address", async () => {
    const route = await import("~/routes/suppliers.register");
    const res = await responseOf(() =>
      route.action({
        request: makeRequest("/suppliers/register", {
          form: registrationForm({ companyNumber: "NI012345", email: "owner@wren-two.example", legalName: "Wren Data (NI) Ltd" }),
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    const supplier = await (await db()).supplier.findUniqueOrThrow({ where: { companyNumber: "NI012345" } });
    expect(supplier.slug).toBe("wren-data-2");
  });

  it("answers invalid input with 400 and field messages, never 500", async () => {
    const route = await import("~/routes/suppliers.register");
    const res = await responseOf(() =>
      route.action({
        request: makeRequest("/suppliers/register", {
          form: registrationForm({ companyNumber: "12 345 678", staffCount: "0", declaredSize: "enormous" }),
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(Object.keys(body.errors).sort()).toEqual(["companyNumber", "declaredSize", "staffCount"]);
  });
});

describe("profile", () => {
  it("saves an edit, recomputes the size, audits before and after, and queues the supplier and its products for search", async () => {
    const route = await import("~/routes/supplier.profile");
    const prisma = await db();
    const cookie = await cookieFor(DEMO.supplierA);
    const kestrel = await supplierBySlug("kestrel-civic-software");
    const res = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/profile", { cookie, form: profileForm(kestrel, { staffCount: "8", turnover: "1900000" }) }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    const after = await supplierBySlug("kestrel-civic-software");
    expect(after).toMatchObject({ staffCount: 8, turnoverPence: 190_000_000n, computedSize: "micro", version: kestrel.version + 1 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "supplier.updated", entityId: kestrel.id } });
    expect(JSON.parse(audit.before!)).toMatchObject({ staffCount: kestrel.staffCount, computedSize: kestrel.computedSize });
    expect(JSON.parse(audit.after!)).toMatchObject({ staffCount: 8, computedSize: "micro" });
    const published = await prisma.product.count({ where: { supplierId: kestrel.id, status: "published" } });
    const queued = await prisma.searchOutbox.findMany({ where: { createdAt: { gte: audit.createdAt } } });
    expect(queued.filter((q) => q.entityType === "supplier").map((q) => q.entityId)).toContain(kestrel.id);
    expect(queued.filter((q) => q.entityType === "product")).toHaveLength(published);
  });

  it("refuses a stale edit with a clear message showing both values, and keeps the other person's change", async () => {
    const route = await import("~/routes/supplier.profile");
    const prisma = await db();
    const cookie = await cookieFor(DEMO.supplierA);
    const opened = await supplierBySlug("kestrel-civic-software");
    const auditBefore = await prisma.auditEvent.count({ where: { action: "supplier.updated", entityId: opened.id } });

    const first = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/profile", { cookie, form: profileForm(opened, { contactName: "First Editor" }) }),
        params: {},
        context,
      }),
    );
    expect(first.status).toBe(302);

    const stale = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/profile", { cookie, form: profileForm(opened, { contactName: "Second Editor" }) }),
        params: {},
        context,
      }),
    );
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.errors.form[0]).toMatch(/changed since you opened it/);
    expect(body.failure.kind).toBe("conflict");
    expect(body.values.contactName).toBe("Second Editor");
    // The page reloads the profile as saved now: its version to save again with, and what differs from the posted answers.
    const page = await route.loader({ request: makeRequest("/supplier/profile", { cookie }), params: {}, context });
    expect(page.supplier.version).toBe(opened.version + 1);
    const { profileDifferences } = await import("~/models/supplier-account.schema");
    expect(profileDifferences(body.values, page.formValues)).toEqual([
      { field: "contactName", label: "Contact name", yours: "Second Editor", saved: "First Editor" },
    ]);

    const now = await supplierBySlug("kestrel-civic-software");
    expect(now.contactName).toBe("First Editor");
    expect(now.version).toBe(opened.version + 1);
    expect(await prisma.auditEvent.count({ where: { action: "supplier.updated", entityId: opened.id } })).toBe(auditBefore + 1);
  });
});

describe("access between organisations and roles", () => {
  let kestrelId: string;
  let brightwaterCookie: string;
  beforeAll(async () => {
    kestrelId = (await supplierBySlug("kestrel-civic-software")).id;
    brightwaterCookie = await cookieFor(DEMO.supplierB);
  });

  it("saves a profile only to the signed-in organisation: a supplierId in the form naming another is ignored", async () => {
    const route = await import("~/routes/supplier.profile");
    const kestrel = await supplierBySlug("kestrel-civic-software");
    const brightwater = await supplierBySlug("brightwater-digital");
    const res = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/profile", {
          cookie: brightwaterCookie,
          form: profileForm(brightwater, { supplierId: kestrel.id, contactName: "Brightwater Contact" }),
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    expect((await supplierBySlug("brightwater-digital")).contactName).toBe("Brightwater Contact");
    const after = await supplierBySlug("kestrel-civic-software");
    expect({ contactName: after.contactName, version: after.version }).toEqual({
      contactName: kestrel.contactName,
      version: kestrel.version,
    });
  });

  it("declares an award only for the signed-in organisation, whatever the form names, and refuses withdrawing another's (403)", async () => {
    const route = await import("~/routes/supplier.awards");
    const prisma = await db();
    const gCloudLot3 = await lotId("RM1557.15", "3");
    const declare = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/awards", {
          cookie: brightwaterCookie,
          form: {
            intent: "declare",
            supplierId: kestrelId,
            lotId: gCloudLot3,
            "awarded-day": "1",
            "awarded-month": "10",
            "awarded-year": "2026",
            reference: "RM1557.15-L3-99999",
          },
        }),
        params: {},
        context,
      }),
    );
    // The organisation comes from the session: a supplierId in the form is ignored, so the
    // award is Brightwater's own declaration and Kestrel gains nothing.
    expect(declare.status).toBe(302);
    const declared = await prisma.lotAward.findMany({ where: { reference: "RM1557.15-L3-99999" }, select: { id: true, supplierId: true } });
    expect(declared.map((a) => a.supplierId)).toEqual([(await supplierBySlug("brightwater-digital")).id]);
    await prisma.lotAward.deleteMany({ where: { id: { in: declared.map((a) => a.id) } } });

    const pending = await prisma.lotAward.create({
      data: {
        supplierId: kestrelId,
        lotId: await lotId("RM1043.9", "2"),
        awardedAt: new Date("2026-10-01"),
        reference: "RM1043.9-L2-00001",
      },
    });
    // Naming their own organisation in the form does not help: the award's owner decides.
    const brightwater = await supplierBySlug("brightwater-digital");
    const withdraw = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/awards", {
          cookie: brightwaterCookie,
          form: { intent: "withdraw", supplierId: brightwater.id, awardId: pending.id },
        }),
        params: {},
        context,
      }),
    );
    expect(withdraw.status).toBe(403);
    expect(await prisma.lotAward.findUnique({ where: { id: pending.id } })).not.toBeNull();
    await prisma.lotAward.delete({ where: { id: pending.id } });
  });

  it("refuses supplier B removing supplier A's accreditation (403) and invites only into B's own team", async () => {
    const prisma = await db();
    const accreditation = await prisma.accreditation.findFirstOrThrow({ where: { supplierId: kestrelId } });
    const accreditations = await import("~/routes/supplier.accreditations");
    const remove = await responseOf(() =>
      accreditations.action({
        request: makeRequest("/supplier/accreditations", {
          cookie: brightwaterCookie,
          form: { intent: "remove", supplierId: kestrelId, accreditationId: accreditation.id },
        }),
        params: {},
        context,
      }),
    );
    expect(remove.status).toBe(403);
    expect(await prisma.accreditation.findUnique({ where: { id: accreditation.id } })).not.toBeNull();

    // An invitation always joins the signed-in organisation, whatever supplierId the form names.
    const team = await import("~/routes/supplier.team");
    const invite = await responseOf(() =>
      team.action({
        request: makeRequest("/supplier/team", {
          cookie: brightwaterCookie,
          form: { supplierId: kestrelId, email: "mole@brightwater.example" },
        }),
        params: {},
        context,
      }),
    );
    expect(invite.status).toBe(302);
    const invited = await prisma.user.findUniqueOrThrow({ where: { email: "mole@brightwater.example" } });
    expect(invited.supplierId).toBe((await supplierBySlug("brightwater-digital")).id);
  });

  it("shows each supplier only its own organisation", async () => {
    const route = await import("~/routes/supplier.profile");
    const page = await route.loader({ request: makeRequest("/supplier/profile", { cookie: brightwaterCookie }), params: {}, context });
    expect(page.supplier.tradingName).toBe("Brightwater Digital");
  });

  it("answers buyers and admins with 403 and anonymous users with a sign-in redirect", async () => {
    const buyer = await cookieFor(DEMO.buyerA);
    const admin = await cookieFor(DEMO.admin);
    const routes = {
      "/supplier/profile": await import("~/routes/supplier.profile"),
      "/supplier/accreditations": await import("~/routes/supplier.accreditations"),
      "/supplier/team": await import("~/routes/supplier.team"),
      "/supplier/awards": await import("~/routes/supplier.awards"),
    };
    for (const [path, route] of Object.entries(routes)) {
      for (const cookie of [buyer, admin]) {
        const res = await responseOf(() => route.loader({ request: makeRequest(path, { cookie }), params: {}, context }));
        expect(res.status, `${path}`).toBe(403);
      }
      const anonymous = await responseOf(() => route.loader({ request: makeRequest(path), params: {}, context }));
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
    const adminAwards = await import("~/routes/admin.awards");
    for (const cookie of [buyer, await cookieFor(DEMO.supplierA)]) {
      const res = await responseOf(() => adminAwards.loader({ request: makeRequest("/admin/awards", { cookie }), params: {}, context }));
      expect(res.status).toBe(403);
      const post = await responseOf(() =>
        adminAwards.action({
          request: makeRequest("/admin/awards", { cookie, form: { intent: "verify", awardId: "x" } }),
          params: {},
          context,
        }),
      );
      expect(post.status).toBe(403);
    }
    const adminHome = await import("~/routes/admin._index");
    expect(
      (await responseOf(() => adminHome.loader({ request: makeRequest("/admin", { cookie: buyer }), params: {}, context }))).status,
    ).toBe(403);
  });

  it("counts the awards waiting for verification on the admin home page", async () => {
    const adminHome = await import("~/routes/admin._index");
    const prisma = await db();
    const cookie = await cookieFor(DEMO.admin);
    const pending = async () => (await adminHome.loader({ request: makeRequest("/admin", { cookie }), params: {}, context })).pendingAwards;
    const before = await pending();
    expect(before).toBe(await prisma.lotAward.count({ where: { verified: false } }));
    const award = await prisma.lotAward.create({
      data: {
        supplierId: kestrelId,
        lotId: (await prisma.lot.findFirstOrThrow({ where: { awards: { none: { supplierId: kestrelId } } } })).id,
        awardedAt: new Date("2026-10-01"),
        reference: "COUNT-1",
      },
    });
    expect(await pending()).toBe(before + 1);
    await prisma.lotAward.update({ where: { id: award.id }, data: { verified: true } });
    expect(await pending()).toBe(before);
    await prisma.lotAward.delete({ where: { id: award.id } });
  });
});

describe("accreditations", () => {
  it("adds and removes an accreditation, audited and queued for search; refuses an expired certificate", async () => {
    const route = await import("~/routes/supplier.accreditations");
    const prisma = await db();
    const cookie = await cookieFor(DEMO.supplierB);
    const brightwater = await supplierBySlug("brightwater-digital");
    const form = {
      intent: "add",
      supplierId: brightwater.id,
      kind: "iso-9001",
      certificateNumber: "QMS-4471",
      "expires-day": "31",
      "expires-month": "3",
      "expires-year": "2028",
    };

    const expired = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/accreditations", { cookie, form: { ...form, "expires-year": "2025" } }),
        params: {},
        context,
      }),
    );
    expect(expired.status).toBe(400);
    expect((await expired.json()).errors["expires"][0]).toMatch(/must be in the future/);

    const impossible = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/accreditations", { cookie, form: { ...form, "expires-day": "31", "expires-month": "2" } }),
        params: {},
        context,
      }),
    );
    expect(impossible.status).toBe(400);
    expect((await impossible.json()).errors["expires"]).toEqual(["Expiry date must be a real date"]);

    const added = await responseOf(() =>
      route.action({ request: makeRequest("/supplier/accreditations", { cookie, form }), params: {}, context }),
    );
    expect(added.status).toBe(302);
    const row = await prisma.accreditation.findFirstOrThrow({ where: { supplierId: brightwater.id, certificateNumber: "QMS-4471" } });
    expect(row.expiresAt!.toISOString()).toBe("2028-03-31T00:00:00.000Z");
    expect(await prisma.auditEvent.count({ where: { action: "accreditation.added", entityId: brightwater.id } })).toBe(1);

    const { supplierDocuments } = await import("~/models/search-documents.server");
    expect((await supplierDocuments([brightwater.id]))[0].accreditations).toContain("iso-9001");

    const removed = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/accreditations", {
          cookie,
          form: { intent: "remove", supplierId: brightwater.id, accreditationId: row.id },
        }),
        params: {},
        context,
      }),
    );
    expect(removed.status).toBe(302);
    expect(await prisma.accreditation.findUnique({ where: { id: row.id } })).toBeNull();
    const removal = await prisma.auditEvent.findFirstOrThrow({ where: { action: "accreditation.removed", entityId: brightwater.id } });
    expect(JSON.parse(removal.before!)).toMatchObject({ certificateNumber: "QMS-4471" });
    const again = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/accreditations", {
          cookie,
          form: { intent: "remove", supplierId: brightwater.id, accreditationId: row.id },
        }),
        params: {},
        context,
      }),
    );
    expect(again.status).toBe(409);
  });
  it("adds an accreditation to the signed-in organisation, whatever supplierId the form names", async () => {
    const route = await import("~/routes/supplier.accreditations");
    const prisma = await db();
    const brightwater = await supplierBySlug("brightwater-digital");
    const kestrel = await supplierBySlug("kestrel-civic-software");
    const cookie = await cookieFor(DEMO.supplierB);
    const res = await responseOf(() =>
      route.action({
        request: makeRequest("/supplier/accreditations", {
          cookie,
          form: {
            supplierId: kestrel.id,
            kind: "iso-27001",
            certificateNumber: "ISMS-SESSION",
            "expires-day": "1",
            "expires-month": "6",
            "expires-year": "2028",
          },
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    const rows = await prisma.accreditation.findMany({ where: { certificateNumber: "ISMS-SESSION" } });
    expect(rows.map((r) => r.supplierId)).toEqual([brightwater.id]);
    await prisma.accreditation.deleteMany({ where: { certificateNumber: "ISMS-SESSION" } });
  });
});

describe("team invitations", () => {
  it("invites a colleague who cannot sign in until they accept; the one-time link sets name and password and signs them in", async () => {
    const team = await import("~/routes/supplier.team");
    const invitation = await import("~/routes/invitations.$token");
    const { sentMail } = await import("../support/mail");
    const { hashToken } = await import("~/auth/verification.server");
    const { attemptLogin } = await import("~/auth/sign-in.server");
    const prisma = await db();
    const cookie = await cookieFor(DEMO.supplierA);
    const kestrel = await supplierBySlug("kestrel-civic-software");

    const res = await responseOf(() =>
      team.action({
        request: makeRequest("/supplier/team", { cookie, form: { supplierId: kestrel.id, email: "New.Colleague@Kestrel-Civic.example" } }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    const invitee = await prisma.user.findUniqueOrThrow({
      where: { email: "new.colleague@kestrel-civic.example" },
      include: { roles: true, verificationTokens: true },
    });
    expect(invitee.supplierId).toBe(kestrel.id);
    expect(invitee.roles.map((r) => r.name)).toEqual(["supplier"]);
    expect(invitee.emailVerifiedAt).toBeNull();
    expect(await attemptLogin({ email: invitee.email, password: invitee.passwordHash, ip: "10.9.9.9" })).toEqual({
      ok: false,
      reason: "invalid",
    });

    const mail = (await sentMail()).filter((m) => m.to === invitee.email).at(-1)!;
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(invitee.verificationTokens).toHaveLength(1);
    expect(invitee.verificationTokens[0]).toMatchObject({ purpose: "invitation", tokenHash: hashToken(token), usedAt: null });
    expect(invitee.verificationTokens[0].tokenHash).not.toContain(token);
    const { now } = await import("~/utils/clock.server");
    expect(Math.round((invitee.verificationTokens[0].expiresAt.getTime() - now().getTime()) / 86_400_000)).toBe(7);
    expect(await prisma.auditEvent.count({ where: { action: "user.invited", entityId: invitee.id } })).toBe(1);

    const page = await invitation.loader({ request: makeRequest(`/invitations/${token}`), params: { token }, context });
    expect(page).toMatchObject({ invitation: { email: invitee.email, supplierName: "Kestrel Civic Software" } });

    const accepted = await responseOf(() =>
      invitation.action({
        request: makeRequest(`/invitations/${token}`, { form: { name: "Nia Colleague", password: PASSWORD, confirmPassword: PASSWORD } }),
        params: { token },
        context,
      }),
    );
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/supplier");
    const profile = await import("~/routes/supplier.profile");
    const own = await profile.loader({
      request: makeRequest("/supplier/profile", { cookie: cookieFromRedirect(accepted) }),
      params: {},
      context,
    });
    expect(own.supplier.id).toBe(kestrel.id);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: invitee.id } });
    expect(after.name).toBe("Nia Colleague");
    expect(after.emailVerifiedAt).not.toBeNull();
    expect((await attemptLogin({ email: invitee.email, password: PASSWORD, ip: "10.9.9.10" })).ok).toBe(true);

    // One-time: the same link again is refused and changes nothing.
    const reused = await responseOf(() =>
      invitation.action({
        request: makeRequest(`/invitations/${token}`, {
          form: { name: "Someone Else", password: "another long passphrase", confirmPassword: "another long passphrase" },
        }),
        params: { token },
        context,
      }),
    );
    expect(reused.status).toBe(410);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: invitee.id } })).name).toBe("Nia Colleague");

    const teamPage = await team.loader({ request: makeRequest("/supplier/team", { cookie }), params: {}, context });
    expect(teamPage.team.find((m) => m.id === invitee.id)?.status).toBe("active");
  });

  it("expires an invitation after 7 days and does not join someone who already has an account (nor say so)", async () => {
    const team = await import("~/routes/supplier.team");
    const invitation = await import("~/routes/invitations.$token");
    const { sentMail } = await import("../support/mail");
    const { advanceClock } = await import("~/utils/clock.server");
    const cookie = await cookieFor(DEMO.supplierB);
    const brightwater = await supplierBySlug("brightwater-digital");

    const taken = await responseOf(() =>
      team.action({
        request: makeRequest("/supplier/team", { cookie, form: { supplierId: brightwater.id, email: DEMO.supplierA } }),
        params: {},
        context,
      }),
    );
    expect(taken.status).toBe(302);
    expect((await supplierBySlug("kestrel-civic-software")).id).toBe(
      (await (await db()).user.findUniqueOrThrow({ where: { email: DEMO.supplierA } })).supplierId,
    );
    expect((await sentMail()).filter((m) => m.to === DEMO.supplierA).at(-1)!.subject).toMatch(/already have/);

    await responseOf(() =>
      team.action({
        request: makeRequest("/supplier/team", { cookie, form: { supplierId: brightwater.id, email: "late@brightwater.example" } }),
        params: {},
        context,
      }),
    );
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(
      (await sentMail()).filter((m) => m.to === "late@brightwater.example").at(-1)!.text,
    )![1];
    advanceClock(7 * 86_400_000 + 60_000);
    const page = await responseOf(() => invitation.loader({ request: makeRequest(`/invitations/${token}`), params: { token }, context }));
    expect(page.status).toBe(404);
    const teamPage = await team.loader({
      request: makeRequest("/supplier/team", { cookie: await cookieFor(DEMO.supplierB) }),
      params: {},
      context,
    });
    expect(teamPage.team.find((m) => m.email === "late@brightwater.example")?.status).toBe("invitation-expired");
  });
});

describe("framework awards", () => {
  it("lists only verified awards on lots open for new call-offs (live or expiring) as listable", async () => {
    const { listListableLots } = await import("~/models/award.server");
    const prisma = await db();
    const supplier = await prisma.supplier.create({
      data: {
        slug: "listable-test",
        legalName: "Listable Test Ltd",
        tradingName: "Listable Test",
        declaredSize: "micro",
        computedSize: "micro",
        region: "Wales",
        contactName: "T",
        contactEmail: "t@listable.example",
      },
    });
    const award = (agreement: string, lot: string, verified: boolean) =>
      lotId(agreement, lot).then((id) =>
        prisma.lotAward.create({
          data: { supplierId: supplier.id, lotId: id, awardedAt: new Date("2026-01-01"), reference: `${agreement}-${lot}`, verified },
        }),
      );
    await award("RM1557.15", "2b", true); // live
    await award("RM1557.15", "3", false); // live but unverified
    await award("RM1557.14", "2", true); // expired on 28 October 2026
    await award("RM1043.9", "2", true); // live

    const today = new Date("2026-11-23T12:00:00Z");
    const lots = await listListableLots(supplier.id, today);
    expect(lots.map((l) => `${l.agreementNumber} ${l.lotNumber}`)).toEqual(["RM1043.9 2", "RM1557.15 2b"]);
    expect(lots[1]).toEqual({
      id: await lotId("RM1557.15", "2b"),
      label: "G-Cloud 15 (RM1557.15) lot 2b: General software as a service",
      agreementNumber: "RM1557.15",
      lotNumber: "2b",
    });

    // Before G-Cloud 15 started it was upcoming; G-Cloud 14 was still open then.
    expect((await listListableLots(supplier.id, new Date("2026-09-01T12:00:00Z"))).map((l) => l.agreementNumber)).toEqual([
      "RM1043.9",
      "RM1557.14",
    ]);
    // Expiring (within 90 days of its end) still counts; after the end it does not.
    expect((await listListableLots(supplier.id, new Date("2030-08-01T12:00:00Z"))).map((l) => l.agreementNumber)).toContain("RM1557.15");
    expect((await listListableLots(supplier.id, new Date("2030-09-17T12:00:00Z"))).map((l) => l.agreementNumber)).not.toContain(
      "RM1557.15",
    );
    // Another supplier's awards never appear.
    expect(await listListableLots((await supplierBySlug("brightwater-digital")).id, today)).not.toContainEqual(
      expect.objectContaining({ label: expect.stringContaining("Listable") }),
    );
  });

  it("lets a supplier declare a lot, refuses bad declarations, and an admin verify it so it becomes listable", async () => {
    const route = await import("~/routes/supplier.awards");
    const admin = await import("~/routes/admin.awards");
    const { listListableLots } = await import("~/models/award.server");
    const prisma = await db();
    const cookie = await cookieFor(DEMO.supplierB);
    const brightwater = await supplierBySlug("brightwater-digital");
    const lot = await lotId("RM1557.15", "1a");
    await prisma.lotAward.deleteMany({ where: { supplierId: brightwater.id, lotId: lot } });
    const form = {
      intent: "declare",
      supplierId: brightwater.id,
      lotId: lot,
      "awarded-day": "20",
      "awarded-month": "9",
      "awarded-year": "2026",
      reference: "RM1557.15-L1a-00412",
    };
    const post = (f: Record<string, string>) =>
      responseOf(() => route.action({ request: makeRequest("/supplier/awards", { cookie, form: f }), params: {}, context }));

    const page = await route.loader({ request: makeRequest("/supplier/awards", { cookie }), params: {}, context });
    const offered = page.lots.map((l) => l.label);
    expect(offered).toContain("G-Cloud 15 (RM1557.15) lot 1a: Cloud hosting (IaaS and PaaS)");
    expect(offered.some((l) => l.includes("RM1557.14"))).toBe(false);

    const expiredLot = await post({ ...form, lotId: await lotId("RM1557.14", "1") });
    expect(expiredLot.status).toBe(400);
    expect((await expiredLot.json()).errors.lotId[0]).toMatch(/live, expiring or upcoming/);
    const future = await post({ ...form, "awarded-year": "2027" });
    expect(future.status).toBe(400);
    expect((await future.json()).errors["awarded"]).toEqual(["Award date must be today or in the past"]);

    const declared = await post(form);
    expect(declared.status).toBe(302);
    const award = await prisma.lotAward.findUniqueOrThrow({ where: { supplierId_lotId: { supplierId: brightwater.id, lotId: lot } } });
    expect(award).toMatchObject({ verified: false, reference: "RM1557.15-L1a-00412" });
    expect(await prisma.auditEvent.count({ where: { action: "award.declared", entityId: award.id } })).toBe(1);
    expect((await listListableLots(brightwater.id, new Date("2026-11-23T12:00:00Z"))).map((l) => l.id)).not.toContain(lot);
    const duplicate = await post(form);
    expect(duplicate.status).toBe(400);
    expect((await duplicate.json()).errors.lotId[0]).toMatch(/already declared/);

    const adminCookie = await cookieFor(DEMO.admin);
    const queue = await admin.loader({ request: makeRequest("/admin/awards", { cookie: adminCookie }), params: {}, context });
    expect(queue.queue.map((a) => a.id)).toContain(award.id);
    const verified = await responseOf(() =>
      admin.action({
        request: makeRequest("/admin/awards", { cookie: adminCookie, form: { intent: "verify", awardId: award.id } }),
        params: {},
        context,
      }),
    );
    expect(verified.status).toBe(302);
    const after = await prisma.lotAward.findUniqueOrThrow({ where: { id: award.id } });
    expect(after.verified).toBe(true);
    expect(after.verifiedById).not.toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "award.verified", entityId: award.id } });
    expect(JSON.parse(audit.before!).verified).toBe(false);
    expect(JSON.parse(audit.after!).verified).toBe(true);
    expect((await listListableLots(brightwater.id, new Date("2026-11-23T12:00:00Z"))).map((l) => l.id)).toContain(lot);
    const queued = await prisma.searchOutbox.findMany({ where: { createdAt: { gte: audit.createdAt } } });
    expect(queued.some((q) => q.entityType === "supplier" && q.entityId === brightwater.id)).toBe(true);
    expect(queued.filter((q) => q.entityType === "product").length).toBe(
      await prisma.product.count({ where: { supplierId: brightwater.id, status: "published" } }),
    );

    // Verifying twice changes nothing and says so; the supplier sees it verified.
    const twice = await responseOf(() =>
      admin.action({
        request: makeRequest("/admin/awards", { cookie: adminCookie, form: { intent: "verify", awardId: award.id } }),
        params: {},
        context,
      }),
    );
    expect(twice.status).toBe(409);
    const mine = await route.loader({ request: makeRequest("/supplier/awards", { cookie }), params: {}, context });
    expect(mine.awards.find((a) => a.id === award.id)).toMatchObject({ verified: true, status: "live" });
  });

  it("lets an admin reject a declaration with a reason kept in the audit log", async () => {
    const admin = await import("~/routes/admin.awards");
    const prisma = await db();
    const brightwater = await supplierBySlug("brightwater-digital");
    const award = await prisma.lotAward.create({
      data: {
        supplierId: brightwater.id,
        lotId: await lotId("RM1557.15", "1b"),
        awardedAt: new Date("2026-10-02"),
        reference: "RM1557.15-L1b-00007",
      },
    });
    const adminCookie = await cookieFor(DEMO.admin);
    const page = await admin.loader({
      request: makeRequest(`/admin/awards?reject=${award.id}`, { cookie: adminCookie }),
      params: {},
      context,
    });
    expect(page.rejecting?.reference).toBe("RM1557.15-L1b-00007");

    const noReason = await responseOf(() =>
      admin.action({
        request: makeRequest(`/admin/awards?reject=${award.id}`, {
          cookie: adminCookie,
          form: { intent: "reject", awardId: award.id, reason: " " },
        }),
        params: {},
        context,
      }),
    );
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toEqual(["Enter the reason for rejecting the award"]);

    const rejected = await responseOf(() =>
      admin.action({
        request: makeRequest(`/admin/awards?reject=${award.id}`, {
          cookie: adminCookie,
          form: { intent: "reject", awardId: award.id, reason: "Not on the GCA list of awarded suppliers for lot 1b" },
        }),
        params: {},
        context,
      }),
    );
    expect(rejected.status).toBe(302);
    expect(await prisma.lotAward.findUnique({ where: { id: award.id } })).toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "award.rejected", entityId: award.id } });
    expect(JSON.parse(audit.after!)).toEqual({ reason: "Not on the GCA list of awarded suppliers for lot 1b" });
    expect(JSON.parse(audit.before!)).toMatchObject({ reference: "RM1557.15-L1b-00007", supplierId: brightwater.id });
  });
});
