import { getEnv } from "./env.server";
import { migrateDatabase } from "./migrate.server";

let prepared: Promise<void> | undefined;

/** Migrates the database on first start (SQLite file is created if missing). */
export function prepareDatabase(): Promise<void> {
  prepared ??= (async () => {
    const applied = await migrateDatabase(getEnv().DATABASE_URL);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  })();
  return prepared;
}
