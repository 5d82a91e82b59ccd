// The search service (the one module that owns search state, rebuilds, the outbox follower and
// post-commit sync; app/search/ below it is a leaf that imports nothing from models — ADR 0012):
// one engine per process (Meilisearch when MEILI_URL is set, else the
// embedded engine), kept true by the outbox written in the same transaction as each change.
import { getEnv } from "~/utils/env.server";
import { now } from "~/utils/clock.server";
import { caseStudyDocuments, productDocuments, supplierDocuments } from "~/models/search-documents.server";
import {
  ENTITY_INDEX,
  markOutboxCoveredBy,
  markOutboxProcessed,
  outboxAfter,
  outboxPosition,
  pendingOutbox,
  recordOutboxFailure,
  type OutboxCursor,
  type OutboxEntity,
  type OutboxRow,
} from "~/models/search-outbox.server";
import { claimJob, ensureScheduledJob, finishJob, renewClaim, type Claim } from "~/models/scheduled-job.server";
import { listPickerProducts, type PickerProduct } from "~/models/case-study.server";
import crypto from "node:crypto";
import { EmbeddedEngine } from "~/search/embedded-engine.server";
import { MeilisearchEngine } from "~/search/meilisearch-engine.server";
import { PostgresEngine } from "~/search/postgres-engine.server";
import { serveEngine, SocketEngine } from "~/search/socket-engine.server";
import { budgetQuery, engineRequest, type SearchParams } from "~/search/search-query.schema";
import {
  readSnapshot,
  snapshotDirectory,
  snapshotFingerprint,
  snapshotPath,
  tryLock,
  waitForLock,
  writeSnapshot,
  type SnapshotHeader,
} from "./search-snapshot.server";
import { INDEX_NAMES, type IndexName, type SearchDocument, type SearchEngine, type SearchResponse } from "~/search/types";
import { log } from "~/utils/log.server";
import { serviceUnavailable } from "~/utils/http.server";
import { onCommitted } from "~/utils/after-commit.server";

const LOADERS: Record<IndexName, (ids: string[] | null) => Promise<SearchDocument[]>> = {
  products: productDocuments,
  suppliers: supplierDocuments,
  "case-studies": caseStudyDocuments,
};

/** Only one process at a time writes outbox changes into a shared (Meilisearch) index. */
export const SHARED_INDEX_LEASE = "search:shared-index-writer";
const LEASE_MS = 60_000;

export interface SearchState {
  engine: SearchEngine;
  /** Who this follower is, for the shared-index lease. */
  holder: string;
  /** Outbox position this process's embedded index reflects. */
  cursor: OutboxCursor | null;
  ready?: Promise<void>;
  /** How this process's embedded index came to be: restored from the snapshot on disk, or built from the database. */
  source?: "snapshot" | "rebuild";
  /** Overrides the snapshot directory for this state (tests, the benchmark); null turns snapshots off. */
  snapshotDir?: string | null;
  syncing?: Promise<number>;
  timer?: NodeJS.Timeout;
}

declare global {
  var __cmSearch: SearchState | undefined;
}

export function createEngine(): SearchEngine {
  // A worker of a multi-worker server: the machine's one index is in the search process
  // (server.js starts it and tells each worker where its socket is; ADR 0014).
  const socketPath = process.env.CM_SEARCH_SOCKET;
  if (socketPath) return new SocketEngine({ socketPath, timeoutMs: Number(process.env.SEARCH_SOCKET_TIMEOUT_MS ?? 5_000) });
  const env = getEnv();
  if (env.MEILI_URL) return new MeilisearchEngine({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY });
  // SEARCH_ENGINE=postgres: the index lives in the PostgreSQL database every app server shares
  // (ADR 0014). Read here, like SEARCH_SNAPSHOT_DIR: only the search service uses it.
  const chosen = process.env.SEARCH_ENGINE;
  if (chosen === "postgres") {
    if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL))
      throw new Error("SEARCH_ENGINE=postgres needs DATABASE_URL to be a PostgreSQL database");
    return new PostgresEngine({ connectionString: env.DATABASE_URL });
  }
  if (chosen && chosen !== "embedded")
    throw new Error(`SEARCH_ENGINE must be embedded or postgres (Meilisearch: set MEILI_URL), not ${chosen}`);
  return new EmbeddedEngine();
}

