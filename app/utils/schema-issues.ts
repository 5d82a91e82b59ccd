// A schema whose errors are shown elsewhere or in other words (a hidden field's error against the
// form). Pure zod, shared by server and browser: route modules build their schemas with it at load.
import { z, type ZodTypeAny } from "zod";

/**
 * The schema, with some of its errors shown elsewhere or in other words: `move` gets each
 * issue's field name ("" for the form) and message and returns where and what to show
 * (`field: "form"` for the error summary alone, e.g. a hidden field's error).
 */
export function withIssuesMoved<S extends ZodTypeAny>(
  schema: S,
  move: (field: string, message: string) => { field: string; message: string },
) {
  return z.record(z.unknown()).transform((input, ctx): z.infer<S> => {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data as z.infer<S>;
    for (const issue of parsed.error.issues) {
      const moved = move(issue.path.join("."), issue.message);
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: moved.message, path: moved.field === "form" ? [] : moved.field.split(".") });
    }
    return z.NEVER;
  });
}
