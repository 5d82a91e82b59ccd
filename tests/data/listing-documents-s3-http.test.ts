// The S3-compatible document store in the real production server (node server.js, built app
// in build/, DOCUMENTS_S3_* pointing at s3rver): a signed-in supplier's multipart upload lands in
// the bucket and downloads as an attachment; with the store stopped the download is a 503 and
// the upload a 503 page saying nothing was changed, logged as one line each, with nothing
// recorded; once the store is back the file downloads again. The server's output carries no
// AWS SDK Node-version notice.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startServer, type ServerProcess } from "../support/server-process";
import { useTestDatabase } from "../support/test-db";
import { cookieFor, DEMO } from "../support/session";
import { createCompleteListing, listableLotOn, pdf } from "../support/listing-flow";
import { startS3Server, type TestS3Server } from "../support/s3-server";

const db = useTestDatabase();
const PREFIX = "http-test/";

let store: TestS3Server;
let server: ServerProcess;
let productId = "";

beforeAll(async () => {
  store = await startS3Server();
  const supplierA = await cookieFor(DEMO.supplierA);
  const lotId = await listableLotOn(DEMO.supplierA, "RM1557.15");
  productId = await createCompleteListing(supplierA, `Served From A Bucket ${Date.now()}`, lotId);
  // The server must not inherit the switch this process's own S3 clients use (tests/support/s3-server.ts):
  // whether its output stays free of the SDK's notice is the server's own doing.
  const inherited = process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  try {
    server = await startServer(db, store.env(PREFIX));
  } finally {
    if (inherited !== undefined) process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = inherited;
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await store?.stop();
  if (store) fs.rmSync(store.directory, { recursive: true, force: true });
});

async function prisma() {
  return (await import("~/utils/db.server")).prisma;
}

async function uploadOverHttp(browser: Browser, kind: string, fileName: string, bytes: Uint8Array) {
  const page = `/supplier/listings/${productId}/documents`;
  const token = await browser.token(page);
  const { lockVersion } = await (await prisma()).product.findUniqueOrThrow({ where: { id: productId } });
  const form = new FormData();
  form.set("_csrf", token);
  form.set("intent", "upload");
  form.set("lockVersion", String(lockVersion));
  form.set("kind", kind);
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type: "application/pdf" }));
  return browser.post(page, form);
}

describe("listing documents in an S3-compatible store, through node server.js", () => {
  it("uploads into the bucket, downloads as an attachment, and answers an outage with 503s that record nothing", async () => {
    const supplier = new Browser(() => server.base, "203.0.113.71");
    await supplier.signIn(DEMO.supplierA);
    const definition = pdf("Service definition served by the production server from S3");

    const uploaded = await uploadOverHttp(supplier, "service-definition", "Service definition.pdf", definition);
    expect(uploaded.status, await uploaded.clone().text()).toBe(302);
    const db = await prisma();
    const row = await db.listingDocument.findFirstOrThrow({ where: { version: { productId, status: "draft" } } });
    expect(await store.listKeys(PREFIX)).toEqual([`${PREFIX}${row.sha256.slice(0, 2)}/${row.sha256}`]);

    const served = await supplier.get(`/documents/${row.id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");
    expect(served.headers.get("Content-Disposition")).toBe('attachment; filename="Service definition.pdf"');
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(definition))).toBe(true);

    const recorded = async () => ({
      documents: await db.listingDocument.count({ where: { version: { productId } } }),
      lockVersion: (await db.product.findUniqueOrThrow({ where: { id: productId } })).lockVersion,
      audit: await db.auditEvent.count({ where: { entityId: productId, action: "product.document-uploaded" } }),
    });
    const before = await recorded();
    await store.stop();
    try {
      const down = await supplier.get(`/documents/${row.id}`);
      expect(down.status).toBe(503);
      expect(await down.text()).toBe("This document cannot be downloaded at the moment. Try again in a few minutes.");

      const refused = await uploadOverHttp(supplier, "pricing", "Pricing.pdf", pdf("Pricing during the outage"));
      expect(refused.status).toBe(503);
      const page = await refused.text();
      expect(page).toContain("Sorry, the service is unavailable");
      expect(page).toContain("Documents cannot be stored at the moment, so the file was not uploaded and nothing was changed.");
      expect(await recorded()).toEqual(before);
    } finally {
      await store.start({ samePort: true });
    }
    const back = await supplier.get(`/documents/${row.id}`);
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(Buffer.from(definition))).toBe(true);

    const faults = server.logs.filter((l) => l.msg === "document store unavailable");
    expect(faults.map((l) => [l.level, l.store, l.operation])).toEqual([
      ["error", "s3", "get"],
      ["error", "s3", "put"],
    ]);
    expect(server.stderr()).not.toMatch(/NodeVersionSupportWarning|AWS SDK/);
    expect(server.stdout()).not.toMatch(/NodeVersionSupportWarning/);
  });
});
