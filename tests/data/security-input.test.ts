// Issue 12, written as the attacks: each request below once crashed a worker, redirected
// off-site, burnt seconds of CPU or was accepted. Each must now be refused (4xx) or
// ignored — no crash, no change, nothing leaked.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

async function act(route: string, path: string, form: Record<string, string | string[]>, { cookie, params = {} }: { cookie?: string; params?: Record<string, string> } = {}) {
  const mod = (await import(/* @vite-ignore */ `~/routes/${route}`)) as { action: Handler };
  const request = makeRequest(path, { cookie, form });
  return responseOf(() => mod.action({ request, params, context }));
}

async function auditCount() {
  const { prisma } = await import("~/utils/db.server");
  return prisma.auditEvent.count({ where: { NOT: { action: { startsWith: "login." } } } });
}

const PROTOTYPE_FIELDS = ["__proto__.x", "constructor.prototype.x", "__proto__[x]", "prototype", "expires.__proto__.x", "criteria.0.constructor.prototype.x"];

let supplierA: string, buyerA: string, supplierId: string, projectId: string;

beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  [supplierA, buyerA] = await Promise.all([cookieFor(DEMO.supplierA), cookieFor(DEMO.buyerA)]);
  supplierId = (await prisma.supplier.findFirstOrThrow({ where: { slug: "kestrel-civic-software" } })).id;
  const res = await act("projects.new", "/projects/new", {
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
  }, { cookie: buyerA });
  projectId = res.headers.get("Location")!.split("/")[2];
});

describe("finding 2: prototype pollution through posted field names", () => {
  const targets = () => [
    {
      name: "supplier accreditations",
      route: "supplier.accreditations",
      path: "/supplier/accreditations",
      cookie: supplierA,
      form: { supplierId, kind: "iso-27001", certificateNumber: "IS 1", "expires.day": "1", "expires.month": "6", "expires.year": "2028" },
      params: {},
    },
    {
      name: "supplier awards",
      route: "supplier.awards",
      path: "/supplier/awards",
      cookie: supplierA,
      form: { supplierId, lotId: "x", "awarded.day": "1", "awarded.month": "6", "awarded.year": "2026", reference: "" },
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
  const attacks = ["/\t/evil.example/", "/\n/evil.example/", "//evil.example/", "/\\evil.example/", "/\uff0f/evil.example/", "/.//evil.example/", "https://evil.example/"];
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
    const request = makeRequest("/login", { form: { email: DEMO.buyerA, password: "Council-Marketplace-2026", redirectTo: "/projects?tab=open" } });
    const res = await responseOf(() => mod.action({ request, params: {}, context: { ...context, ip: "198.51.100.99" } }));
    expect(res.headers.get("Location")).toBe("/projects?tab=open");
  });
});