/** A follower of the outbox for one engine (a process has one; tests make several). */
export function createSearchState(engine: SearchEngine = createEngine()): SearchState {
  return { engine, holder: `${process.pid}:${crypto.randomUUID()}`, cursor: null };
}

function state(): SearchState {
  globalThis.__cmSearch ??= createSearchState();
  return globalThis.__cmSearch;
}

/** Replaces the search state (tests: a fresh process, or a given engine). */
export function resetSearchState(engine: SearchEngine = createEngine()) {
  if (globalThis.__cmSearch?.timer) clearInterval(globalThis.__cmSearch.timer);
  globalThis.__cmSearch = createSearchState(engine);
}

export function searchEngine(): SearchEngine {
  return state().engine;
}

/**
 * Start-up: with MEILI_URL set, Meilisearch must answer, or the process stops with one clear
 * line — unless SEARCH_FALLBACK=embedded, which serves from the embedded engine with a warning.
 */
export async function prepareSearchEngine(fallback = getEnv().SEARCH_FALLBACK): Promise<void> {
  const s = state();
  if (!(s.engine instanceof MeilisearchEngine)) return;
  try {
    await s.engine.checkReachable();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (fallback === "embedded") {
      log.warn({ reason }, "Meilisearch unreachable at start-up; using the embedded search engine (SEARCH_FALLBACK=embedded)");
      resetSearchState(new EmbeddedEngine());
      return;
    }
    throw new Error(
      `Meilisearch (MEILI_URL) is not reachable: ${reason}. Start it, fix MEILI_URL, or set SEARCH_FALLBACK=embedded to serve from the embedded engine.`,
    );
  }
}

/** While the engine is down, a search is a clear 503 page; the rest of the portal keeps working. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Response) throw error;
    log.error({ err: error, engine: state().engine.kind }, "search engine unavailable");
    throw serviceUnavailable(
      "Search is unavailable at the moment. Try again in a few minutes; everything else on the portal is working.",
      "Search unavailable",
    );
  }
}

/** Rebuilds every index from the database (each swapped in whole when complete). */
export async function rebuildSearch(onProgress?: (index: IndexName, done: number, total: number) => void, s: SearchState = state()) {
  // The search process rebuilds its own index (the documents never cross the socket).
  if (s.engine instanceof SocketEngine) return s.engine.call<Record<string, number>>("rebuild", [], 900_000);
  // Read the outbox position first: changes committed during the rebuild are replayed after it.
  const position = await outboxPosition();
  const counts: Record<string, number> = {};
  for (const index of INDEX_NAMES) {
    const docs = await LOADERS[index](null);
    await s.engine.replaceAll(index, docs, (done, total) => onProgress?.(index, done, total));
    counts[index] = docs.length;
  }
  if (!s.cursor) s.cursor = position;
  // The rebuild read everything committed before `position`: those changes are applied.
  await markOutboxCoveredBy(position, now());
  return counts;
}

/**
 * Ready to answer: the embedded engine builds from the database once per process (so a
 * crash between a write and its index update converges on restart); Meilisearch keeps its
 * data, so only the outbox backlog is applied.
 */
export function ensureSearchReady(s: SearchState = state()): Promise<void> {
  s.ready ??= (async () => {
    // The search process holds the index and follows the outbox: a worker only waits for it.
    if (s.engine instanceof SocketEngine) return waitForSearchProcess(s.engine);
    if (s.engine instanceof EmbeddedEngine) await prepareEmbedded(s, s.engine);
    else if (s.engine.kind === "embedded") await rebuildSearch(undefined, s);
    else {
      await ensureScheduledJob(SHARED_INDEX_LEASE, now());
      // A PostgreSQL index starts empty: the first server fills it (Meilisearch: npm run search:reindex).
      if (s.engine.kind === "postgres" && (await s.engine.count("products")) === 0) await rebuildSearch(undefined, s);
    }
    await syncSearch(s);
  })().catch((error) => {
    s.ready = undefined;
    throw error;
  });
  return s.ready;
}

// ── the embedded index snapshot (ADR 0014) ──────────────────────────────────

const portalDay = () => now().toISOString().slice(0, 10);

function cursorAfter(a: OutboxCursor, b: OutboxCursor): boolean {
  if (a.txid !== null && b.txid !== null && a.txid !== b.txid) return BigInt(a.txid) > BigInt(b.txid);
  return a.seq > b.seq;
}

