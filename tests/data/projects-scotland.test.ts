// A Scottish council's project follows Scotland's rules (issue 13): at £150,000 the guide offers a
// regulated procurement advertised on Public Contracts Scotland, and a project can be started on it;
// the Procurement Act's "notifiable below-threshold" route (England's) is refused for Scotland.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

const FORM = {
  intent: "create",
  title: "Scottish cloud CRM",
  category: "cloud-software",
  value: "150000",
  contractMonths: "24",
  startDate: "2026-11-23",
  termsUnchanged: "yes",
  security: "OFFICIAL",
  nation: "Scotland",
};

let buyer: string;
beforeAll(async () => {
  buyer = await cookieFor(DEMO.buyerA);
});

async function create(routeId: string): Promise<Response> {
  const { action } = await import("~/routes/projects.new");
  return responseOf(() =>
    action({ request: makeRequest("/projects/new", { cookie: buyer, form: { ...FORM, routeId } }), params: {}, context }),
  );
}

describe("a project on a Scottish route", () => {
  it("starts on the Public Contracts Scotland route and the record names it", async () => {
    const res = await create("scotland-regulated-procurement");
    expect(res.status).toBe(302);
    const location = res.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/projects\/[^/]+$/);
    const { loader } = await import("~/routes/projects.$id_.record");
    const id = location.split("/").pop()!;
    const record = await responseOf(() =>
      loader({ request: makeRequest(`/projects/${id}/record`, { cookie: buyer }), params: { id }, context }),
    );
    expect(record.status).toBe(200);
    expect(JSON.stringify(await record.json())).toContain("Public Contracts Scotland");
  });

  it("refuses England's below-threshold route for a Scottish council at £150,000", async () => {
    const res = await create("notifiable-below-threshold");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
