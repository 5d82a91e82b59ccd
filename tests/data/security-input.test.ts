// Issue 12, written as the attacks: each request below once crashed a worker, redirected
// off-site, burnt seconds of CPU or was accepted. Each must now be refused (4xx) or
// ignored — no crash, no change, nothing leaked.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

async function act(
  route: string,
  path: string,
  form: Record<string, string | string[]>,
  { cookie, params = {} }: { cookie?: string; params?: Record<string, string> } = {},
) {
  const mod = (await import(/* @vite-ignore */ `~/routes/${route}`)) as { action: Handler };
  const request = makeRequest(path, { cookie, form });
  return responseOf(() => mod.action({ request, params, context }));
}

async function auditCount() {
  const { prisma } = await import("~/utils/db.server");
  return prisma.auditEvent.count({ where: { NOT: { action: { startsWith: "login." } } } });
}

const PROTOTYPE_FIELDS = [
  "__proto__.x",
  "constructor.prototype.x",
  "__proto__[x]",
  "prototype",
  "expires.__proto__.x",
  "criteria.0.constructor.prototype.x",
];

let supplierA: string, buyerA: string, supplierId: string, projectId: string;

beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  [supplierA, buyerA] = await Promise.all([cookieFor(DEMO.supplierA), cookieFor(DEMO.buyerA)]);
  supplierId = (await prisma.supplier.findFirstOrThrow({ where: { slug: "kestrel-civic-software" } })).id;
  const res = await act(
    "projects.new",
    "/projects/new",
    {
      intent: "create",
      title: "Attack project",
      routeId: "framework-direct-award-rm1557-15",
      category: "cloud-software",
      value: "150000",
      contractMonths: "24",
      startDate: "2026-11-23",
      termsUnchanged: "yes",
      security: "OFFICIAL",
      nation: "England",
    },
    { cookie: buyerA },
  );
  projectId = res.headers.get("Location")!.split("/")[2];
});

describe("finding 2: prototype pollution through posted field names", () => {
  const targets = (): {
    name: string;
    route: string;
    path: string;
    cookie: string;
    form: Record<string, string>;
    params: Record<string, string>;
  }[] => [
    {
      name: "supplier accreditations",
      route: "supplier.accreditations",
      path: "/supplier/accreditations",
      cookie: supplierA,
      form: { supplierId, kind: "iso-27001", certificateNumber: "IS 1", "expires-day": "1", "expires-month": "6", "expires-year": "2028" },
      params: {},
    },
    {
      name: "supplier awards",
      route: "supplier.awards",
      path: "/supplier/awards",
      cookie: supplierA,
      form: { supplierId, lotId: "x", "awarded-day": "1", "awarded-month": "6", "awarded-year": "2026", reference: "" },
      params: {},
    },
    {
      name: "project evaluation",
      route: "projects.$id.evaluation",
      path: `/projects/${projectId}/evaluation`,
      cookie: buyerA,
      form: { lockVersion: "1", "criteria.0.name": "Price", "criteria.0.weight": "100" },
      params: { id: projectId },
    },
  ];

  for (const field of PROTOTYPE_FIELDS) {
    it(`refuses "${field}" on every nested form, without a crash, a write or a polluted prototype`, async () => {
      for (const t of targets()) {
        const before = await auditCount();
        const res = await act(t.route, t.path, { ...t.form, [field]: "polluted" }, { cookie: t.cookie, params: t.params });
        expect(res.status, t.name).toBe(400);
        expect(await res.text(), t.name).toMatch(/not allowed/);
        expect(({} as Record<string, unknown>).x, t.name).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, "x")).toBe(false);
        expect(await auditCount(), t.name).toBe(before);
      }
    });
  }

  it("still accepts the same forms without the hostile field (the refusal is the field, not the form)", async () => {
    const res = await act("supplier.accreditations", "/supplier/accreditations", targets()[0].form, { cookie: supplierA });
    expect(res.status).toBe(302);
  });
});

