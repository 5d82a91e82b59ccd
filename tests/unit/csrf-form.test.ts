// Issue 12 item 22: every non-GET form carries the CSRF token because every <Form> is the
// portal's own (app/components/form.tsx), which adds it. A file that renders <Form> with
// Remix's own component would post without the token and be refused, so none may.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? tsxFiles(full) : full.endsWith(".tsx") ? [full] : [];
  });
}

describe("CSRF token on every form", () => {
  const files = tsxFiles("app").filter((f) => !f.endsWith(path.join("components", "form.tsx")));

  it("no file renders Remix's <Form> directly", () => {
    const offenders = files.filter((f) => {
      const source = fs.readFileSync(f, "utf8");
      const remixImport = /import\s*\{([^}]*)\}\s*from\s*"@remix-run\/react"/.exec(source);
      return remixImport !== null && /(^|[\s,])Form([\s,]|$)/.test(remixImport[1]);
    });
    expect(offenders).toEqual([]);
  });

  it("every file with a posting <Form> imports the portal's Form", () => {
    const posting = files.filter((f) => /<Form\b[^>]*method="post"/i.test(fs.readFileSync(f, "utf8")));
    expect(posting.length).toBeGreaterThan(25);
    for (const f of posting) expect(fs.readFileSync(f, "utf8"), f).toMatch(/import \{ Form \} from "~\/components\/form";/);
  });

  it("no raw <form method=post> bypasses the component", () => {
    const raw = files.filter((f) => /<form\b[^>]*method=["']post["']/i.test(fs.readFileSync(f, "utf8").replace(/<Form\b/g, "")));
    expect(raw).toEqual([]);
  });
});
