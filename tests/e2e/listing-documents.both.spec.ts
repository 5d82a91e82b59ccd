// Listing documents (issue 19), with and without JavaScript: a supplier uploads a service
// definition to a draft; a file that only claims to be a PDF is refused with the error summary;
// the accepted file downloads as an attachment of the type its content is.
import { test, expect, expectNoAxeViolations, login } from "./support";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
);

test("a supplier uploads a service definition; a disguised web page is refused", async ({ page }) => {
  await login(page, "supplierA");
  await page.goto("/supplier/listings/new");
  await page.getByRole("button", { name: "Start a new listing" }).click();
  await expect(page.locator(".govuk-task-list__item", { hasText: "Documents" })).toContainText("0 of 4 added");
  await page.getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documents");
  await expectNoAxeViolations(page);

  await page.getByLabel("Service definition", { exact: true }).check();
  await page.getByLabel("Upload a file").setInputFiles({
    name: "definition.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>"),
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("The selected file must be a PDF, an OpenDocument text file (ODT) or a Word document (DOCX)");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page);

  await page.getByLabel("Service definition", { exact: true }).check();
  await page.getByLabel("Upload a file").setInputFiles({ name: "Service definition.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Service definition uploaded to the draft");
  const table = page.getByRole("table", { name: "Documents in this version" });
  await expect(table).toContainText("Service definition");
  await expectNoAxeViolations(page);

  const href = await table.getByRole("link", { name: "Service definition.pdf" }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toBe('attachment; filename="Service definition.pdf"');
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);

  await page.getByRole("link", { name: "Back to the listing" }).click();
  await expect(page.locator(".govuk-task-list__item", { hasText: "Documents" })).toContainText("1 of 4 added");
});
