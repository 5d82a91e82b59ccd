// Hostile form values (issue 12 findings 6 and 13): how long every form schema takes to refuse
// 40 kB and 1.9 MB values built to make backtracking patterns explode, and the password
// strength check on over-long input. The tests check the outcome (refused or dropped); the
// time is reported here. Before the fix, one https-URL check took 6.6 s at 40 kB.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { hostileSchemaInputs, WEAK_PASSWORDS } from "../../tests/support/hostile-inputs";
import { round } from "../lib/stats";

export interface HostileFigures {
  checks: number;
  totalMs: number;
  slowestMs: number;
  slowest: string;
  passwordChecks: number;
  passwordMs: number;
}

export async function hostileSection(log: (line: string) => void): Promise<HostileFigures> {
  const importModel = (name: string) =>
    import(pathToFileURL(path.resolve("app/models", `${name}.ts`)).href) as Promise<Record<string, unknown>>;
  let checks = 0;
  let totalMs = 0;
  let slowest = { ms: 0, what: "" };
  for await (const c of hostileSchemaInputs(importModel)) {
    const started = performance.now();
    c.schema.safeParse(c.input);
    const ms = performance.now() - started;
    checks += 1;
    totalMs += ms;
    if (ms > slowest.ms) slowest = { ms, what: c.what };
  }
  const { passwordWeakness } = (await import(pathToFileURL(path.resolve("app/auth/password-strength.server.ts")).href)) as {
    passwordWeakness: (p: string) => string | null;
  };
  const passwords = [...WEAK_PASSWORDS, "x".repeat(200), "1".repeat(100_000)];
  const started = performance.now();
  for (const p of passwords) passwordWeakness(p);
  const passwordMs = performance.now() - started;
  const figures = {
    checks,
    totalMs: round(totalMs),
    slowestMs: round(slowest.ms),
    slowest: slowest.what,
    passwordChecks: passwords.length,
    passwordMs: round(passwordMs),
  };
  log(`  ${checks} schema × shape × size checks in ${figures.totalMs} ms; slowest ${figures.slowestMs} ms (${figures.slowest})`);
  log(`  ${passwords.length} password strength checks (one of 100,000 characters) in ${figures.passwordMs} ms`);
  return figures;
}