describe("finding 3: open redirect after sign-in", () => {
  const attacks = [
    "/\t/evil.example/",
    "/\n/evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/\uff0f/evil.example/",
    "/.//evil.example/",
    "https://evil.example/",
  ];
  attacks.forEach((redirectTo, i) => {
    it(`signs in but stays on this site for redirectTo=${JSON.stringify(redirectTo)}`, async () => {
      const mod = (await import("~/routes/login")) as { action: Handler };
      const request = makeRequest("/login", { form: { email: DEMO.buyerA, password: "Council-Marketplace-2026", redirectTo } });
      const res = await responseOf(() => mod.action({ request, params: {}, context: { ...context, ip: `198.51.100.${10 + i}` } }));
      expect(res.status).toBe(302);
      const location = res.headers.get("Location")!;
      expect(location).toBe("/");
      expect(new URL(location, "https://marketplace.example.gov.uk").origin).toBe("https://marketplace.example.gov.uk");
    });
  });

  it("still follows a same-site redirectTo", async () => {
    const mod = (await import("~/routes/login")) as { action: Handler };
    const request = makeRequest("/login", {
      form: { email: DEMO.buyerA, password: "Council-Marketplace-2026", redirectTo: "/projects?tab=open" },
    });
    const res = await responseOf(() => mod.action({ request, params: {}, context: { ...context, ip: "198.51.100.99" } }));
    expect(res.headers.get("Location")).toBe("/projects?tab=open");
  });
});

describe("finding 13: weak passwords refused wherever a password is set, saying why", () => {
  const WEAK = ["Council2026!!", "P@ssw0rd1234", "Summer2027!!!", "letmeinletmein"];

  for (const password of WEAK) {
    it(`refuses ${password} at buyer sign-up, supplier registration, invitation and password change; nothing is created or changed`, async () => {
      const { prisma } = await import("~/utils/db.server");
      const users = await prisma.user.count();
      const harder = /Choose a password that is harder to guess: it .+/;

      const signup = await act("signup", "/signup", {
        name: "Weak Buyer",
        email: "weak.buyer@brighton-hove.gov.uk",
        password,
        confirmPassword: password,
      });
      expect(signup.status).toBe(400);
      expect((await signup.json()).errors.password[0]).toMatch(harder);

      const register = await act("suppliers.register", "/suppliers/register", {
        legalName: "Weak Ltd",
        tradingName: "Weak",
        staffCount: "5",
        turnover: "100000",
        declaredSize: "micro",
        region: "London",
        contactName: "W",
        contactEmail: "w@weak.example",
        contactPhone: "020 7946 0000",
        description: "d",
        companyNumber: "12345678",
        name: "Wendy Weak",
        email: "wendy@weak.example",
        password,
        confirmPassword: password,
      });
      expect(register.status).toBe(400);
      expect((await register.json()).errors.password[0]).toMatch(harder);

      const current = (await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerA } })).passwordHash;
      const change = await act(
        "account",
        "/account",
        { currentPassword: "Council-Marketplace-2026", newPassword: password, confirmPassword: password },
        { cookie: buyerA },
      );
      expect(change.status).toBe(400);
      expect((await change.json()).errors.newPassword[0]).toMatch(harder);
      expect((await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerA } })).passwordHash).toBe(current);

      expect(await prisma.user.count()).toBe(users);
    });
  }

  it("refuses a weak password at password reset before the token is looked at", async () => {
    for (const password of WEAK) {
      const res = await act(
        "reset-password",
        "/reset-password",
        { token: "not-a-real-token", password, confirmPassword: password },
        { params: {} },
      );
      expect(res.status, password).toBe(400);
      expect((await res.json()).errors.password?.[0], password).toMatch(/harder to guess/);
    }
  });

  it("refuses a weak password when accepting a team invitation, and the link stays usable", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { sentMail } = await import("../support/mail");
    const invite = await act(
      "supplier.team",
      "/supplier/team",
      { supplierId, email: "weak.colleague@kestrel-civic.example" },
      { cookie: supplierA },
    );
    expect(invite.status).toBe(302);
    const mail = (await sentMail()).filter((m) => m.to === "weak.colleague@kestrel-civic.example").at(-1)!;
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    for (const password of [...WEAK, "KestrelCivic2026!"]) {
      const res = await act(
        "invitations.$token",
        `/invitations/${token}`,
        { name: "Weak Colleague", password, confirmPassword: password },
        { params: { token } },
      );
      expect(res.status, password).toBe(400);
      expect((await res.json()).errors.password[0]).toMatch(/harder to guess/);
    }
    const invitee = await prisma.user.findUniqueOrThrow({
      where: { email: "weak.colleague@kestrel-civic.example" },
      include: { verificationTokens: true },
    });
    expect(invitee.verificationTokens.every((t) => t.usedAt === null)).toBe(true);
    const strong = await act(
      "invitations.$token",
      `/invitations/${token}`,
      { name: "Weak Colleague", password: "heather kettle orbit lantern", confirmPassword: "heather kettle orbit lantern" },
      { params: { token } },
    );
    expect(strong.status).toBe(302);
  });
});
