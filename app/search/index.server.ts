// The search service: one engine per process (Meilisearch when MEILI_URL is set, else the
// embedded engine), kept true by the outbox written in the same transaction as each change.
import { getEnv } from "~/utils/env.server";
import { now } from "~/utils/clock.server";
import { caseStudyDocuments, productDocuments, supplierDocuments } from "~/models/search-documents.server";
import {
  ENTITY_INDEX,
  latestOutboxSeq,
  markOutboxProcessed,
  outboxAfter,
  pendingOutbox,
  type OutboxEntity,
} from "~/models/search-outbox.server";
import { EmbeddedEngine } from "./embedded-engine.server";
import { MeilisearchEngine } from "./meilisearch-engine.server";
import { engineRequest, type SearchParams } from "./search-query.schema";
import { INDEX_NAMES, type IndexName, type SearchDocument, type SearchEngine, type SearchResponse } from "./types";

const LOADERS: Record<IndexName, (ids: string[] | null) => Promise<SearchDocument[]>> = {
  products: productDocuments,
  suppliers: supplierDocuments,
  "case-studies": caseStudyDocuments,
};

interface SearchState {
  engine: SearchEngine;
  /** Outbox position this process's index reflects (embedded engine). */
  cursor: number;
  ready?: Promise<void>;
  syncing?: Promise<number>;
  timer?: NodeJS.Timeout;
}

declare global {
  // eslint-disable-next-line no-var
  var __cmSearch: SearchState | undefined;
}

export function createEngine(): SearchEngine {
  const env = getEnv();
  return env.MEILI_URL ? new MeilisearchEngine({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY }) : new EmbeddedEngine();
}

function state(): SearchState {
  globalThis.__cmSearch ??= { engine: createEngine(), cursor: 0 };
  return globalThis.__cmSearch;
}

/** Replaces the search state (tests: a fresh process, or a given engine). */
export function resetSearchState(engine: SearchEngine = createEngine()) {
  if (globalThis.__cmSearch?.timer) clearInterval(globalThis.__cmSearch.timer);
  globalThis.__cmSearch = { engine, cursor: 0 };
}

export function searchEngine(): SearchEngine {
  return state().engine;
}

/** Rebuilds every index from the database (each swapped in whole when complete). */
export async function rebuildSearch(onProgress?: (index: IndexName, done: number, total: number) => void) {
  const s = state();
  // Read the outbox position first: changes made during the rebuild are replayed after it.
  const seq = await latestOutboxSeq();
  const counts: Record<string, number> = {};
  for (const index of INDEX_NAMES) {
    const docs = await LOADERS[index](null);
    await s.engine.replaceAll(index, docs, (done, total) => onProgress?.(index, done, total));
    counts[index] = docs.length;
  }
  s.cursor = Math.max(s.cursor, seq);
  const pending = (await pendingOutbox(100_000)).filter((r) => r.seq <= seq).map((r) => r.seq);
  if (pending.length) await markOutboxProcessed(pending, now());
  return counts;
}

/**
 * Ready to answer: the embedded engine builds from the database once per process (so a
 * crash between a write and its index update converges on restart); Meilisearch keeps its
 * data, so only the outbox backlog is applied.
 */
export function ensureSearchReady(): Promise<void> {
  const s = state();
  s.ready ??= (async () => {
    if (s.engine.kind === "embedded") await rebuildSearch();
    await syncSearch();
  })().catch((error) => {
    s.ready = undefined;
    throw error;
  });
  return s.ready;
}

/** Applies outbox entries this process has not yet applied; returns how many. */
export function syncSearch(): Promise<number> {
  const s = state();
  s.syncing ??= (async () => {
    let applied = 0;
    for (;;) {
      const rows = s.engine.kind === "embedded" ? await outboxAfter(s.cursor) : await pendingOutbox();
      if (!rows.length) break;
      const byIndex = new Map<IndexName, Set<string>>();
      for (const r of rows) {
        const index = ENTITY_INDEX[r.entityType as OutboxEntity];
        if (index) (byIndex.get(index) ?? byIndex.set(index, new Set()).get(index)!).add(r.entityId);
      }
      for (const [index, idSet] of byIndex) {
        const ids = [...idSet];
        const docs = await LOADERS[index](ids);
        const present = new Set(docs.map((d) => d.id));
        await s.engine.upsert(index, docs);
        // Unpublished, withdrawn or deleted: out of the index.
        await s.engine.remove(index, ids.filter((id) => !present.has(id)));
      }
      s.cursor = rows[rows.length - 1].seq;
      await markOutboxProcessed(rows.map((r) => r.seq), now());
      applied += rows.length;
    }
    return applied;
  })().finally(() => {
    s.syncing = undefined;
  });
  return s.syncing;
}

/** Picks up changes written by other processes. */
export function startBackgroundSync(intervalMs = 1_000) {
  const s = state();
  if (s.timer) return;
  s.timer = setInterval(() => void syncSearch().catch((e) => console.error("search sync failed", e)), intervalMs);
  s.timer.unref();
}

export async function searchIndex(index: IndexName, params: SearchParams, overrides = {}): Promise<SearchResponse> {
  await ensureSearchReady();
  return state().engine.search(index, engineRequest(index, params, overrides));
}

/** The best few of each type, for the combined search. */
export async function searchAll(params: SearchParams, perType = 3) {
  await ensureSearchReady();
  const entries = await Promise.all(
    INDEX_NAMES.map(async (index) => [index, await state().engine.search(index, engineRequest(index, { ...params, filters: {} }, { page: 1, pageSize: perType }))] as const),
  );
  return Object.fromEntries(entries) as Record<IndexName, SearchResponse>;
}
