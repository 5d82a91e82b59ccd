// Issue 12 finding 3: after sign-in, redirectTo must never take the browser to another
// origin, however the path is dressed up. Each attack below falls back to "/".
import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/auth/session.server";

// As the action receives them (the query string or the form already decoded once).
export const OFF_SITE_REDIRECTS = [
  "/\t/evil.example/", // the reported attack: redirectTo=/%09/evil.example/
  "/\n/evil.example/",
  "/\r\n/evil.example/",
  "\t//evil.example/",
  "//evil.example/",
  "///evil.example/",
  "/\\evil.example/",
  "/\\/evil.example/",
  "\\\\evil.example/",
  "/ /evil.example/",
  "/\u00a0/evil.example/",
  "/\u2028/evil.example/",
  "/\ufeff/evil.example/",
  "/\u0000/evil.example/",
  "/\uff0f/evil.example/", // fullwidth solidus
  "/\u2215evil.example/", // division slash
  "/\u2044evil.example/", // fraction slash
  "/\uff3cevil.example/", // fullwidth reverse solidus
  "/./\u002f/evil.example/",
  "/.//evil.example/",
  "/..//evil.example/",
  "https://evil.example/",
  "HTTPS://evil.example/",
  "javascript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "@evil.example",
  "",
  "/".padEnd(3000, "a"),
];

describe("safeRedirect", () => {
  it.each(OFF_SITE_REDIRECTS)("refuses %j", (target) => {
    expect(safeRedirect(target)).toBe("/");
  });

  it("refuses non-strings", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File(["x"], "x.txt"))).toBe("/");
  });

  it.each([
    ["/projects/abc/evaluation", "/projects/abc/evaluation"],
    ["/search?q=housing&type=products", "/search?q=housing&type=products"],
    ["/supplier/listings#drafts", "/supplier/listings#drafts"],
    ["/search?q=café", "/search?q=caf%C3%A9"],
    ["/%2F%2Fevil.example/", "/%2F%2Fevil.example/"], // an encoded slash is a path segment on this site
    ["/%09/evil.example/", "/%09/evil.example/"], // still encoded: a path on this site, not a tab
  ])("keeps the same-origin path %j (as %j)", (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
    const resolved = new URL(safeRedirect(target), "https://marketplace.example.gov.uk");
    expect(resolved.origin).toBe("https://marketplace.example.gov.uk");
  });
});
