// Session cookie and lifetime rules in production mode (Secure, __Host- prefix), with a fake clock.
process.env.COOKIE_SECURE = "true";

import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

describe("session cookie in production", () => {
  it("is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/ and has no Domain", async () => {
    const { startSession } = await import("~/auth/session.server");
    const { getUserByEmail } = await import("~/models/user.server");
    const user = (await getUserByEmail(DEMO.buyerA))!;
    const res = await startSession(new Request("https://portal.example/login"), { userId: user.id, redirectTo: "/" });
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^__Host-cm_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe("session lifetime", () => {
  it("ends after 12 hours even when active", async () => {
    const { getSessionUser } = await import("~/auth/session.server");
    const { advanceClock, resetClock } = await import("~/utils/clock.server");
    const cookie = await cookieFor(DEMO.buyerA);
    try {
      // Active every 25 minutes: never idle, but the absolute limit still applies.
      for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
        advanceClock(25 * 60 * 1000);
        expect(await getSessionUser(makeRequest("/", { cookie })), `at ${minutes} minutes`).not.toBeNull();
      }
      advanceClock(25 * 60 * 1000);
      expect(await getSessionUser(makeRequest("/", { cookie }))).toBeNull();
    } finally {
      resetClock();
    }
  });

  it("ends every session when the password changes, keeping the browser that changed it signed in", async () => {
    const { getSessionUser } = await import("~/auth/session.server");
    const laptop = await cookieFor(DEMO.supplierB);
    const phone = await cookieFor(DEMO.supplierB);
    const account = await import("~/routes/account");
    const res = await responseOf(() =>
      account.action({
        request: makeRequest("/account", {
          cookie: laptop,
          form: {
            currentPassword: "Council-Marketplace-2026",
            newPassword: "a much longer new passphrase",
            confirmPassword: "a much longer new passphrase",
          },
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    expect(await getSessionUser(makeRequest("/", { cookie: laptop }))).toBeNull();
    expect(await getSessionUser(makeRequest("/", { cookie: phone }))).toBeNull();
    const fresh = res.headers.get("Set-Cookie")!.split(";")[0];
    expect((await getSessionUser(makeRequest("/", { cookie: fresh })))?.email).toBe(DEMO.supplierB);
  });

  it("lets an admin end a user's sessions, and audits it", async () => {
    const { getSessionUser } = await import("~/auth/session.server");
    const { prisma } = await import("~/utils/db.server");
    const victim = await cookieFor(DEMO.buyerB);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerB } });
    const admin = await cookieFor(DEMO.admin);
    const route = await import("~/routes/admin.users");
    const res = await responseOf(() =>
      route.action({ request: makeRequest("/admin/users", { cookie: admin, form: { userId: user.id } }), params: {}, context }),
    );
    expect(res.status).toBe(302);
    expect(await getSessionUser(makeRequest("/", { cookie: victim }))).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "user.sessions-revoked", entityId: user.id } })).toBe(1);
    const supplierCookie = await cookieFor(DEMO.supplierA);
    const notAdmin = await responseOf(() =>
      route.action({ request: makeRequest("/admin/users", { cookie: supplierCookie, form: { userId: user.id } }), params: {}, context }),
    );
    expect(notAdmin.status).toBe(403);
  });
});

describe("who may act as a buyer", () => {
  it("an admin adds a council domain, audited, and staff at that domain can then sign up", async () => {
    const { prisma } = await import("~/utils/db.server");
    const admin = await cookieFor(DEMO.admin);
    const route = await import("~/routes/admin.council-domains");
    const bad = await responseOf(() =>
      route.action({
        request: makeRequest("/admin/council-domains", { cookie: admin, form: { intent: "add", domain: "gmail.com", councilCode: "YOR" } }),
        params: {},
        context,
      }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.domain[0]).toMatch(/public-sector domain/);
    const ok = await responseOf(() =>
      route.action({
        request: makeRequest("/admin/council-domains", {
          cookie: admin,
          // york.gov.uk itself is seeded (seed/council-email-domains.csv): add a second domain for York.
          form: { intent: "add", domain: "Digital.York.gov.uk", councilCode: "YOR" },
        }),
        params: {},
        context,
      }),
    );
    expect(ok.status).toBe(302);
    expect(await prisma.auditEvent.count({ where: { action: "council-domain.added" } })).toBe(1);
    const signup = await import("~/routes/signup");
    const res = await responseOf(() =>
      signup.action({
        request: makeRequest("/signup", {
          form: {
            name: "Y Officer",
            email: "y.officer@digital.york.gov.uk",
            password: "a long enough passphrase",
            confirmPassword: "a long enough passphrase",
          },
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "y.officer@digital.york.gov.uk" }, include: { council: true } });
    expect(user.council?.code).toBe("YOR");
  });
});
