// An S3-compatible store for tests: s3rver, a real S3-protocol server keeping its objects on
// local disk, started in this process on a free loopback port with one bucket. Stopping it is
// how the tests make the store unreachable; starting it again on the same directory brings the
// same objects back (on a new port).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { S3Client, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import type { S3StoreSettings } from "~/services/s3-document-store.server";

// The SDK's once-a-process Node 20 notice (see app/services/s3-document-store.server.ts): the
// tests' own clients are made before the store's, so they need the same switch.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export type TestS3Server = {
  bucket: string;
  directory: string;
  endpoint: string;
  /** Settings for s3DocumentStore pointing at this server. */
  settings(prefix?: string): S3StoreSettings;
  /** The DOCUMENTS_S3_* environment that makes documentStore() use this server. */
  env(prefix?: string): Record<string, string>;
  /** A plain client, to look at (or tamper with) what the store wrote. */
  client(): S3Client;
  listKeys(prefix?: string): Promise<string[]>;
  putRaw(key: string, body: Uint8Array): Promise<void>;
  stop(): Promise<void>;
  /** Starts it again on the same directory: on a new port (read endpoint again), or on the same one for a server process that cannot be told. */
  start(options?: { samePort?: boolean }): Promise<void>;
  running: boolean;
};

export async function startS3Server(bucket = "cm-documents"): Promise<TestS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "cm-s3rver-"));
  let server: S3rver | null = null;
  let client: S3Client | null = null;
  const handle: TestS3Server = {
    bucket,
    directory,
    endpoint: "",
    running: false,
    settings: (prefix = "") => ({
      bucket,
      endpoint: handle.endpoint,
      region: "us-east-1",
      prefix,
      forcePathStyle: true,
      timeoutMs: 15_000,
      credentials: S3RVER_CREDENTIALS,
    }),
    env: (prefix = "") => ({
      DOCUMENTS_S3_BUCKET: bucket,
      DOCUMENTS_S3_ENDPOINT: handle.endpoint,
      DOCUMENTS_S3_REGION: "us-east-1",
      DOCUMENTS_S3_FORCE_PATH_STYLE: "true",
      DOCUMENTS_S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      DOCUMENTS_S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      ...(prefix ? { DOCUMENTS_S3_PREFIX: prefix } : {}),
    }),
    client: () =>
      (client ??= new S3Client({ region: "us-east-1", endpoint: handle.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS })),
    async listKeys(prefix = "") {
      const listed = await handle.client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
      return (listed.Contents ?? []).map((o) => o.Key!).sort();
    },
    async putRaw(key, body) {
      await handle.client().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    async start({ samePort = false } = {}) {
      const port = samePort && handle.endpoint ? Number(new URL(handle.endpoint).port) : 0;
      server = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
      const address = await server.run();
      handle.endpoint = `http://127.0.0.1:${address.port}`;
      client?.destroy();
      client = null;
      handle.running = true;
    },
    async stop() {
      client?.destroy();
      client = null;
      if (server && handle.running) await server.close();
      handle.running = false;
    },
  };
  await handle.start();
  return handle;
}
