// Two small additions around handleForm (form-action.server.ts) for forms whose refused answer
// needs more than errors and values: the product picker a case-study form shows again, or the
// record as it is now after a conflict. Errors and statuses still come from handleForm alone.
import { data } from "@remix-run/node";
import { z, type ZodTypeAny } from "zod";
import type { failureData, FormFailure } from "./form-action.server";

type FailureAnswer = ReturnType<typeof failureData>;

/**
 * handleForm's answer with page data added to a refused form's body (status and headers kept).
 * A redirect or any other Response passes through untouched.
 *
 *   return withFailureExtras(await handleForm(request, { ... }), async (refused) =>
 *     refused.failure?.kind === "conflict" ? { current: await getView(id) } : {});
 */
export async function withFailureExtras<E extends object>(
  answer: Response | FailureAnswer,
  extras: (refused: FormFailure) => E | Promise<E>,
): Promise<Response | ReturnType<typeof data<FormFailure & Partial<E>>>> {
  if (answer instanceof Response) return answer;
  return data<FormFailure & Partial<E>>({ ...answer.data, ...(await extras(answer.data)) }, answer.init ?? undefined);
}

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
