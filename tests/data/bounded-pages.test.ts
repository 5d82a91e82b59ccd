// Issue 17 item 4: pages do bounded work whatever the data size. The framework page shows each
// lot's supplier count and one page of its suppliers; ?lot=N&page=P pages through one lot.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, makeRequest } from "../support/session";

useTestDatabase();

// The default seed has a dozen suppliers on a lot; G-Cloud 15's biggest lot gets 60 more
// verified ones (and 3 unverified organisations and 2 unverified awards, which must not show)
// so that it spans three pages.
beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  const agreement = await prisma.agreement.findFirstOrThrow({
    where: { number: "RM1557.15" },
    include: { lots: { include: { _count: { select: { awards: true } } } } },
  });
  const lot = [...agreement.lots].sort((a, b) => b._count.awards - a._count.awards)[0];
  const awardedAt = new Date("2025-11-03T00:00:00Z");
  for (let i = 0; i < 65; i++) {
    const n = String(i).padStart(2, "0");
    await prisma.supplier.create({
      data: {
        slug: `paging-supplier-${n}`,
        legalName: `Paging Supplier ${n} Ltd`,
        // Names out of creation order, so the page's alphabetical order is what is tested.
        tradingName: `${String.fromCharCode(65 + ((i * 7) % 26))}ardale Paging ${n}`,
        declaredSize: "small",
        computedSize: "small",
        region: "North West",
        contactName: "Pat Paging",
        contactEmail: `paging-${n}@example.test`,
        verifiedAt: i < 62 ? awardedAt : null,
        awards: { create: { lotId: lot.id, awardedAt, reference: `PAGE-${n}`, verified: i < 60 || i >= 62 } },
      },
    });
  }
});

async function frameworkPage(number: string, query = "") {
  const route = await import("~/routes/frameworks.$number");
  return route.loader({ request: makeRequest(`/frameworks/${encodeURIComponent(number)}${query}`), params: { number }, context });
}

/** Every public supplier on a lot, in the page's order: what all the pages together must show. */
async function publicSuppliersOn(lotId: string) {
  const { prisma } = await import("~/utils/db.server");
  const awards = await prisma.lotAward.findMany({
    where: { lotId, verified: true, supplier: { verifiedAt: { not: null } } },
    select: { id: true, supplier: { select: { tradingName: true } } },
    orderBy: [{ supplier: { tradingName: "asc" } }, { id: "asc" }],
  });
  return awards.map((a) => a.id);
}

describe("framework page suppliers", () => {
  it("shows each lot's count and its first page; ?lot&page shows the next suppliers and leaves other lots on their first page", async () => {
    const first = await frameworkPage("RM1557.15");
    const pageSize = first.pageSize;
    const biggest = [...first.agreement.lots].sort((a, b) => b.supplierCount - a.supplierCount)[0];
    const all = await publicSuppliersOn(biggest.id);
    expect(all.length).toBeGreaterThan(pageSize * 2);
    for (const lot of first.agreement.lots) {
      expect(lot.supplierCount, `lot ${lot.number}`).toBe((await publicSuppliersOn(lot.id)).length);
      expect(lot.awards.length).toBe(Math.min(pageSize, lot.supplierCount));
      expect(lot.supplierPage).toBe(1);
    }
    expect(biggest.awards.map((a) => a.id)).toEqual(all.slice(0, pageSize));

    const second = await frameworkPage("RM1557.15", `?lot=${biggest.number}&page=2`);
    const lot2 = second.agreement.lots.find((l) => l.id === biggest.id)!;
    expect(lot2.supplierPage).toBe(2);
    expect(lot2.supplierCount).toBe(all.length);
    expect(lot2.awards.map((a) => a.id)).toEqual(all.slice(pageSize, pageSize * 2));
    for (const other of second.agreement.lots.filter((l) => l.id !== biggest.id)) {
      const before = first.agreement.lots.find((l) => l.id === other.id)!;
      expect(other.awards.map((a) => a.id)).toEqual(before.awards.map((a) => a.id));
    }

    // Every page together is every supplier once.
    const pages = Math.ceil(all.length / pageSize);
    const seen: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const page = await frameworkPage("RM1557.15", `?lot=${biggest.number}&page=${p}`);
      seen.push(...page.agreement.lots.find((l) => l.id === biggest.id)!.awards.map((a) => a.id));
    }
    expect(seen).toEqual(all);
    const shownSlugs = new Set(
      (await Promise.all([...Array(pages).keys()].map((p) => frameworkPage("RM1557.15", `?lot=${biggest.number}&page=${p + 1}`))))
        .flatMap((page) => page.agreement.lots.find((l) => l.id === biggest.id)!.awards)
        .map((a) => a.supplier.slug),
    );
    expect([...shownSlugs].filter((slug) => slug.startsWith("paging-supplier-")).length).toBe(60);
    for (const hidden of ["60", "61", "62", "63", "64"]) expect(shownSlugs.has(`paging-supplier-${hidden}`)).toBe(false);

    // Past the end: no suppliers, the count still right; nonsense pages read as the first.
    const beyond = await frameworkPage("RM1557.15", `?lot=${biggest.number}&page=${pages + 1}`);
    expect(beyond.agreement.lots.find((l) => l.id === biggest.id)!.awards).toEqual([]);
    const nonsense = await frameworkPage("RM1557.15", `?lot=${biggest.number}&page=-3x`);
    expect(nonsense.agreement.lots.find((l) => l.id === biggest.id)!.awards.map((a) => a.id)).toEqual(all.slice(0, pageSize));
  });
});

