// Listing documents and the service definition (issue 19): a listing with documents goes
// create → submit → approve through the supplier and moderation routes, is frozen in a buying
// project, and the frozen result still serves the bytes it was frozen with after the supplier
// uploads a new version that is approved. Uploads are checked by content and size.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { cookieFor, DEMO } from "../support/session";
import { createCompleteListing, get, listableLotOn, lockOf, pdf, post, submitAndApprove, upload } from "../support/listing-flow";

useTestDatabase();

const documentsDir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-documents-"));
process.env.DOCUMENTS_DIR = documentsDir;

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

// ── small real documents, made here so the test shows exactly what is checked ───────────

/** A stored (uncompressed) zip with the given entries: enough for an ODT or DOCX to be recognised by its content. */
function zip(entries: [string, string][]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const odt = () =>
  zip([
    ["mimetype", "application/vnd.oasis.opendocument.text"],
    ["content.xml", "<office:document-content>Terms</office:document-content>"],
  ]);

const docx = () =>
  zip([
    [
      "[Content_Types].xml",
      '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    ["word/document.xml", "<w:document>Rates</w:document>"],
  ]);

const sha = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

async function download(documentId: string, cookie?: string) {
  return get("documents.$documentId", `/documents/${documentId}`, { documentId }, cookie);
}

let supplierA: string, supplierB: string, buyerA: string, admin: string;

beforeAll(async () => {
  [supplierA, supplierB, buyerA, admin] = await Promise.all([
    cookieFor(DEMO.supplierA),
    cookieFor(DEMO.supplierB),
    cookieFor(DEMO.buyerA),
    cookieFor(DEMO.admin),
  ]);
});

describe("the task list", () => {
  it("marks a section Completed only once its required answers are given (Standards and integrations was Completed on an empty listing)", async () => {
    const created = await post("supplier.listings.new", "/supplier/listings/new", {}, supplierA, {});
    const id = created.headers.get("Location")!.split("/").pop()!;
    const page = async () =>
      (await (await get("supplier.listings.$id._index", `/supplier/listings/${id}`, { id }, supplierA)).json()) as {
        sections: { slug: string; complete: boolean }[];
      };
    const empty = await page();
    expect(empty.sections.filter((s) => s.complete)).toEqual([]);
    expect(empty.sections.map((s) => s.slug)).toEqual(
      expect.arrayContaining(["onboarding", "data-formats", "availability", "backup", "data-security", "standards"]),
    );
    const saved = await post(
      "supplier.listings.$id.$section",
      `/supplier/listings/${id}/standards`,
      { id, section: "standards" },
      supplierA,
      {
        lockVersion: await lockOf(id),
        hasApi: "no",
        standards: "",
        integrations: "",
      },
    );
    expect(saved.status).toBe(302);
    const after = await page();
    expect(after.sections.filter((s) => s.complete).map((s) => s.slug)).toEqual(["standards"]);
  });

  it("refuses to submit until every service definition section is answered, naming what is left", async () => {
    const lotId = await listableLotOn(DEMO.supplierA, "RM1557.15");
    const id = await createCompleteListing(supplierA, `Half-filled ${Date.now()}`, lotId);
    // Take one answer back out: the backup section is then incomplete.
    const cleared = await post("supplier.listings.$id.$section", `/supplier/listings/${id}/backup`, { id, section: "backup" }, supplierA, {
      lockVersion: await lockOf(id),
      backupFrequency: "daily",
      backupRecovery: "",
    });
    expect(cleared.status).toBe(400);
    expect((await cleared.json()).errors.backupRecovery).toEqual(["Enter what is backed up and how it is restored"]);
    const { prisma } = await import("~/utils/db.server");
    await post("supplier.listings.$id.$section", `/supplier/listings/${id}/availability`, { id, section: "availability" }, supplierA, {
      lockVersion: await lockOf(id),
      availability: "99.9",
      availabilityMeasurement: "Checks every minute.",
      supportHours: "business-hours",
      supportResponse: "4-hours",
    });
    // A listing imported or created before these sections: the fields are empty in the database.
    const { saveListingSection } = await import("~/models/listing.server");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.supplierA } });
    const blanked = await saveListingSection({
      productId: id,
      userId: user.id,
      lockVersion: Number(await lockOf(id)),
      section: "onboarding",
      values: { onboarding: "" },
    });
    expect(blanked.ok).toBe(true);
    const submit = await post("supplier.listings.$id._index", `/supplier/listings/${id}`, { id }, supplierA, {
      lockVersion: await lockOf(id),
      intent: "submit",
    });
    expect(submit.status).toBe(422);
    expect((await submit.json()).errors.form[0]).toBe(
      "Complete every section before you submit the listing. Still to complete: Service ID, onboarding and exit",
    );
    expect(await prisma.productVersion.count({ where: { productId: id, status: "submitted" } })).toBe(0);
  });
});

