// The server half of hydration after the first paint (see deferred-hydration.ts, ADR 0022):
// the document React renders, with Remix's module tags made inert. The page is buffered whole
// before it is sent: nothing in the portal streams (no defer() or <Await>), so the shell is the
// whole page and holding it back costs no time, and a tag split across two writes is still
// rewritten.
import { Transform } from "node:stream";
import { INERT_MODULE, INERT_MODULEPRELOAD } from "./deferred-hydration";

const MODULEPRELOAD = /<link rel="modulepreload"/g;
const MODULE_SCRIPT = /<script\b([^>]*?) type="module"/g;

/** The HTML with every modulepreload link and module script written so the browser ignores it. */
export function makeModuleTagsInert(html: string): string {
  return html.replace(MODULEPRELOAD, `<link rel="${INERT_MODULEPRELOAD}"`).replace(MODULE_SCRIPT, `<script$1 type="${INERT_MODULE}"`);
}

/** A stream that collects the document and writes it once, with the module tags inert. */
export function inertModuleTagsStream(): Transform {
  const chunks: Buffer[] = [];
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      done();
    },
    flush(done) {
      done(null, makeModuleTagsInert(Buffer.concat(chunks).toString("utf8")));
    },
  });
}
