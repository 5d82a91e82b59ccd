// Double submission without JavaScript (issue 18 item 7): with no script to disable the button,
// the idempotency key the server put in the form is what stops a repeat. A buyer double-clicks
// "Publish forward plan", then the browser sends the very same form again (as after a dropped
// connection); one plan exists, and the repeat is answered with the first post's redirect.
import Database from "better-sqlite3";
import { test, expect, login } from "./support";

function plansTitled(title: string): number {
  const db = new Database(`tests/.tmp/e2e-${process.env.E2E_PORT ?? 3100}.db`, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM PipelineEntry WHERE title = ?").get(title) as { n: number }).n;
  } finally {
    db.close();
  }
}

test("a forward plan sent twice without JavaScript is published once", async ({ page }) => {
  const title = `Parking permits system ${Date.now()}`;
  await login(page, "buyerA");
  await page.goto("/pipeline/new");
  await page.getByLabel("What you plan to buy").fill(title);
  await page.getByLabel("Service area").selectOption({ label: "Highways and transport" });
  await page.getByLabel("Month").fill("6");
  await page.getByLabel("Year").fill("2027");
  await page.getByLabel("Estimated value including VAT").fill("120,000");
  await page.getByLabel("Route being considered").selectOption({ label: "Further competition on a framework" });

  // The form exactly as the browser will send it, idempotency key and CSRF token included.
  const form = page.locator("main form[method='post']").filter({ has: page.getByRole("button", { name: "Publish forward plan" }) });
  const fields = await form.evaluate((el) => Object.fromEntries(new FormData(el as HTMLFormElement).entries()) as Record<string, string>);
  expect(fields._idempotency, "the form carries an idempotency key").toMatch(/.{16,}/);

  await page.getByRole("button", { name: "Publish forward plan" }).dblclick();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const published = new URL(page.url()).pathname;
  expect(published).toMatch(/^\/pipeline\/[^/]+$/);

  const repeat = await page.request.post("/pipeline/new", {
    form: fields,
    maxRedirects: 0,
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(repeat.status(), "the repeat is answered with the first post's redirect").toBe(302);
  expect(new URL(repeat.headers().location ?? "", page.url()).pathname).toBe(published);

  expect(plansTitled(title)).toBe(1);
});