/**
 * One build per machine: restore the snapshot if it is still true; otherwise one worker (the
 * lock holder) builds from the database and writes a new one while the others wait for it.
 */
async function prepareEmbedded(s: SearchState, engine: EmbeddedEngine): Promise<void> {
  const directory = s.snapshotDir === undefined ? snapshotDirectory() : s.snapshotDir;
  if (!directory) {
    await rebuildSearch(undefined, s);
    s.source = "rebuild";
    return;
  }
  const file = snapshotPath(directory, getEnv().DATABASE_URL);
  if (await restoreSnapshot(s, engine, file)) return;
  let release = tryLock(file);
  if (!release) {
    log.info({ lock: `${file}.lock` }, "another process is building the search index; waiting for its snapshot");
    await waitForLock(file);
    if (await restoreSnapshot(s, engine, file)) return;
    release = tryLock(file);
  }
  try {
    if (release && (await restoreSnapshot(s, engine, file))) return;
    s.cursor = null;
    await rebuildSearch(undefined, s);
    s.source = "rebuild";
    await syncSearch(s);
    if (release) saveSnapshot(s, engine, file);
  } finally {
    release?.();
  }
}

/** Writes this process's index with the outbox position it reflects. */
export function saveSnapshot(s: SearchState, engine: EmbeddedEngine, file: string) {
  if (!s.cursor) return;
  const started = performance.now();
  const header: SnapshotHeader = {
    fingerprint: snapshotFingerprint(),
    cursor: s.cursor,
    day: portalDay(),
    writtenAt: now().toISOString(),
    counts: Object.fromEntries(INDEX_NAMES.map((index) => [index, engine.sample(index, Infinity).length])),
  };
  writeSnapshot(file, header, engine.serialize());
  log.info({ file, ms: Math.round(performance.now() - started) }, "search snapshot written");
}

const SNAPSHOT_SAMPLE = 8;

/**
 * Restores the snapshot if it is still true: same format and settings, written today, not
 * ahead of the outbox (a database restored from an older backup), and after replaying the
 * outbox from its position a sample of its documents equals what the database gives now
 * (a reseeded database has other documents). Otherwise false, and the caller rebuilds.
 */
