// Where test databases live; no vitest import, so global setup can use it too.
import path from "node:path";

export const TMP_ROOT = path.resolve("tests/.tmp");

/** This run's own folder (set by global setup), so parallel runs never share files. */
export function runDir(): string {
  return process.env.CM_TEST_RUN_DIR ?? TMP_ROOT;
}

export function testDatabaseKind(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

export function pgUrlFor(database: string): string {
  const base = process.env.DATABASE_URL_PG;
  if (!base) throw new Error("TEST_DATABASE=postgresql needs DATABASE_URL_PG (bash scripts/pg-throwaway.sh start)");
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The same database as the app's role would reach it (DATABASE_URL_PG_APP's user, as
 * scripts/pg-throwaway.sh sets up): data tests run as a role that cannot alter tables or
 * triggers, as the app does in production. Unchanged when no app role is configured.
 */
export function asAppRole(url: string): string {
  const app = process.env.DATABASE_URL_PG_APP;
  if (!app || !/^postgres(ql)?:/.test(url)) return url;
  const target = new URL(url);
  const role = new URL(app);
  target.username = role.username;
  target.password = role.password;
  return target.toString();
}

/** Runs `fn` with a connected pg client on `url`, and always closes it. */
export async function withPgClient<T>(url: string, fn: (client: import("pg").Client) => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
