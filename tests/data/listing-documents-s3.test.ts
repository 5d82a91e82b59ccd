// Listing documents in an S3-compatible store (DOCUMENTS_S3_*, ADR 0017), through the real
// supplier, moderation and download routes: an upload lands in the bucket (not on disk) and is
// served back byte for byte as an attachment; while the store is down a download is a 503 and an
// upload is refused with a message saying nothing was changed, with no row, draft, lock change
// or audit event half-recorded; once the store is back both work again.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { cookieFor, DEMO } from "../support/session";
import { createCompleteListing, get, listableLotOn, pdf, submitAndApprove, upload } from "../support/listing-flow";
import { startS3Server, type TestS3Server } from "../support/s3-server";

useTestDatabase();

const PREFIX = "listing-documents/";
let server: TestS3Server;
const useServer = () => Object.assign(process.env, server.env(PREFIX));

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

const sha = async (bytes: Uint8Array) => (await import("~/services/document-store.server")).sha256Of(bytes);

async function download(documentId: string, cookie?: string) {
  return get("documents.$documentId", `/documents/${documentId}`, { documentId }, cookie);
}

let supplierA: string, admin: string;

beforeAll(async () => {
  delete process.env.DOCUMENTS_DIR;
  server = await startS3Server();
  useServer();
  [supplierA, admin] = await Promise.all([cookieFor(DEMO.supplierA), cookieFor(DEMO.admin)]);
});

afterAll(async () => {
  await server.stop();
  fs.rmSync(server.directory, { recursive: true, force: true });
});

describe("listing documents kept in an S3-compatible store", () => {
  let productId = "";
  let definition: Uint8Array;

  it("stores an upload in the bucket under its SHA-256 and serves the same bytes as an attachment, before and after approval", async () => {
    const lotId = await listableLotOn(DEMO.supplierA, "RM1557.15");
    productId = await createCompleteListing(supplierA, `Bucketed Bin Reporter ${Date.now()}`, lotId);
    definition = pdf("Service definition kept in S3");
    const key = await sha(definition);

    expect((await upload(productId, supplierA, "service-definition", "Service definition.pdf", definition)).status).toBe(302);
    expect(await server.listKeys(PREFIX)).toEqual([`${PREFIX}${key.slice(0, 2)}/${key}`]);
    // Not on disk: the default directory holds no copy.
    expect(fs.existsSync(path.resolve("prisma", "data", "documents", key.slice(0, 2), key))).toBe(false);

    const prisma = await db();
    const row = await prisma.listingDocument.findFirstOrThrow({ where: { version: { productId, status: "draft" } } });
    expect(row.sha256).toBe(key);
    const own = await download(row.id, supplierA);
    expect(own.status).toBe(200);
    expect(own.headers.get("Content-Type")).toBe("application/pdf");
    expect(own.headers.get("Content-Disposition")).toBe('attachment; filename="Service definition.pdf"');
    expect(Buffer.from(await own.arrayBuffer()).equals(Buffer.from(definition))).toBe(true);

    await submitAndApprove(productId, supplierA, admin);
    const product = await (await get("products.$id", `/products/${productId}`, { id: productId })).json();
    const published = product.details.documents.find((d: { kind: string }) => d.kind === "service-definition");
    const served = await download(published.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Disposition")).toBe('attachment; filename="Service definition.pdf"');
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(definition))).toBe(true);
  });

  it("answers a download 503 and refuses an upload with a clear message while the store is down, recording nothing; both work once it is back", async () => {
    expect(productId).not.toBe("");
    const prisma = await db();
    const published = await prisma.listingDocument.findFirstOrThrow({ where: { version: { productId, status: "published" } } });
    const recorded = async () => ({
      documents: await prisma.listingDocument.count({ where: { version: { productId } } }),
      versions: await prisma.productVersion.findMany({ where: { productId }, select: { id: true, status: true }, orderBy: { id: "asc" } }),
      lockVersion: (await prisma.product.findUniqueOrThrow({ where: { id: productId } })).lockVersion,
      audit: await prisma.auditEvent.count({ where: { entityId: productId, action: "product.document-uploaded" } }),
    });
    const before = await recorded();
    const pricing = pdf("Pricing document uploaded during the outage");

    await server.stop();
    try {
      const refusedDownload = await download(published.id);
      expect(refusedDownload.status).toBe(503);
      expect(refusedDownload.headers.get("Retry-After")).toBe("30");
      expect(await refusedDownload.text()).toBe("This document cannot be downloaded at the moment. Try again in a few minutes.");

      const refusedUpload = await upload(productId, supplierA, "pricing", "Pricing.pdf", pricing);
      expect(refusedUpload.status).toBe(503);
      expect(await refusedUpload.text()).toBe(
        "Documents cannot be stored at the moment, so the file was not uploaded and nothing was changed. Try again in a few minutes.",
      );
      // Nothing half-recorded: no document row, no draft made for it, the lock and the audit trail unchanged.
      expect(await recorded()).toEqual(before);

      // The rest of the listing still works: the documents page lists what the database holds.
      const page = await get("supplier.listings.$id.documents", `/supplier/listings/${productId}/documents`, { id: productId }, supplierA);
      expect(page.status).toBe(200);
      expect((await page.json()).documents.map((d: { fileName: string }) => d.fileName)).toEqual(["Service definition.pdf"]);
    } finally {
      await server.start();
    }

    // Back (on a new port, same objects): downloads and uploads work again.
    useServer();
    const again = await download(published.id);
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(definition))).toBe(true);
    expect((await upload(productId, supplierA, "pricing", "Pricing.pdf", pricing)).status).toBe(302);
    const pricingKey = await sha(pricing);
    expect(await server.listKeys(PREFIX)).toContain(`${PREFIX}${pricingKey.slice(0, 2)}/${pricingKey}`);
    expect((await recorded()).audit).toBe(before.audit + 1);
  });
});
