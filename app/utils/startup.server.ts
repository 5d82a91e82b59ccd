import fs from "node:fs";
import { getEnv } from "./env.server";
import { isPostgresUrl, migrateDatabase, sqliteFilePath } from "./migrate.server";
import { log } from "./log.server";

let prepared: Promise<void> | undefined;

/**
 * Migrates the database before serving. The server never creates a SQLite database: a missing
 * file on an existing install means it was deleted or the path is wrong, and starting empty would
 * look like data loss (`npm run setup` creates one; `npm run db:restore` brings a backup back).
 */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    const url = getEnv().DATABASE_URL;
    if (!isPostgresUrl(url) && !fs.existsSync(sqliteFilePath(url))) {
      throw new Error(
        `The database file ${sqliteFilePath(url)} does not exist. Run "npm run setup" to create a new one, or "npm run db:restore -- FILE" to restore a backup.`,
      );
    }
    const migrationUrl = isPostgresUrl(url) ? (getEnv().DATABASE_MIGRATION_URL ?? url) : url;
    const applied = await migrateDatabase(migrationUrl).catch((error: unknown) => {
      if (migrationUrl === url && /permission denied/i.test(String((error as Error)?.message)))
        throw new Error(
          "DATABASE_URL's role may not migrate the database (least privilege): set DATABASE_MIGRATION_URL to the owner role's URL (docs/deploy/postgresql-roles.sql)",
        );
      throw error;
    });
    if (applied.length) log.info({ migrations: applied }, "applied migrations");
  })();
  return prepared;
}
