// Backups that hold every acknowledged write: SQLite's VACUUM INTO (a consistent copy even
// while the app writes; a plain file copy during writes can miss committed pages) and
// pg_dump for PostgreSQL. Restore refuses to replace a database holding newer changes than the
// backup unless forced.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isPostgresUrl, sqliteFilePath } from "./migrate.server";

function pgBin(name: string): string {
  const dirs = fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  for (const d of dirs) {
    const bin = `/usr/lib/postgresql/${d}/bin/${name}`;
    if (fs.existsSync(bin)) return bin;
  }
  return name;
}

/** The newest change the database records (audit events are written with every change). */
async function newestChange(url: string): Promise<number> {
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('public."AuditEvent"') AS t`);
      if (!exists.rows[0].t) return 0;
      const r = await client.query<{ at: Date | string | null }>(`SELECT max("createdAt") AS at FROM "AuditEvent"`);
      return r.rows[0].at ? new Date(r.rows[0].at).getTime() : 0;
    } finally {
      await client.end();
    }
  }
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(url.startsWith("file:") ? sqliteFilePath(url) : url, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'AuditEvent'`).get();
    if (!table) return 0;
    const row = db.prepare(`SELECT max("createdAt") AS at FROM "AuditEvent"`).get() as { at: number | string | null };
    return row.at === null ? 0 : typeof row.at === "number" ? row.at : Date.parse(row.at);
  } finally {
    db.close();
  }
}

export async function backupDatabase(url: string, file: string): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (isPostgresUrl(url)) {
    execFileSync(pgBin("pg_dump"), ["--format=custom", "--no-owner", "--file", file, url], { stdio: ["ignore", "ignore", "inherit"] });
  } else {
    // VACUUM INTO copies one consistent snapshot in a single read transaction, so writers carry
    // on and nothing committed before it began is missed (the page-by-page backup API restarts
    // whenever another connection writes, and never finishes under steady writes).
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(sqliteFilePath(url), { fileMustExist: true, timeout: 30_000 });
    const temp = `${file}.partial`;
    try {
      fs.rmSync(temp, { force: true });
      db.prepare("VACUUM INTO ?").run(temp);
      fs.renameSync(temp, file);
    } finally {
      db.close();
    }
  }
  return { file, bytes: fs.statSync(file).size };
}

export async function restoreDatabase(url: string, file: string, { force = false } = {}): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}`);
  if (isPostgresUrl(url)) {
    if (!force) {
      const current = await newestChange(url).catch(() => 0);
      if (current > 0)
        throw new Error("The database already holds data. Restoring replaces it: run again with --force if that is what you want.");
    }
    execFileSync(pgBin("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", url, file], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    return;
  }
  const target = sqliteFilePath(url);
  if (fs.existsSync(target) && !force) {
    const [current, backup] = [await newestChange(url), await newestChange(`file:${path.resolve(file)}`)];
    if (current > backup) {
      throw new Error(
        `The database at ${target} has changes newer than the backup (${new Date(current).toISOString()} > ${new Date(backup).toISOString()}). Run again with --force to replace it.`,
      );
    }
  }
  // Restore beside the live file, then swap it in whole, so a failure never leaves half a file.
  const temp = `${target}.restoring`;
  const { default: Database } = await import("better-sqlite3");
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temp);
  } finally {
    source.close();
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(temp, target);
}
