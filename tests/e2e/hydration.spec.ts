// Every main route hydrates in the browser with no page error and no console error, for each
// role (issue 18 item 4: /supplier/import once threw "Buffer is not defined" and never
// hydrated). The root sets html[data-hydrated] in an effect once React has taken over.
import type { Page } from "@playwright/test";
import { test, expect, login, type DemoRole } from "./support";
import { aProject, firstLink } from "./main-pages";

const ROUTES: Record<"anonymous" | DemoRole, string[]> = {
  anonymous: [
    "/",
    "/search",
    "/search?q=housing",
    "/search?q=housing&type=products",
    "/search?type=suppliers",
    "/search?type=case-studies",
    "/frameworks",
    "/frameworks/RM1557.15",
    "/suppliers/kestrel-civic-software",
    "/case-studies",
    "/councils/bnh",
    "/buy",
    "/contracts",
    "/radar",
    "/reuse",
    "/login",
    "/signup",
    "/suppliers/register",
    "/forgot-password",
    "/accessibility",
    "/privacy",
    "/cookies",
  ],
  buyerA: [
    "/projects",
    "/projects/new",
    "/case-studies/new",
    "/account",
    "/account/alerts",
    "/account/notifications",
    "/pipeline",
    "/contracts/upload",
  ],
  approverA: ["/projects", "/account"],
  buyerB: ["/projects"],
  supplierA: [
    "/supplier",
    "/supplier/import",
    "/supplier/profile",
    "/supplier/team",
    "/supplier/accreditations",
    "/supplier/awards",
    "/supplier/listings/new",
    "/supplier/case-studies",
  ],
  supplierB: ["/supplier"],
  admin: [
    "/admin",
    "/admin/moderation",
    "/admin/users",
    "/admin/audit",
    "/admin/outbox",
    "/admin/suppliers",
    "/admin/case-studies",
    "/admin/service-areas",
    "/admin/council-domains",
    "/admin/awards",
  ],
};

/** Visits `path` and returns every page error and console error it caused, once the page has hydrated. */
async function problemsOn(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const onError = (error: Error) => problems.push(`pageerror: ${error.message}`);
  const onConsole = (message: import("@playwright/test").ConsoleMessage) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  };
  page.on("pageerror", onError);
  page.on("console", onConsole);
  try {
    const response = await page.goto(path);
    expect(response?.status(), `${path} answers`).toBeLessThan(400);
    await expect(page.locator("html"), `${path} hydrated`).toHaveAttribute("data-hydrated", "true");
    // A moment for effects that run after hydration (GOV.UK Frontend, live search) to fail.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  } finally {
    page.off("pageerror", onError);
    page.off("console", onConsole);
  }
  return problems;
}

for (const [role, paths] of Object.entries(ROUTES) as ["anonymous" | DemoRole, string[]][]) {
  test(`every main route hydrates without errors: ${role}`, async ({ page }) => {
    test.setTimeout(30_000 + paths.length * 10_000);
    if (role !== "anonymous") await login(page, role);
    for (const path of paths) {
      expect.soft(await problemsOn(page, path), `errors on ${path} as ${role}`).toEqual([]);
    }
  });
}

test("the supplier import page hydrates (it once threw 'Buffer is not defined')", async ({ page }) => {
  await login(page, "supplierA");
  expect(await problemsOn(page, "/supplier/import")).toEqual([]);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import listings from a CSV file");
});

test("the review pages an administrator opens from the queues hydrate", async ({ page }) => {
  // Both once built their decision schema at load with a server-only helper, so the browser
  // failed to load the route and reloaded the queue instead (the review never opened with JS).
  await login(page, "admin");
  const queues: [string, RegExp][] = [
    ["/admin/case-studies", /^\/admin\/case-studies\/[^/?#]+$/],
    ["/admin/moderation", /^\/admin\/moderation\/[^/?#]+$/],
  ];
  for (const [queue, pattern] of queues) {
    await page.goto(queue);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const review = hrefs.find((h) => pattern.test(h));
    expect(review, `a review link on ${queue}`).toBeTruthy();
    expect.soft(await problemsOn(page, review!), `errors on ${review}`).toEqual([]);
  }
});

test("the pages found from a list hydrate too: a product, a case study, a contract, a forward plan", async ({ page }) => {
  test.setTimeout(90_000);
  const found: [string, RegExp][] = [
    ["/search?q=housing&type=products", /^\/products\/[^/?#]+$/],
    ["/case-studies", /^\/case-studies\/(?!new$)[^/?#]+$/],
    ["/contracts", /^\/contracts\/(?!new$|upload$)[^/?#.]+$/],
    ["/pipeline", /^\/pipeline\/(?!new$)[^/?#]+$/],
  ];
  for (const [list, pattern] of found) {
    const path = await firstLink(list, pattern)(page);
    expect.soft(await problemsOn(page, path), `errors on ${path}`).toEqual([]);
  }
});

test("every page of a buying project hydrates", async ({ page }) => {
  test.setTimeout(150_000);
  await login(page, "buyerA");
  const project = await aProject(page);
  const pages = ["", "/requirements", "/search", "/freeze", "/shortlist", "/evaluation", "/outcome", "/notices", "/approvals"];
  for (const step of [...pages, "/participants", "/history", "/record"].map((p) => (p === "/record" ? `${project}/record` : project + p))) {
    expect.soft(await problemsOn(page, step), `errors on ${step}`).toEqual([]);
  }
});

test("a supplier's listing and its sections hydrate", async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, "supplierA");
  const listing = await firstLink("/supplier", /^\/supplier\/listings\/(?!new$)[^/?#]+$/)(page);
  expect.soft(await problemsOn(page, listing), `errors on ${listing}`).toEqual([]);
  const section = await firstLink(listing, new RegExp(`^${listing}/(?!history$|preview$|documents$)[^/?#]+$`))(page);
  for (const path of [section, `${listing}/documents`, `${listing}/history`, `${listing}/preview`]) {
    expect.soft(await problemsOn(page, path), `errors on ${path}`).toEqual([]);
  }
});

test("the page paints before its JavaScript is fetched, then hydrates (ADR 0022)", async ({ page, request }) => {
  // The served HTML has no live module tag: nothing competes with the stylesheet.
  const html = await (await request.get("/frameworks")).text();
  expect(html).not.toContain('rel="modulepreload"');
  expect(html).not.toMatch(/<script[^>]* type="module"/);
  expect(html).toContain('type="x-deferred-module"');
  expect(await problemsOn(page, "/frameworks")).toEqual([]);
  const timing = await page.evaluate(() => ({
    firstContentfulPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    firstModuleFetch: Math.min(
      ...performance
        .getEntriesByType("resource")
        .filter((entry) => new URL(entry.name).pathname.startsWith("/build/"))
        .map((entry) => entry.startTime),
    ),
  }));
  expect(timing.firstContentfulPaint, "the browser reported a first contentful paint").not.toBeNull();
  expect(timing.firstModuleFetch, "the bundle was fetched").toBeLessThan(Infinity);
  expect(timing.firstModuleFetch).toBeGreaterThanOrEqual(timing.firstContentfulPaint!);
});
