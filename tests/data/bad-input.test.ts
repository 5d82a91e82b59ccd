// Bad input on every form: wrong content types, malformed multipart, unicode edge cases,
// very long words, markup. Each must get a 4xx with a message, or be stored as text —
// never a 500, and never a partial write (a refused request leaves no audit event behind,
// and every change writes one).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO } from "../support/session";
import { EXPECTED, ROLES, ROUTES, type Fixtures, type Role } from "./authorization-matrix.table";

useTestDatabase();

const FIELDS = [
  "name",
  "title",
  "email",
  "summary",
  "description",
  "problem",
  "approach",
  "reason",
  "q",
  "legalName",
  "tradingName",
  "companyNumber",
  "priceFrom",
  "value",
  "contractMonths",
  "reference",
  "password",
  "confirmPassword",
  "intent",
  "lockVersion",
  "decision",
  "mode",
];

const NASTY: Record<string, string> = {
  "right-to-left override": "\u202Egnp.exe\u202C invoice",
  "zero-width characters": "Hou\u200Bsing\u200D\uFEFF",
  emoji: "Bins 🗑️♻️👩🏽‍💻",
  "very long word": "x".repeat(20_000),
  "markup and script": `<script>alert(1)</script><img src=x onerror=alert(2)>"'&`,
  "null byte": "abc\u0000def",
  "lone surrogate": "\uD800broken",
};

type Case = { file: string; role: Role };
const cases: Case[] = [];
for (const [file, methods] of Object.entries(EXPECTED)) {
  const post = methods.POST;
  if (!post) continue;
  // The demo roles only (the matrix's unconfirmed buyer has no demo account).
  const role = ROLES.find((r) => r !== "buyerUnconfirmed" && !["login", "403"].includes(post[r])) ?? "anonymous";
  cases.push({ file, role });
}

const fixtures = {} as Fixtures;

beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  const kestrel = await prisma.product.findFirstOrThrow({ where: { supplier: { slug: "kestrel-civic-software" }, status: "published" } });
  const brighton = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
  const project = await prisma.buyingProject.create({
    data: {
      councilId: brighton.id,
      title: "Sweep project",
      category: "cloud-software",
      estimatedValuePence: 15_000_000,
      contractMonths: 24,
      procurementStart: new Date("2026-11-23"),
      nation: "England",
      routeId: "g-cloud-direct-award",
    },
  });
  const caseStudy = await prisma.caseStudy.findFirstOrThrow({ where: { councilId: brighton.id, status: "published" } });
  const version = await prisma.productVersion.findFirstOrThrow({ where: { productId: kestrel.id } });
  const named = await prisma.caseStudySupplier.findFirst({
    where: { supplier: { slug: "kestrel-civic-software" } },
    include: { caseStudy: true },
  });
  Object.assign(fixtures, {
    productId: kestrel.id,
    versionId: version.id,
    projectId: project.id,
    frozenFile: "none.csv",
    caseStudySlug: caseStudy.slug,
    supplierCaseStudySlug: named?.caseStudy.slug ?? caseStudy.slug,
  });
});

async function send(c: Case, body: BodyInit | undefined, contentType: string | undefined) {
  const { prisma } = await import("~/utils/db.server");
  const spec = ROUTES[c.file];
  const mod = await import(/* @vite-ignore */ `~/routes/${c.file}`);
  const headers = new Headers();
  if (c.role !== "anonymous") headers.set("Cookie", await cookieFor(DEMO[c.role as Exclude<Role, "anonymous" | "buyerUnconfirmed">]));
  if (contentType) headers.set("Content-Type", contentType);
  const auditBefore = await prisma.auditEvent.count({ where: { NOT: { action: { startsWith: "login." } } } });
  let status: number;
  let location: string | null = null;
  try {
    const result = await mod.action({
      request: new Request(`http://localhost${spec.path(fixtures)}`, { method: "POST", headers, body }),
      params: spec.params(fixtures),
      context,
    });
    status = result instanceof Response ? result.status : 200;
    if (result instanceof Response) location = result.headers.get("Location");
  } catch (error) {
    if (!(error instanceof Response)) throw new Error(`${c.file} threw (would be a 500): ${(error as Error).message.slice(0, 200)}`);
    status = error.status;
    location = error.headers.get("Location");
  }
  const auditAfter = await prisma.auditEvent.count({ where: { NOT: { action: { startsWith: "login." } } } });
  return { status, wrote: auditAfter - auditBefore, location };
}

