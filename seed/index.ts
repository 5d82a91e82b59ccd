// Seeds the database: real reference data (councils, service areas, frameworks),
// deterministic generated suppliers, products and case studies, and the demo accounts.
//
//   npx tsx seed/index.ts                                   # 300 suppliers, 900 products, 300 case studies
//   npx tsx seed/index.ts --suppliers 5000 --products 50000 --case-studies 10000
//   npx tsx seed/index.ts --database-url postgresql://...
//
// seedDatabase() is also used by the tests. It deletes every row first.
import { loadCouncilEmailDomains } from "./council-email-domains";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createPrismaClient, type PrismaClient } from "../app/utils/db.server";
import { migrateDatabase } from "../app/utils/migrate.server";
import { upsertAccessControl } from "../app/models/access-control.server";
import { hashPassword } from "../app/auth/password.server";
import { agreementDetailColumns, agreementTermRows } from "./reference/agreement-details";
import { agreements } from "./reference/frameworks";
import { loadCouncils } from "./councils";
import { DEMO_ACCOUNTS, DEMO_COUNCIL_DOMAINS } from "./demo-accounts";
import { agreementId, buildReferenceRows, councilId, generateSeedData } from "./generate";
import { seedContracts } from "./contracts";
import { seedPipeline } from "./pipeline";

export type SeedOptions = {
  suppliers: number;
  products: number;
  caseStudies: number;
  onProgress?: (step: string, done: number, total: number) => void;
};

export const DEFAULT_SEED_COUNTS = { suppliers: 300, products: 900, caseStudies: 300 } as const;

const BATCH_SIZE = 1_000;

/** Rejects anything but positive whole numbers, naming the option at fault. */
export function validateCounts(counts: { suppliers: number; products: number; caseStudies: number }): void {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isSafeInteger(value) || value < 1) problems.push(`${name} must be a positive whole number (got ${String(value)})`);
  }
  if (problems.length > 0) throw new Error(`Invalid seed counts: ${problems.join("; ")}`);
}

async function inBatches<T>(
  step: string,
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
  onProgress?: SeedOptions["onProgress"],
): Promise<void> {
  onProgress?.(step, 0, rows.length);
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    await insert(batch);
    onProgress?.(step, Math.min(i + BATCH_SIZE, rows.length), rows.length);
  }
}

/** Deletes every row, children before parents, on SQLite and PostgreSQL alike. */
export async function clearDatabase(prisma: PrismaClient): Promise<void> {
  // The audit table is append-only (database triggers); a maintenance row lifts that while
  // the seed wipes the database, and is removed at the end.
  await prisma.$executeRawUnsafe(`INSERT INTO "_cm_maintenance" ("reason") VALUES ('seed: clearing the database')`);
  try {
    await clearTables(prisma);
  } finally {
    await prisma.$executeRawUnsafe(`DELETE FROM "_cm_maintenance"`);
  }
}

