// HTTP security baseline as a browser meets it: headers, CSP nonce, cookie flags,
// cross-site requests refused, oversized bodies refused.
import { test, expect, login, logout } from "./support";

test("every page sends the security headers with a fresh CSP nonce", async ({ request }) => {
  const first = await request.get("/");
  const second = await request.get("/");
  const csp = first.headers()["content-security-policy"];
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  expect(first.headers()["x-content-type-options"]).toBe("nosniff");
  expect(first.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(first.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(first.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(first.headers()["x-powered-by"]).toBeUndefined();
  const nonce = csp.match(/nonce-([^']+)/)![1];
  expect(await first.text()).toContain(`nonce="${nonce}"`);
});

test("the page runs with the CSP enforced: no violations while hydrating", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/search?q=housing");
  await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true"); // GOV.UK Frontend and React start after the first paint (ADR 0022)
  await page.getByLabel("Search products, suppliers and case studies").fill("housing management");
  await expect(page.locator("#result-count")).toContainText("housing management");
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite=Lax, and a new one is issued at sign-in", async ({ page, context }) => {
  await page.goto("/login");
  await login(page, "buyerA");
  const cookies = await context.cookies();
  const session = cookies.find((c) => /cm_session$/.test(c.name))!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe("Lax");
  const firstValue = session.value;
  await logout(page);
  await login(page, "buyerA");
  const again = (await context.cookies()).find((c) => /cm_session$/.test(c.name))!;
  expect(again.value).not.toBe(firstValue);
});

test("a form posted from another site is refused", async ({ request }) => {
  const crossSite = await request.post("/login", {
    form: { email: "buyer@brighton-hove.gov.uk", password: "Council-Marketplace-2026" },
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  const otherOrigin = await request.post("/logout", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(otherOrigin.status()).toBe(403);
  // Same origin, but no CSRF token: refused too (issue 12 item 22).
  const noToken = await request.post("/login", {
    form: { email: "nobody@brighton-hove.gov.uk", password: "whatever-password" },
    headers: { "Sec-Fetch-Site": "same-origin" },
    maxRedirects: 0,
  });
  expect(noToken.status()).toBe(403);
  // With the token from the page (and its cookie, kept by the request context): the form's own checks answer.
  const page = await (await request.get("/login")).text();
  const token = /name="_csrf" value="([^"]+)"/.exec(page)![1];
  const sameOrigin = await request.post("/login", {
    form: { _csrf: token, email: "nobody@brighton-hove.gov.uk", password: "whatever-password" },
    headers: { "Sec-Fetch-Site": "same-origin" },
    maxRedirects: 0,
  });
  expect(sameOrigin.status()).toBe(400);
});

test("a form post with neither Origin nor Sec-Fetch-Site and no token is refused with a GOV.UK page", async ({ playwright, baseURL }) => {
  const bare = await playwright.request.newContext({ baseURL, extraHTTPHeaders: {} });
  const res = await bare.post("/logout", { headers: { Accept: "text/html" }, maxRedirects: 0 });
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain("Sorry, this form could not be sent");
  await bare.dispose();
});

test("an oversized body is refused with 413 before it is read", async ({ request }) => {
  const res = await request.post("/login", {
    data: "email=" + "a".repeat(2_100_000),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(res.status()).toBe(413);
});
