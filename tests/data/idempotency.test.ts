// A repeated post of the same form does not run the action twice (issue 18 item 7): the Form
// component puts an idempotency key in every non-GET form, and the second post of a key gets
// the first post's redirect. Exercised through the real case-study creation action.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

let cookie = "";
let form: (title: string, extra?: Record<string, string>) => Record<string, string | string[]>;

beforeAll(async () => {
  // Production registers the store in app/entry.server.tsx; tests load the route modules directly.
  await import("~/models/idempotency.server");
  const { prisma } = await import("~/utils/db.server");
  cookie = await cookieFor(DEMO.buyerA);
  const product = await prisma.product.findFirstOrThrow({
    where: { status: "published", publishedVersionId: { not: null } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  const housing = await prisma.serviceArea.findUniqueOrThrow({ where: { slug: "housing" }, select: { id: true } });
  form = (title, extra = {}) => ({
    intent: "submit",
    title,
    serviceAreaId: housing.id,
    summary: "Tenants now report repairs online and track them.",
    problem: "Repairs were reported by phone and tenants could not see progress.",
    approach: "We bought a repairs portal on G-Cloud and ran it alongside our own workflow.",
    "metrics.0.name": "Days from report to repair",
    "metrics.0.before": "28",
    "metrics.0.after": "14",
    "metrics.0.unit": "days",
    outcomeNarrative: "Repairs are faster and tenants can see where things are.",
    costExact: "86,500",
    costBand: "",
    funding: "Housing revenue account",
    "startDate-day": "1",
    "startDate-month": "4",
    "startDate-year": "2025",
    "endDate-day": "30",
    "endDate-month": "9",
    "endDate-year": "2025",
    productIds: [product.id],
    lotId: "",
    buyingRoute: "direct-award",
    lessons: "Talk to the repairs team first.",
    contactName: "Priya Patel",
    contactEmail: "priya.patel@brighton-hove.gov.uk",
    ...extra,
  });
});

async function post(fields: Record<string, string | string[]>) {
  const { action } = await import("~/routes/case-studies.new");
  return responseOf(() => action({ request: makeRequest("/case-studies/new", { cookie, form: fields }), params: {}, context }));
}

async function caseStudiesTitled(title: string) {
  const { prisma } = await import("~/utils/db.server");
  return prisma.caseStudy.count({ where: { title } });
}

const KEY = "3f1c2b9a-0d4e-4c1b-9a7f-5e6d7c8b9a0f-r1";

describe("posting the same form twice", () => {
  it("creates one case study and answers the second post with the first one's redirect", async () => {
    const title = "Wrenfield repairs portal halved the wait for repairs";
    const first = await post(form(title, { _idempotency: KEY }));
    expect(first.status).toBe(302);
    const second = await post(form(title, { _idempotency: KEY }));
    expect(second.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await caseStudiesTitled(title)).toBe(1);
  });

  it("runs only one of two posts sent at the same moment", async () => {
    const title = "Larkmoor repairs portal halved the wait for repairs";
    const key = `${KEY}-both`;
    const [a, b] = await Promise.all([post(form(title, { _idempotency: key })), post(form(title, { _idempotency: key }))]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect(b.headers.get("Location")).toBe(a.headers.get("Location"));
    expect(await caseStudiesTitled(title)).toBe(1);
  });

  it("lets a form that came back with errors be sent again with the same key", async () => {
    const title = "Fenwick repairs portal halved the wait for repairs";
    const key = `${KEY}-fixed`;
    const refused = await post(form(title, { _idempotency: key, "metrics.0.before": "twenty-eight" }));
    expect(refused.status).toBe(400);
    const fixed = await post(form(title, { _idempotency: key }));
    expect(fixed.status).toBe(302);
    expect(await caseStudiesTitled(title)).toBe(1);
  });

  it("runs every post that carries no key (an old page), as before", async () => {
    const title = "Ashbury repairs portal halved the wait for repairs";
    expect((await post(form(title))).status).toBe(302);
    expect((await post(form(title))).status).toBe(302);
    expect(await caseStudiesTitled(title)).toBe(2);
  });
});
