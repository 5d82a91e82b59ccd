// The SME test's balance-sheet limb through the real profile action (issue 13): fewer than
// 250 staff with a balance sheet of £38m or less is an SME even with turnover over £44m.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { penceToPounds } from "~/procurement/money";

useTestDatabase();

async function kestrel() {
  const { prisma } = await import("~/utils/db.server");
  return prisma.supplier.findUniqueOrThrow({ where: { slug: "kestrel-civic-software" } });
}

async function saveProfile(overrides: Record<string, string>) {
  const route = await import("~/routes/supplier.profile");
  const supplier = await kestrel();
  const form = {
    supplierId: supplier.id,
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
    description: supplier.description,
    ...overrides,
  };
  const cookie = await cookieFor(DEMO.supplierA);
  return responseOf(() => route.action({ request: makeRequest("/supplier/profile", { cookie, form }), params: {}, context }));
}

describe("supplier size with a balance sheet", () => {
  it("200 staff, £60m turnover and a £30m balance sheet count as an SME (medium)", async () => {
    const res = await saveProfile({ staffCount: "200", turnover: "60000000", balanceSheet: "30,000,000", declaredSize: "medium" });
    expect(res.status).toBe(302);
    expect(await kestrel()).toMatchObject({
      staffCount: 200,
      turnoverPence: 6_000_000_000n,
      balanceSheetPence: 3_000_000_000n,
      computedSize: "medium",
    });
  });

  it("without a balance sheet the same staff and turnover are large; a bad figure is refused with the form kept", async () => {
    expect((await saveProfile({ staffCount: "200", turnover: "60000000", balanceSheet: "", declaredSize: "large" })).status).toBe(302);
    expect(await kestrel()).toMatchObject({ balanceSheetPence: null, computedSize: "large" });
    const refused = await saveProfile({ balanceSheet: "lots" });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(body.errors.balanceSheet?.[0]).toMatch(/Balance sheet total must be an amount in pounds/);
    expect(body.values.balanceSheet).toBe("lots");
  });
});
