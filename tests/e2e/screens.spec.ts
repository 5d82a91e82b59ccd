// Evidence for issue 18: the main pages at 375 CSS pixels, written to docs/screens/ (committed).
// Run: npm run build && E2E_PORT=<port> npx playwright test tests/e2e/screens.spec.ts --project=js
// Each shot is the first 1,200 px of the page, so the files stay small.
import fs from "node:fs";
import path from "node:path";
import { test, expect, login, type DemoRole } from "./support";

const OUT = path.resolve("docs/screens");

const SHOTS: { file: string; path: string; role?: DemoRole; open?: string }[] = [
  { file: "home", path: "/" },
  { file: "search", path: "/search?q=housing" },
  { file: "search-products", path: "/search?q=housing&type=products" },
  { file: "search-products-filters-open", path: "/search?q=housing&type=products", open: "Show filters" },
  { file: "frameworks", path: "/frameworks" },
  { file: "framework", path: "/frameworks/RM1557.15" },
  { file: "supplier", path: "/suppliers/kestrel-civic-software" },
  { file: "case-studies", path: "/case-studies" },
  { file: "buy", path: "/buy" },
  { file: "sign-in", path: "/login" },
  { file: "projects", path: "/projects", role: "buyerA" },
  { file: "supplier-dashboard", path: "/supplier", role: "supplierA" },
  { file: "supplier-import", path: "/supplier/import", role: "supplierA" },
  { file: "admin", path: "/admin", role: "admin" },
  { file: "council", path: "/councils/bnh" },
  { file: "contracts", path: "/contracts" },
  { file: "radar", path: "/radar", role: "buyerA" },
  { file: "pipeline", path: "/pipeline" },
  { file: "page-not-found", path: "/no-such-page" },
];

test.describe.configure({ mode: "serial" });

for (const shot of SHOTS) {
  test(`screenshot at 375 px: ${shot.file}`, async ({ page }) => {
    // Signed in at desktop width: below it "Sign out" is folded into the header's Menu.
    if (shot.role) await login(page, shot.role);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(shot.path);
    await expect(page.locator("html")).toHaveAttribute("data-hydrated", "true");
    if (shot.open) await page.getByRole("button", { name: shot.open }).click();
    await page.evaluate(() => document.fonts.ready);
    // No sideways scrolling at this width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    fs.mkdirSync(OUT, { recursive: true });
    const height = Math.min(1200, await page.evaluate(() => document.documentElement.scrollHeight));
    await page.screenshot({ path: path.join(OUT, `${shot.file}-375.png`), clip: { x: 0, y: 0, width: 375, height }, fullPage: true });
  });
}
