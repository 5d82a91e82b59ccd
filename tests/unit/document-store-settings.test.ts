// Which document store the portal uses (DOCUMENTS_DIR, or DOCUMENTS_S3_* when a bucket is set),
// how those settings are checked at start-up, and how documentStore() answers a store fault:
// a 503 for the request (logged), for the S3 store and the directory store alike, while a
// malformed key stays an error of its own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startS3Server, type TestS3Server } from "../support/s3-server";

const original = { ...process.env };
const SETTINGS = [
  "DOCUMENTS_DIR",
  "DOCUMENTS_S3_BUCKET",
  "DOCUMENTS_S3_ENDPOINT",
  "DOCUMENTS_S3_REGION",
  "DOCUMENTS_S3_PREFIX",
  "DOCUMENTS_S3_FORCE_PATH_STYLE",
  "DOCUMENTS_S3_TIMEOUT_MS",
  "DOCUMENTS_S3_ACCESS_KEY_ID",
  "DOCUMENTS_S3_SECRET_ACCESS_KEY",
];

function use(env: Record<string, string>) {
  for (const name of SETTINGS) delete process.env[name];
  Object.assign(process.env, env);
}

afterEach(() => {
  process.env = { ...original };
  vi.resetModules();
});

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);

describe("document store settings at start-up", () => {
  const envError = async (env: Record<string, string>) => {
    use(env);
    const { getEnv } = await import("~/utils/env.server");
    try {
      getEnv();
    } catch (error) {
      return (error as Error).message;
    }
    return "no error";
  };

  it("refuses S3 settings without a bucket, naming the setting that is set", async () => {
    expect(await envError({ DOCUMENTS_S3_ENDPOINT: "http://127.0.0.1:9000" })).toMatch(
      /DOCUMENTS_S3_BUCKET: DOCUMENTS_S3_BUCKET must be set to keep documents in an S3-compatible store \(DOCUMENTS_S3_ENDPOINT is set\)/,
    );
  });

  it("refuses a directory and a bucket at once, half a pair of keys, a bad bucket name, endpoint or prefix", async () => {
    expect(await envError({ DOCUMENTS_DIR: "/srv/documents", DOCUMENTS_S3_BUCKET: "portal-documents" })).toMatch(
      /DOCUMENTS_DIR: Set DOCUMENTS_DIR or DOCUMENTS_S3_BUCKET, not both/,
    );
    expect(await envError({ DOCUMENTS_S3_BUCKET: "portal-documents", DOCUMENTS_S3_ACCESS_KEY_ID: "AKIAEXAMPLE" })).toMatch(
      /DOCUMENTS_S3_SECRET_ACCESS_KEY: Set both DOCUMENTS_S3_ACCESS_KEY_ID and DOCUMENTS_S3_SECRET_ACCESS_KEY, or neither/,
    );
    expect(await envError({ DOCUMENTS_S3_BUCKET: "Portal_Documents" })).toMatch(/DOCUMENTS_S3_BUCKET must be a bucket name/);
    expect(await envError({ DOCUMENTS_S3_BUCKET: "portal-documents", DOCUMENTS_S3_ENDPOINT: "ftp://store" })).toMatch(
      /DOCUMENTS_S3_ENDPOINT must start with https:\/\/ or http:\/\//,
    );
    expect(await envError({ DOCUMENTS_S3_BUCKET: "portal-documents", DOCUMENTS_S3_TIMEOUT_MS: "5s" })).toMatch(
      /DOCUMENTS_S3_TIMEOUT_MS must be a number of milliseconds/,
    );
    expect(await envError({ DOCUMENTS_S3_BUCKET: "portal-documents", DOCUMENTS_S3_PREFIX: "documents" })).toMatch(
      /DOCUMENTS_S3_PREFIX must be empty or folder names ending in \//,
    );
  });

  it("reads a full S3 configuration, with the region from AWS_REGION when its own is unset", async () => {
    use({
      DOCUMENTS_S3_BUCKET: "portal-documents",
      DOCUMENTS_S3_ENDPOINT: "http://127.0.0.1:9000",
      DOCUMENTS_S3_PREFIX: "listing-documents/",
      DOCUMENTS_S3_FORCE_PATH_STYLE: "true",
      DOCUMENTS_S3_TIMEOUT_MS: "2500",
      DOCUMENTS_S3_ACCESS_KEY_ID: "minio",
      DOCUMENTS_S3_SECRET_ACCESS_KEY: "minio-secret",
      AWS_REGION: "eu-west-2",
    });
    const { getEnv, documentStoreSettings } = await import("~/utils/env.server");
    expect(getEnv().DOCUMENTS_S3_BUCKET).toBe("portal-documents");
    expect(documentStoreSettings()).toEqual({
      kind: "s3",
      bucket: "portal-documents",
      endpoint: "http://127.0.0.1:9000",
      region: "eu-west-2",
      prefix: "listing-documents/",
      forcePathStyle: true,
      timeoutMs: 2_500,
      credentials: { accessKeyId: "minio", secretAccessKey: "minio-secret" },
    });
    use({});
    expect(documentStoreSettings()).toEqual({ kind: "disk", dir: null });
  });
});

