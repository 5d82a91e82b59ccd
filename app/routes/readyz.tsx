// Readiness for a load balancer: green only once this worker's search index is built and the
// database answers. (Liveness and detail: /healthz.)
import { checkDatabase } from "~/models/health.server";
import { ensureSearchReady, searchHealth } from "~/services/search.server";

export async function loader() {
  // Wait briefly for a build in progress (it started at boot), never longer than a probe allows.
  await Promise.race([ensureSearchReady().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  const [search, database] = await Promise.all([searchHealth(), checkDatabase()]);
  const ready = search.ready && search.reachable && database.reachable;
  return new Response(ready ? "ready" : "not ready", {
    status: ready ? 200 : 503,
    headers: { "Cache-Control": "no-store", "Content-Type": "text/plain" },
  });
}
