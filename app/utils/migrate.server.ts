// Applies the generated SQL migrations (prisma/migrations for SQLite,
// prisma/postgresql/migrations for PostgreSQL) in order, once each.
// `prisma migrate deploy` works on SQLite through the WASM engine but not on
// PostgreSQL through adapter-pg without patches, so the app applies the same
// files itself (docs/decisions/0002-prisma-6-offline.md).
import fs from "node:fs";
import path from "node:path";

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export function sqliteFilePath(url: string): string {
  const file = url.replace(/^file:/, "").split("?")[0];
  return path.resolve(file);
}

function migrationDirs(root: string): { name: string; sql: string }[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((d) => fs.existsSync(path.join(root, d, "migration.sql")))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(root, name, "migration.sql"), "utf8") }));
}

export async function migrateDatabase(url: string, projectRoot = process.cwd()): Promise<string[]> {
  const applied: string[] = [];
  if (isPostgresUrl(url)) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock(72707901)");
      await client.query(
        'CREATE TABLE IF NOT EXISTS "_cm_migrations" (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const done = new Set((await client.query('SELECT name FROM "_cm_migrations"')).rows.map((r) => r.name as string));
      for (const m of migrationDirs(path.join(projectRoot, "prisma/postgresql/migrations"))) {
        if (done.has(m.name)) continue;
        await client.query("BEGIN");
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO "_cm_migrations" (name) VALUES ($1)', [m.name]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
        }
        applied.push(m.name);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(72707901)").catch(() => {});
      await client.end();
    }
    return applied;
  }

  const { default: Database } = await import("better-sqlite3");
  const file = sqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec('CREATE TABLE IF NOT EXISTS "_cm_migrations" (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)');
    const done = new Set(db.prepare('SELECT name FROM "_cm_migrations"').all().map((r) => (r as { name: string }).name));
    for (const m of migrationDirs(path.join(projectRoot, "prisma/migrations"))) {
      if (done.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare('INSERT INTO "_cm_migrations" (name) VALUES (?)').run(m.name);
      })();
      applied.push(m.name);
    }
  } finally {
    db.close();
  }
  return applied;
}
