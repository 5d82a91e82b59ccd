// OCDS import (issue 16 item 2): the real Contracts Finder package becomes contracts, pipeline
// entries and opportunities; a second import changes nothing; a later release updates; bad input
// is refused or reported by position and never leaves a half-applied release.
import fs from "node:fs";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { withPgClient } from "../support/db-paths";
import { useTestDatabase } from "../support/test-db";

const testDb = useTestDatabase();

const PACKAGE = "tests/fixtures/contracts-finder/release-package-2025-q1.json";

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

async function importText(text: string) {
  const { importReleasePackage } = await import("~/models/contract-import.server");
  return importReleasePackage(Readable.from([text]));
}

async function importFile(file = PACKAGE) {
  const { importReleasePackage } = await import("~/models/contract-import.server");
  return importReleasePackage(fs.createReadStream(file));
}

async function counts() {
  const p = await db();
  const [contracts, revisions, pipeline, audits] = await Promise.all([
    p.contract.count({ where: { source: "ocds" } }),
    p.contractRevision.count(),
    p.pipelineEntry.count({ where: { source: "ocds" } }),
    p.auditEvent.count(),
  ]);
  return { contracts, revisions, pipeline, audits };
}

const release = (over: Record<string, unknown>) => ({
  ocid: "ocds-b5fd17-test-0001",
  id: "test-0001-1",
  date: "2025-03-01T10:00:00Z",
  tag: ["award"],
  buyer: { id: "GB-LAE-LDS", name: "Leeds City Council" },
  parties: [{ id: "GB-LAE-LDS", name: "Leeds City Council", identifier: { scheme: "GB-LAE", id: "LDS" }, roles: ["buyer"] }],
  tender: { title: "Test award", classification: { scheme: "CPV", id: "72000000" } },
  awards: [
    {
      id: "ocds-b5fd17-test-0001-1",
      status: "active",
      value: { amount: 1000.5, currency: "GBP" },
      suppliers: [{ id: "GB-COH-00000001", name: "Someone Ltd" }],
      contractPeriod: { startDate: "2025-04-01T00:00:00Z", endDate: "2026-03-31T23:59:59Z" },
    },
  ],
  ...over,
});
const pkg = (releases: unknown[]) => JSON.stringify({ version: "1.1", releases });