describe("documentStore() chooses the configured store", () => {
  let server: TestS3Server;
  beforeAll(async () => {
    server = await startS3Server();
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(server.directory, { recursive: true, force: true });
  });

  it("keeps documents in DOCUMENTS_DIR when no bucket is set, and in the bucket when one is", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-store-choice-"));
    use({ DOCUMENTS_DIR: dir });
    const { documentStore, sha256Of } = await import("~/services/document-store.server");
    const onDisk = pdf("on disk");
    const diskKey = await documentStore().put(onDisk);
    expect(fs.existsSync(path.join(dir, diskKey.slice(0, 2), diskKey))).toBe(true);
    expect(await server.listKeys()).toEqual([]);

    use(server.env("portal/"));
    const inBucket = pdf("in the bucket");
    const key = await documentStore().put(inBucket);
    expect(key).toBe(sha256Of(inBucket));
    expect(await server.listKeys()).toEqual([`portal/${key.slice(0, 2)}/${key}`]);
    expect(fs.existsSync(path.join(dir, key.slice(0, 2)))).toBe(false);
    expect(Buffer.from((await documentStore().get(key))!).toString()).toBe(Buffer.from(inBucket).toString());
    // The directory's document is not in the bucket: the stores are separate.
    expect(await documentStore().get(diskKey)).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers an unreachable bucket with a 503 that says what happened, on upload and on download; a bad key is not an outage", async () => {
    use(server.env("outage/"));
    const { documentStore, DocumentKeyError } = await import("~/services/document-store.server");
    const key = await documentStore().put(pdf("before the outage"));
    await server.stop();
    try {
      const put = await documentStore()
        .put(pdf("during the outage"))
        .catch((e: unknown) => e);
      expect(put).toBeInstanceOf(Response);
      expect((put as Response).status).toBe(503);
      expect(await (put as Response).text()).toBe(
        "Documents cannot be stored at the moment, so the file was not uploaded and nothing was changed. Try again in a few minutes.",
      );
      const got = await documentStore()
        .get(key)
        .catch((e: unknown) => e);
      expect(got).toBeInstanceOf(Response);
      expect((got as Response).status).toBe(503);
      expect((got as Response).headers.get("Retry-After")).toBe("30");
      expect(await (got as Response).text()).toBe("This document cannot be downloaded at the moment. Try again in a few minutes.");
      await expect(documentStore().get("../etc/passwd")).rejects.toBeInstanceOf(DocumentKeyError);
    } finally {
      await server.start();
    }
    // Back (on a new port): the same store settings with the new endpoint read the same object.
    use(server.env("outage/"));
    expect(await documentStore().get(key)).not.toBeNull();
  });

  it("answers a directory it cannot read or write with the same 503, not a 500 or a missing document", async () => {
    const notADirectory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cm-store-fault-")), "a-file");
    fs.writeFileSync(notADirectory, "this is where the directory should be");
    use({ DOCUMENTS_DIR: notADirectory });
    const { documentStore } = await import("~/services/document-store.server");
    const put = await documentStore()
      .put(pdf("nowhere to go"))
      .catch((e: unknown) => e);
    expect(put).toBeInstanceOf(Response);
    expect((put as Response).status).toBe(503);
    const got = await documentStore()
      .get("a".repeat(64))
      .catch((e: unknown) => e);
    expect(got).toBeInstanceOf(Response);
    expect((got as Response).status).toBe(503);
  });
});