describe.each(cases)("bad input to $file (as $role)", (c) => {
  it("answers a JSON body (wrong content type) without a 500 or a write", async () => {
    const { status, wrote } = await send(c, JSON.stringify({ name: "x" }), "application/json");
    expect(status).toBeLessThan(500);
    if (status >= 400) expect(wrote).toBe(0);
  });

  it("answers malformed multipart without a 500 or a write", async () => {
    const { status, wrote } = await send(
      c,
      '--nope\r\nContent-Disposition: form-data; name="x"\r\n\r\nunterminated',
      "multipart/form-data; boundary=zzz",
    );
    expect(status).toBeLessThan(500);
    if (status >= 400) expect(wrote).toBe(0);
  });

  it.each(Object.entries(NASTY))("answers %s in every field without a 500", async (_label, value) => {
    const form = new URLSearchParams();
    for (const f of FIELDS) form.set(f, value);
    const { status, wrote } = await send(c, form, "application/x-www-form-urlencoded");
    expect(status).toBeLessThan(500);
    if (status >= 400) expect(wrote).toBe(0);
  });
});

// Issue 12: prototype-key field names (finding 2), off-site redirects dressed up with tabs,
// backslashes and unicode (finding 3), and long hostile web addresses (finding 6), on every form.
const PROTOTYPE_FIELDS = [
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "__proto__[polluted]",
  "prototype",
  "criteria.0.__proto__.polluted",
  "expires.constructor.prototype.polluted",
];
const OFF_SITE = [
  "/\t/evil.example/",
  "/\n/evil.example/",
  "//evil.example/",
  "/\\evil.example/",
  "/\uff0f/evil.example/",
  "/.//evil.example/",
  "https://evil.example/",
];
const URL_FIELDS = ["pricingDocumentUrl", "accessibilityStatementUrl", "website", "url", "assets.0.url"];

describe.each(cases)("hostile names and values to $file (as $role)", (c) => {
  it("refuses or ignores prototype-key field names: no 500, no write, Object.prototype untouched", async () => {
    for (const field of PROTOTYPE_FIELDS) {
      const form = new URLSearchParams();
      for (const f of FIELDS) form.set(f, "x");
      form.append(field, "yes");
      form.append(field, "twice");
      const { status, wrote } = await send(c, form, "application/x-www-form-urlencoded");
      expect(status, field).toBeLessThan(500);
      if (status >= 400) expect(wrote, field).toBe(0);
      expect(({} as Record<string, unknown>).polluted, field).toBeUndefined();
    }
  });

  it("never redirects off-site, however redirectTo is dressed up", async () => {
    for (const redirectTo of OFF_SITE) {
      const form = new URLSearchParams({ redirectTo, email: DEMO.buyerA, password: "Council-Marketplace-2026" });
      const { status, location } = await send(c, form, "application/x-www-form-urlencoded");
      expect(status).toBeLessThan(500);
      if (location)
        expect(new URL(location, "https://marketplace.example.gov.uk").origin, `${c.file} ${JSON.stringify(redirectTo)}`).toBe(
          "https://marketplace.example.gov.uk",
        );
    }
  });

  it("answers long hostile web addresses without a 500; a refusal writes nothing", async () => {
    // How long the refusal takes is a benchmark figure (npm run bench -- --only hostile).
    const form = new URLSearchParams();
    for (const f of URL_FIELDS) form.set(f, "https://" + ".".repeat(380_000) + "<");
    const { status, wrote } = await send(c, form, "application/x-www-form-urlencoded");
    expect(status).toBeLessThan(500);
    // Routes whose form has no web-address field answer these posts as they answer any other.
    if (status >= 400) expect(wrote).toBe(0);
  });
});

describe("markup is stored as text", () => {
  it("keeps markup typed into a real form exactly as typed, through the action to the public page", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { makeRequest, responseOf } = await import("../support/session");
    const profile = await import("~/routes/supplier.profile");
    const page = await import("~/routes/suppliers.$slug");
    const supplier = await prisma.supplier.findUniqueOrThrow({ where: { slug: "kestrel-civic-software" } });
    const { penceToPounds } = await import("~/procurement/money");
    const markup = NASTY["markup and script"];
    const cookie = await cookieFor(DEMO.supplierA);
    const audited = () => prisma.auditEvent.count({ where: { entityId: supplier.id } });
    const auditsBefore = await audited();
    const res = await responseOf(() =>
      profile.action({
        request: makeRequest("/supplier/profile", {
          cookie,
          form: {
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
            description: markup,
          },
        }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
    const stored = await prisma.supplier.findUniqueOrThrow({ where: { id: supplier.id } });
    expect(stored.description).toBe(markup);
    expect(await audited()).toBe(auditsBefore + 1);
    const shown = await page.loader({ request: makeRequest(`/suppliers/${supplier.slug}`), params: { slug: supplier.slug }, context });
    expect(shown.supplier.description).toBe(markup);
  });
});
