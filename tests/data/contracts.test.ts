// Contracts register (issue 16): who sees what (private contracts only to their council's
// buyers), a council adding contracts by form and CSV, the award path, radar, what peers paid
// and the exports — through the routes' loaders and actions.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { validateOcdsRelease } from "../support/ocds-schema";

useTestDatabase();

type Mod = {
  loader?: (a: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
  action?: (a: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
};

const ROUTES = {
  register: () => import("~/routes/contracts._index"),
  contract: () => import("~/routes/contracts.$id"),
  add: () => import("~/routes/contracts.new"),
  upload: () => import("~/routes/contracts.upload"),
  csv: () => import("~/routes/contracts[.]csv"),
  ocds: () => import("~/routes/contracts[.]json"),
  radar: () => import("~/routes/radar"),
} as const;

async function get(route: keyof typeof ROUTES, path: string, cookie?: string, params: Record<string, string> = {}) {
  const mod = (await ROUTES[route]()) as Mod;
  return responseOf(() => mod.loader!({ request: makeRequest(path, { cookie }), params, context }));
}

async function post(route: keyof typeof ROUTES, path: string, cookie: string, form: Record<string, string>) {
  const mod = (await ROUTES[route]()) as Mod;
  return responseOf(() => mod.action!({ request: makeRequest(path, { cookie, form }), params: {}, context }));
}

async function upload(cookie: string, csv: string, name = "contracts.csv") {
  const mod = (await ROUTES.upload()) as Mod;
  const body = new FormData();
  body.append("file", new File([csv], name, { type: "text/csv" }));
  const headers = new Headers({ Cookie: cookie });
  const request = new Request("http://localhost/contracts/upload", { method: "POST", body, headers });
  return responseOf(() => mod.action!({ request, params: {}, context }));
}

const json = async <T = any>(res: Response) => (await res.json()) as T;

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

const HEADER =
  "reference,title,supplier_name,supplier_company_number,agreement,procedure,value_inc_vat,value_ex_vat,start_date,end_date,extension_end_dates,cpv_codes,service_area,notice_url,visibility";

let buyerA = "";
let buyerB = "";
let supplierA = "";

beforeAll(async () => {
  [buyerA, buyerB, supplierA] = await Promise.all([cookieFor(DEMO.buyerA), cookieFor(DEMO.buyerB), cookieFor(DEMO.supplierA)]);
});

describe("private contracts", () => {
  const PRIVATE = "seedprivatebnh000001";

  it("are visible to their council's buyers and 'not found' to everyone else", async () => {
    expect((await get("contract", `/contracts/${PRIVATE}`, buyerA, { id: PRIVATE })).status).toBe(200);
    for (const cookie of [undefined, buyerB, supplierA])
      expect((await get("contract", `/contracts/${PRIVATE}`, cookie, { id: PRIVATE })).status).toBe(404);
  });

  it("never appear in another council's or the public register, radar or exports", async () => {
    const search = "/contracts?q=Parking+permits";
    const own = await json(await get("register", search, buyerA));
    expect(own.contracts.map((c: { id: string }) => c.id)).toEqual([PRIVATE]);
    for (const cookie of [undefined, buyerB, supplierA]) {
      const other = await json(await get("register", search, cookie));
      expect(other.total).toBe(0);
      expect(await (await get("csv", "/contracts.csv?q=Parking+permits", cookie)).text()).not.toContain("Parking permits");
      expect(await (await get("ocds", "/contracts.json?q=Parking+permits", cookie)).text()).not.toContain("Parking permits");
    }
    expect(await (await get("csv", "/contracts.csv?q=Parking+permits", buyerA)).text()).toContain("Parking permits system (private)");
  });
});

describe("a council adds contracts it already holds", () => {
  it("by form: errors keep the values; a valid contract is saved private and revised by the same reference", async () => {
    const base = {
      reference: "ICT-2021-07",
      title: "Telephony and contact centre",
      supplierName: "Kestrel Civic Software Ltd",
      value: "240000",
      "startDate-day": "1",
      "startDate-month": "4",
      "startDate-year": "2022",
      "endDate-day": "31",
      "endDate-month": "3",
      "endDate-year": "2027",
      extensions: "2028-03-31",
      serviceArea: "customer-services",
      visibility: "private",
    };
    const bad = await post("add", "/contracts/new", buyerB, { ...base, "endDate-year": "2020", agreement: "RM9999.1/9" });
    expect(bad.status).toBe(400);
    const badBody = await json(bad);
    expect(badBody.errors.endDate).toEqual(["The end date must be on or after the start date"]);
    expect(badBody.values.title).toBe("Telephony and contact centre");
    const unknownLot = await post("add", "/contracts/new", buyerB, { ...base, agreement: "RM9999.1/9" });
    expect(unknownLot.status).toBe(400);
    expect((await json(unknownLot)).errors.agreement[0]).toMatch(/agreement and lot the portal knows/);

    const saved = await post("add", "/contracts/new", buyerB, base);
    expect(saved.status).toBe(302);
    const id = saved.headers.get("Location")!.split("/").pop()!;
    const p = await db();
    const row = await p.contract.findUniqueOrThrow({ where: { id }, include: { council: true, supplier: true, revisions: true } });
    expect(row).toMatchObject({ source: "council", visibility: "private", valuePence: 24_000_000n, council: { code: "LDS" } });
    expect(row.supplier?.slug).toBe("kestrel-civic-software");
    expect(row.latestEndDate?.toISOString().slice(0, 10)).toBe("2028-03-31");
    const again = await post("add", "/contracts/new", buyerB, { ...base, value: "250000" });
    expect(again.headers.get("Location")).toBe(`/contracts/${id}`);
    const revised = await p.contract.findUniqueOrThrow({ where: { id }, include: { revisions: { orderBy: { sequence: "asc" } } } });
    expect(revised.valuePence).toBe(25_000_000n);
    expect(revised.revisions.map((r) => r.sequence)).toEqual([1, 2]);
    // Private to Leeds: Brighton's buyer cannot open it.
    expect((await get("contract", `/contracts/${id}`, buyerA, { id })).status).toBe(404);
  });

  it("by CSV: row-level errors save nothing; the fixed file saves every row; the same file again changes nothing", async () => {
    const p = await db();
    const before = await p.contract.count();
    const broken = [
      HEADER,
      "CSV-1,Waste collection routing,Brightwater Digital Ltd,,,,120000,,2023-01-01,2027-06-30,,,Waste and recycling,,public",
      "CSV-2,Planning portal,Someone Ltd,1234,,,lots,,2023-01-01,2022-01-01,,,Nowhere,,secret",
      "CSV-1,Duplicate,Someone Ltd,,,,,,2023-01-01,2024-01-01,,,,,public",
    ].join("\n");
    const res = await upload(buyerB, broken);
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.report.saved).toEqual({ created: 0, updated: 0, unchanged: 0 });
    const errs = body.report.rows.flatMap((r: { row: number; errors: { column: string }[] }) =>
      r.errors.map((e) => `${r.row}:${e.column}`),
    );
    expect(errs).toEqual(expect.arrayContaining(["3:supplier_company_number", "3:value_inc_vat", "3:visibility", "4:reference"]));
    expect(errs.some((e: string) => e.startsWith("2:"))).toBe(false);
    expect(await p.contract.count()).toBe(before);

    const fixed = [
      HEADER,
      "CSV-1,Waste collection routing,Brightwater Digital Ltd,,,,120000,100000,2023-01-01,2027-06-30,2028-06-30,90510000,Waste and recycling,,public",
      "CSV-2,Planning portal,Someone Ltd,01234567,,Open procedure,85000.50,,2023-01-01,2026-12-31,,,Planning,https://www.contractsfinder.service.gov.uk/Notice/abc,private",
    ].join("\n");
    const ok = await upload(buyerB, fixed);
    expect(ok.status).toBe(200);
    expect((await json(ok)).report.saved).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const rows = await p.contract.findMany({
      where: { sourceKey: { contains: "/csv-" } },
      orderBy: { title: "asc" },
      include: { serviceArea: true },
    });
    expect(rows.map((r) => [r.title, r.valuePence, r.visibility, r.serviceArea?.slug])).toEqual([
      ["Planning portal", 8_500_050n, "private", "planning"],
      ["Waste collection routing", 12_000_000n, "public", "waste-and-recycling"],
    ]);
    const again = await upload(buyerB, fixed);
    expect((await json(again)).report.saved).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await p.contract.count()).toBe(before + 2);
  });

  it("refuses suppliers and a file that is not CSV", async () => {
    const refused = await responseOf(async () =>
      (await ROUTES.add()).loader({ request: makeRequest("/contracts/new", { cookie: supplierA }), params: {}, context }),
    );
    expect(refused.status).toBe(403);
    const notCsv = await upload(buyerB, "a,b\n1,2", "contracts.xlsx");
    expect(notCsv.status).toBe(400);
    expect((await json(notCsv)).errors.file).toEqual(["The selected file must be a CSV"]);
  });
});

