// Creating, filling, documenting, submitting and approving a listing through the supplier and
// moderation routes (no raw Prisma edits), shared by the listing-documents and project-documents
// data tests.
import { expect } from "vitest";
import { context, makeRequest, responseOf } from "./session";

export type Form = Record<string, string | string[]>;

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

export async function route(name: string) {
  return (await import(/* @vite-ignore */ `~/routes/${name}`)) as {
    loader?: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
    action?: (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
  };
}

export async function post(name: string, urlPath: string, params: Record<string, string>, cookie: string, form: Form) {
  const mod = await route(name);
  return responseOf(() => mod.action!({ request: makeRequest(urlPath, { cookie, form }), params, context }));
}

export async function get(name: string, urlPath: string, params: Record<string, string>, cookie?: string) {
  const mod = await route(name);
  return responseOf(() => mod.loader!({ request: makeRequest(urlPath, { cookie }), params, context }));
}

export function pdf(text: string): Uint8Array {
  return new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

export async function upload(
  productId: string,
  cookie: string,
  kind: string,
  fileName: string,
  bytes: Uint8Array,
  type = "application/pdf",
) {
  const { lockVersion } = await (await db()).product.findUniqueOrThrow({ where: { id: productId } });
  const form = new FormData();
  form.set("intent", "upload");
  form.set("lockVersion", String(lockVersion));
  form.set("kind", kind);
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type }));
  const request = new Request(`http://localhost/supplier/listings/${productId}/documents`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
  const mod = await route("supplier.listings.$id.documents");
  return responseOf(() => mod.action!({ request, params: { id: productId }, context }));
}

export async function lockOf(productId: string) {
  return String((await (await db()).product.findUniqueOrThrow({ where: { id: productId } })).lockVersion);
}

export async function listableLotOn(email: string, agreementNumber: string) {
  const { listListableLots } = await import("~/models/award.server");
  const { now } = await import("~/utils/clock.server");
  const user = await (await db()).user.findUniqueOrThrow({ where: { email } });
  const lots = await listListableLots(user.supplierId!, now());
  const lot = lots.find((l) => l.agreementNumber === agreementNumber);
  if (!lot) throw new Error(`The supplier has no listable lot on ${agreementNumber}`);
  return lot.id;
}

export function listingSections(name: string, lotId: string): [string, Form][] {
  return [
    [
      "about",
      {
        name,
        summary: "Residents report missed bins online.",
        description: "A hosted service for missed bins.",
        category: "Waste and recycling",
      },
    ],
    ["features", { features: "Missed bin reports\nCrew app", benefits: "Fewer calls" }],
    ["pricing", { priceFrom: "450", priceUnit: "per instance per month", vatIncluded: "no", freeTrial: "no", pricingDocumentUrl: "" }],
    ["lots", { lotIds: [lotId] }],
    [
      "onboarding",
      {
        serviceId: "512345678901234",
        onboarding: "We load your rounds and train your contact centre in two weeks.",
        offboarding: "Export everything as CSV at any time; we delete your data 30 days after exit.",
      },
    ],
    ["data-formats", { dataImportFormats: ["csv", "xlsx"], dataExportFormats: ["csv", "json"] }],
    [
      "availability",
      {
        availability: "99.9",
        availabilityMeasurement: "External checks every minute; monthly report; service credits below target.",
        supportHours: "business-hours",
        supportResponse: "4-hours",
      },
    ],
    ["backup", { backupFrequency: "daily", backupRecovery: "Nightly encrypted backups in a second UK data centre, kept 30 days." }],
    [
      "data-security",
      {
        dataLocation: "UK",
        security: ["cyber-essentials-plus"],
        securityEvidence: "Cyber Essentials Plus certificate from IASME; penetration test in 2026.",
        accessibilityLevel: "wcag-2.2-aa",
        accessibilityStatementUrl: "https://kestrel.example/accessibility",
      },
    ],
    ["standards", { hasApi: "yes", standards: "OpenAPI 3", integrations: "GOV.UK Notify" }],
  ];
}

export async function createCompleteListing(cookie: string, name: string, lotId: string) {
  const created = await post("supplier.listings.new", "/supplier/listings/new", {}, cookie, {});
  const id = created.headers.get("Location")!.split("/").pop()!;
  for (const [section, form] of listingSections(name, lotId)) {
    const res = await post("supplier.listings.$id.$section", `/supplier/listings/${id}/${section}`, { id, section }, cookie, {
      lockVersion: await lockOf(id),
      ...form,
    });
    expect(res.status, `${section}: ${res.status === 302 ? "" : JSON.stringify(await res.clone().json())}`).toBe(302);
  }
  return id;
}

/** Submitted by the supplier, approved by an administrator who read the review page, through their routes. */
export async function submitAndApprove(productId: string, supplier: string, admin: string) {
  const submitted = await post("supplier.listings.$id._index", `/supplier/listings/${productId}`, { id: productId }, supplier, {
    lockVersion: await lockOf(productId),
    intent: "submit",
  });
  expect(submitted.status, submitted.status === 302 ? "" : JSON.stringify(await submitted.clone().json())).toBe(302);
  const version = await (await db()).productVersion.findFirstOrThrow({ where: { productId, status: "submitted" } });
  const review = await (
    await get("admin.moderation.$versionId", `/admin/moderation/${version.id}`, { versionId: version.id }, admin)
  ).json();
  const approved = await post("admin.moderation.$versionId", `/admin/moderation/${version.id}`, { versionId: version.id }, admin, {
    decision: "approve",
    contentToken: review.contentToken,
  });
  expect(approved.status).toBe(302);
  return { versionId: version.id, review };
}
