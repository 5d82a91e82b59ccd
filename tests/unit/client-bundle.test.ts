// The browser's JavaScript carries no server-only code (issue 18 item 4): /supplier/import once
// crashed with "ReferenceError: Buffer is not defined" because a Node CSV module reached the
// client bundle, so the page never hydrated. This reads every chunk the Remix build wrote to
// public/build (npm run build runs before the tests; scripts/test-all.sh builds first) and fails
// on any import of a Node built-in or use of Node's Buffer/process.binding.
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const BUILD = path.resolve(__dirname, "../../public/build");
const names = builtinModules.filter((m) => !m.startsWith("_")).map((m) => m.replace(/[/]/g, "\\/"));
const builtin = `(?:node:[\\w/]+|(?:${names.join("|")}))`;

const NODE_ONLY: { what: string; pattern: RegExp }[] = [
  { what: "import of a Node built-in", pattern: new RegExp(`\\bfrom\\s*["']${builtin}["']`) },
  {
    what: "require/import() of a Node built-in",
    pattern: new RegExp(`(?<![\\w$])(?:__require|require|import)\\s*\\(\\s*["']${builtin}["']\\s*\\)`),
  },
  {
    what: "Node's Buffer",
    pattern: /(?<![\w$.])(?:Buffer\s*\.\s*(?:from|alloc|allocUnsafe|isBuffer|concat|byteLength)\b|new\s+Buffer\s*\()/,
  },
  { what: "process.binding", pattern: /\bprocess\s*\.\s*binding\b/ },
];

/** What in `code` only runs on Node, with a little context. */
export function nodeOnlyUses(code: string): string[] {
  const found: string[] = [];
  for (const { what, pattern } of NODE_ONLY) {
    const match = pattern.exec(code);
    if (match) found.push(`${what}: …${code.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40)}…`);
  }
  return found;
}

function chunks(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? chunks(full) : e.name.endsWith(".js") ? [full] : [];
  });
}

describe("the detector", () => {
  it("finds what put Buffer in the import page's bundle, and Node imports however they are written", () => {
    expect(nodeOnlyUses('const b=Buffer.from(input,"utf8");')).toHaveLength(1);
    expect(nodeOnlyUses('import{createHash}from"node:crypto";')).toHaveLength(1);
    expect(nodeOnlyUses('import fs from "fs";')).toHaveLength(1);
    expect(nodeOnlyUses('var s=__require("stream");')).toHaveLength(1);
    expect(nodeOnlyUses('const p=await import("node:fs/promises")')).toHaveLength(1);
  });

  it("leaves browser code alone", () => {
    expect(nodeOnlyUses('import{a}from"./chunk-ABC.js";const x=new ArrayBuffer(8);crypto.randomUUID();const fs=1;')).toEqual([]);
    expect(nodeOnlyUses('import{b}from"/build/_shared/path-ZX.js";myBuffer.from(1);')).toEqual([]);
  });
});

describe("the client build (public/build)", () => {
  it("exists: run npm run build first", () => {
    expect(fs.existsSync(BUILD), `${BUILD} is missing: run npm run build`).toBe(true);
  });

  it("has no chunk with server-only code", () => {
    const files = chunks(BUILD);
    // The entry, the root and the routes at least: a near-empty folder would prove nothing.
    expect(files.filter((f) => /[\\/]routes[\\/]/.test(f)).length).toBeGreaterThan(20);
    const offenders = files.flatMap((f) => nodeOnlyUses(fs.readFileSync(f, "utf8")).map((use) => `${path.relative(BUILD, f)}: ${use}`));
    expect(offenders).toEqual([]);
  });

  it("includes the supplier import page, whose bundle once carried Buffer", () => {
    const page = chunks(BUILD).filter((f) => /routes[\\/]supplier\.import-[\w]+\.js$/.test(f));
    expect(page).toHaveLength(1);
  });
});
