// Listing documents in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, ...), behind the same
// DocumentStore contract as the directory store (tests/unit/document-store-contract.test.ts).
// Chosen by DOCUMENTS_S3_BUCKET (app/utils/env.server.ts); ADR 0017.
//
// - Keys are PREFIX + ab/abcdef…, as the directory store's files.
// - put asks HEAD first and uploads only a key not yet stored; the same key always has the same
//   bytes, so two writers racing on one key write the same object. The upload carries the
//   SHA-256, so a store that checks it (AWS S3, MinIO) refuses bytes damaged on the way.
// - get answers null only for NoSuchKey; a missing bucket, refused credentials, a timeout or a
//   refused connection are thrown (documentStore() makes them a 503), and bytes that do not hash
//   to their key are refused rather than served.
import type { S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { DocumentStoreSettings } from "~/utils/env.server";
import { documentKeyPath, sha256Of, type DocumentStore } from "./document-store.server";

export type S3StoreSettings = Omit<Extract<DocumentStoreSettings, { kind: "s3" }>, "kind">;

/** Connecting may take at most this much of DOCUMENTS_S3_TIMEOUT_MS. */
const CONNECT_TIMEOUT_MS = 3_000;
/** One retry, after the SDK's back-off: a store that stops answering is a 503 after about twice the timeout, not a hung request. */
const MAX_ATTEMPTS = 2;

type Sdk = typeof import("@aws-sdk/client-s3");

/**
 * The SDK warns once per process, at the first client, that its releases after January 2027
 * need Node 22 (aws/aws-sdk-js-v3 issue 7983). The portal runs on Node 20 with a pinned SDK
 * (package-lock.json), so the notice would only repeat in every worker's and test's output;
 * the SDK's own switch turns off that one warning, unless the operator has set it either way.
 * Upgrading the SDK past January 2027 needs Node 22 (ADR 0017).
 */
function quietNodeVersionNotice() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}

let sdk: Promise<Sdk> | null = null;
const loadSdk = () => (sdk ??= import("@aws-sdk/client-s3"));

export type S3DocumentStore = DocumentStore & {
  /** The object key a document key is kept under. */
  objectKey(key: string): string;
  /** Closes the client's connections. */
  close(): Promise<void>;
};

export function s3DocumentStore(settings: S3StoreSettings): S3DocumentStore {
  let client: Promise<{ sdk: Sdk; s3: S3Client }> | null = null;
  const connect = () =>
    (client ??= loadSdk().then((loaded) => {
      quietNodeVersionNotice();
      const s3 = new loaded.S3Client({
        region: settings.region,
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        forcePathStyle: settings.forcePathStyle,
        ...(settings.credentials ? { credentials: settings.credentials } : {}),
        maxAttempts: MAX_ATTEMPTS,
        requestHandler: {
          connectionTimeout: Math.min(CONNECT_TIMEOUT_MS, settings.timeoutMs),
          requestTimeout: settings.timeoutMs,
          throwOnRequestTimeout: true,
        },
      });
      return { sdk: loaded, s3 };
    }));
  const objectKey = (key: string) => `${settings.prefix}${documentKeyPath(key)}`;

  return {
    objectKey,
    async put(bytes) {
      const key = sha256Of(bytes);
      const Key = objectKey(key);
      const { sdk, s3 } = await connect();
      if (await isStored(sdk, s3, settings.bucket, Key)) return key;
      await s3.send(
        new sdk.PutObjectCommand({
          Bucket: settings.bucket,
          Key,
          Body: bytes,
          ContentLength: bytes.length,
          // The type is the listing document row's to say; the object is just the bytes.
          ContentType: "application/octet-stream",
          ChecksumSHA256: Buffer.from(key, "hex").toString("base64"),
        }),
      );
      return key;
    },
    async get(key) {
      const Key = objectKey(key);
      const { sdk, s3 } = await connect();
      let body: Uint8Array;
      try {
        const object = await s3.send(new sdk.GetObjectCommand({ Bucket: settings.bucket, Key }));
        if (!object.Body) throw new Error(`The document store answered ${Key} with no body`);
        body = await object.Body.transformToByteArray();
      } catch (error) {
        if (isNoSuchKey(error)) return null;
        throw error;
      }
      if (sha256Of(body) !== key) throw new Error(`The document store's object ${Key} does not hash to its key: refused`);
      return new Uint8Array(body);
    },
    async close() {
      if (client) (await client).s3.destroy();
      client = null;
    },
  };
}

async function isStored(sdk: Sdk, s3: S3Client, Bucket: string, Key: string): Promise<boolean> {
  try {
    await s3.send(new sdk.HeadObjectCommand({ Bucket, Key }));
    return true;
  } catch (error) {
    // The HEAD only saves an upload, so any "no" sends the PUT, which says what is really wrong:
    // a HEAD answer has no body, so a missing bucket looks like a missing key (the PUT then fails
    // with NoSuchBucket), and AWS answers 403 for a missing object to a caller without
    // s3:ListBucket (a PUT allowed by s3:PutObject then stores it).
    const code = status(error);
    if (code === 404 || code === 403) return false;
    throw error;
  }
}

function status(error: unknown): number | undefined {
  return (error as Partial<S3ServiceException> | null)?.$metadata?.httpStatusCode;
}

/** A missing object, as opposed to a missing bucket (also a 404) or any other fault. */
function isNoSuchKey(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === "NoSuchKey" || (status(error) === 404 && name !== "NoSuchBucket");
}
