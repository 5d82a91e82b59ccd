import { checkDatabase } from "~/models/health.server";
import { databaseKind } from "~/utils/db.server";

export async function loader() {
  const started = performance.now();
  const database = await checkDatabase();
  const body = {
    status: database ? "ok" : "error",
    database: { reachable: database, kind: databaseKind(), latencyMs: Math.round((performance.now() - started) * 10) / 10 },
  };
  return Response.json(body, { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
