// Issue 19 on the project pages: a project links to the documents of the listing version that
// was frozen. After the supplier uploads a new service definition and it is approved, the
// shortlist and the printable record still link to (and the document route still serves) the
// frozen version's file, never the new one. Only those who can read the project see the links.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { cookieFor, DEMO } from "../support/session";
import { createCompleteListing, get, listableLotOn, pdf, post, submitAndApprove, upload } from "../support/listing-flow";

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

useTestDatabase();

process.env.DOCUMENTS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "cm-project-documents-"));

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
    const lotId = await listableLotOn(DEMO.supplierA, "RM1557.15");
    const productId = await createCompleteListing(supplier, name, lotId);
    const first = pdf("Service definition, first edition");
    expect((await upload(productId, supplier, "service-definition", "Service definition.pdf", first)).status).toBe(302);
    const { versionId: frozenVersionId } = await submitAndApprove(productId, supplier, admin);

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
    expect((await upload(productId, supplier, "service-definition", "Service definition 2027.pdf", second)).status).toBe(302);
    const { versionId: newVersionId } = await submitAndApprove(productId, supplier, admin);
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
