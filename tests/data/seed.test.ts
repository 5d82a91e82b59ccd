// The seed: deterministic, consistent with the schema's rules, and the same on SQLite
// and PostgreSQL. Seeds its own fresh databases (a temp SQLite file, and a throwaway
// PostgreSQL database when DATABASE_URL_PG is set) rather than the shared templates.
import crypto from "node:crypto";
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "../../app/utils/db.server";
import { migrateDatabase } from "../../app/utils/migrate.server";
import { verifyPassword } from "../../app/auth/password.server";
import { seedDatabase, validateCounts } from "../../seed/index";
import { DEMO_ACCOUNTS, DEMO_COUNCIL_DOMAINS } from "../../seed/demo-accounts";
import { COUNCILS_CSV, loadCouncils } from "../../seed/councils";
import { agreements } from "../../seed/reference/frameworks";
import { buildReferenceRows, computeSupplierSize, costBandFor, generateSeedData } from "../../seed/generate";
import { createRng } from "../../seed/random";
import { serviceAreas } from "../../seed/service-areas";

const COUNTS = { suppliers: 20, products: 60, caseStudies: 20 };

type Target = { name: string; create: () => Promise<string>; drop: (url: string) => Promise<void> };

const targets: Target[] = [
  {
    name: "SQLite",
    create: async () => `file:/tmp/cm-seed-test-${process.pid}-${crypto.randomBytes(4).toString("hex")}.db`,
    drop: async (url) => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(url.slice("file:".length) + suffix, { force: true });
    },
  },
];

