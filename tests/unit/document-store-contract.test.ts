// The contract every document store meets (app/services/document-store.server.ts, ADR 0017),
// run with the same cases against the directory store, the S3 store against s3rver (a real
// S3-protocol server started here), and the S3 store against a real S3-compatible store
// whenever S3_TEST_URL is set, as the search contract runs against Meilisearch when MEILI_URL is:
//
//   S3_TEST_URL=http://ACCESS_KEY:SECRET@127.0.0.1:9000/bucket npx vitest run tests/unit/document-store-contract.test.ts
//
// (an existing bucket; ?region=eu-west-2 and ?pathStyle=false are optional; URL-encode the
// secret). The real store's objects go under a prefix of their own and are deleted afterwards.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DeleteObjectsCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { DocumentKeyError, localDiskStore, sha256Of, type DocumentStore } from "~/services/document-store.server";
import { s3DocumentStore, type S3StoreSettings } from "~/services/s3-document-store.server";
import { startS3Server, type TestS3Server } from "../support/s3-server";

type Subject = {
  store: DocumentStore;
  /** The keys the store holds, as the store's own layout names them (files or object keys). */
  located(): Promise<string[]>;
  /** Where a document key is expected to be kept. */
  expectedLocation(key: string): string;
  done(): Promise<void>;
};

const servers: TestS3Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    await server.stop();
    fs.rmSync(server.directory, { recursive: true, force: true });
  }
});

function walk(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

async function onDisk(): Promise<Subject> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-store-contract-"));
  return {
    store: localDiskStore(dir),
    located: async () => walk(dir).sort(),
    expectedLocation: (key) => `${key.slice(0, 2)}/${key}`,
    done: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function listKeys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}

function onS3(settings: S3StoreSettings, client: S3Client, cleanUp: () => Promise<void>): Subject {
  const store = s3DocumentStore(settings);
  return {
    store,
    located: () => listKeys(client, settings.bucket, settings.prefix),
    expectedLocation: (key) => `${settings.prefix}${key.slice(0, 2)}/${key}`,
    done: async () => {
      await store.close();
      await cleanUp();
    },
  };
}

async function onS3rver(): Promise<Subject> {
  const server = await startS3Server();
  servers.push(server);
  return onS3(server.settings("listing-documents/"), server.client(), async () => {});
}

/** S3_TEST_URL=http(s)://KEY:SECRET@host[:port]/bucket[?region=…&pathStyle=false] */
function realStoreSettings(url: URL, prefix: string): S3StoreSettings {
  const bucket = url.pathname.replace(/^\/+|\/+$/g, "");
  if (!bucket || bucket.includes("/")) throw new Error("S3_TEST_URL must name the bucket as its path: http://KEY:SECRET@host:9000/bucket");
  return {
    bucket,
    endpoint: url.origin,
    region: url.searchParams.get("region") ?? "us-east-1",
    prefix,
    forcePathStyle: url.searchParams.get("pathStyle") !== "false",
    timeoutMs: 15_000,
    credentials: url.username ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) } : null,
  };
}

async function onRealStore(): Promise<Subject> {
  const settings = realStoreSettings(new URL(process.env.S3_TEST_URL!), `cmtest-${process.pid}-${Date.now()}/`);
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint!,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  });
  return onS3(settings, client, async () => {
    const keys = await listKeys(client, settings.bucket, settings.prefix);
    if (keys.length)
      await client.send(new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
    client.destroy();
  });
}

const stores: [string, () => Promise<Subject>][] = [
  ["local disk", onDisk],
  ["S3 (s3rver)", onS3rver],
];
if (process.env.S3_TEST_URL) stores.push(["S3 (S3_TEST_URL)", onRealStore]);

/** Every byte value, then random bytes: nothing is lost to a text encoding on the way. */
function documentBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(crypto.randomBytes(size));
  for (let i = 0; i < Math.min(256, size); i++) bytes[i] = i;
  return bytes;
}

