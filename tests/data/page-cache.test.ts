// The public-page cache (issue 17 item 4, server/page-cache.js) against the real server: a kept
// page is answered with this response's nonce and this browser's CSRF token, signed-in users and
// anonymous visitors never get each other's page, and a change made through the app shows at once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { Browser, startServer, type ServerProcess } from "../support/server-process";
import { useTestDatabase } from "../support/test-db";

const db = useTestDatabase();
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer(db);
}, 150_000);

afterAll(async () => {
  await server?.stop();
});

const visitor = (ip: string) => new Browser(() => server.base, ip);
const urlencoded = { "Content-Type": "application/x-www-form-urlencoded" };

function nonceOf(res: Response): string {
  const match = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "");
  if (!match) throw new Error("no nonce in the Content-Security-Policy header");
  return match[1];
}

it("answers a repeat anonymous visit from the cache, with this response's nonce and this browser's CSRF token", async () => {
  const first = visitor("198.51.100.1");
  const a = await first.get("/frameworks");
  expect(a.status).toBe(200);
  const aHtml = await a.text();
  const b = await first.get("/frameworks");
  const bHtml = await b.text();
  expect(b.headers.get("x-page-cache")).toBe("hit");
  // Every script's nonce is the one in this response's policy, and it is new each time.
  expect(nonceOf(a)).not.toBe(nonceOf(b));
  expect(bHtml).toContain(`nonce="${nonceOf(b)}"`);
  expect(bHtml).not.toContain(nonceOf(a));
  expect(bHtml.length).toBeGreaterThan(aHtml.length * 0.9);

  // Another browser gets the kept page with its own CSRF token, never the first browser's.
  const second = visitor("198.51.100.2");
  const secondToken = await second.token("/login");
  const firstToken = await first.token("/login");
  const other = await second.get("/frameworks");
  const otherHtml = await other.text();
  expect(other.headers.get("x-page-cache")).toBe("hit");
  expect(otherHtml).toContain(secondToken);
  expect(otherHtml).not.toContain(firstToken);
});

it("never gives a signed-in user a kept page, nor keeps a signed-in page for anyone", async () => {
  const anonymous = visitor("198.51.100.3");
  await anonymous.get("/");
  expect((await anonymous.get("/")).headers.get("x-page-cache")).toBe("hit");

  const buyer = visitor("198.51.100.4");
  await buyer.signIn("buyer@brighton-hove.gov.uk");
  for (let i = 0; i < 2; i++) {
    const page = await buyer.get("/");
    expect(page.headers.get("x-page-cache")).toBe("bypass");
    expect(await page.text()).toContain("Sign out");
  }
  const after = await anonymous.get("/");
  expect(await after.text()).not.toContain("Sign out");
});

it("shows a change made through the app on the next anonymous visit", async () => {
  const { prisma } = await import("~/utils/db.server");
  const supplier = await prisma.supplier.findFirstOrThrow({ where: { users: { some: { email: "supplier@kestrel-civic.example" } } } });
  const page = `/suppliers/${supplier.slug}`;
  const reader = visitor("198.51.100.5");
  await reader.get(page);
  const kept = await reader.get(page);
  expect(kept.headers.get("x-page-cache")).toBe("hit");
  const renamed = `Kestrel Civic ${Date.now()}`;
  expect(await kept.text()).not.toContain(renamed);

  // The supplier renames the organisation through its profile form.
  const owner = visitor("198.51.100.6");
  await owner.signIn("supplier@kestrel-civic.example");
  const token = await owner.token("/supplier/profile");
  const pounds = (pence: bigint | null) => (pence == null ? "" : String(Number(pence) / 100));
  const saved = await owner.post(
    "/supplier/profile",
    new URLSearchParams({
      _csrf: token,
      legalName: supplier.legalName,
      tradingName: renamed,
      staffCount: String(supplier.staffCount ?? ""),
      turnover: pounds(supplier.turnoverPence),
      balanceSheet: pounds(supplier.balanceSheetPence),
      declaredSize: supplier.declaredSize,
      region: supplier.region,
      website: supplier.website ?? "",
      contactName: supplier.contactName,
      contactEmail: supplier.contactEmail,
      contactPhone: supplier.contactPhone ?? "",
      description: supplier.description ?? "",
      version: String(supplier.version),
    }),
    urlencoded,
  );
  expect(saved.status, await saved.clone().text()).toBe(302);

  const fresh = await reader.get(page);
  expect(fresh.headers.get("x-page-cache")).not.toBe("hit");
  expect(await fresh.text()).toContain(renamed);
});