async function clearTables(prisma: PrismaClient): Promise<void> {
  // Product.publishedVersionId points at a version of the same product: break the cycle first.
  await prisma.product.updateMany({ where: { publishedVersionId: { not: null } }, data: { publishedVersionId: null } });
  const steps: (() => Promise<unknown>)[] = [
    () => prisma.contractRevision.deleteMany(),
    () => prisma.contractProduct.deleteMany(),
    () => prisma.contract.deleteMany(),
    () => prisma.pipelineEntry.deleteMany(),
    () => prisma.evaluationScore.deleteMany(),
    () => prisma.evaluationCriterion.deleteMany(),
    () => prisma.shortlistEntry.deleteMany(),
    () => prisma.frozenResult.deleteMany(),
    () => prisma.frozenSearch.deleteMany(),
    () => prisma.savedSearch.deleteMany(),
    () => prisma.projectOutcome.deleteMany(),
    () => prisma.noticeChecklistItem.deleteMany(),
    () => prisma.buyingProject.deleteMany(),
    () => prisma.searchOutbox.deleteMany(),
    () => prisma.notification.deleteMany(),
    () => prisma.caseStudyRevision.deleteMany(),
    () => prisma.reusableAsset.deleteMany(),
    () => prisma.caseStudySupplier.deleteMany(),
    () => prisma.caseStudyProduct.deleteMany(),
    () => prisma.caseStudyMetric.deleteMany(),
    () => prisma.caseStudy.deleteMany(),
    () => prisma.productVersionLot.deleteMany(),
    () => prisma.productVersion.deleteMany(),
    () => prisma.product.deleteMany(),
    () => prisma.lotAward.deleteMany(),
    () => prisma.accreditation.deleteMany(),
    () => prisma.auditEvent.deleteMany(),
    () => prisma.verificationToken.deleteMany(),
    () => prisma.session.deleteMany(),
    () => prisma.loginAttempt.deleteMany(),
    () => prisma.user.deleteMany(),
    () => prisma.role.deleteMany(),
    () => prisma.permission.deleteMany(),
    () => prisma.supplier.deleteMany(),
    () => prisma.lotRoute.deleteMany(),
    () => prisma.lot.deleteMany(),
    () => prisma.agreement.deleteMany(),
    () => prisma.serviceArea.deleteMany(),
    () => prisma.councilDomain.deleteMany(),
    () => prisma.council.deleteMany(),
  ];
  for (const step of steps) await step();
}

