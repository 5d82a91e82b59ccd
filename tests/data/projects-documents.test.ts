// Issue 19 on the project pages: a project links to the documents of the listing version that
// was frozen. After the supplier uploads a new service definition and it is approved, the
// shortlist and the printable record still link to (and the document route still serves) the
// frozen version's file, never the new one. Only those who can read the project see the links.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

process.env.DOCUMENTS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "cm-project-documents-"));

type Form = Record<string, string | string[]>;
type RouteArgs = { request: Request; params: Record<string, string>; context: typeof context };

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

async function route(name: string) {
  return (await import(/* @vite-ignore */ `~/routes/${name}`)) as {
    loader?: (args: RouteArgs) => Promise<unknown>;
    action?: (args: RouteArgs) => Promise<unknown>;
  };
}

async function post(name: string, urlPath: string, params: Record<string, string>, cookie: string, form: Form) {
  const mod = await route(name);
  return responseOf(() => mod.action!({ request: makeRequest(urlPath, { cookie, form }), params, context }));
}

async function get(name: string, urlPath: string, params: Record<string, string>, cookie?: string) {
  const mod = await route(name);
  return responseOf(() => mod.loader!({ request: makeRequest(urlPath, { cookie }), params, context }));
}

const pdf = (text: string) =>
  new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );

async function lockOf(productId: string) {
  return String((await (await db()).product.findUniqueOrThrow({ where: { id: productId } })).lockVersion);
}

async function upload(productId: string, cookie: string, fileName: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("lockVersion", await lockOf(productId));
  form.set("kind", "service-definition");
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type: "application/pdf" }));
  const request = new Request(`http://localhost/supplier/listings/${productId}/documents`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
  const mod = await route("supplier.listings.$id.documents");
  return responseOf(() => mod.action!({ request, params: { id: productId }, context }));
}

