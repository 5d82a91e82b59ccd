// Applies the generated SQL migrations (prisma/migrations for SQLite,
// prisma/postgresql/migrations for PostgreSQL) in order, once each.
// `prisma migrate deploy` works on SQLite through the WASM engine but not on
// PostgreSQL through adapter-pg without patches, so the app applies the same
// files itself (docs/decisions/0002-prisma-6-offline.md). It runs them the way
// Prisma's engine does and refuses edited or unknown migrations
// (docs/decisions/0008-safe-migrations.md).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const PG_LOCK_KEY = 72707901;
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "").split("?")[0];
  return path.resolve(file);
}

type Migration = { name: string; sql: string; checksum: string };
type AppliedRow = { name: string; checksum: string | null };

/** sha256 of the file's text; CRLF is folded to LF so a Windows checkout is not "edited". */
function migrationChecksum(sql: string): string {
  return crypto.createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

function readMigrations(root: string): Migration[] {
  // A missing folder would otherwise look like "no migrations" and every applied one like "unknown".
  if (!fs.existsSync(root)) throw new Error(`Migrations folder not found: ${root}. Run from the project root or pass projectRoot.`);
  return fs
    .readdirSync(root)
    .filter((d) => fs.existsSync(path.join(root, d, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(root, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    });
}

/**
 * Refuses to go on when the recorded history and the files disagree, before anything is applied.
 * Returns the migrations still to apply.
 */
function pendingMigrations(files: Migration[], applied: AppliedRow[], folder: string): Migration[] {
  const byName = new Map(files.map((m) => [m.name, m]));
  for (const row of applied) {
    const file = byName.get(row.name);
    if (!file) {
      throw new Error(
        `Unknown migration ${row.name}: the database records it as applied but ${folder} has no such folder, ` +
          `so this database is newer than the code. Deploy the code that contains ${row.name} (do not run older code against this database).`,
      );
    }
    if (row.checksum !== file.checksum) {
      throw new Error(
        `Migration ${row.name} was edited after it was applied (stored checksum ${row.checksum}, file now ${file.checksum}). ` +
          `Restore ${path.join(folder, row.name, "migration.sql")} to the applied text and put the change in a new migration.`,
      );
    }
  }
  const done = new Set(applied.map((r) => r.name));
  return files.filter((m) => !done.has(m.name));
}

async function migratePostgres(url: string, projectRoot: string): Promise<string[]> {
  const folder = path.join(projectRoot, "prisma/postgresql/migrations");
  const files = readMigrations(folder);
  const applied: string[] = [];
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One runner at a time per database (several app processes may start together).
    await client.query("SELECT pg_advisory_lock($1)", [PG_LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_cm_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), checksum TEXT NOT NULL)',
    );
    await upgradePostgresTable(client, files);
    const rows = (await client.query<AppliedRow>('SELECT name, checksum FROM "_cm_migrations" ORDER BY name')).rows;
    for (const m of pendingMigrations(files, rows, folder)) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO "_cm_migrations" (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PG_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}

/**
 * Databases made before checksums have `_cm_migrations` without the column. Their rows were
 * applied from these same files, so the current files' checksums are the applied ones.
 */
async function upgradePostgresTable(client: import("pg").Client, files: Migration[]): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query('ALTER TABLE "_cm_migrations" ADD COLUMN IF NOT EXISTS checksum TEXT');
    for (const m of files) {
      await client.query('UPDATE "_cm_migrations" SET checksum = $1 WHERE name = $2 AND checksum IS NULL', [m.checksum, m.name]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function migrateSqlite(url: string, projectRoot: string): Promise<string[]> {
  const folder = path.join(projectRoot, "prisma/migrations");
  const files = readMigrations(folder);
  const applied: string[] = [];
  const { default: Database } = await import("better-sqlite3");
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Wait for another process's write (the app and a seed, or two app processes) instead of failing at once.
  const db = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(
      'CREATE TABLE IF NOT EXISTS "_cm_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, checksum TEXT NOT NULL)',
    );
    const hasChecksumColumn = () =>
      (db.prepare('PRAGMA table_info("_cm_migrations")').all() as { name: string }[]).some((c) => c.name === "checksum");
    const hasNullChecksum = () => !!db.prepare('SELECT 1 FROM "_cm_migrations" WHERE checksum IS NULL LIMIT 1').get();
    if (!hasChecksumColumn() || hasNullChecksum()) {
      // See upgradePostgresTable: rows from before checksums were applied from these files.
      // Checked again under the write lock in case another process upgraded it first.
      db.transaction(() => {
        if (!hasChecksumColumn()) db.exec('ALTER TABLE "_cm_migrations" ADD COLUMN checksum TEXT');
        const fill = db.prepare('UPDATE "_cm_migrations" SET checksum = ? WHERE name = ? AND checksum IS NULL');
        for (const m of files) fill.run(m.checksum, m.name);
      }).immediate();
    }

    const readApplied = () => db.prepare('SELECT name, checksum FROM "_cm_migrations" ORDER BY name').all() as AppliedRow[];
    const pending = pendingMigrations(files, readApplied(), folder);
    if (!pending.length) return applied;

    // Inside a transaction `PRAGMA foreign_keys=OFF` is a no-op, so the DROP TABLE in Prisma's
    // table redefinition would cascade into child tables. Prisma's engine (and SQLite's
    // documented ALTER TABLE procedure) turns them off on the connection first, then checks
    // the result with foreign_key_check before commit.
    db.pragma("foreign_keys = OFF");
    try {
      for (const m of pending) {
        const ran = db
          .transaction(() => {
            // BEGIN IMMEDIATE plus this re-check: another process may have applied it meanwhile
            // (still refused if what it applied differs from our file).
            if (db.prepare('SELECT 1 FROM "_cm_migrations" WHERE name = ?').get(m.name)) {
              pendingMigrations(files, readApplied(), folder);
              return false;
            }
            try {
              db.exec(m.sql);
            } catch (error) {
              throw new Error(`Migration ${m.name} failed and was rolled back: ${(error as Error).message}`);
            }
            const violations = db.pragma("foreign_key_check") as { table: string; rowid: number | null; parent: string; fkid: number }[];
            if (violations.length) {
              const shown = violations
                .slice(0, 10)
                .map((v) => `"${v.table}" rowid ${v.rowid ?? "?"} → "${v.parent}"`)
                .join("; ");
              throw new Error(
                `Migration ${m.name} was rolled back: it leaves ${violations.length} foreign key violation(s): ${shown}` +
                  `${violations.length > 10 ? "; …" : ""}. Fix the migration so every reference still has its row.`,
              );
            }
            db.prepare('INSERT INTO "_cm_migrations" (name, checksum) VALUES (?, ?)').run(m.name, m.checksum);
            return true;
          })
          .immediate();
        if (ran) applied.push(m.name);
      }
    } finally {
      db.pragma("foreign_keys = ON");
    }
  } finally {
    db.close();
  }
  return applied;
}

export async function migrateDatabase(url: string, projectRoot = process.cwd()): Promise<string[]> {
  return isPostgresUrl(url) ? migratePostgres(url, projectRoot) : migrateSqlite(url, projectRoot);
}