async function restoreSnapshot(s: SearchState, engine: EmbeddedEngine, file: string): Promise<boolean> {
  const snapshot = readSnapshot(file);
  if (!snapshot) return false;
  const { header } = snapshot;
  const stale = (reason: string) => {
    log.info({ reason }, "search snapshot not used; rebuilding from the database");
    s.cursor = null;
    return false;
  };
  if (header.fingerprint !== snapshotFingerprint()) return stale("index settings or engine format changed");
  if (header.day !== portalDay()) return stale("written on another day");
  if (cursorAfter(header.cursor, await outboxPosition())) return stale("ahead of the database's outbox");
  try {
    engine.restore(snapshot.body);
  } catch (error) {
    return stale(`unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
  s.cursor = header.cursor;
  await syncSearch(s);
  for (const index of INDEX_NAMES) {
    const sample = engine.sample(index, SNAPSHOT_SAMPLE);
    const current = new Map((await LOADERS[index](sample.map((d) => d.id))).map((d) => [d.id, JSON.stringify(d)]));
    if (sample.some((d) => current.get(d.id) !== JSON.stringify(d))) return stale(`${index} differ from the database`);
  }
  s.source = "snapshot";
  return true;
}

/** Loads each changed document's current state and writes it (or removes it) in the engine. */
async function applyRows(engine: SearchEngine, rows: OutboxRow[]): Promise<void> {
  const byIndex = new Map<IndexName, Set<string>>();
  for (const r of rows) {
    const index = ENTITY_INDEX[r.entityType as OutboxEntity];
    if (index) (byIndex.get(index) ?? byIndex.set(index, new Set()).get(index)!).add(r.entityId);
  }
  for (const [index, idSet] of byIndex) {
    const ids = [...idSet];
    const docs = await LOADERS[index](ids);
    const present = new Set(docs.map((d) => d.id));
    await engine.upsert(index, docs);
    // Unpublished, withdrawn or deleted: out of the index.
    await engine.remove(
      index,
      ids.filter((id) => !present.has(id)),
    );
  }
}

/** Embedded index: every process follows the whole outbox from its own cursor. */
async function followOutbox(s: SearchState): Promise<number> {
  if (!s.cursor) s.cursor = await outboxPosition();
  let applied = 0;
  for (;;) {
    const { rows, next } = await outboxAfter(s.cursor);
    if (rows.length) {
      await applyRows(s.engine, rows);
      await markOutboxProcessed(
        rows.map((r) => r.seq),
        now(),
      );
      applied += rows.length;
    }
    const moved = next.seq !== s.cursor.seq || next.txid !== s.cursor.txid;
    s.cursor = next;
    if (!rows.length || !moved) return applied;
  }
}

/**
 * Shared index: the holder of one lease drains pending rows, so two processes never write
 * the same document out of order; each document is read fresh, so its final state wins.
 */
async function drainSharedIndex(s: SearchState): Promise<number> {
  const claim: Claim | null = await claimJob(SHARED_INDEX_LEASE, s.holder, now(), LEASE_MS, { whenDue: false });
  if (!claim) return 0; // another process is draining; it picks these rows up
  let applied = 0;
  try {
    for (;;) {
      const rows = await pendingOutbox();
      if (!rows.length) break;
      // Never write after the lease was lost: the new holder may already have newer state.
      if (!(await renewClaim(claim, now(), LEASE_MS))) break;
      try {
        await applyRows(s.engine, rows);
      } catch (error) {
        await recordOutboxFailure(
          rows.map((r) => r.seq),
          error instanceof Error ? error.message : String(error),
        );
        throw error;
      }
      await markOutboxProcessed(
        rows.map((r) => r.seq),
        now(),
      );
      applied += rows.length;
    }
  } finally {
    await finishJob(claim, { at: now() });
  }
  return applied;
}

/** Applies outbox entries this process's engine has not yet applied; returns how many. */
export function syncSearch(s: SearchState = state()): Promise<number> {
  // A worker asks the search process to follow the outbox now, so its own write is searchable
  // when its request ends (read your writes), as with an index in the worker.
  if (s.engine instanceof SocketEngine) return s.engine.call<number>("sync", [], 30_000);
  s.syncing ??= (s.engine.kind === "embedded" ? followOutbox(s) : drainSharedIndex(s)).finally(() => {
    s.syncing = undefined;
  });
  return s.syncing;
}

/**
 * After a commit: bring the index up to date now if possible. The change is already safe in
 * the outbox, so a search failure is logged (the background sync retries) and never turns a
 * committed write into an error page.
 */
export async function syncSearchAfterCommit(): Promise<void> {
  try {
    await syncSearch();
  } catch (error) {
    log.error({ err: error }, "search sync after commit failed; the background sync will retry");
  }
}
// Models call afterCommit() (app/utils/after-commit.server.ts) rather than importing this service.
onCommitted("search", syncSearchAfterCommit);

/** For /healthz and /readyz: is this process's index built, and does the engine answer? */
export async function searchHealth(): Promise<{ kind: SearchEngine["kind"]; ready: boolean; reachable: boolean; problem?: string }> {
  const s = state();
  let ready = false;
  if (s.ready)
    ready = await Promise.race([
      s.ready.then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), 50)),
    ]);
  try {
    await Promise.race([
      s.engine.count("products"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("search engine did not answer within 3 s")), 3_000).unref()),
    ]);
    return { kind: s.engine.kind, ready, reachable: true };
  } catch (error) {
    return { kind: s.engine.kind, ready, reachable: false, problem: error instanceof Error ? error.message.slice(0, 200) : String(error) };
  }
}

/** Stops the background follower (graceful shutdown). */
export function stopBackgroundSync() {
  const s = globalThis.__cmSearch;
  if (s?.timer) clearInterval(s.timer);
  if (s) s.timer = undefined;
}

/** Picks up changes written by other processes. */
export function startBackgroundSync(intervalMs = 1_000) {
  const s = state();
  // The search process follows the outbox for every worker.
  if (s.timer || s.engine instanceof SocketEngine) return;
  s.timer = setInterval(() => void syncSearch(s).catch((e: unknown) => log.error({ err: e }, "search sync failed")), intervalMs);
  s.timer.unref();
}

export async function searchIndex(index: IndexName, params: SearchParams, overrides = {}): Promise<SearchResponse> {
  return answering(async () => {
    await ensureSearchReady();
    return state().engine.search(index, engineRequest(index, params, overrides));
  });
}

/** "Did you mean" for a query that found nothing: the engine's own answer (none from Meilisearch). */
export async function suggestSearch(index: IndexName, q: string): Promise<string | null> {
  return answering(async () => {
    await ensureSearchReady();
    return state().engine.suggest(index, q);
  });
}

/** The best few of each type, for the combined search. */
export async function searchAll(params: SearchParams, perType = 3) {
  return answering(async () => {
    await ensureSearchReady();
    const entries = await Promise.all(
      INDEX_NAMES.map(
        async (index) =>
          [
            index,
            await state().engine.search(index, engineRequest(index, { ...params, filters: {} }, { page: 1, pageSize: perType })),
          ] as const,
      ),
    );
    return Object.fromEntries(entries) as Record<IndexName, SearchResponse>;
  });
}

/**
 * The case-study form's product finder: published listings on any framework (a case study
 * may describe a purchase from an expired one), ranked by the engine with its typo tolerance
 * and synonyms, at most `take`, never one already chosen.
 */
export async function findProductsForPicker(query: string, excludeIds: string[], take = 15): Promise<PickerProduct[]> {
  const q = budgetQuery(query.slice(0, 100));
  if (!q) return [];
  const exclude = new Set(excludeIds);
  const params: SearchParams = { q, type: "products", sort: "relevance", page: 1, pageSize: take, frameworks: "all", filters: {} };
  const response = await searchIndex("products", params, { pageSize: Math.min(100, take + exclude.size) });
  return response.hits
    .filter((h) => !exclude.has(h.id))
    .slice(0, take)
    .map((h) => ({ id: h.id, name: String(h.document.name), supplierName: String(h.document.supplierName) }));
}

/** What the case-study form's product picker shows: the chosen products, then matches for the query. */
export async function productPicker(query: string, selectedIds: string[]) {
  const [selected, matches] = await Promise.all([listPickerProducts(selectedIds), findProductsForPicker(query, selectedIds)]);
  return { selected, matches, query: query.trim().slice(0, 100) };
}

// ── one search process per machine (ADR 0014) ───────────────────────────────

/** How long a starting worker waits for the search process (its first build at scale can take minutes). */
const SEARCH_PROCESS_WAIT_MS = 10 * 60_000;

/** A worker is ready once the search process answers (it listens only once its index is ready). */
async function waitForSearchProcess(engine: SocketEngine): Promise<void> {
  const deadline = Date.now() + SEARCH_PROCESS_WAIT_MS;
  let logged = false;
  for (;;) {
    try {
      await engine.call("status", [], 2_000);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (!logged) log.info({ socket: engine.socketPath }, "waiting for the search process");
      logged = true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The embedded engine when a server has more than one worker (server.js asks before starting them). */
export function wantsSearchProcess(): boolean {
  return process.env.SEARCH_PROCESS !== "off" && searchEngine() instanceof EmbeddedEngine;
}

/**
 * The search process (server.js starts one per machine when it runs several workers): the one
 * embedded index (restored from its snapshot, or built once and written), the outbox follower,
 * and the Unix socket the workers query. It listens only once the index is ready.
 */
export async function startSearchProcess(socketPath: string): Promise<{ close: () => Promise<void> }> {
  const started = performance.now();
  if (!(searchEngine() instanceof EmbeddedEngine)) resetSearchState(new EmbeddedEngine());
  const s = state();
  await ensureSearchReady(s);
  startBackgroundSync();
  const server = await serveEngine(socketPath, {
    engine: s.engine,
    extra: {
      // A sync already running may have read the outbox before the caller's commit: wait for it,
      // then sync again (callers arriving together share that second one).
      sync: async () => {
        if (s.syncing) await s.syncing.catch(() => 0);
        return syncSearch(s);
      },
      rebuild: async () => {
        const counts = await rebuildSearch(undefined, s);
        await syncSearch(s);
        return counts;
      },
      status: async () => {
        const m = process.memoryUsage();
        return {
          pid: process.pid,
          source: s.source ?? null,
          cursor: s.cursor,
          rssMb: Math.round(m.rss / 1_048_576),
          heapMb: Math.round(m.heapUsed / 1_048_576),
        };
      },
    },
  });
  log.info({ socket: socketPath, source: s.source, ms: Math.round(performance.now() - started) }, "search process ready");
  return {
    close: () => {
      stopBackgroundSync();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
