// Case studies made the way people make them, for tests that each need their own: a council
// officer writes one through /case-studies/new, an administrator decides on it through
// /admin/case-studies/:slug (reading the page first, so the decision carries the content
// token the administrator saw). No raw database edits.
import { expect } from "vitest";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "./session";

export type CaseStudyForm = Record<string, string | string[]>;

export interface CaseStudyFixtures {
  cookies: Record<keyof typeof DEMO, string>;
  /** A published product of Kestrel Civic Software (supplierA's organisation). */
  kestrelProduct: { id: string; supplierId: string };
  /** A published product of a supplier that is neither demo supplier. */
  otherProduct: { id: string; supplierId: string };
  housing: { id: string; name: string; slug: string };
}

/** Seeded things every case-study test reads (nothing is written). */
export async function loadCaseStudyFixtures(): Promise<CaseStudyFixtures> {
  const { prisma } = await import("~/utils/db.server");
  const cookies = {
    admin: await cookieFor(DEMO.admin),
    buyerA: await cookieFor(DEMO.buyerA),
    buyerB: await cookieFor(DEMO.buyerB),
    supplierA: await cookieFor(DEMO.supplierA),
    supplierB: await cookieFor(DEMO.supplierB),
  };
  const published = { status: "published", publishedVersionId: { not: null } };
  const kestrelProduct = await prisma.product.findFirstOrThrow({
    where: { ...published, supplier: { slug: "kestrel-civic-software" } },
    orderBy: { id: "asc" },
    select: { id: true, supplierId: true },
  });
  const otherProduct = await prisma.product.findFirstOrThrow({
    where: { ...published, supplier: { slug: { notIn: ["kestrel-civic-software", "brightwater-digital"] } } },
    orderBy: { id: "asc" },
    select: { id: true, supplierId: true },
  });
  const housing = await prisma.serviceArea.findUniqueOrThrow({ where: { slug: "housing" }, select: { id: true, name: true, slug: true } });
  return { cookies, kestrelProduct, otherProduct, housing };
}

/** Every answer a council gives to submit a case study, for Brighton and Hove (buyerA). */
export function completeForm(fx: CaseStudyFixtures, title: string, overrides: CaseStudyForm = {}): CaseStudyForm {
  return {
    intent: "submit",
    title,
    serviceAreaId: fx.housing.id,
    summary: "Tenants now report repairs online and track them.",
    problem: "Repairs were reported by phone and tenants could not see progress.",
    approach: "We bought a repairs portal on G-Cloud and ran it alongside our own workflow.",
    "metrics.0.name": "Days from report to repair",
    "metrics.0.before": "28",
    "metrics.0.after": "14",
    "metrics.0.unit": "days",
    "metrics.1.name": "Tenant satisfaction",
    "metrics.1.before": "61",
    "metrics.1.after": "78",
    "metrics.1.unit": "%",
    "metrics.1.higherIsBetter": "true",
    "metrics.2.name": "",
    "metrics.2.before": "",
    "metrics.2.after": "",
    "metrics.2.unit": "",
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
    productIds: [fx.kestrelProduct.id, fx.otherProduct.id],
    "unlisted.0.name": "Repairs scheduling spreadsheet",
    "unlisted.0.supplierName": "Built in-house",
    lotId: "",
    buyingRoute: "direct-award",
    "assets.0.title": "Repairs reporting pattern",
    "assets.0.type": "pattern",
    "assets.0.url": "https://github.com/brighton-hove/repairs-pattern",
    "assets.0.licence": "MIT",
    "assets.0.description": "How we ask tenants about a repair.",
    lessons: "Talk to the repairs team first.",
    contactName: "Priya Patel",
    contactEmail: "priya.patel@brighton-hove.gov.uk",
    ...overrides,
  };
}

/** Brighton and Hove's officer writes and submits a case study (or saves a draft): its slug. */
export async function writeCaseStudy(fx: CaseStudyFixtures, title: string, overrides: CaseStudyForm = {}): Promise<string> {
  const { action } = await import("~/routes/case-studies.new");
  const res = await responseOf(() =>
    action({
      request: makeRequest("/case-studies/new", { cookie: fx.cookies.buyerA, form: completeForm(fx, title, overrides) }),
      params: {},
      context,
    }),
  );
  expect(res.status, res.status === 302 ? "" : await res.clone().text()).toBe(302);
  return res.headers
    .get("Location")!
    .replace(/^\/case-studies\//, "")
    .replace(/\/edit$/, "");
}

/** The administrator's review page for a case study. */
export async function reviewPage(fx: CaseStudyFixtures, slug: string) {
  const { loader } = await import("~/routes/admin.case-studies.$slug");
  return loader({ request: makeRequest(`/admin/case-studies/${slug}`, { cookie: fx.cookies.admin }), params: { slug }, context });
}

/** The administrator opens the review page, then decides: the response (302 when it was applied). */
export async function decide(fx: CaseStudyFixtures, slug: string, intent: "approve" | "reject" | "unpublish", reason = "") {
  const { action } = await import("~/routes/admin.case-studies.$slug");
  const view = await reviewPage(fx, slug);
  const form = {
    intent,
    lockVersion: String(view.caseStudy.lockVersion),
    contentToken: view.caseStudy.contentToken,
    ...(intent === "approve" ? {} : { reason }),
  };
  return responseOf(() =>
    action({ request: makeRequest(`/admin/case-studies/${slug}`, { cookie: fx.cookies.admin, form }), params: { slug }, context }),
  );
}

/** A case study written, submitted and approved through the routes: its slug. */
export async function publishedCaseStudy(fx: CaseStudyFixtures, title: string, overrides: CaseStudyForm = {}): Promise<string> {
  const slug = await writeCaseStudy(fx, title, overrides);
  const approved = await decide(fx, slug, "approve");
  expect(approved.status).toBe(302);
  return slug;
}
