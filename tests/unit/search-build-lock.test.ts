// The one-build-per-machine lock (ADR 0014): a builder killed mid-build left its lock behind and
// the next start waited silently for ten minutes. The lock now names its holder (pid and host),
// so a lock whose holder no longer runs is taken over at once; a live holder's is respected.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tryLock, waitForLock } from "~/services/search-snapshot.server";

const directory = fs.mkdtempSync(path.join(os.tmpdir(), "cm-build-lock-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

/** A pid that has just exited (nothing runs under it now). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.exit(0)"]);
  return child.pid!;
}

function writeLock(file: string, owner: { pid: number; host: string }) {
  fs.mkdirSync(`${file}.lock`, { recursive: true });
  fs.writeFileSync(path.join(`${file}.lock`, "owner.json"), JSON.stringify(owner));
}

describe("search build lock", () => {
  it("names its holder and is released", () => {
    const file = path.join(directory, "a.snapshot");
    const release = tryLock(file)!;
    expect(release).toBeTypeOf("function");
    const owner = JSON.parse(fs.readFileSync(path.join(`${file}.lock`, "owner.json"), "utf8")) as { pid: number; host: string };
    expect(owner).toEqual({ pid: process.pid, host: os.hostname() });
    expect(tryLock(file)).toBeNull(); // held by a live process (this one)
    release();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it("takes over at once a fresh lock whose holder on this machine no longer runs", async () => {
    const file = path.join(directory, "b.snapshot");
    writeLock(file, { pid: deadPid(), host: os.hostname() });
    expect(await waitForLock(file, 60_000)).toBe(true);
    const release = tryLock(file);
    expect(release).toBeTypeOf("function");
    release!();
  });

  it("waits for a live holder, and for a holder on another machine, until the lock is old", async () => {
    const sleeper = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      const live = path.join(directory, "c.snapshot");
      writeLock(live, { pid: sleeper.pid!, host: os.hostname() });
      expect(tryLock(live)).toBeNull();
      expect(await waitForLock(live, 300)).toBe(false);
      const elsewhere = path.join(directory, "d.snapshot");
      writeLock(elsewhere, { pid: deadPid(), host: `${os.hostname()}-other` });
      expect(tryLock(elsewhere)).toBeNull();
    } finally {
      sleeper.kill();
    }
  });
});
