// Health that tells the truth: database read and write, the search engine and how far behind
// its index is, the job scheduler. 503, naming what fails, when any of them does.
import { schedulerHealth } from "~/jobs/scheduler.server";
import { checkDatabase, outboxLagSeconds } from "~/models/health.server";
import { searchHealth } from "~/services/search.server";
import { databaseKind } from "~/utils/db.server";

/** Search changes not applied after this long mean the follower is stuck. */
const MAX_SEARCH_LAG_SECONDS = 120;

export async function loader() {
  const started = performance.now();
  const database = await checkDatabase();
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  const search = await searchHealth();
  const lag = database.reachable ? await outboxLagSeconds().catch(() => null) : null;
  const scheduler = schedulerHealth();
  const failing = [
    ...(database.reachable && database.writable ? [] : ["database"]),
    ...(search.reachable && (lag === null || lag <= MAX_SEARCH_LAG_SECONDS) ? [] : ["search"]),
    ...(scheduler.healthy ? [] : ["scheduler"]),
  ];
  const body = {
    status: failing.length ? "error" : "ok",
    failing,
    database: { ...database, kind: databaseKind(), latencyMs },
    search: { ...search, outboxLagSeconds: lag },
    scheduler,
  };
  return Response.json(body, { status: failing.length ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}
