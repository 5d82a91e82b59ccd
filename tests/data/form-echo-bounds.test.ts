// Issue 14 item 9: a refused form comes back with the fields' own bounded values, never the
// whole body (a 30 MB post once came back as a 31.5 MB page).
import { describe, expect, it } from "vitest";
import { ECHO_LIMITS, boundEchoValues } from "~/utils/forms";
import { useTestDatabase } from "../support/test-db";
import { context, makeRequest, responseOf } from "../support/session";

useTestDatabase();

function stringCharacters(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (value && typeof value === "object") return Object.values(value).reduce((n: number, v) => n + stringCharacters(v), 0);
  return 0;
}

describe("the values a 400 page echoes", () => {
  it("cuts a huge field and drops the fields beyond the limit (through the sign-in action)", async () => {
    const { action } = await import("~/routes/login");
    const form: Record<string, string> = { email: "x".repeat(5_000_000), password: "never-echoed-secret" };
    for (let i = 0; i < 2_000; i++) form[`extra${i}`] = "y".repeat(100);
    const response = await responseOf(() => action({ request: makeRequest("/login", { form }), params: {}, context }));
    expect(response.status).toBe(400);
    const body = await response.text();
    const { values } = JSON.parse(body) as { values: Record<string, unknown> };
    expect((values.email as string).length).toBe(ECHO_LIMITS.stringLength);
    expect(Object.keys(values)).toHaveLength(ECHO_LIMITS.entries);
    expect(values).not.toHaveProperty("password");
    expect(stringCharacters(values)).toBe(ECHO_LIMITS.stringLength + (ECHO_LIMITS.entries - 1) * 100);
    expect(body).not.toContain("never-echoed-secret");
    expect(body.length).toBeLessThan(100_000);
  });

  it("keeps what forms use (strings, checkbox arrays, rows of nested fields) and drops the rest", () => {
    const out = boundEchoValues({
      title: "Housing repairs",
      lots: ["1", "2"],
      criteria: [{ name: "Quality", weight: "60" }],
      count: 3,
      file: new Blob(["x"]),
      deep: { a: { b: { c: { d: { e: { f: { g: "too deep" } } } } } } },
    });
    expect(out).toEqual({
      title: "Housing repairs",
      lots: ["1", "2"],
      criteria: [{ name: "Quality", weight: "60" }],
      count: 3,
      deep: { a: { b: { c: { d: { e: {} } } } } },
    });
  });

  it("stops echoing once the total budget is spent", () => {
    const input: Record<string, string> = {};
    for (let i = 0; i < 80; i++) input[`f${i}`] = "z".repeat(20_000);
    const out = boundEchoValues(input);
    expect(stringCharacters(out)).toBe(ECHO_LIMITS.totalCharacters);
    expect(out.f79).toBe("");
  });
});
