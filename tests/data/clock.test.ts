// One clock: every timestamp the app writes comes from now() (app/utils/clock.server.ts), so
// pinning PORTAL_TODAY moves the whole app, whatever the machine's (or the database's) date.
import { afterEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

const original = process.env.PORTAL_TODAY;
afterEach(() => {
  process.env.PORTAL_TODAY = original;
});

const day = (d: Date) => d.toISOString().slice(0, 10);

describe("one clock", () => {
  it("stamps created and updated times from the pinned date, including nested writes", async () => {
    const { prisma } = await import("~/utils/db.server");
    process.env.PORTAL_TODAY = "2031-06-15";
    const user = await prisma.user.create({
      data: {
        email: "clock.check@brighton-hove.gov.uk",
        name: "Clock Check",
        passwordHash: "x",
        sessions: { create: [{ expiresAt: new Date("2031-06-16T00:00:00Z") }] },
        verificationTokens: {
          createMany: { data: [{ purpose: "email-verification", tokenHash: "clock-check", expiresAt: new Date("2031-06-16T00:00:00Z") }] },
        },
      },
      include: { sessions: true, verificationTokens: true },
    });
    expect(day(user.createdAt)).toBe("2031-06-15");
    expect(day(user.updatedAt)).toBe("2031-06-15");
    expect(day(user.passwordChangedAt)).toBe("2031-06-15");
    expect(day(user.sessions[0].createdAt)).toBe("2031-06-15");
    expect(day(user.sessions[0].lastSeenAt)).toBe("2031-06-15");
    expect(day(user.verificationTokens[0].createdAt)).toBe("2031-06-15");

    process.env.PORTAL_TODAY = "2032-01-02";
    const updated = await prisma.user.update({
      where: { id: user.id },
      data: { name: "Clock Check, later", sessions: { create: { expiresAt: new Date("2032-01-03T00:00:00Z") } } },
      include: { sessions: { orderBy: { createdAt: "asc" } } },
    });
    expect(day(updated.updatedAt)).toBe("2032-01-02");
    expect(day(updated.createdAt)).toBe("2031-06-15");
    expect(updated.sessions.map((s) => day(s.createdAt))).toEqual(["2031-06-15", "2032-01-02"]);

    process.env.PORTAL_TODAY = "2033-02-03";
    await prisma.user.updateMany({ where: { id: user.id }, data: { name: "Clock Check, much later" } });
    const many = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(day(many.updatedAt)).toBe("2033-02-03");
  });

  it("stamps rows made through the real sign-up flow with the pinned date", async () => {
    process.env.PORTAL_TODAY = "2030-03-04";
    const signup = await import("~/routes/signup");
    const res = await responseOf(() =>
      signup.action({
        request: makeRequest("/signup", {
          form: {
            name: "Clock Officer",
            email: "clock.officer@leeds.gov.uk",
            password: "correct horse battery staple",
            confirmPassword: "correct horse battery staple",
          },
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    const { prisma } = await import("~/utils/db.server");
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "clock.officer@leeds.gov.uk" },
      include: { sessions: true, verificationTokens: true },
    });
    expect(day(user.createdAt)).toBe("2030-03-04");
    expect(day(user.passwordChangedAt)).toBe("2030-03-04");
    for (const s of user.sessions) expect(day(s.createdAt)).toBe("2030-03-04");
    for (const t of user.verificationTokens) expect(day(t.createdAt)).toBe("2030-03-04");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { actorId: user.id }, orderBy: { createdAt: "desc" } });
    expect(day(audit.createdAt)).toBe("2030-03-04");
  });

  it("signs in and keeps the session on a pinned date after the seed but before the real date", async () => {
    // The seed ran at the suite's pinned date. When the users' passwordChangedAt came from the
    // real clock, every session made on the (earlier) pinned date looked older than the last
    // password change and sign-in failed; with one clock it works on any later pinned day.
    const next = new Date(Date.parse(`${original}T00:00:00Z`) + 86_400_000);
    process.env.PORTAL_TODAY = day(next);
    const login = await import("~/routes/login");
    const res = await responseOf(() =>
      login.action({
        request: makeRequest("/login", { form: { email: DEMO.buyerA, password: "Council-Marketplace-2026", redirectTo: "/projects" } }),
        params: {},
        context: { ...context, ip: "10.9.9.9" },
      }),
    );
    expect(res.status).toBe(302);
    const cookie = res.headers.get("Set-Cookie")!.split(";")[0];
    const { getSessionUser } = await import("~/auth/session.server");
    const user = await getSessionUser(makeRequest("/projects", { cookie }));
    expect(user?.email).toBe(DEMO.buyerA);
  });
});