describe("a portal award becomes a contract", () => {
  it("follows the project's latest outcome: an award is a private contract, a later non-award withdraws it", async () => {
    const p = await db();
    const { contractFromAward } = await import("~/models/contract.server");
    const council = await p.council.findUniqueOrThrow({ where: { code: "BNH" } });
    const version = await p.productVersion.findFirstOrThrow({ where: { status: "published" }, include: { product: true } });
    const project = await p.buyingProject.create({
      data: {
        councilId: council.id,
        title: "Housing repairs system",
        category: "Housing",
        estimatedValuePence: 15_000_000n,
        contractMonths: 24,
        procurementStart: new Date("2026-11-23T00:00:00Z"),
        nation: "England",
        routeId: "framework-direct-award-rm1557-15",
        status: "awarded",
      },
    });
    const outcome = {
      kind: "awarded",
      productVersionId: version.id,
      supplierId: version.product.supplierId,
      valuePence: 14_800_000n,
      startDate: new Date("2027-01-05T00:00:00Z"),
      endDate: new Date("2029-01-04T00:00:00Z"),
      justification: "Highest weighted total",
    };
    await p.projectOutcome.create({ data: { ...outcome, projectId: project.id, revision: 1 } });
    const first = await p.$transaction((tx) => contractFromAward(tx, project.id, { id: null }));
    expect(first?.change).toBe("created");
    const contract = await p.contract.findUniqueOrThrow({ where: { sourceKey: `project:${project.id}` }, include: { products: true } });
    expect(contract).toMatchObject({
      source: "portal",
      visibility: "private",
      status: "active",
      valuePence: 14_800_000n,
      supplierId: version.product.supplierId,
    });
    expect(contract.products.map((x) => x.productId)).toEqual([version.productId]);
    expect(contract.agreementId).not.toBeNull();

    await p.projectOutcome.update({
      where: { projectId: project.id },
      data: { kind: "none-suitable", revision: 2, productVersionId: null, supplierId: null, valuePence: null },
    });
    const second = await p.$transaction((tx) => contractFromAward(tx, project.id, { id: null }));
    expect(second?.change).toBe("updated");
    const withdrawn = await p.contract.findUniqueOrThrow({
      where: { id: contract.id },
      include: { revisions: { orderBy: { sequence: "asc" } } },
    });
    expect(withdrawn.status).toBe("withdrawn");
    expect(withdrawn.revisions.map((r) => r.reason)).toEqual(["Outcome revision 1: award recorded", "Outcome revision 2 is not an award"]);
    expect((await get("contract", `/contracts/${contract.id}`, buyerA, { id: contract.id })).status).toBe(404);
  });
});