function sections(name: string, lotId: string): [string, Form][] {
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

async function createCompleteListing(cookie: string, name: string, lotId: string) {
  const created = await post("supplier.listings.new", "/supplier/listings/new", {}, cookie, {});
  const id = created.headers.get("Location")!.split("/").pop()!;
  for (const [section, form] of sections(name, lotId)) {
    const res = await post("supplier.listings.$id.$section", `/supplier/listings/${id}/${section}`, { id, section }, cookie, {
      lockVersion: await lockOf(id),
      ...form,
    });
    expect(res.status, section).toBe(302);
  }
  return id;
}

/** Submitted by the supplier, approved by an administrator, through their routes. */
async function submitAndApprove(productId: string, supplier: string, admin: string) {
  const submitted = await post("supplier.listings.$id._index", `/supplier/listings/${productId}`, { id: productId }, supplier, {
    lockVersion: await lockOf(productId),
    intent: "submit",
  });
  expect(submitted.status).toBe(302);
  const version = await (await db()).productVersion.findFirstOrThrow({ where: { productId, status: "submitted" } });
  const review = await (
    await get("admin.moderation.$versionId", `/admin/moderation/${version.id}`, { versionId: version.id }, admin)
  ).json();
  const approved = await post("admin.moderation.$versionId", `/admin/moderation/${version.id}`, { versionId: version.id }, admin, {
    decision: "approve",
    contentToken: review.contentToken,
  });
  expect(approved.status).toBe(302);
  return version.id;
}

type DocumentLink = { id: string; kindLabel: string; fileName: string };
type FrozenResultLinks = { productId: string; versionId: string; documents: DocumentLink[] };

let supplier: string, buyer: string, otherCouncil: string, admin: string;

beforeAll(async () => {
  [supplier, buyer, otherCouncil, admin] = await Promise.all([
    cookieFor(DEMO.supplierA),
    cookieFor(DEMO.buyerA),
    cookieFor(DEMO.buyerB),
    cookieFor(DEMO.admin),
  ]);
});

describe("a project links to the documents of the listing version it froze", () => {
  it("keeps linking to and serving the frozen version's service definition after a new one is approved", async () => {
    const prisma = await db();
    const name = `Frozen Definition Bins ${Date.now()}`;
    const { listListableLots } = await import("~/models/award.server");
    const { now } = await import("~/utils/clock.server");
    const supplierUser = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.supplierA } });
    const lotId = (await listListableLots(supplierUser.supplierId!, now())).find((l) => l.agreementNumber === "RM1557.15")!.id;
    const productId = await createCompleteListing(supplier, name, lotId);
    const first = pdf("Service definition, first edition");
    expect((await upload(productId, supplier, "Service definition.pdf", first)).status).toBe(302);
    const frozenVersionId = await submitAndApprove(productId, supplier, admin);

    // The buyer freezes a search that finds it, through the project routes.
    const created = await post("projects.new", "/projects/new", {}, buyer, {
      intent: "create",
      title: "Missed bins reporting",
      routeId: "framework-direct-award-rm1557-15",
      category: "cloud-software",
      value: "150000",
      contractMonths: "24",
      startDate: "2026-11-23",
      termsUnchanged: "yes",
      security: "OFFICIAL",
      nation: "England",
    });
    expect(created.status).toBe(302);
    const projectId = /^\/projects\/([^/?#]+)/.exec(created.headers.get("Location")!)![1];
    const saved = await post("projects.$id.search", `/projects/${projectId}/search`, { id: projectId }, buyer, {
      search: new URLSearchParams({ type: "products", q: name }).toString(),
    });
    expect(saved.status).toBe(302);
    const savedSearch = await prisma.savedSearch.findFirstOrThrow({ where: { projectId } });
    expect(
      (await post("projects.$id.freeze", `/projects/${projectId}/freeze`, { id: projectId }, buyer, { savedSearchId: savedSearch.id }))
        .status,
    ).toBe(302);

    const shortlistLinks = async (cookie: string) => {
      const page = await get("projects.$id.shortlist", `/projects/${projectId}/shortlist`, { id: projectId }, cookie);
      expect(page.status).toBe(200);
      const data = (await page.json()) as { frozen: { results: FrozenResultLinks[] } };
      return data.frozen.results.find((r) => r.productId === productId)!;
    };
    const recordLinks = async (cookie: string) => {
      const page = await get("projects.$id_.record", `/projects/${projectId}/record`, { id: projectId }, cookie);
      expect(page.status).toBe(200);
      const data = (await page.json()) as { frozen: { results: FrozenResultLinks[] }[] };
      return data.frozen[0].results.find((r) => r.productId === productId)!;
    };
    const before = await shortlistLinks(buyer);
    expect(before.versionId).toBe(frozenVersionId);
    expect(before.documents.map((d) => [d.kindLabel, d.fileName])).toEqual([["Service definition", "Service definition.pdf"]]);
    const frozenDocumentId = before.documents[0].id;

    // The supplier uploads a new edition; it is approved and becomes the listing's published version.
    const second = pdf("Service definition, second edition");
    expect((await upload(productId, supplier, "Service definition 2027.pdf", second)).status).toBe(302);
    const newVersionId = await submitAndApprove(productId, supplier, admin);
    expect(newVersionId).not.toBe(frozenVersionId);
    const newDocument = await prisma.listingDocument.findFirstOrThrow({ where: { versionId: newVersionId, kind: "service-definition" } });
    expect(newDocument.id).not.toBe(frozenDocumentId);

    // The shortlist and the printable record still link to the frozen version's own document …
    for (const links of [await shortlistLinks(buyer), await recordLinks(buyer)]) {
      expect(links.versionId).toBe(frozenVersionId);
      expect(links.documents.map((d) => [d.id, d.fileName])).toEqual([[frozenDocumentId, "Service definition.pdf"]]);
    }
    // … and the document route serves the first edition, byte for byte, not the second.
    const served = await get("documents.$documentId", `/documents/${frozenDocumentId}`, { documentId: frozenDocumentId }, buyer);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Disposition")).toBe('attachment; filename="Service definition.pdf"');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(first);

    // Only those who can read the project see it: another council's buyer gets 404, as for no such project.
    for (const name of ["projects.$id.shortlist", "projects.$id_.record"]) {
      const refused = await get(name, `/projects/${projectId}`, { id: projectId }, otherCouncil);
      expect(refused.status).toBe(404);
    }
  });
});