const pgBase = process.env.DATABASE_URL_PG;
if (pgBase) {
  // A database of our own on the given server, so other tests' data is never touched.
  const admin = async <T>(fn: (client: import("pg").Client) => Promise<T>): Promise<T> => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: pgBase });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  targets.push({
    name: "PostgreSQL",
    create: async () => {
      const name = `cm_seedtest_${crypto.randomBytes(4).toString("hex")}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      const url = new URL(pgBase);
      url.pathname = `/${name}`;
      return url.toString();
    },
    drop: async (url) => {
      const name = new URL(url).pathname.slice(1);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  });
}

describe("seed generators (no database)", () => {
  const ref = buildReferenceRows(agreements, loadCouncils());

  it("produce identical rows for identical inputs", () => {
    const a = generateSeedData(COUNTS, ref);
    const b = generateSeedData(COUNTS, ref);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("keep supplier data stable when only the product or case-study counts change", () => {
    const a = generateSeedData(COUNTS, ref);
    const b = generateSeedData({ ...COUNTS, products: 200, caseStudies: 50 }, ref);
    expect(b.suppliers).toEqual(a.suppliers);
    expect(b.lotAwards).toEqual(a.lotAwards);
  });

  it("size suppliers by the documented rule, mostly SMEs", () => {
    expect(computeSupplierSize(9, 200_000_000)).toBe("micro");
    expect(computeSupplierSize(9, 200_000_001)).toBe("small");
    expect(computeSupplierSize(49, 1_000_000_000)).toBe("small");
    expect(computeSupplierSize(50, 100_000_000)).toBe("medium");
    expect(computeSupplierSize(249, 4_400_000_000)).toBe("medium");
    expect(computeSupplierSize(250, 500_000_000)).toBe("large");
    expect(computeSupplierSize(100, 4_400_000_001)).toBe("large");

    const { suppliers } = generateSeedData({ suppliers: 1000, products: 1, caseStudies: 1 }, ref);
    for (const s of suppliers) expect(s.computedSize).toBe(computeSupplierSize(s.staffCount, s.turnoverPence));
    const share = (size: string) => suppliers.filter((s) => s.computedSize === size).length / suppliers.length;
    expect(share("micro") + share("small")).toBeGreaterThan(0.45);
    expect(share("medium")).toBeGreaterThan(0.2);
    expect(share("large")).toBeGreaterThan(0.08);
    expect(share("large")).toBeLessThan(0.22);
    const differing = suppliers.filter((s) => s.declaredSize !== s.computedSize).length;
    expect(differing).toBeGreaterThan(0);
    expect(differing / suppliers.length).toBeLessThan(0.1);
    expect(new Set(suppliers.map((s) => s.slug)).size).toBe(suppliers.length);
    expect(new Set(suppliers.map((s) => s.companyNumber)).size).toBe(suppliers.length);
    for (const s of suppliers) expect(s.companyNumber).toMatch(/^(\d{8}|(SC|NI|OC)\d{6})$/);
  });

  it("write listings within the stated limits", () => {
    const { productVersions } = generateSeedData({ suppliers: 100, products: 400, caseStudies: 1 }, ref);
    for (const v of productVersions) {
      const words = v.description.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(60);
      expect(words).toBeLessThanOrEqual(120);
      const features = JSON.parse(v.features) as string[];
      expect(features.length).toBeGreaterThanOrEqual(4);
      expect(features.length).toBeLessThanOrEqual(8);
      for (const f of features) expect(f.length).toBeLessThanOrEqual(100);
      const benefits = JSON.parse(v.benefits) as string[];
      expect(benefits.length).toBeGreaterThanOrEqual(3);
      expect(benefits.length).toBeLessThanOrEqual(6);
    }
  });

  it("write at least eight My Account case studies with reusable assets, even in a small seed", () => {
    const rows = generateSeedData(COUNTS, ref);
    const withAssets = new Set(rows.reusableAssets.map((a) => a.caseStudyId));
    const myAccount = rows.caseStudies.filter(
      (c) => c.serviceAreaId === "sa_customer-services" && /resident account/.test(c.title) && withAssets.has(c.id),
    );
    expect(myAccount.length).toBeGreaterThanOrEqual(8);
  });

  it("validates counts with a clear error", () => {
    expect(() => validateCounts({ suppliers: 0, products: 10, caseStudies: 1 })).toThrow(/suppliers must be a positive whole number/);
    expect(() => validateCounts({ suppliers: 1, products: 1.5, caseStudies: 1 })).toThrow(/products/);
    expect(() => validateCounts({ suppliers: 5, products: 1, caseStudies: 1 })).not.toThrow();
  });

  it("uses a repeatable random sequence", () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.int(1, 1000))).toEqual(Array.from({ length: 5 }, () => b.int(1, 1000)));
    expect(createRng(42).shuffle([1, 2, 3, 4, 5, 6])).toEqual(createRng(42).shuffle([1, 2, 3, 4, 5, 6]));
  });
});

describe.each(targets)("seedDatabase on $name", (target) => {
  let url = "";
  let prisma: PrismaClient;
  let counts: Record<string, number>;

  beforeAll(async () => {
    url = await target.create();
    await migrateDatabase(url);
    prisma = createPrismaClient(url);
    counts = await seedDatabase(prisma, COUNTS);
  }, 180_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    if (url) await target.drop(url);
  });

  it("returns the row counts that are in the database", async () => {
    expect(counts.suppliers).toBe(COUNTS.suppliers);
    expect(counts.products).toBe(COUNTS.products);
    expect(counts.productVersions).toBe(COUNTS.products);
    expect(counts.caseStudies).toBe(COUNTS.caseStudies);
    expect(counts.serviceAreas).toBe(serviceAreas.length);
    expect(await prisma.productVersionLot.count()).toBe(counts.productVersionLots);
    expect(await prisma.caseStudyMetric.count()).toBe(counts.caseStudyMetrics);
    expect(counts.agreements).toBe(agreements.length);
    expect(counts.lots).toBe(agreements.reduce((n, a) => n + a.lots.length, 0));
  });

  it("inserts one council per row of councils.csv", async () => {
    const rows = parse(fs.readFileSync(COUNCILS_CSV, "utf8"), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(await prisma.council.count()).toBe(rows.length);
    const bnh = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
    expect(bnh.name).toBe("Brighton and Hove");
    expect(bnh.type).toBe("UA");
  });

  it("stores lot categories as JSON arrays and agreement dates as dates", async () => {
    const lot = await prisma.lot.findFirstOrThrow({
      where: { agreement: { number: "RM1557.15" }, number: "2a" },
      include: { agreement: true },
    });
    expect(JSON.parse(lot.categories)).toEqual(["cloud-software"]);
    expect(lot.agreement.startDate).toBeInstanceOf(Date);
  });

  it("is deterministic: seeding again gives the same products in the same order", async () => {
    const read = async () =>
      (await prisma.productVersion.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, priceFromPence: true } })).map(
        (v) => `${v.id} ${v.name} ${v.priceFromPence}`,
      );
    const first = await read();
    const again = await seedDatabase(prisma, COUNTS);
    expect(again).toEqual(counts);
    expect(await read()).toEqual(first);
  }, 120_000);

  it("lists products only on lots the supplier holds a verified award for", async () => {
    const listings = await prisma.productVersionLot.findMany({
      select: { lotId: true, version: { select: { product: { select: { supplierId: true } } } } },
    });
    expect(listings.length).toBeGreaterThan(0);
    const verified = new Set(
      (await prisma.lotAward.findMany({ where: { verified: true }, select: { supplierId: true, lotId: true } })).map(
        (a) => `${a.supplierId}|${a.lotId}`,
      ),
    );
    for (const l of listings) expect(verified.has(`${l.version.product.supplierId}|${l.lotId}`)).toBe(true);

    const awards = await prisma.lotAward.findMany();
    for (const a of awards) expect(a.verifiedAt !== null).toBe(a.verified);
  });

  it("gives every published product its published version, and no other product one", async () => {
    const products = await prisma.product.findMany({ include: { publishedVersion: true, versions: true } });
    expect(products.filter((p) => p.status === "published").length).toBeGreaterThan(COUNTS.products * 0.6);
    for (const p of products) {
      expect(p.versions).toHaveLength(1);
      // A withdrawn product keeps the version it had published, as withdrawListing leaves it.
      expect(p.versions[0].status).toBe(p.status === "withdrawn" ? "published" : p.status);
      if (p.status === "published") {
        expect(p.publishedVersionId).toBe(p.versions[0].id);
        expect(p.publishedVersion?.publishedAt).toBeInstanceOf(Date);
      } else {
        expect(p.publishedVersionId).toBeNull();
      }
    }
  });

  it("claims only security certificates the supplier holds and has not let lapse", async () => {
    const versions = await prisma.productVersion.findMany({
      include: { product: { include: { supplier: { include: { accreditations: true } } } } },
    });
    const today = new Date("2026-11-23T00:00:00Z");
    for (const v of versions) {
      const valid = new Set(v.product.supplier.accreditations.filter((a) => a.expiresAt && a.expiresAt >= today).map((a) => a.kind));
      for (const claim of JSON.parse(v.security) as string[]) {
        if (claim !== "other") expect(valid.has(claim)).toBe(true);
      }
    }
  });

  it("links case studies only to published products, names their suppliers, and keeps cost bands honest", async () => {
    const studies = await prisma.caseStudy.findMany({
      include: { products: { include: { product: { include: { versions: true } } } }, suppliers: true, metrics: true, council: true },
    });
    expect(studies).toHaveLength(COUNTS.caseStudies);
    const replacedBy = new Map(
      (await prisma.agreement.findMany({ select: { number: true, replacedBy: true } })).map((a) => [
        a.number,
        JSON.parse(a.replacedBy) as string[],
      ]),
    );
    /** The agreements that replaced `number`, and the ones that replaced those. */
    const successorsOf = (number: string, found = new Set<string>()): Set<string> => {
      for (const next of replacedBy.get(number) ?? []) if (!found.has(next)) successorsOf(next, found.add(next));
      return found;
    };
    for (const cs of studies) {
      expect(cs.products.length).toBeGreaterThanOrEqual(1);
      expect(cs.products.length).toBeLessThanOrEqual(3);
      expect(cs.metrics.length).toBeGreaterThanOrEqual(1);
      expect(cs.metrics.length).toBeLessThanOrEqual(3);
      const listed = cs.products.filter((p) => p.product);
      for (const p of listed) expect(p.product!.status).toBe("published");
      for (const p of cs.products.filter((x) => !x.product)) expect(p.unlistedName).toBeTruthy();
      expect(new Set(cs.suppliers.map((s) => s.supplierId))).toEqual(new Set(listed.map((p) => p.product!.supplierId)));
      if (cs.costExactPence !== null) expect(cs.costBand).toBe(costBandFor(Number(cs.costExactPence)));
      expect(cs.costBand).toMatch(/^(under-30k|30k-100k|100k-250k|250k-1m|over-1m)$/);
      expect(cs.status === "published").toBe(cs.publishedAt !== null);
      if (cs.lotId) {
        // Bought through a lot that one of its catalogue products is listed on, or the same lot of
        // an earlier generation (the product listed on G-Cloud 14 was bought on G-Cloud 12 in 2021),
        // live when the work started.
        const lot = await prisma.lot.findUniqueOrThrow({
          where: { id: cs.lotId },
          select: { startDate: true, endDate: true, agreement: { select: { number: true, startDate: true, endDate: true } } },
        });
        const productAgreements = await prisma.productVersionLot.findMany({
          where: { version: { productId: { in: listed.map((p) => p.product!.id) } } },
          select: { lotId: true, lot: { select: { agreement: { select: { number: true } } } } },
        });
        const lineage = successorsOf(lot.agreement.number);
        const onLotOrLater = productAgreements.some((pl) => pl.lotId === cs.lotId || lineage.has(pl.lot.agreement.number));
        expect(onLotOrLater, `${cs.slug} on ${lot.agreement.number}`).toBe(true);
        const start = lot.startDate ?? lot.agreement.startDate;
        const end = lot.endDate ?? lot.agreement.endDate;
        expect(cs.startDate!.getTime()).toBeGreaterThanOrEqual(start!.getTime());
        if (end) expect(cs.startDate!.getTime()).toBeLessThanOrEqual(end.getTime());
        expect(["direct-award", "further-competition"]).toContain(cs.buyingRoute);
      }
      expect(cs.startDate!.getUTCFullYear()).toBeGreaterThanOrEqual(2019);
      expect(cs.startDate!.getUTCFullYear()).toBeLessThanOrEqual(2026);
    }
    expect(new Set(studies.map((s) => s.slug)).size).toBe(studies.length);
  });

  it("never files adult social care under a shire district", async () => {
    const n = await prisma.caseStudy.count({ where: { serviceArea: { slug: "adult-social-care" }, council: { type: "NMD" } } });
    expect(n).toBe(0);
  });

  it("creates the demo accounts with their roles, councils and suppliers", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: account.email },
        include: { roles: true, council: true, supplier: true },
      });
      expect(user.name).toBe(account.name);
      expect(user.roles.map((r) => r.name).sort()).toEqual([account.role, ...(account.alsoRoles ?? [])].sort());
      expect(user.council?.code).toBe(account.councilCode);
      expect(user.supplier?.slug).toBe(account.supplierSlug);
      if (account.role === "buyer") expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    }
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS[0].email } });
    expect(await verifyPassword(DEMO_ACCOUNTS[0].password, admin.passwordHash)).toBe(true);
    for (const d of DEMO_COUNCIL_DOMAINS) {
      const domain = await prisma.councilDomain.findFirstOrThrow({ where: { domain: d.domain }, include: { council: true } });
      expect(domain.council?.code).toBe(d.councilCode);
    }
    const permissions = await prisma.role.findUniqueOrThrow({ where: { name: "supplier" }, include: { permissions: true } });
    expect(permissions.permissions.length).toBeGreaterThan(0);
  });

  it("makes Kestrel Civic Software the first supplier: a small SME with verified G-Cloud 15 software awards and published products", async () => {
    const kestrel = await prisma.supplier.findUniqueOrThrow({
      where: { slug: "kestrel-civic-software" },
      include: { awards: { include: { lot: { include: { agreement: true } } } }, products: true },
    });
    expect(kestrel.id).toBe("sup_00001");
    expect(kestrel.legalName).toBe("Kestrel Civic Software Ltd");
    expect(kestrel.computedSize).toBe("small");
    expect(
      kestrel.awards.some(
        (a) => a.verified && a.lot.agreement.number === "RM1557.15" && JSON.parse(a.lot.categories).includes("cloud-software"),
      ),
    ).toBe(true);
    expect(kestrel.products.filter((p) => p.status === "published").length).toBeGreaterThanOrEqual(3);

    const brightwater = await prisma.supplier.findUniqueOrThrow({ where: { slug: "brightwater-digital" }, include: { products: true } });
    expect(brightwater.id).toBe("sup_00002");
    expect(brightwater.products.some((p) => p.status === "published")).toBe(true);

    // The Brighton and Hove demo buyer wrote a published case study naming Kestrel.
    const bnhStudy = await prisma.caseStudy.findFirstOrThrow({
      where: { council: { code: "BNH" }, author: { email: "buyer@brighton-hove.gov.uk" } },
      include: { suppliers: true },
    });
    expect(bnhStudy.status).toBe("published");
    expect(bnhStudy.suppliers.map((s) => s.supplierId)).toContain("sup_00001");
  });
});
