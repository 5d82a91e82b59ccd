// Shared helpers for turning form posts and query strings into zod-validated values.
import type { ZodTypeAny, z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** What a form posted, echoed back into it: text, repeated fields as lists, nested fields (criteria.0.name) as objects. */
export type EchoedValue = string | undefined | EchoedValue[] | { [field: string]: EchoedValue };
export type EchoedValues = { [field: string]: EchoedValue };

/** An echoed field as the text an input shows again (undefined when it was not posted as text). */
export function echoedText(value: EchoedValue): string | undefined {
  return typeof value === "string" ? value : undefined;
}

// NUL and other control characters (but tab and newlines) are never meaningful in a form,
// and PostgreSQL refuses NUL in text: they are removed before validation.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "");
}

/**
 * Field names that would reach an object's prototype if used as keys ("__proto__.x",
 * "constructor.prototype.x"): never meaningful in a form, so a post using one is refused.
 */
const FORBIDDEN_KEY_PARTS = new Set(["__proto__", "constructor", "prototype"]);
/** Limits on a posted form's shape: field count, name length, nesting depth and row index. */
export const FORM_LIMITS = { fields: 20_000, nameLength: 200, depth: 6, index: 1_999 } as const;

export function isForbiddenFieldName(name: string): boolean {
  return name.split(/[.[\]]+/).some((part) => FORBIDDEN_KEY_PARTS.has(part));
}

function refuse(message: string): never {
  throw new Response(message, { status: 400, statusText: "Bad Request", headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * The one way a posted form becomes an object: FormData → a null-prototype object (flat
 * names kept as posted); keys repeated (checkboxes) or ending in [] become arrays. A field
 * named after a prototype key, too long a name or too many fields is answered with a 400.
 */
export function formDataToObject(formData: FormData, arrayKeys: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = Object.create(null);
  const keys = new Set(formData.keys());
  if (keys.size > FORM_LIMITS.fields) refuse(`The form has too many fields (at most ${FORM_LIMITS.fields}).`);
  for (const key of keys) {
    if (key.length > FORM_LIMITS.nameLength) refuse("The form has a field name that is too long.");
    if (isForbiddenFieldName(key)) refuse("The form has a field name that is not allowed.");
    const values = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .map(stripControlCharacters);
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    result[name] = key.endsWith("[]") || arrayKeys.includes(name) || values.length > 1 ? values : values[0];
  }
  for (const key of arrayKeys) result[key] ??= [];
  return result;
}

/**
 * Dotted names from a plain form post ("criteria.0.name", "expires.day") → nested values,
 * as react-hook-form hands them over, so one zod schema reads both. Safe by construction:
 * null-prototype objects, prototype keys and names deeper than `depth` dropped, numeric
 * parts above `maxIndex` dropped (no huge sparse arrays). Already-nested input is returned as is.
 */
export function nestFormFields(
  input: unknown,
  { maxIndex = FORM_LIMITS.index, depth = FORM_LIMITS.depth }: { maxIndex?: number; depth?: number } = {},
): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const out: Record<string, unknown> = Object.create(null);
  const isIndex = (part: string) => /^\d{1,6}$/.test(part);
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (FORBIDDEN_KEY_PARTS.has(key)) continue;
    if (!key.includes(".")) {
      out[key] = value;
      continue;
    }
    const parts = key.split(".");
    if (parts.length > depth || parts.some((p) => !p || FORBIDDEN_KEY_PARTS.has(p) || (isIndex(p) && Number(p) > maxIndex))) continue;
    let node: Record<string, unknown> | unknown[] = out;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (Array.isArray(node) && !isIndex(part)) break;
      const container = node as Record<string, unknown>;
      if (i === parts.length - 1) {
        container[part] = value;
        break;
      }
      const existing = Object.hasOwn(container, part) ? container[part] : undefined;
      if (existing && typeof existing === "object") node = existing as Record<string, unknown>;
      else {
        const created: Record<string, unknown> | unknown[] = isIndex(parts[i + 1]) ? [] : Object.create(null);
        container[part] = created;
        node = created;
      }
    }
  }
  return out;
}

export type Parsed<S extends ZodTypeAny> =
  { success: true; data: z.infer<S> } | { success: false; errors: FieldErrors; values: Record<string, unknown> };

export function parseWithSchema<S extends ZodTypeAny>(schema: S, input: Record<string, unknown>): Parsed<S> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  // Never echo passwords back into the page, nor more than the fields' own bounded values.
  const values = boundEchoValues(Object.fromEntries(Object.entries(input).filter(([k]) => !/password/i.test(k))));
  return { success: false, errors, values };
}

/** How much of a refused form comes back to the page: enough for any real form, never the whole body. */
export const ECHO_LIMITS = { stringLength: 10_000, entries: 500, depth: FORM_LIMITS.depth, totalCharacters: 500_000 } as const;

/**
 * The values a 400 page shows again: strings (cut to `stringLength`), numbers and booleans,
 * nested as forms nest them (at most `depth` levels, `entries` per level); anything else
 * (files, other objects) is dropped, and once `totalCharacters` have been echoed the rest is empty.
 */
export function boundEchoValues(input: Record<string, unknown>): Record<string, unknown> {
  let budget: number = ECHO_LIMITS.totalCharacters;
  const bound = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") {
      const kept = value.slice(0, Math.min(ECHO_LIMITS.stringLength, budget));
      budget -= kept.length;
      return kept;
    }
    if (typeof value === "number" || typeof value === "boolean") return value;
    if (depth >= ECHO_LIMITS.depth || !value || typeof value !== "object") return undefined;
    if (Array.isArray(value)) return value.slice(0, ECHO_LIMITS.entries).map((v) => bound(v, depth + 1) ?? "");
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return undefined;
    return objectOf(value as Record<string, unknown>, depth + 1);
  };
  const objectOf = (object: Record<string, unknown>, depth: number) => {
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, value] of Object.entries(object).slice(0, ECHO_LIMITS.entries)) {
      const kept = bound(value, depth);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  };
  return objectOf(input, 0);
}

export async function parseForm<S extends ZodTypeAny>(request: Request, schema: S, arrayKeys: string[] = []): Promise<Parsed<S>> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { success: false, errors: { form: ["The form could not be read. Try submitting it again."] }, values: {} };
  }
  return parseWithSchema(schema, formDataToObject(formData, arrayKeys));
}

/** The posted form, or a 400 with a clear message when the body is not a readable form. */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("The form could not be read. Go back and submit it again.", { status: 400, statusText: "Bad Request" });
  }
}

/**
 * An https web address with a dotted host and no user or password, checked in bounded time:
 * the length first (nothing longer than `maxLength` is examined), then one linear character
 * check and the WHATWG URL parser — no backtracking pattern (issue 12 finding 6).
 */
export function isHttpsUrl(value: string, maxLength = 2_000): boolean {
  if (value.length > maxLength || /[\s<>"]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === "https:" &&
    url.hostname.includes(".") &&
    !url.hostname.startsWith(".") &&
    !url.hostname.endsWith(".") &&
    !url.username &&
    !url.password
  );
}