describe.each(stores)("document store contract: %s", (_name, make) => {
  let subject: Subject;
  beforeAll(async () => {
    subject = await make();
  });
  afterAll(async () => {
    await subject?.done();
  });

  it("puts bytes under their SHA-256 and gets the same bytes back, kept under ab/abcdef…", async () => {
    for (const size of [1, 300, 1_500_000]) {
      const bytes = documentBytes(size);
      const key = await subject.store.put(bytes);
      expect(key).toBe(sha256Of(bytes));
      const back = await subject.store.get(key);
      expect(back).toBeInstanceOf(Uint8Array);
      expect(back!.length).toBe(size);
      expect(Buffer.from(back!).equals(Buffer.from(bytes))).toBe(true);
      expect(await subject.located()).toContain(subject.expectedLocation(key));
    }
  });

  it("is idempotent: the same bytes put again, or twice at once, are one stored copy under one key", async () => {
    const bytes = documentBytes(4_000);
    const first = await subject.store.put(bytes);
    const again = await subject.store.put(new Uint8Array(bytes));
    const racing = await Promise.all([subject.store.put(bytes), subject.store.put(bytes), subject.store.put(bytes)]);
    expect(new Set([first, again, ...racing])).toEqual(new Set([sha256Of(bytes)]));
    expect((await subject.located()).filter((k) => k.endsWith(first))).toEqual([subject.expectedLocation(first)]);
    expect(Buffer.from((await subject.store.get(first))!).equals(Buffer.from(bytes))).toBe(true);
  });

  it("answers null for a well-formed key that was never stored", async () => {
    const never = sha256Of(crypto.randomBytes(32));
    expect(await subject.store.get(never)).toBeNull();
  });

  it("refuses a key that is not a lower-case hex SHA-256, without reading or writing anything", async () => {
    const before = await subject.located();
    const key = sha256Of(documentBytes(10));
    for (const bad of ["", "../../etc/passwd", `../${key.slice(3)}`, key.toUpperCase(), `${key}0`, key.slice(1), `${key.slice(0, 63)}/`]) {
      await expect(subject.store.get(bad), bad).rejects.toBeInstanceOf(DocumentKeyError);
    }
    expect(await subject.located()).toEqual(before);
  });
});

describe("the S3 store meets faults as faults, never as a missing document", () => {
  let server: TestS3Server;
  beforeAll(async () => {
    server = await startS3Server("cm-faults");
    servers.push(server);
  });

  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  const storeWith = (settings: Partial<S3StoreSettings>) => {
    const store = s3DocumentStore({ ...server.settings("docs/"), ...settings });
    opened.push(store);
    return store;
  };

  it("throws for a bucket that does not exist, on get and on put (a 404 for the bucket is not a missing key)", async () => {
    const store = storeWith({ bucket: "no-such-bucket" });
    await expect(store.get(sha256Of(documentBytes(5)))).rejects.toMatchObject({ name: "NoSuchBucket" });
    await expect(store.put(documentBytes(5))).rejects.toMatchObject({ name: "NoSuchBucket" });
  });

  it("throws for credentials the store refuses", async () => {
    // (s3rver refuses an unknown access key; it does not check this SDK's signatures, so a wrong secret alone would pass.)
    const store = storeWith({ credentials: { accessKeyId: "NOT-A-KEY", secretAccessKey: "S3RVER" } });
    await expect(store.get(sha256Of(documentBytes(6)))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
    await expect(store.put(documentBytes(6))).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });

  it("throws when the store does not answer at all", async () => {
    const store = storeWith({});
    const key = await store.put(documentBytes(7));
    expect(await store.get(key)).not.toBeNull();
    await server.stop();
    try {
      await expect(store.get(key)).rejects.toMatchObject({ code: "ECONNREFUSED" });
      await expect(store.put(documentBytes(8))).rejects.toMatchObject({ code: "ECONNREFUSED" });
    } finally {
      await server.start();
    }
  });

  it("gives up on a store that accepts the connection but never answers, with a timeout error", async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => {
      sockets.add(socket.on("error", () => {}));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const store = storeWith({ endpoint: `http://127.0.0.1:${port}`, timeoutMs: 300 });
      await expect(store.get(sha256Of(documentBytes(11)))).rejects.toMatchObject({ name: "TimeoutError" });
      await expect(store.put(documentBytes(11))).rejects.toMatchObject({ name: "TimeoutError" });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("refuses an object whose bytes do not hash to its key rather than serve it", async () => {
    const store = storeWith({});
    const key = sha256Of(documentBytes(9));
    await server.putRaw(store.objectKey(key), new TextEncoder().encode("not the document that was stored"));
    await expect(store.get(key)).rejects.toThrow(/does not hash to its key/);
  });
});