export async function countRows(prisma: PrismaClient): Promise<Record<string, number>> {
  const entries: [string, Promise<number>][] = [
    ["roles", prisma.role.count()],
    ["permissions", prisma.permission.count()],
    ["users", prisma.user.count()],
    ["councils", prisma.council.count()],
    ["councilDomains", prisma.councilDomain.count()],
    ["serviceAreas", prisma.serviceArea.count()],
    ["agreements", prisma.agreement.count()],
    ["lots", prisma.lot.count()],
    ["lotRoutes", prisma.lotRoute.count()],
    ["suppliers", prisma.supplier.count()],
    ["accreditations", prisma.accreditation.count()],
    ["lotAwards", prisma.lotAward.count()],
    ["products", prisma.product.count()],
    ["productVersions", prisma.productVersion.count()],
    ["productVersionLots", prisma.productVersionLot.count()],
    ["caseStudies", prisma.caseStudy.count()],
    ["caseStudyMetrics", prisma.caseStudyMetric.count()],
    ["caseStudyProducts", prisma.caseStudyProduct.count()],
    ["caseStudySuppliers", prisma.caseStudySupplier.count()],
    ["reusableAssets", prisma.reusableAsset.count()],
  ];
  const counts: Record<string, number> = {};
  for (const [name, promise] of entries) counts[name] = await promise;
  return counts;
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions): Promise<Record<string, number>> {
  const { onProgress } = options;
  validateCounts({ suppliers: options.suppliers, products: options.products, caseStudies: options.caseStudies });

  onProgress?.("Clearing existing data", 0, 1);
  await clearDatabase(prisma);
  onProgress?.("Clearing existing data", 1, 1);

  onProgress?.("Roles and permissions", 0, 1);
  await upsertAccessControl(prisma);
  onProgress?.("Roles and permissions", 1, 1);

  // Reference data.
  const ref = buildReferenceRows(agreements, loadCouncils());
  await inBatches("Councils", ref.councils, (data) => prisma.council.createMany({ data }), onProgress);
  await inBatches("Service areas", ref.serviceAreas, (data) => prisma.serviceArea.createMany({ data }), onProgress);
  const details = new Map(agreements.map((a) => [a.number, agreementDetailColumns(a)]));
  const agreementRows = ref.agreements.map((row) => ({ ...row, ...details.get(row.number) }));
  await inBatches("Agreements", agreementRows, (data) => prisma.agreement.createMany({ data }), onProgress);
  await inBatches(
    "Agreement terms",
    agreementTermRows(agreements, agreementId),
    (data) => prisma.agreementTerm.createMany({ data }),
    onProgress,
  );
  await inBatches("Lots", ref.lots, (data) => prisma.lot.createMany({ data }), onProgress);
  await inBatches("Lot routes", ref.lotRoutes, (data) => prisma.lotRoute.createMany({ data }), onProgress);

  // Generated data.
  const rows = generateSeedData({ suppliers: options.suppliers, products: options.products, caseStudies: options.caseStudies }, ref);
  await inBatches("Suppliers", rows.suppliers, (data) => prisma.supplier.createMany({ data }), onProgress);
  await inBatches("Accreditations", rows.accreditations, (data) => prisma.accreditation.createMany({ data }), onProgress);
  await inBatches("Lot awards", rows.lotAwards, (data) => prisma.lotAward.createMany({ data }), onProgress);
  // Products first without their published version (it does not exist yet), then versions.
  await inBatches(
    "Products",
    rows.products.map((p) => ({ ...p, publishedVersionId: null })),
    (data) => prisma.product.createMany({ data }),
    onProgress,
  );
  await inBatches("Product versions", rows.productVersions, (data) => prisma.productVersion.createMany({ data }), onProgress);
  await inBatches("Product listings on lots", rows.productVersionLots, (data) => prisma.productVersionLot.createMany({ data }), onProgress);
  onProgress?.("Publishing versions", 0, 1);
  // One statement for every published product: its published version is its only version.
  await prisma.$executeRawUnsafe(
    `UPDATE "Product" SET "publishedVersionId" = (SELECT v."id" FROM "ProductVersion" v WHERE v."productId" = "Product"."id" AND v."status" = 'published') WHERE "status" = 'published'`,
  );
  onProgress?.("Publishing versions", 1, 1);
  await inBatches("Case studies", rows.caseStudies, (data) => prisma.caseStudy.createMany({ data }), onProgress);
  await inBatches("Case study metrics", rows.caseStudyMetrics, (data) => prisma.caseStudyMetric.createMany({ data }), onProgress);
  await inBatches("Case study products", rows.caseStudyProducts, (data) => prisma.caseStudyProduct.createMany({ data }), onProgress);
  await inBatches("Case study suppliers", rows.caseStudySuppliers, (data) => prisma.caseStudySupplier.createMany({ data }), onProgress);
  await inBatches("Reusable assets", rows.reusableAssets, (data) => prisma.reusableAsset.createMany({ data }), onProgress);

  // Demo accounts: one bcrypt hash shared by all of them (cost 12 is slow on purpose).
  onProgress?.("Demo accounts", 0, DEMO_ACCOUNTS.length);
  const passwordHash = await hashPassword(DEMO_ACCOUNTS[0].password);
  const suppliersBySlug = new Map(rows.suppliers.map((s) => [s.slug, s.id]));
  const councilCodes = new Set(ref.councils.map((c) => c.code));
  const verifiedAt = new Date("2026-01-05T09:00:00Z");
  let done = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (account.password !== DEMO_ACCOUNTS[0].password) throw new Error("Demo accounts are expected to share one password");
    const councilId_ = account.councilCode && councilCodes.has(account.councilCode) ? councilId(account.councilCode) : null;
    const supplierId = account.supplierSlug ? (suppliersBySlug.get(account.supplierSlug) ?? null) : null;
    const user = await prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        passwordHash,
        emailVerifiedAt: verifiedAt,
        councilId: councilId_,
        supplierId,
        roles: { connect: [account.role, ...(account.alsoRoles ?? [])].map((name) => ({ name })) },
      },
    });
    // The demo buyers wrote their council's case studies that name them as the contact.
    if (account.role === "buyer" && councilId_) {
      await prisma.caseStudy.updateMany({
        where: { councilId: councilId_, contactEmail: { startsWith: `${account.name.toLowerCase().replace(/\s+/g, ".")}@` } },
        data: { authorId: user.id },
      });
    }
    onProgress?.("Demo accounts", ++done, DEMO_ACCOUNTS.length);
  }
  // Every council's email domains (seed/council-email-domains.md), and the demo ones.
  const domainRows = new Map<string, { domain: string; councilCode: string }>();
  for (const d of [...loadCouncilEmailDomains(), ...DEMO_COUNCIL_DOMAINS])
    if (councilCodes.has(d.councilCode)) domainRows.set(`${d.domain}|${d.councilCode}`, d);
  await prisma.councilDomain.createMany({
    data: [...domainRows.values()].map((d) => ({
      id: `cd_${d.domain}_${d.councilCode}`,
      domain: d.domain,
      councilId: councilId(d.councilCode),
    })),
  });

  // The contracts register: the Contracts Finder package (OGL) and councils' own contracts (issue 16).
  onProgress?.("Contracts register", 0, 1);
  await seedContracts(prisma);
  // Councils' own forward plans for /pipeline (issue 16 item 5).
  await seedPipeline(prisma);
  onProgress?.("Contracts register", 1, 1);

  return countRows(prisma);
}

