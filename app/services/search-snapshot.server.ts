// The embedded index on disk (ADR 0014): the first worker to start builds the index from the
// database and writes it here; every other worker (and every restart the same day) restores it
// in about two seconds instead of rebuilding, then replays the outbox from the position the
// snapshot records. The search service decides whether a snapshot is still true
// (search.server.ts); this module only reads, writes and locks the file.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { INDEX_DEFINITIONS } from "~/search/index-config";
import { SYNONYM_GROUPS } from "~/search/synonyms";
import { processTerm, tokenize } from "~/search/text";
import { SNAPSHOT_FORMAT } from "~/search/embedded-engine.server";

export interface SnapshotHeader {
  /** Engine format, index settings, synonyms and text processing: any change makes old snapshots useless. */
  fingerprint: string;
  /** The outbox position the snapshot's contents reflect (OutboxCursor). */
  cursor: { txid: string | null; seq: number };
  /** The portal day it was written: framework status ("live") follows the date, not the outbox. */
  day: string;
  writtenAt: string;
  counts: Record<string, number>;
}

/** Where snapshots live, or null when they are off (SEARCH_SNAPSHOT_DIR=off; by default under NODE_ENV=test). */
export function snapshotDirectory(env: NodeJS.ProcessEnv = process.env): string | null {
  // Read here rather than in env.server.ts: only the search service uses it, and a test or the
  // benchmark can point it elsewhere for one state without re-validating the environment.
  const configured = env.SEARCH_SNAPSHOT_DIR;
  if (configured === "off") return null;
  if (configured) return path.resolve(configured);
  return env.NODE_ENV === "test" ? null : path.resolve(".cache/search");
}

/** One file per database, so a snapshot never crosses from one database to another. */
export function snapshotPath(directory: string, databaseUrl: string): string {
  const key = crypto.createHash("sha256").update(databaseUrl).digest("hex").slice(0, 16);
  return path.join(directory, `index-${key}.snapshot`);
}

export function snapshotFingerprint(): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify({ SNAPSHOT_FORMAT, INDEX_DEFINITIONS, SYNONYM_GROUPS, text: `${tokenize.toString()}${processTerm.toString()}` }))
    .digest("hex")
    .slice(0, 32);
}

/** Atomically: a reader sees the old file or the whole new one, never half. */
export function writeSnapshot(file: string, header: SnapshotHeader, body: Buffer) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const head = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length, 0);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, Buffer.concat([length, head, body]));
  fs.renameSync(temporary, file);
}

/** The header and body, or null if there is no snapshot or it cannot be read. */
export function readSnapshot(file: string): { header: SnapshotHeader; body: Buffer } | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  try {
    const length = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + length).toString()) as SnapshotHeader;
    return { header, body: bytes.subarray(4 + length) };
  } catch {
    return null;
  }
}

export function deleteSnapshot(file: string) {
  fs.rmSync(file, { force: true });
}

const LOCK_STALE_MS = 10 * 60_000;
const OWNER_FILE = "owner.json";

/** Whether the lock's holder is a process on this machine that no longer runs (killed mid-build). */
function lockHolderIsGone(lock: string): boolean {
  let owner: { pid?: unknown; host?: unknown };
  try {
    owner = JSON.parse(fs.readFileSync(path.join(lock, OWNER_FILE), "utf8")) as { pid?: unknown; host?: unknown };
  } catch {
    return false; // no owner yet (being written) or an older lock: the age rule decides
  }
  if (owner.host !== os.hostname() || typeof owner.pid !== "number") return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/**
 * Only one worker builds: the others wait for its snapshot. Returns a release function, or null
 * if another live process holds the lock. A lock is a crashed builder's, and taken over, when
 * its holder (pid and host written in the lock) no longer runs, or when it is ten minutes old.
 */
export function tryLock(file: string): (() => void) | null {
  const lock = `${file}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, OWNER_FILE), JSON.stringify({ pid: process.pid, host: os.hostname() }));
      return () => fs.rmSync(lock, { recursive: true, force: true });
    } catch {
      let age = 0;
      try {
        age = Date.now() - fs.statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile: try again
      }
      if (age < LOCK_STALE_MS && !lockHolderIsGone(lock)) return null;
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  return null;
}

/**
 * Waits while another worker builds; true once its lock is gone (its snapshot, if any, is then
 * on disk) or its holder has died (the caller then takes the lock over).
 */
export async function waitForLock(file: string, timeoutMs = LOCK_STALE_MS): Promise<boolean> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + timeoutMs;
  while (fs.existsSync(lock)) {
    if (lockHolderIsGone(lock)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return true;
}
