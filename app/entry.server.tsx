import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { getEnv } from "~/utils/env.server";
import { inertModuleTagsStream } from "~/utils/deferred-hydration.server";
import { NonceProvider } from "~/utils/nonce-provider";
import { RequestIdProvider } from "~/utils/request-id";
import { log } from "~/utils/log.server";
import { installIdempotencyTable } from "~/models/idempotency.server";
import { registerPublicDataGeneration } from "~/models/public-data-generation.server";
import { prepareDatabase } from "~/utils/startup.server";
import { ensureSearchReady, prepareSearchEngine, searchEngine, startBackgroundSync, stopBackgroundSync } from "~/services/search.server";
import { startScheduler, stopScheduler } from "~/jobs/scheduler.server";
import { prisma } from "~/utils/db.server";

// The table behind handleForm's repeated-post check (issue 18 item 7), called rather than imported
// for its side effect, which the bundler drops ("sideEffects": false).
installIdempotencyTable();
// How the public-page cache (server/page-cache.js) tells that data changed: known from load,
// so the first page a worker renders can be kept too.
registerPublicDataGeneration();

export const streamTimeout = 5_000;

declare module "@remix-run/node" {
  // Single fetch types: useLoaderData/useActionData<typeof …> infer what the function returns
  // (data() and plain objects) instead of any (https://remix.run/docs/en/main/guides/single-fetch).
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    nonce: string;
    ip: string;
    /** The CSRF form token for this browser (server/security.js); absent outside server.js. */
    csrfToken?: string;
    /** This request's id (server/log.js), shown on error pages; absent outside server.js. */
    requestId?: string;
  }
}

/** Called by the cluster primary in server.js: env check and migrations only. */
export async function prepareDatabaseOnly(): Promise<void> {
  getEnv();
  await prepareDatabase();
  await prepareSearchEngine();
}

// server.js with several workers: the one search process per machine (ADR 0014).
export { startSearchProcess, wantsSearchProcess } from "~/services/search.server";

/** Called once by server.js before it listens: env check, migrations, search index. */
export async function startup(): Promise<void> {
  getEnv();
  await prepareDatabase();
  const started = performance.now();
  await prepareSearchEngine();
  await ensureSearchReady();
  log.info({ engine: searchEngine().kind, ms: Math.round(performance.now() - started) }, "search ready");
  startBackgroundSync();
  startScheduler();
}

/** Called by server.js on SIGTERM once the server has stopped taking requests. */
export async function shutdown(): Promise<void> {
  stopScheduler();
  stopBackgroundSync();
  await prisma.$disconnect().catch(() => {});
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.nonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdProvider value={loadContext?.requestId ?? ""}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </RequestIdProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          // Hydration waits for the first paint (ADR 0022): the module tags are written inert.
          const body = inertModuleTagsStream();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log.error({ err: error, path: new URL(request.url).pathname }, "render failed");
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  log.error({ err: error, method: request.method, path: new URL(request.url).pathname }, "request failed");
}