describe("renewal radar", () => {
  it("shows a buyer their peers' contracts ending soon, never another council's private one", async () => {
    const radar = await json(await get("radar", "/radar?serviceArea=revenues-and-benefits&months=18", buyerA));
    expect(radar.mode).toBe("council");
    const titles = radar.radar.contracts.map(
      (c: { council: { code: string }; title: string; monthsLeft: number }) => `${c.council.code} ${c.title} ${c.monthsLeft}`,
    );
    expect(titles).toEqual(expect.arrayContaining(["STH Revenues and benefits system 10", "POR Council tax and benefits platform 16"]));
    // Medway's benefits contract (7 months) is private to Medway; everything shown is public and within 18 months.
    expect(JSON.stringify(radar)).not.toContain("Benefits processing service");
    const p = await db();
    const shown = await p.contract.findMany({ where: { id: { in: radar.radar.contracts.map((c: { id: string }) => c.id) } } });
    expect(shown.every((c) => c.visibility === "public")).toBe(true);
    expect(radar.radar.contracts.every((c: { monthsLeft: number }) => c.monthsLeft <= 18)).toBe(true);
    expect(radar.radar.counts["18"]).toBe(radar.radar.contracts.length);
    const shorter = await json(await get("radar", "/radar?serviceArea=revenues-and-benefits&months=12", buyerA));
    const codes = shorter.radar.contracts.map((c: { council: { code: string } }) => c.council.code);
    expect(codes).toContain("STH");
    expect(codes).not.toContain("POR");
  });

  it("shows suppliers and the public aggregate demand only", async () => {
    for (const cookie of [supplierA, undefined]) {
      const radar = await json(await get("radar", "/radar?serviceArea=revenues-and-benefits&months=18", cookie));
      expect(radar.mode).toBe("demand");
      expect(radar.radar).toBeNull();
      const p = await db();
      const { now } = await import("~/utils/clock.server");
      const today = now();
      const until = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 18, today.getUTCDate()));
      const expected = await p.contract.findMany({
        where: {
          visibility: "public",
          status: "active",
          serviceArea: { slug: "revenues-and-benefits" },
          councilId: { not: null },
          endDate: { gte: today, lte: until },
        },
        distinct: ["councilId"],
        select: { councilId: true },
      });
      expect(radar.demand).toHaveLength(1);
      expect(radar.demand[0].councils["18"]).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(1);
      expect(JSON.stringify(radar)).not.toMatch(/Southampton|Benefits processing/);
    }
  });
});

