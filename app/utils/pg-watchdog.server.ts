// A paused or half-dead PostgreSQL server accepts the TCP connection and then answers nothing:
// a query already sent on an open connection waits out the whole query timeout (20 s) while the
// person waits with it. The query timeout cannot simply be short, because a healthy server may
// be slow for a good reason (an export, an import, a loaded machine). So the pool is watched:
// when a connection has been busy longer than `stuckAfterMs`, a fresh connection asks the
// server "SELECT 1". A server that answers is slow, and nothing happens. A server that does not
// answer within `probeTimeoutMs` is unresponsive: the busy connections are ended (pg destroys the
// socket of a connection with a query in flight), so their queries fail at once and the request
// gets the 503 page within a few seconds; `onUnresponsive` lets the caller drop the whole pool,
// so the next request opens fresh connections that time out on connect until the server is back.
import pg from "pg";
import { log } from "./log.server";

export interface WatchdogOptions {
  stuckAfterMs: number;
  probeTimeoutMs: number;
  /** How often busy connections are looked at. */
  intervalMs?: number;
  onUnresponsive?: () => void;
}

/** True when a fresh connection to the server answers a trivial query within the timeout. */
export async function serverAnswers(config: pg.ClientConfig, timeoutMs: number): Promise<boolean> {
  const probe = new pg.Client({
    ...config,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: "council-marketplace-probe",
  });
  try {
    await probe.connect();
    await probe.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    // A probe stuck on a paused server has a query in flight or is mid-connect: end() destroys it.
    void probe.end().catch(() => {});
  }
}

export function watchedPool(config: pg.PoolConfig, options: WatchdogOptions): pg.Pool {
  const pool = new pg.Pool(config);
  // Monotonic time: this measures waiting, not the app's (possibly pinned) clock.
  const busySince = new Map<pg.PoolClient, number>();
  pool.on("acquire", (client) => busySince.set(client, performance.now()));
  pool.on("release", (_error, client) => busySince.delete(client));
  pool.on("remove", (client) => busySince.delete(client));

  let probing = false;
  let stopped = false;
  const check = async () => {
    if (probing || stopped || busySince.size === 0) return;
    const oldest = Math.min(...busySince.values());
    if (performance.now() - oldest < options.stuckAfterMs) return;
    probing = true;
    try {
      if (await serverAnswers(config, options.probeTimeoutMs)) return;
      const stuck = [...busySince.keys()];
      log.error(
        { database: "postgresql", stuckConnections: stuck.length, waitedMs: Math.round(performance.now() - oldest) },
        "PostgreSQL is not answering: ending the connections waiting on it (requests get a 503)",
      );
      for (const client of stuck) {
        busySince.delete(client);
        // A pool client is a pg.Client; end() (not release) so the adapter's later release is harmless.
        void (client as unknown as pg.Client).end().catch(() => {});
      }
      options.onUnresponsive?.();
    } finally {
      probing = false;
    }
  };
  const timer = setInterval(() => void check(), options.intervalMs ?? 500);
  timer.unref();

  const end = pool.end.bind(pool);
  pool.end = (() => {
    stopped = true;
    clearInterval(timer);
    return end();
  }) as typeof pool.end;
  return pool;
}