describe("documents through create, submit, approve, freeze and a new version", () => {
  it("keeps serving a frozen result the document it was frozen with, after a new one is approved", async () => {
    const prisma = await db();
    const name = `Missed Bin Reporter ${Date.now()}`;
    const lotId = await listableLotOn(DEMO.supplierA, "RM1557.15");
    const productId = await createCompleteListing(supplierA, name, lotId);

    const definitionV1 = pdf("Service definition, first edition");
    const terms = odt();
    const rates = docx();
    expect((await upload(productId, supplierA, "service-definition", "Service definition.pdf", definitionV1)).status).toBe(302);
    expect((await upload(productId, supplierA, "terms", "terms.odt", terms, "application/vnd.oasis.opendocument.text")).status).toBe(302);
    expect((await upload(productId, supplierA, "sfia-rate-card", "SFIA rates.docx", rates, "")).status).toBe(302);

    // Not yet published: only the supplier itself (and administrators) may read the draft's documents.
    const draft = await prisma.productVersion.findFirstOrThrow({ where: { productId, status: "draft" } });
    const draftDocs = await prisma.listingDocument.findMany({ where: { versionId: draft.id }, orderBy: { kind: "asc" } });
    expect(draftDocs.map((d) => [d.kind, d.contentType, d.fileName])).toEqual([
      ["service-definition", "application/pdf", "Service definition.pdf"],
      ["sfia-rate-card", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "SFIA rates.docx"],
      ["terms", "application/vnd.oasis.opendocument.text", "terms.odt"],
    ]);
    const definitionRow = draftDocs.find((d) => d.kind === "service-definition")!;
    expect((await download(definitionRow.id, supplierB)).status).toBe(404);
    expect((await download(definitionRow.id, buyerA)).status).toBe(404);
    expect((await download(definitionRow.id)).status).toBe(404);
    expect((await download(definitionRow.id, admin)).status).toBe(200);
    const own = await download(definitionRow.id, supplierA);
    expect(own.status).toBe(200);
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(definitionV1);

    // The reviewer sees the documents, and approves exactly them.
    const first = await submitAndApprove(productId, supplierA, admin);
    expect(first.review.values.documents).toEqual([
      expect.stringMatching(
        new RegExp(`^Service definition: Service definition\\.pdf \\(1 KB, SHA-256 ${sha(definitionV1).slice(0, 12)}\\)$`),
      ),
      expect.stringMatching(/^SFIA rate card: SFIA rates\.docx /),
      expect.stringMatching(/^Terms and conditions: terms\.odt /),
    ]);

    // Published: anyone reads it from the product page, with the headers a download needs.
    const product = await (await get("products.$id", `/products/${productId}`, { id: productId })).json();
    expect(product.details.definition).toMatchObject({ availability: "99.9", dataExportFormats: ["csv", "json"], hasApi: true });
    const publicDefinition = product.details.documents.find((d: { kind: string }) => d.kind === "service-definition");
    const served = await download(publicDefinition.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");
    expect(served.headers.get("Content-Disposition")).toBe('attachment; filename="Service definition.pdf"');
    // X-Content-Type-Options: nosniff comes from the server for every response (checked end to end in listing-documents.both.spec.ts).
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(definitionV1);

    // Buyers can filter on what the service definition says: export formats and availability.
    const { searchIndex } = await import("~/services/search.server");
    const { parseSearchParams } = await import("~/search/search-query.schema");
    const found = async (filters: Record<string, string>) => {
      const parsed = parseSearchParams(new URLSearchParams({ type: "products", q: name, ...filters }));
      if (!parsed.success) throw new Error("the search did not parse");
      return (await searchIndex("products", parsed.data)).hits.map((h) => h.id);
    };
    expect(await found({ dataExportFormats: "json", availability: "99.9" })).toEqual([productId]);
    expect(await found({ availability: "99.99" })).toEqual([]);
    expect(await found({ dataExportFormats: "xml" })).toEqual([]);

    // A buyer freezes a search that finds it, through the project routes.
    const created = await post("projects.new", "/projects/new", {}, buyerA, {
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
    const saved = await post("projects.$id.search", `/projects/${projectId}/search`, { id: projectId }, buyerA, {
      search: new URLSearchParams({ type: "products", q: name }).toString(),
    });
    expect(saved.status, saved.status === 302 ? "" : JSON.stringify(await saved.clone().json())).toBe(302);
    const savedSearch = await prisma.savedSearch.findFirstOrThrow({ where: { projectId } });
    const frozen = await post("projects.$id.freeze", `/projects/${projectId}/freeze`, { id: projectId }, buyerA, {
      savedSearchId: savedSearch.id,
    });
    expect(frozen.status, frozen.status === 302 ? "" : JSON.stringify(await frozen.clone().json())).toBe(302);
    const result = await prisma.frozenResult.findFirstOrThrow({ where: { frozenSearch: { projectId }, productId } });
    expect(result.productVersionId).toBe(first.versionId);

    // The supplier uploads a new service definition; it is approved.
    const definitionV2 = pdf("Service definition, second edition with the new crew app");
    expect((await upload(productId, supplierA, "service-definition", "Service definition 2027.pdf", definitionV2)).status).toBe(302);
    const second = await submitAndApprove(productId, supplierA, admin);
    expect(second.versionId).not.toBe(first.versionId);
    expect((await prisma.productVersion.findUniqueOrThrow({ where: { id: first.versionId } })).status).toBe("superseded");

    // The frozen result's version still serves the first edition, byte for byte.
    const { listVersionDocuments } = await import("~/models/listing-document.server");
    const frozenDocs = await listVersionDocuments(result.productVersionId!);
    const frozenDefinition = frozenDocs.find((d) => d.kind === "service-definition")!;
    const old = await download(frozenDefinition.id, buyerA);
    expect(old.status).toBe(200);
    expect(old.headers.get("Content-Disposition")).toBe('attachment; filename="Service definition.pdf"');
    expect(new Uint8Array(await old.arrayBuffer())).toEqual(definitionV1);

    // The product page serves the second edition; the unchanged terms share one stored file.
    const now = await (await get("products.$id", `/products/${productId}`, { id: productId })).json();
    const current = now.details.documents.find((d: { kind: string }) => d.kind === "service-definition");
    expect(new Uint8Array(await (await download(current.id)).arrayBuffer())).toEqual(definitionV2);
    const termsRows = await prisma.listingDocument.findMany({ where: { kind: "terms", version: { productId } } });
    expect(termsRows.length).toBe(2);
    expect(new Set(termsRows.map((t) => t.sha256))).toEqual(new Set([sha(terms)]));
    expect(fs.readdirSync(path.join(documentsDir, sha(terms).slice(0, 2)))).toContain(sha(terms));
  });
});

describe("bad uploads", () => {
  let productId = "";
  beforeAll(async () => {
    const created = await post("supplier.listings.new", "/supplier/listings/new", {}, supplierA, {});
    productId = created.headers.get("Location")!.split("/").pop()!;
  });

  const refusedWith = async (res: Response, message: RegExp) => {
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.file[0]).toMatch(message);
    const prisma = await db();
    expect(await prisma.listingDocument.count({ where: { version: { productId } } })).toBe(0);
  };

  it("refuses a .pdf that is really a Windows program", async () => {
    const exe = new Uint8Array(
      Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(200)]),
    );
    await refusedWith(
      await upload(productId, supplierA, "service-definition", "definition.pdf", exe),
      /^The selected file must be a PDF, an OpenDocument text file \(ODT\) or a Word document \(DOCX\): it is really a EXE file$/,
    );
  });

  it("refuses a .pdf that is really a web page", async () => {
    const html = new TextEncoder().encode("<!doctype html><html><body><script>alert(1)</script></body></html>");
    await refusedWith(
      await upload(productId, supplierA, "terms", "terms.pdf", html),
      /must be a PDF, an OpenDocument text file \(ODT\) or a Word document \(DOCX\): its content is not a document we can read/,
    );
  });

  it("refuses a picture, and a PDF named as a Word document", async () => {
    const png = new Uint8Array(
      Buffer.from(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1b5b1d70000000049454e44ae426082",
        "hex",
      ),
    );
    await refusedWith(await upload(productId, supplierA, "pricing", "prices.png", png, "image/png"), /it is really a PNG file/);
    await refusedWith(
      await upload(productId, supplierA, "pricing", "prices.docx", pdf("prices")),
      /^The selected file is called \.docx but it is really PDF: save it as \.pdf and upload it again$/,
    );
  });

  it("refuses a file over 10 MB and an empty one", async () => {
    const big = new Uint8Array(10_000_001);
    big.set(pdf("big"));
    await refusedWith(
      await upload(productId, supplierA, "service-definition", "big.pdf", big),
      /^The selected file must be smaller than 10 MB$/,
    );
    await refusedWith(
      await upload(productId, supplierA, "service-definition", "empty.pdf", new Uint8Array(0)),
      /^Select a PDF, ODT or DOCX file/,
    );
  });

  it("lets no other supplier upload to the listing", async () => {
    const res = await upload(productId, supplierB, "service-definition", "definition.pdf", pdf("not theirs"));
    expect(res.status).toBe(404);
  });
});
