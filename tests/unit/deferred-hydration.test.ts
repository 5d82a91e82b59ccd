// Hydration after the first paint (ADR 0022): the server writes Remix's module tags inert and
// the inline script in the root makes live copies (that half runs in a browser:
// tests/e2e/hydration.spec.ts). Checked against the markup Remix 2 writes.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { INERT_MODULE, INERT_MODULEPRELOAD } from "~/utils/deferred-hydration";
import { inertModuleTagsStream, makeModuleTagsInert } from "~/utils/deferred-hydration.server";

// What <Scripts nonce="n0nce" /> renders (abridged).
const REMIX_TAGS =
  '<link rel="modulepreload" href="/build/manifest-1.js"/><link rel="modulepreload" href="/build/entry.client-A.js"/>' +
  '<script nonce="n0nce">window.__remixContext = {"url":"/"};</script>' +
  '<script nonce="n0nce" type="module" async="">import "/build/manifest-1.js";\nimport * as route0 from "/build/root-B.js";\nimport("/build/entry.client-A.js");</script>';
const PAGE = `<!DOCTYPE html><html><head></head><body><main><p>Type="module" in prose stays.</p></main>${REMIX_TAGS}</body></html>`;

describe("makeModuleTagsInert", () => {
  it("leaves no live modulepreload link or module script, and keeps everything else", () => {
    const out = makeModuleTagsInert(PAGE);
    expect(out).not.toContain('rel="modulepreload"');
    expect(out).not.toMatch(/<script[^>]* type="module"/);
    expect(out.match(new RegExp(`rel="${INERT_MODULEPRELOAD}"`, "g"))).toHaveLength(2);
    expect(out).toContain(`<script nonce="n0nce" type="${INERT_MODULE}" async="">import "/build/manifest-1.js";`);
    // The classic context script still runs at parse time; prose is untouched.
    expect(out).toContain('<script nonce="n0nce">window.__remixContext');
    expect(out).toContain('<p>Type="module" in prose stays.</p>');
  });

  it("rewrites a tag split across two writes (the stream is buffered whole)", async () => {
    const cut = PAGE.indexOf('type="module"') + 6;
    const stream = inertModuleTagsStream();
    Readable.from([Buffer.from(PAGE.slice(0, cut)), Buffer.from(PAGE.slice(cut))]).pipe(stream);
    let out = "";
    for await (const chunk of stream) out += String(chunk);
    expect(out).toBe(makeModuleTagsInert(PAGE));
    expect(out).toContain(`type="${INERT_MODULE}"`);
  });
});