describe("importing the Contracts Finder package", () => {
  beforeAll(async () => {
    // The default seed imports this package too: start from a register without it.
    const p = await db();
    await p.contract.deleteMany({ where: { source: "ocds" } });
    await p.pipelineEntry.deleteMany({ where: { source: "ocds" } });
  });

  it("creates one public contract per award, pipeline entries for planning and opportunities for tenders", async () => {
    const summary = await importFile();
    expect(summary.fatal).toBeNull();
    expect(summary.problems).toEqual([]);
    expect(summary.releases).toBe(133);
    expect(summary.applied).toBe(133);
    // 101 award releases; one award appears in an award and then an awardUpdate release.
    expect(summary.contracts).toEqual({ created: 100, updated: 1, unchanged: 0, older: 0 });
    // 5 planning; 22 tenders and 5 amendments of 2 of them → 25 opportunities.
    expect(summary.pipeline).toEqual({ created: 30, updated: 2, unchanged: 0, older: 0 });
    const p = await db();
    expect(await p.contract.count({ where: { source: "ocds", visibility: "public" } })).toBe(100);
    expect(await p.pipelineEntry.count({ where: { source: "ocds", stage: "planned" } })).toBe(5);
    expect(await p.pipelineEntry.count({ where: { source: "ocds", stage: "open" } })).toBe(25);
  });

  it("keeps exact values, dates, buyers matched to councils and suppliers' Companies House numbers", async () => {
    const p = await db();
    const southampton = await p.contract.findUniqueOrThrow({
      where: { sourceKey: "ocds:ocds-b5fd17-09a309a3-8541-48b9-91c4-411c52e5bd34/ocds-b5fd17-09a309a3-8541-48b9-91c4-411c52e5bd34-1" },
      include: { council: { select: { code: true } } },
    });
    expect(southampton).toMatchObject({
      title: "Business Case for LGR",
      buyerName: "Southampton City Council",
      supplierName: "PwC (PricewaterhouseCoopers)",
      supplierCompanyNumber: "OC303525",
      valuePence: 10932000n,
      procedure: "Call-off from a framework agreement",
      cpvCodes: JSON.stringify(["66000000"]),
      council: { code: "STH" },
      releaseId: "02d6ce8b-83f0-4993-869c-c177d2efbd52-832942",
    });
    expect(southampton.startDate?.toISOString()).toBe("2025-02-11T00:00:00.000Z");
    expect(southampton.endDate?.toISOString()).toBe("2025-03-21T23:59:59.000Z");
    expect(JSON.parse(southampton.notices)).toEqual([
      { id: "awardNotice", url: "https://www.contractsfinder.service.gov.uk/Notice/02d6ce8b-83f0-4993-869c-c177d2efbd52" },
    ]);
    // Pounds with pence become whole pence; a +01:00 end date is kept as the instant it names.
    const withPence = await p.contract.findFirstOrThrow({ where: { source: "ocds", valuePence: 17804563n } });
    expect(withPence.valuePence).toBe(17804563n);
    // The same ocid with two different awards stays two contracts.
    const twoAwards = await p.contract.findMany({
      where: { ocid: "ocds-b5fd17-e0d4b2ec-d437-468f-82c7-1d751544e9ea" },
      orderBy: { sourceKey: "asc" },
      select: { valuePence: true },
    });
    expect(twoAwards.map((c) => c.valuePence)).toEqual([1884873100n, 18848700n]);
    // Buyers: identifier (GB-LAE-DER), official name, place name; a university is not a council.
    const derby = await p.contract.findFirst({
      where: { buyerName: "DERBY CITY COUNCIL" },
      select: { council: { select: { code: true } } },
    });
    expect(derby?.council?.code).toBe("DER");
    const doncaster = await p.contract.findMany({
      where: { buyerName: "City of Doncaster Council" },
      select: { council: { select: { code: true } } },
    });
    expect(doncaster.map((c) => c.council?.code)).toEqual(["DNC", "DNC", "DNC", "DNC", "DNC"]);
    const worcester = await p.contract.findFirstOrThrow({ where: { buyerName: "University Of Worcester" } });
    expect(worcester.councilId).toBeNull();
  });

  it("re-importing the same package changes nothing", async () => {
    const before = await counts();
    const summary = await importFile();
    expect(summary.contracts).toEqual({ created: 0, updated: 0, unchanged: 100, older: 1 });
    expect(summary.pipeline.created + summary.pipeline.updated).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("a later release of the same ocid updates the contract and keeps the earlier revision", async () => {
    const first = await importText(pkg([release({})]));
    expect(first.contracts.created).toBe(1);
    const later = await importText(
      pkg([
        release({
          id: "test-0001-2",
          date: "2025-03-05T10:00:00Z",
          tag: ["awardUpdate"],
          awards: [{ ...release({}).awards[0], value: { amount: 2000, currency: "GBP" } }],
        }),
      ]),
    );
    expect(later.contracts).toMatchObject({ updated: 1, created: 0 });
    const p = await db();
    const contract = await p.contract.findUniqueOrThrow({
      where: { sourceKey: "ocds:ocds-b5fd17-test-0001/ocds-b5fd17-test-0001-1" },
      include: { revisions: { orderBy: { sequence: "asc" } }, council: { select: { code: true } } },
    });
    expect(contract.valuePence).toBe(200000n);
    expect(contract.council?.code).toBe("LDS");
    expect(contract.revisions.map((r) => (JSON.parse(r.snapshot) as { valuePence: number }).valuePence)).toEqual([100050, 200000]);
    // The older release again: refused as older, nothing written.
    const again = await importText(pkg([release({})]));
    expect(again.contracts).toMatchObject({ older: 1, updated: 0 });
    expect((await p.contract.findUniqueOrThrow({ where: { id: contract.id } })).valuePence).toBe(200000n);
  });
});

describe("new records are written in bulk", () => {
  const planning = (over: Record<string, unknown>) => ({
    ocid: "ocds-b5fd17-test-0100",
    id: "plan-1",
    date: "2025-03-01T10:00:00Z",
    tag: ["planning"],
    buyer: { id: "GB-LAE-LDS", name: "Leeds City Council" },
    parties: [{ id: "GB-LAE-LDS", name: "Leeds City Council", identifier: { scheme: "GB-LAE", id: "LDS" }, roles: ["buyer"] }],
    planning: { budget: { amount: { amount: 120000.25, currency: "GBP" } }, milestones: [{ dueDate: "2026-04-01T00:00:00Z" }] },
    tender: {
      title: "Planned waste collection",
      status: "planned",
      classification: { scheme: "CPV", id: "90510000" },
      procurementMethodDetails: "Open procedure",
    },
    ...over,
  });

  it("a new pipeline entry keeps every field and its audit event; a later release of its ocid in the same batch revises it", async () => {
    const p = await db();
    const summary = await importText(
      pkg([
        planning({}),
        planning({
          id: "plan-2",
          date: "2025-03-09T10:00:00Z",
          tender: { ...planning({}).tender, title: "Planned waste and recycling collection" },
        }),
      ]),
    );
    expect(summary.problems).toEqual([]);
    expect(summary.pipeline).toEqual({ created: 1, updated: 1, unchanged: 0, older: 0 });
    const entry = await p.pipelineEntry.findUniqueOrThrow({
      where: { sourceKey: "ocds:ocds-b5fd17-test-0100" },
      include: { council: { select: { code: true } }, serviceArea: { select: { slug: true } } },
    });
    expect(entry).toMatchObject({
      source: "ocds",
      stage: "planned",
      status: "published",
      title: "Planned waste and recycling collection",
      buyerName: "Leeds City Council",
      council: { code: "LDS" },
      serviceArea: { slug: "waste-and-recycling" },
      cpvCodes: JSON.stringify(["90510000"]),
      estimatedValuePence: 12000025n,
      routeConsidered: "Open procedure",
      ocid: "ocds-b5fd17-test-0100",
      releaseId: "plan-2",
      revision: 2,
    });
    expect(entry.expectedDate?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(entry.releaseDate?.toISOString()).toBe("2025-03-09T10:00:00.000Z");
    expect(entry.createdAt.getTime()).toBeLessThanOrEqual(entry.updatedAt.getTime());
    const audits = await p.auditEvent.findMany({ where: { entityType: "pipeline", entityId: entry.id }, orderBy: { action: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["pipeline.published", "pipeline.revised"]);
    expect(JSON.parse(audits[0].after!)).toMatchObject({
      title: "Planned waste collection",
      releaseId: "plan-1",
      estimatedValuePence: 12000025,
    });
    // The revision's "before" is read back from the row the bulk insert wrote: every field as given.
    expect(JSON.parse(audits[1].before!)).toEqual(JSON.parse(audits[0].after!));
  });

  it("a later import revises the entry from the row its batch read, and the same release again changes nothing", async () => {
    const p = await db();
    const later = planning({
      id: "plan-3",
      date: "2025-04-01T10:00:00Z",
      planning: { ...planning({}).planning, budget: { amount: { amount: 150000, currency: "GBP" } } },
    });
    expect((await importText(pkg([later]))).pipeline).toEqual({ created: 0, updated: 1, unchanged: 0, older: 0 });
    const entry = await p.pipelineEntry.findUniqueOrThrow({ where: { sourceKey: "ocds:ocds-b5fd17-test-0100" } });
    expect(entry).toMatchObject({ revision: 3, estimatedValuePence: 15000000n, releaseId: "plan-3", title: "Planned waste collection" });
    const revised = await p.auditEvent.findMany({ where: { entityType: "pipeline", entityId: entry.id, action: "pipeline.revised" } });
    expect(revised).toHaveLength(2);
    const befores = revised.map((r) => JSON.parse(r.before!) as { releaseId: string; estimatedValuePence: number });
    expect(befores.find((b) => b.releaseId === "plan-2")).toMatchObject({ estimatedValuePence: 12000025 });
    expect((await importText(pkg([later]))).pipeline).toEqual({ created: 0, updated: 0, unchanged: 1, older: 0 });
    expect((await p.pipelineEntry.findUniqueOrThrow({ where: { id: entry.id } })).revision).toBe(3);
  });

  it("a new contract has its first revision and its audit event, linked by its id", async () => {
    const p = await db();
    const summary = await importText(
      pkg([release({ ocid: "ocds-b5fd17-test-0101", id: "r-101", awards: [{ ...release({}).awards[0], id: "a-101" }] })]),
    );
    expect(summary.contracts.created).toBe(1);
    const contract = await p.contract.findUniqueOrThrow({
      where: { sourceKey: "ocds:ocds-b5fd17-test-0101/a-101" },
      include: { revisions: true },
    });
    expect(contract).toMatchObject({ revision: 1, status: "active", visibility: "public", valuePence: 100050n, releaseId: "r-101" });
    expect(contract.endDate?.toISOString()).toBe("2026-03-31T23:59:59.000Z");
    expect(contract.latestEndDate?.toISOString()).toBe("2026-03-31T23:59:59.000Z");
    expect(contract.revisions).toHaveLength(1);
    expect(contract.revisions[0]).toMatchObject({ sequence: 1, reason: "Release r-101 (award)" });
    expect(JSON.parse(contract.revisions[0].snapshot)).toMatchObject({ valuePence: 100050, releaseId: "r-101" });
    const audit = await p.auditEvent.findFirstOrThrow({ where: { entityType: "contract", entityId: contract.id } });
    expect(audit.action).toBe("contract.created");
    expect(JSON.parse(audit.after!)).toEqual(JSON.parse(contract.revisions[0].snapshot));
  });
});

describe("bad input", () => {
  it("refuses a file that is not JSON, writing nothing", async () => {
    const before = await counts();
    const summary = await importText("this is not JSON at all");
    expect(summary.fatal?.message).toMatch(/not valid JSON/);
    expect(summary.applied).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("refuses JSON that is not an OCDS release package", async () => {
    const before = await counts();
    const summary = await importText(JSON.stringify({ records: [{ ocid: "x" }] }));
    expect(summary.fatal?.message).toMatch(/not an OCDS release package/);
    expect(await counts()).toEqual(before);
  });

  it("reports a release without an ocid by its position and applies the others", async () => {
    const before = await counts();
    const { ocid: _none, ...noOcid } = release({ id: "no-ocid" });
    const summary = await importText(
      pkg([release({ ocid: "ocds-b5fd17-test-0002", awards: [{ ...release({}).awards[0], id: "a-2" }] }), noOcid]),
    );
    expect(summary.problems).toEqual([{ position: 1, releaseId: null, message: "the release has no ocid" }]);
    expect(summary.applied).toBe(1);
    expect((await counts()).contracts).toBe(before.contracts + 1);
  });

  it("a truncated file: the releases before the cut are applied whole, the cut one not at all", async () => {
    const p = await db();
    const before = await counts();
    const whole = pkg([
      release({ ocid: "ocds-b5fd17-test-0003", awards: [{ ...release({}).awards[0], id: "a-3" }] }),
      release({ ocid: "ocds-b5fd17-test-0004", awards: [{ ...release({}).awards[0], id: "a-4" }] }),
    ]);
    const cut = whole.slice(0, whole.indexOf("ocds-b5fd17-test-0004") + 40);
    // Fed in small chunks, as a file is read, so the first release is complete before the cut.
    const { importReleasePackage } = await import("~/models/contract-import.server");
    const chunks = cut.match(/[\s\S]{1,64}/g)!;
    const summary = await importReleasePackage(Readable.from(chunks));
    expect(summary.fatal?.message).toMatch(/cut short|not valid JSON/);
    expect(summary.fatal?.position).toBe(1);
    expect(summary.applied).toBe(1);
    expect(await p.contract.count({ where: { ocid: "ocds-b5fd17-test-0004" } })).toBe(0);
    expect((await counts()).contracts).toBe(before.contracts + 1);
  });

  it("a release whose write fails part-way is rolled back whole: neither its first contract nor its revision stays", async () => {
    const p = await db();
    const { databaseKind } = await import("~/utils/db.server");
    // A fault on the second award's insert, as a full disk or a dropped connection would give.
    if (databaseKind() === "sqlite") {
      await p.$executeRawUnsafe(
        `CREATE TRIGGER contract_fault BEFORE INSERT ON "Contract" WHEN NEW."sourceKey" LIKE '%/a-5b' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
      );
    } else {
      // The app's role may not create triggers (least privilege): inject the fault as the owner.
      await withPgClient(testDb.ownerUrl, async (owner) => {
        await owner.query(
          `CREATE FUNCTION contract_fault() RETURNS trigger AS $$ BEGIN IF NEW."sourceKey" LIKE '%/a-5b' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
        );
        await owner.query(`CREATE TRIGGER contract_fault BEFORE INSERT ON "Contract" FOR EACH ROW EXECUTE FUNCTION contract_fault()`);
      });
    }
    const before = await counts();
    const summary = await importText(
      pkg([
        release({
          ocid: "ocds-b5fd17-test-0005",
          awards: [
            { ...release({}).awards[0], id: "a-5a" },
            { ...release({}).awards[0], id: "a-5b" },
          ],
        }),
      ]),
    );
    if (databaseKind() === "sqlite") await p.$executeRawUnsafe(`DROP TRIGGER contract_fault`);
    else await withPgClient(testDb.ownerUrl, (owner) => owner.query(`DROP TRIGGER contract_fault ON "Contract"`));
    expect(summary.applied).toBe(0);
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]).toMatchObject({ position: 0, releaseId: "test-0001-1" });
    expect(summary.problems[0].message).toMatch(/not applied/);
    expect(await p.contract.count({ where: { ocid: "ocds-b5fd17-test-0005" } })).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("a fault in one release of a batch: the good releases before and after it are applied whole, it is not", async () => {
    const p = await db();
    const { databaseKind } = await import("~/utils/db.server");
    if (databaseKind() === "sqlite") {
      await p.$executeRawUnsafe(
        `CREATE TRIGGER contract_fault BEFORE INSERT ON "Contract" WHEN NEW."sourceKey" LIKE '%/a-6b' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
      );
    } else {
      await withPgClient(testDb.ownerUrl, async (owner) => {
        await owner.query(
          `CREATE OR REPLACE FUNCTION contract_fault() RETURNS trigger AS $$ BEGIN IF NEW."sourceKey" LIKE '%/a-6b' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
        );
        await owner.query(`CREATE TRIGGER contract_fault BEFORE INSERT ON "Contract" FOR EACH ROW EXECUTE FUNCTION contract_fault()`);
      });
    }
    const before = await counts();
    const award = release({}).awards[0];
    const summary = await importText(
      pkg([
        release({ ocid: "ocds-b5fd17-test-0006", id: "r-6", awards: [{ ...award, id: "a-6" }] }),
        release({
          ocid: "ocds-b5fd17-test-0007",
          id: "r-7",
          awards: [
            { ...award, id: "a-6a" },
            { ...award, id: "a-6b" },
          ],
        }),
        release({ ocid: "ocds-b5fd17-test-0008", id: "r-8", awards: [{ ...award, id: "a-8" }] }),
      ]),
    );
    if (databaseKind() === "sqlite") await p.$executeRawUnsafe(`DROP TRIGGER contract_fault`);
    else await withPgClient(testDb.ownerUrl, (owner) => owner.query(`DROP TRIGGER contract_fault ON "Contract"`));
    expect(summary.applied).toBe(2);
    expect(summary.contracts.created).toBe(2);
    expect(summary.problems).toHaveLength(1);
    expect(summary.problems[0]).toMatchObject({ position: 1, releaseId: "r-7" });
    expect(await p.contract.count({ where: { ocid: "ocds-b5fd17-test-0007" } })).toBe(0);
    expect(await p.contract.count({ where: { ocid: { in: ["ocds-b5fd17-test-0006", "ocds-b5fd17-test-0008"] } } })).toBe(2);
    const after = await counts();
    // Each applied contract: one revision and one audit event, nothing of the faulty release.
    expect(after).toEqual({ ...before, contracts: before.contracts + 2, revisions: before.revisions + 2, audits: before.audits + 2 });
  });
});
