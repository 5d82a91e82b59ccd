// Issue 15 item 2 and 3, through the real routes: an admin deactivates an account (its
// sessions end, sign-in is refused with a clear message) and reactivates it; roles change
// only within the role model; the audit log filters by who, what, object and date and exports
// the same as CSV; user search ignores case (run with TEST_DATABASE=postgresql for PostgreSQL);
// every council's seeded email domain lets its staff sign up.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { sentMail } from "../support/mail";
import { DEMO_PASSWORD } from "../../seed/demo-accounts";

useTestDatabase();

const PASSWORD = "correct horse battery staple";
let ipCounter = 0;
const freshIp = () => `198.18.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

async function userId(email: string) {
  return (await (await db()).user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function post(path: string, id: string, form: Record<string, string | string[]>, cookie: string) {
  const route = await import("~/routes/admin.users.$id");
  return responseOf(() =>
    route.action({ request: makeRequest(path, { cookie, form }), params: { id }, context: { ...context, ip: freshIp() } }),
  );
}

async function signIn(email: string, password: string = DEMO_PASSWORD) {
  const login = await import("~/routes/login");
  return responseOf(() =>
    login.action({
      request: makeRequest("/login", { form: { email, password, redirectTo: "/" } }),
      params: {},
      context: { ...context, ip: freshIp() },
    }),
  );
}

describe("deactivating and reactivating an account", () => {
  it("ends the user's sessions, refuses sign-in with a clear message, and lets them back after reactivation", async () => {
    const admin = await cookieFor(DEMO.admin);
    const target = await userId(DEMO.buyerB);
    const theirCookie = await cookieFor(DEMO.buyerB);
    const prisma = await db();
    expect(await prisma.session.count({ where: { userId: target } })).toBe(1);

    const missingReason = await post(`/admin/users/${target}?intent=deactivate`, target, { userId: target, reason: "  " }, admin);
    expect(missingReason.status).toBe(400);
    expect(((await missingReason.json()) as { errors: Record<string, string[]> }).errors.reason).toEqual([
      "Enter why you are deactivating this account",
    ]);

    const res = await post(
      `/admin/users/${target}?intent=deactivate`,
      target,
      { userId: target, reason: "Left Leeds City Council" },
      admin,
    );
    expect(res.status).toBe(302);
    expect(await prisma.session.count({ where: { userId: target } })).toBe(0);
    // Their old cookie no longer signs them in.
    const account = await import("~/routes/account");
    const page = await responseOf(() => account.loader({ request: makeRequest("/account", { cookie: theirCookie }), params: {}, context }));
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toMatch(/^\/login/);

    const refusedLogin = await signIn(DEMO.buyerB);
    expect(refusedLogin.status).toBe(403);
    expect(JSON.stringify(await refusedLogin.json())).toContain("Your account has been deactivated by a Council Marketplace administrator");
    // A wrong password learns nothing about the account's state.
    const wrong = await signIn(DEMO.buyerB, "not the password at all");
    expect(wrong.status).toBe(400);

    const told = (await sentMail()).filter((m) => m.to === DEMO.buyerB).at(-1)!;
    expect(told.subject).toBe("Your Council Marketplace account has been deactivated");
    expect(told.text).toContain("Left Leeds City Council");

    // A second admin's deactivation finds it already done.
    const again = await post(`/admin/users/${target}?intent=deactivate`, target, { userId: target, reason: "Twice" }, admin);
    expect(again.status).toBe(409);

    const back = await post(`/admin/users/${target}?intent=reactivate`, target, { userId: target }, admin);
    expect(back.status).toBe(302);
    const ok = await signIn(DEMO.buyerB);
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/");
    const actions = await prisma.auditEvent.findMany({
      where: { entityId: target, action: { startsWith: "user." } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["user.deactivated", "user.reactivated"]));
    expect(await prisma.auditEvent.count({ where: { entityId: target, action: "login.refused-deactivated" } })).toBe(1);
  });

  it("refuses to deactivate the admin's own account", async () => {
    const admin = await cookieFor(DEMO.admin);
    const self = await userId(DEMO.admin);
    const res = await post(`/admin/users/${self}?intent=deactivate`, self, { userId: self, reason: "Testing" }, admin);
    expect(res.status).toBe(422);
    expect((await (await db()).user.findUniqueOrThrow({ where: { id: self } })).deactivatedAt).toBeNull();
  });
});

describe("changing roles", () => {
  it("makes a council officer an approver, and refuses roles outside the role model", async () => {
    const admin = await cookieFor(DEMO.admin);
    const buyer = await userId(DEMO.buyerA);
    const supplier = await userId(DEMO.supplierA);
    const prisma = await db();

    const granted = await post(
      `/admin/users/${buyer}?intent=roles`,
      buyer,
      { userId: buyer, roles: ["buyer", "approver"], expected: ["buyer"] },
      admin,
    );
    expect(granted.status).toBe(302);
    const roles = await prisma.user.findUniqueOrThrow({ where: { id: buyer }, select: { roles: { select: { name: true } } } });
    expect(roles.roles.map((r) => r.name).sort()).toEqual(["approver", "buyer"]);

    // What the admin saw is no longer true: a conflict, nothing changed.
    const stale = await post(`/admin/users/${buyer}?intent=roles`, buyer, { userId: buyer, roles: ["buyer"], expected: ["buyer"] }, admin);
    expect(stale.status).toBe(409);

    const outside = await post(
      `/admin/users/${supplier}?intent=roles`,
      supplier,
      { userId: supplier, roles: ["supplier", "admin"], expected: ["supplier"] },
      admin,
    );
    expect(outside.status).toBe(422);
    expect(JSON.stringify(await outside.json())).toContain("cannot hold the portal administrator role");
    const approverWithoutBuyer = await post(
      `/admin/users/${buyer}?intent=roles`,
      buyer,
      { userId: buyer, roles: ["approver"], expected: ["approver", "buyer"] },
      admin,
    );
    expect(approverWithoutBuyer.status).toBe(422);
    expect(await prisma.auditEvent.count({ where: { entityId: buyer, action: "user.roles-changed" } })).toBe(1);
  });
});

describe("the admin user search", () => {
  it("ignores case in names and addresses", async () => {
    const admin = await cookieFor(DEMO.admin);
    const route = await import("~/routes/admin.users");
    const search = async (q: string) => {
      const data = await route.loader({
        request: makeRequest(`/admin/users?q=${encodeURIComponent(q)}`, { cookie: admin }),
        params: {},
        context,
      });
      return data.users.map((u) => u.email);
    };
    expect(await search("TOM HUGHES")).toEqual([DEMO.buyerB]);
    expect(await search("tom hughes")).toEqual([DEMO.buyerB]);
    expect(await search("BUYER@LEEDS.GOV.UK")).toEqual([DEMO.buyerB]);
    // LIKE's wildcards are taken literally.
    expect(await search("%")).toEqual([]);
    expect(await search("_")).toEqual([]);
  });
});

describe("the audit log", () => {
  it("filters by who, what, object and date, and exports the same events as CSV", async () => {
    const admin = await cookieFor(DEMO.admin);
    const route = await import("~/routes/admin.audit");
    const target = await userId(DEMO.supplierB);
    await post(`/admin/users/${target}?intent=force-reset`, target, { userId: target }, admin);
    const load = async (query: string) =>
      route.loader({ request: makeRequest(`/admin/audit?${query}`, { cookie: admin }), params: {}, context });

    const byObject = await load(`object=${target}&what=user.password-reset-forced`);
    expect(byObject.errors).toEqual({});
    expect(byObject.events.map((e) => [e.action, e.entityId, e.actor?.email])).toEqual([
      ["user.password-reset-forced", target, DEMO.admin],
    ]);
    const byWho = await load(`who=ADMIN@councilmarketplace&object=${target}`);
    expect(byWho.events.length).toBeGreaterThan(0);
    expect(byWho.events.every((e) => e.actor?.email === DEMO.admin)).toBe(true);
    const before = await load(`object=${target}&to=2026-01-01`);
    expect(before.total).toBe(0);
    const bad = await load("from=2026-12-01&to=2026-11-01");
    expect(bad.errors.to).toEqual(["The end date must be on or after the start date"]);

    const csvRoute = await import("~/routes/admin.audit[.]csv");
    const csv = await responseOf(() =>
      csvRoute.loader({
        request: makeRequest(`/admin/audit.csv?object=${target}&what=user.password-reset-forced`, { cookie: admin }),
        params: {},
        context,
      }),
    );
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("time,actor_email,actor_id,action,object_type,object_id,before,after,ip");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${DEMO.admin},`);
    expect(lines[1]).toContain(`,user.password-reset-forced,user,${target},`);
  });
});

describe("every council can sign up", () => {
  it("seeds all 391 domains, and an officer at a North Yorkshire address gets a confirmation link", async () => {
    const prisma = await db();
    expect(await prisma.councilDomain.count()).toBe(391);
    const signup = await import("~/routes/signup");
    const email = "new.officer@northyorks.gov.uk";
    const res = await responseOf(() =>
      signup.action({
        request: makeRequest("/signup", { form: { name: "New Officer", email, password: PASSWORD, confirmPassword: PASSWORD } }),
        params: {},
        context: { ...context, ip: freshIp() },
      }),
    );
    expect(res.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { council: { select: { code: true } } } });
    expect(user.council?.code).toBe("NYE");
    expect((await sentMail()).filter((m) => m.to === email).at(-1)!.text).toMatch(/verify-email\?token=/);
  });
});
