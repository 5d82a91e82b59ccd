// One index per machine (ADR 0014): the search process serves its engine over a Unix socket and
// every app worker queries it through SocketEngine, which implements the same SearchEngine
// contract (tests/search/contract.test.ts runs it). The protocol is one connection per worker,
// frames of a 4-byte big-endian length then a JSON body; requests carry an id and may be answered
// out of order. Every request has a deadline, so a dead, paused or busy search process gives an
// error within it (the search service turns that into its "search unavailable" answer), never a
// hang. This module only carries calls; what a call does is the caller's (the search service).
import fs from "node:fs";
import net from "node:net";
import type { IndexName, SearchDocument, SearchEngine, SearchRequest, SearchResponse } from "./types";

/** No frame is larger than this: a full reindex of the 65k-document bench data is about 60 MB. */
const MAX_FRAME_BYTES = 512 * 1024 * 1024;

type Request = { id: number; op: string; args: unknown[] };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

function encode(message: Request | Reply): Buffer {
  const body = Buffer.from(JSON.stringify(message));
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}

/** Calls `onMessage` for every whole frame received on `socket`; a malformed stream closes it. */
function readFrames(socket: net.Socket, onMessage: (message: unknown) => void) {
  let buffered: Buffer[] = [];
  let size = 0;
  socket.on("data", (chunk: Buffer) => {
    buffered.push(chunk);
    size += chunk.length;
    let all = buffered.length === 1 ? buffered[0] : Buffer.concat(buffered, size);
    while (all.length >= 4) {
      const length = all.readUInt32BE(0);
      if (length > MAX_FRAME_BYTES) {
        socket.destroy(new Error(`search socket frame of ${length} bytes refused`));
        return;
      }
      if (all.length < 4 + length) break;
      let message: unknown;
      try {
        message = JSON.parse(all.subarray(4, 4 + length).toString());
      } catch {
        socket.destroy(new Error("search socket frame is not JSON"));
        return;
      }
      all = all.subarray(4 + length);
      onMessage(message);
    }
    buffered = all.length ? [all] : [];
    size = all.length;
  });
}

/** What the search process does for each call; `engine` answers the SearchEngine methods. */
export interface SocketHandlers {
  engine: SearchEngine;
  /** Extra operations (the search service's own: sync, ready, rebuild, status). */
  extra?: Record<string, (...args: unknown[]) => Promise<unknown>>;
}

const ENGINE_OPS = new Set(["replaceAll", "upsert", "remove", "search", "count", "suggest"]);

/**
 * Serves `handlers` on a Unix socket at `socketPath` (a stale file from a crashed process is
 * replaced). The socket file is made readable by its owner only.
 */
export async function serveEngine(socketPath: string, handlers: SocketHandlers): Promise<net.Server> {
  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
    socket.on("error", () => socket.destroy());
    readFrames(socket, (raw) => {
      const { id, op, args } = raw as Request;
      void (async (): Promise<Reply> => {
        try {
          const extra = handlers.extra?.[op];
          if (extra) return { id, ok: true, value: (await extra(...(args ?? []))) ?? null };
          if (!ENGINE_OPS.has(op)) throw new Error(`unknown search operation ${String(op)}`);
          const method = handlers.engine[op as keyof SearchEngine] as (...a: unknown[]) => Promise<unknown>;
          return { id, ok: true, value: (await method.apply(handlers.engine, args ?? [])) ?? null };
        } catch (error) {
          return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
        }
      })().then((reply) => {
        if (!socket.destroyed) socket.write(encode(reply));
      });
    });
  });
  // A socket file left by a crashed search process: nothing listens on it, so it can go.
  fs.rmSync(socketPath, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => {
      server.off("error", reject);
      resolve();
    });
  });
  fs.chmodSync(socketPath, 0o600);
  const close = server.close.bind(server);
  // Closing ends the open connections too (workers reconnect to the next search process).
  server.close = (callback?: (err?: Error) => void) => {
    for (const c of connections) c.destroy();
    return close(callback);
  };
  return server;
}

/** A call the search process did not answer, or answered with an error. */
export class SearchSocketError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchSocketError";
  }
}

export interface SocketEngineOptions {
  socketPath: string;
  /** Deadline for a query (search, count, suggest), ms. */
  timeoutMs?: number;
  /** Deadline for a write or sync (the process may be replaying the outbox), ms. */
  writeTimeoutMs?: number;
  /** Deadline for connecting, ms (a stale socket file refuses at once; a paused process accepts, then times out). */
  connectTimeoutMs?: number;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

/** The embedded engine in the search process, queried over its Unix socket. */
export class SocketEngine implements SearchEngine {
  // It is the embedded engine, in another process: the same behaviour, the same kind for /healthz.
  readonly kind = "embedded" as const;
  readonly socketPath: string;
  private readonly timeoutMs: number;
  private readonly writeTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private socket: net.Socket | null = null;
  private connecting: Promise<net.Socket> | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(options: SocketEngineOptions) {
    this.socketPath = options.socketPath;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 1_000;
  }

  private connect(): Promise<net.Socket> {
    if (this.socket && !this.socket.destroyed) return Promise.resolve(this.socket);
    this.connecting ??= new Promise<net.Socket>((resolve, reject) => {
      const socket = net.createConnection(this.socketPath);
      const timer = setTimeout(() => socket.destroy(new Error(`no answer within ${this.connectTimeoutMs} ms`)), this.connectTimeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        this.socket = socket;
        resolve(socket);
      });
      socket.on("error", (error) => {
        clearTimeout(timer);
        reject(new SearchSocketError(`search process not reachable: ${error.message}`));
      });
      socket.on("close", () => {
        if (this.socket === socket) this.socket = null;
        // Whatever was waiting on this connection will not be answered.
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(new SearchSocketError("search process closed the connection"));
          this.pending.delete(id);
        }
      });
      readFrames(socket, (raw) => {
        const reply = raw as Reply;
        const p = this.pending.get(reply.id);
        if (!p) return; // answered after its deadline
        this.pending.delete(reply.id);
        clearTimeout(p.timer);
        if (reply.ok) p.resolve(reply.value);
        else p.reject(new SearchSocketError(`search process: ${reply.error}`));
      });
    }).finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** One call to the search process, answered within `timeoutMs` or rejected. */
  async call<T>(op: string, args: unknown[] = [], timeoutMs = this.timeoutMs): Promise<T> {
    const socket = await this.connect();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new SearchSocketError(`search process did not answer ${op} within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      socket.write(encode({ id, op, args }));
    });
  }

  /** Closes the connection (the next call opens a new one). */
  close() {
    this.socket?.destroy();
    this.socket = null;
  }

  async replaceAll(index: IndexName, documents: SearchDocument[], onProgress?: (done: number, total: number) => void) {
    await this.call("replaceAll", [index, documents], Math.max(this.writeTimeoutMs, 600_000));
    onProgress?.(documents.length, documents.length);
  }

  async upsert(index: IndexName, documents: SearchDocument[]) {
    await this.call("upsert", [index, documents], this.writeTimeoutMs);
  }

  async remove(index: IndexName, ids: string[]) {
    await this.call("remove", [index, ids], this.writeTimeoutMs);
  }

  search(index: IndexName, request: SearchRequest): Promise<SearchResponse> {
    return this.call<SearchResponse>("search", [index, request]);
  }

  count(index: IndexName): Promise<number> {
    return this.call<number>("count", [index]);
  }

  suggest(index: IndexName, q: string): Promise<string | null> {
    return this.call<string | null>("suggest", [index, q]);
  }
}