describe("lists derived from every published case study", () => {
  async function home() {
    const route = await import("~/routes/_index");
    return route.loader();
  }

  it("are computed once, not per request, and follow a change: the next view after a write, and within a second of an outbox row written elsewhere", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { peerGenerations } = await import("~/models/peers.server");
    const { cookieFor, DEMO, responseOf } = await import("../support/session");
    const first = await home();
    const newest = first.caseStudies[0];
    const builds = peerGenerations.builds();
    // Repeated views: the same lists, and nothing rebuilt.
    for (let i = 0; i < 3; i++) expect((await home()).caseStudies).toEqual(first.caseStudies);
    const casePage = await import("~/routes/case-studies.$slug._index");
    await casePage.loader({ request: makeRequest(`/case-studies/${newest.slug}`), params: { slug: newest.slug }, context });
    expect(peerGenerations.builds()).toBe(builds);

    // An administrator unpublishes the newest: the next view drops it (in the writing process the
    // after-commit hook makes it look at the outbox without waiting for the second to pass).
    const moderate = await import("~/routes/admin.case-studies.$slug");
    const admin = await cookieFor(DEMO.admin);
    const cs = await prisma.caseStudy.findUniqueOrThrow({ where: { slug: newest.slug } });
    const view = await moderate.loader({
      request: makeRequest(`/admin/case-studies/${cs.slug}`, { cookie: admin }),
      params: { slug: cs.slug },
      context,
    });
    const res = await responseOf(() =>
      moderate.action({
        request: makeRequest(`/admin/case-studies/${cs.slug}`, {
          cookie: admin,
          form: {
            intent: "unpublish",
            lockVersion: String(cs.lockVersion),
            contentToken: view.caseStudy.contentToken,
            reason: "Out of date",
          },
        }),
        params: { slug: cs.slug },
        context,
      }),
    );
    expect(res.status).toBe(302);
    const after = await home();
    expect(after.caseStudies.map((c) => c.slug)).not.toContain(newest.slug);
    expect(after.caseStudies.map((c) => c.slug)).toEqual(
      first.caseStudies
        .slice(1)
        .map((c) => c.slug)
        .concat(after.caseStudies[5].slug),
    );
    expect(peerGenerations.builds()).toBe(builds + 1);

    // Another process's write (no after-commit hook here): its outbox row is seen within a second.
    const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
    await prisma.$transaction(async (tx) => {
      await tx.caseStudy.update({ where: { id: cs.id }, data: { status: "published", rejectionReason: null } });
      await enqueueSearchUpdate(tx, [{ entityType: "case-study", entityId: cs.id }]);
    });
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await home()).caseStudies.map((c) => c.slug)).toEqual(first.caseStudies.map((c) => c.slug));
    expect(peerGenerations.builds()).toBe(builds + 2);

    // Outbox rows for other things (a product) leave the lists as they are, without a rebuild.
    const product = await prisma.product.findFirstOrThrow({ where: { status: "published" }, select: { id: true } });
    await prisma.$transaction((tx) => enqueueSearchUpdate(tx, [{ entityType: "product", entityId: product.id }]));
    await new Promise((r) => setTimeout(r, 1_100));
    await home();
    expect(peerGenerations.builds()).toBe(builds + 2);
  });
});
