// Shared helpers for turning form posts and query strings into zod-validated values.
import type { ZodTypeAny, z } from "zod";

export type FieldErrors = Record<string, string[]>;

// NUL and other control characters (but tab and newlines) are never meaningful in a form,
// and PostgreSQL refuses NUL in text: they are removed before validation.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "");
}

/** FormData → plain object; keys repeated (checkboxes) or ending in [] become arrays. */
export function formDataToObject(formData: FormData, arrayKeys: string[] = []): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
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

export type Parsed<S extends ZodTypeAny> =
  | { success: true; data: z.infer<S> }
  | { success: false; errors: FieldErrors; values: Record<string, unknown> };

export function parseWithSchema<S extends ZodTypeAny>(schema: S, input: Record<string, unknown>): Parsed<S> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  // Never echo passwords back into the page.
  const values = Object.fromEntries(Object.entries(input).filter(([k]) => !/password/i.test(k)));
  return { success: false, errors, values };
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