describe("what peers paid and exports", () => {
  it("shows ranges only for groups of 3 or more public contracts", async () => {
    const { priceRangesOf } = await import("~/models/contract-prices.server");
    const point = (councilId: string, typeName: string, valuePence: number, population: number | null = 200_000) => ({
      councilId,
      typeName,
      population,
      valuePence,
      unitPricePence: null,
      priceUnit: null,
    });
    const two = priceRangesOf([point("a", "Unitary authority", 100), point("b", "Unitary authority", 300)]);
    expect(two.overall).toBeNull();
    const ranges = priceRangesOf([
      point("a", "Unitary authority", 100_000),
      point("b", "Unitary authority", 300_000),
      point("c", "Unitary authority", 200_000),
      point("d", "County", 900_000),
    ]);
    expect(ranges.overall).toMatchObject({ contracts: 4, minPence: 100_000, maxPence: 900_000, medianPence: 250_000 });
    expect(ranges.byType.map((r) => [r.group, r.contracts, r.minPence, r.maxPence])).toEqual([["Unitary authority", 3, 100_000, 300_000]]);
    expect(ranges.overall?.perResident).toEqual({ minPence: 1, maxPence: 5, contracts: 4 });
    const page = await json(await get("register", "/contracts?serviceArea=revenues-and-benefits"));
    expect(page.prices.overall.contracts).toBeGreaterThanOrEqual(3);
  });

  it("exports the register as CSV and as an OCDS 1.1 release package that validates", async () => {
    const csv = await (await get("csv", "/contracts.csv?serviceArea=revenues-and-benefits")).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,title,buyer,council_code,supplier,supplier_company_number,agreement,lot,procedure,value_inc_vat,value_ex_vat,start_date,end_date,extension_end_dates,cpv_codes,service_area,notices,source,ocid,visibility",
    );
    expect(csv).toContain("Revenues and benefits system,Southampton City Council,STH,");
    const pkg = await json(await get("ocds", "/contracts.json"));
    expect(pkg.version).toBe("1.1");
    expect(pkg.releases.length).toBeGreaterThan(100);
    const problems = (pkg.releases as unknown[]).flatMap((r) => validateOcdsRelease(r));
    expect(problems).toEqual([]);
    const sth = pkg.releases.find(
      (r: { tender: { title: string }; buyer: { name: string } }) =>
        r.tender.title === "Revenues and benefits system" && r.buyer.name === "Southampton City Council",
    );
    expect(sth.buyer.name).toBe("Southampton City Council");
    expect(sth.awards[0].value).toEqual({ amount: 1450000, currency: "GBP" });
  });
});
