// The stylesheet imports only the GOV.UK Frontend components the portal uses (app/styles/app.scss):
// a page that starts using another component must add it there, or it renders unstyled.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const COMPONENTS_DIR = "node_modules/govuk-frontend/dist/govuk/components";
const components = fs
  .readdirSync(COMPONENTS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(full);
    return /\.(tsx|ts|js)$/.test(d.name) ? [full] : [];
  });
}

const markup = [...sourceFiles("app"), "server/security.js"].map((f) => fs.readFileSync(f, "utf8")).join("\n");
const scss = fs.readFileSync("app/styles/app.scss", "utf8");
const imported = new Set([...scss.matchAll(/govuk\/components\/([a-z-]+)\/index/g)].map((m) => m[1]));

describe("stylesheet", () => {
  it("imports every GOV.UK Frontend component the markup uses", () => {
    const used = components.filter((c) => new RegExp(`govuk-${c}(?:__|--|[^a-z-])`).test(markup));
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((c) => !imported.has(c))).toEqual([]);
  });

  it("imports no component the markup does not use", () => {
    const unused = [...imported].filter((c) => !new RegExp(`govuk-${c}(?:__|--|[^a-z-])`).test(markup));
    expect(unused).toEqual([]);
  });
});