// ───────────────────────────── command line ──────────────────────────────────

function parseCount(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new Error(`--${name} must be a positive whole number (got "${raw}")`);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      suppliers: { type: "string" },
      products: { type: "string" },
      "case-studies": { type: "string" },
      "database-url": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(
      "Usage: tsx seed/index.ts [--suppliers N] [--products N] [--case-studies N] [--database-url URL]\n" +
        `Defaults: ${DEFAULT_SEED_COUNTS.suppliers} suppliers, ${DEFAULT_SEED_COUNTS.products} products, ${DEFAULT_SEED_COUNTS.caseStudies} case studies; ` +
        "DATABASE_URL or file:./prisma/data/dev.db.",
    );
    return;
  }
  const counts = {
    suppliers: parseCount("suppliers", values.suppliers, DEFAULT_SEED_COUNTS.suppliers),
    products: parseCount("products", values.products, DEFAULT_SEED_COUNTS.products),
    caseStudies: parseCount("case-studies", values["case-studies"], DEFAULT_SEED_COUNTS.caseStudies),
  };
  const url = values["database-url"] ?? process.env.DATABASE_URL ?? "file:./prisma/data/dev.db";
  const started = performance.now();

  const applied = await migrateDatabase(url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

  // One bar per step on a terminal; one line per finished step otherwise (CI logs).
  const interactive = Boolean(process.stderr.isTTY);
  const { default: cliProgress } = await import("cli-progress");
  const bars = new cliProgress.MultiBar(
    { format: " {step} |{bar}| {value}/{total}", hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let barsStopped = false;
  const stopBars = () => {
    if (interactive && !barsStopped) bars.stop();
    barsStopped = true;
  };
  let currentStep: string | null = null;
  let bar: ReturnType<typeof bars.create> | null = null;
  let stepStarted = performance.now();
  const onProgress = (step: string, done: number, total: number) => {
    if (!interactive) {
      if (done === 0 || currentStep !== step) {
        currentStep = step;
        stepStarted = performance.now();
      }
      if (done === total)
        console.log(`  ${step.padEnd(26)} ${String(total).padStart(7)}  ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`);
      return;
    }
    const label = { step: step.padEnd(26) };
    if (currentStep !== step) {
      currentStep = step;
      bar = bars.create(Math.max(total, 1), 0, label);
    }
    bar?.setTotal(Math.max(total, 1));
    bar?.update(total === 0 ? 1 : done, label);
  };

  const prisma = createPrismaClient(url);
  try {
    console.log(
      `Seeding ${url.replace(/\/\/[^@/]*@/, "//***@")}: ${counts.suppliers} suppliers, ${counts.products} products, ${counts.caseStudies} case studies`,
    );
    const result = await seedDatabase(prisma, { ...counts, onProgress });
    stopBars();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const width = Math.max(...Object.keys(result).map((k) => k.length));
    console.log("\nRows seeded:");
    for (const [table, n] of Object.entries(result)) console.log(`  ${table.padEnd(width)}  ${String(n).padStart(8)}`);
    console.log(`\nDone in ${seconds} s. Demo password for every demo account: ${DEMO_ACCOUNTS[0].password}`);
  } finally {
    stopBars();
    await prisma.$disconnect();
  }
}

const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAsScript) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
