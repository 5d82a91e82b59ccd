// Where listing documents' bytes live. Content-addressed: a file is stored once under its
// SHA-256, so listing versions that keep an unchanged document share one copy, and a stored
// file never changes (a frozen buying record reads exactly the bytes it was frozen with).
//
// The default store is a directory on local disk (DOCUMENTS_DIR, by default next to the
// SQLite database under prisma/data/documents). The interface is all an S3-compatible store
// has to implement (put is idempotent by key; get returns the bytes or null); none is
// implemented yet — see docs/decisions for how one plugs in.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface DocumentStore {
  /** Stores the bytes under their SHA-256 (a no-op when that key is already stored) and returns the key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under a key, or null when there are none. */
  get(sha256: string): Promise<Uint8Array<ArrayBuffer> | null>;
}

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

const KEY = /^[0-9a-f]{64}$/;

/** Files under dir/ab/abcdef… (two-character fan-out keeps directories small). */
export function localDiskStore(dir: string): DocumentStore {
  const fileFor = (key: string) => {
    if (!KEY.test(key)) throw new Error("Not a document key");
    return path.join(dir, key.slice(0, 2), key);
  };
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
      try {
        return new Uint8Array(await fs.readFile(fileFor(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

/** The directory documents are kept in: DOCUMENTS_DIR, or prisma/data/documents beside the default database. */
export function documentsDir(): string {
  return path.resolve(process.env.DOCUMENTS_DIR || path.join("prisma", "data", "documents"));
}

let store: { dir: string; store: DocumentStore } | null = null;

/** The configured store (read per call so a test may point DOCUMENTS_DIR at its own directory). */
export function documentStore(): DocumentStore {
  const dir = documentsDir();
  if (!store || store.dir !== dir) store = { dir, store: localDiskStore(dir) };
  return store.store;
}
