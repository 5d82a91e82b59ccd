// Where listing documents' bytes live. Content-addressed: a file is stored once under its
// SHA-256, so listing versions that keep an unchanged document share one copy, and a stored
// file never changes (a frozen buying record reads exactly the bytes it was frozen with).
//
// Two stores meet the same contract (tests/unit/document-store-contract.test.ts): a directory
// on local disk (DOCUMENTS_DIR, by default next to the SQLite database under
// prisma/data/documents), and an S3-compatible bucket when DOCUMENTS_S3_BUCKET is set
// (./s3-document-store.server.ts). Both keep a file under ab/abcdef… (the key's first two
// characters, then the key). ADR 0017.
//
// documentStore() answers a store fault (disk unreadable, bucket unreachable, credentials
// refused) as a 503 for the request that met it, logged with its cause, like a database
// fault: never a 500, and never "not found" for a file that may well be there.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { documentStoreSettings, type DocumentStoreSettings } from "~/utils/env.server";
import { serviceUnavailable } from "~/utils/http.server";
import { log } from "~/utils/log.server";

export interface DocumentStore {
  /** Stores the bytes under their SHA-256 (a no-op when that key is already stored) and returns the key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under a key, or null when there are none. Throws on a malformed key and on a store fault. */
  get(sha256: string): Promise<Uint8Array<ArrayBuffer> | null>;
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

const KEY = /^[0-9a-f]{64}$/;

/** A key that is not a lower-case hex SHA-256: refused before any store is asked (no path or object name is built from it). */
export class DocumentKeyError extends Error {
  constructor() {
    super("Not a document key");
    this.name = "DocumentKeyError";
  }
}

/** Where a key lives inside a store: ab/abcdef… (two-character fan-out keeps directories and listings small). */
export function documentKeyPath(key: string): string {
  if (!KEY.test(key)) throw new DocumentKeyError();
  return `${key.slice(0, 2)}/${key}`;
}

/** Files under dir/ab/abcdef…. */
export function localDiskStore(dir: string): DocumentStore {
  const fileFor = (key: string) => path.join(dir, ...documentKeyPath(key).split("/"));
  return {
    async put(bytes) {
      const key = sha256Of(bytes);
      const file = fileFor(key);
      try {
        await fs.access(file);
        return key;
      } catch {
        // not stored yet
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written aside then renamed, so a reader never sees half a file and two writers of the same key agree.
      const temp = `${file}.${process.pid}.${crypto.randomBytes(6).toString("hex")}.tmp`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, file);
      return key;
    },
    async get(key) {
      const file = fileFor(key);
      try {
        return new Uint8Array(await fs.readFile(file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

/** The directory documents are kept in: DOCUMENTS_DIR, or prisma/data/documents beside the default database. */
export function documentsDir(): string {
  const settings = documentStoreSettings();
  return path.resolve((settings.kind === "disk" && settings.dir) || path.join("prisma", "data", "documents"));
}

/**
 * An S3-compatible store, loaded on first use: the AWS SDK (about 20 MB and 0.1 s a worker)
 * is only imported by a portal configured to use it.
 */
function lazyS3Store(settings: Extract<DocumentStoreSettings, { kind: "s3" }>): DocumentStore & { close(): Promise<void> } {
  let loaded: Promise<import("./s3-document-store.server").S3DocumentStore> | null = null;
  const store = () => (loaded ??= import("./s3-document-store.server").then((m) => m.s3DocumentStore(settings)));
  return {
    put: async (bytes) => (await store()).put(bytes),
    get: async (key) => {
      documentKeyPath(key); // a malformed key is refused before the SDK is even loaded
      return (await store()).get(key);
    },
    close: async () => {
      if (loaded) await (await loaded).close();
    },
  };
}

const WHAT = {
  put: "Documents cannot be stored at the moment, so the file was not uploaded and nothing was changed. Try again in a few minutes.",
  get: "This document cannot be downloaded at the moment. Try again in a few minutes.",
};

/** A store whose faults are a logged 503 for the request (a malformed key stays an error: it is a bug, not an outage). */
function answering(store: DocumentStore, kind: DocumentStoreSettings["kind"]): DocumentStore {
  const unavailable = (operation: "put" | "get", error: unknown, key?: string) => {
    if (error instanceof DocumentKeyError || error instanceof Response) return error;
    log.error({ err: error, store: kind, operation, ...(key ? { sha256: key } : {}) }, "document store unavailable");
    return serviceUnavailable(WHAT[operation], "Document store unavailable");
  };
  return {
    async put(bytes) {
      try {
        return await store.put(bytes);
      } catch (error) {
        throw unavailable("put", error);
      }
    },
    async get(key) {
      try {
        return await store.get(key);
      } catch (error) {
        throw unavailable("get", error, key);
      }
    },
  };
}

let current: { settings: string; store: DocumentStore; close?: () => Promise<void> } | null = null;

/**
 * The configured store: the S3-compatible bucket when DOCUMENTS_S3_BUCKET is set, otherwise
 * the directory. Settings are read per call (a test may point them elsewhere); the store, and
 * the S3 client with its connections, are kept while they stay the same.
 */
export function documentStore(): DocumentStore {
  const settings = documentStoreSettings();
  const signature = JSON.stringify(settings);
  if (!current || current.settings !== signature) {
    // The replaced store's connections are closed (a test that moves the bucket leaves none open).
    void current?.close?.().catch(() => {});
    if (settings.kind === "s3") {
      const s3 = lazyS3Store(settings);
      current = { settings: signature, store: answering(s3, "s3"), close: s3.close };
    } else {
      current = { settings: signature, store: answering(localDiskStore(documentsDir()), "disk") };
    }
  }
  return current.store;
}
