// Hostile form values (issue 12 finding 6, ReDoS) shared by the bounded-validation test, which
// checks every schema refuses or answers them, and the benchmark, which times them
// (npm run bench -- --only hostile): timings are reported there, never asserted in tests.
import fs from "node:fs";
import { z } from "zod";

// Every schema module in app/models (a new one is covered without being listed), and the buying guide's steps.
export const SCHEMA_MODULES = [
  ...fs
    .readdirSync("app/models")
    .filter((f) => f.endsWith(".schema.ts"))
    .map((f) => f.replace(/\.ts$/, "")),
  "buying-guide-steps",
];

/** The fields a schema reads, found through preprocess/refine/pipe/union wrappers. */
export function fieldsOf(schema: z.ZodTypeAny, depth = 0): string[] {
  if (depth > 8) return [];
  const def = schema._def as Record<string, unknown>;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  for (const inner of ["schema", "innerType", "in"] as const)
    if (def[inner] instanceof z.ZodType) return fieldsOf(def[inner] as z.ZodTypeAny, depth + 1);
  if (Array.isArray(def.options)) return (def.options as z.ZodTypeAny[]).flatMap((o) => fieldsOf(o, depth + 1));
  if (def.options instanceof Map) return [...(def.options as Map<unknown, z.ZodTypeAny>).values()].flatMap((o) => fieldsOf(o, depth + 1));
  return [];
}

// Shapes that make backtracking patterns explode: long runs with no end match.
export const HOSTILE: Record<string, (n: number) => string> = {
  "https and dots": (n) => "https://" + ".".repeat(n) + "<",
  "https and letters": (n) => "https://" + "a".repeat(n) + " ",
  "email-like": (n) => "a@" + "a.".repeat(n / 2) + "<",
  digits: (n) => "1".repeat(n) + "x",
  dashes: (n) => "a" + "-".repeat(n) + "!",
  "thousands separators": (n) => "1" + ",111".repeat(n / 4) + ",",
  spaces: (n) => "a" + " ".repeat(n) + "!",
};

export const HOSTILE_SIZES = [40_000, 1_900_000] as const;

/** Every schema × hostile shape × size, with its input (all of a schema's fields set to the value). */
export async function* hostileSchemaInputs(importModel: (name: string) => Promise<Record<string, unknown>>) {
  for (const name of SCHEMA_MODULES) {
    const mod = await importModel(name);
    for (const [exported, schema] of Object.entries(mod)) {
      if (!(schema instanceof z.ZodType)) continue;
      const fields = fieldsOf(schema);
      if (!fields.length) continue;
      for (const [shape, make] of Object.entries(HOSTILE)) {
        for (const size of HOSTILE_SIZES) {
          const value = make(size);
          yield { what: `${name}.${exported} (${shape}, ${size})`, schema, size, input: Object.fromEntries(fields.map((f) => [f, value])) };
        }
      }
    }
  }
}

/** Passwords the old ~150-word list let through (issue 12 finding 13). */
export const WEAK_PASSWORDS = [
  "Council2026!!",
  "P@ssw0rd1234",
  "Summer2027!!!",
  "letmeinletmein",
  "Password2026!",
  "qwertyuiop12",
  "aaaaaaaaaaaaaaaa",
  "abcdefghijkl",
  "Brighton2026!!",
];
