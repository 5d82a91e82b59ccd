// An addition around handleForm (form-action.server.ts) for forms whose refused answer needs more
// than errors and values: the product picker a case-study form shows again, or the record as it
// is now after a conflict. Errors and statuses still come from handleForm alone. (withIssuesMoved,
// which route modules call at load to build their schemas, is in ./schema-issues: not server-only,
// since a module-level call of a .server export breaks the route in the browser.)
import { data } from "@remix-run/node";
import type { failureData, FormFailure } from "./form-action.server";

type FailureAnswer = ReturnType<typeof failureData>;

/**
 * handleForm's answer with page data added to a refused form's body (status and headers kept).
 * A redirect or any other Response passes through untouched.
 *
 *   return withFailureExtras(await handleForm(request, { ... }), async (refused) =>
 *     refused.failure?.kind === "conflict" ? { current: await getView(id) } : {});
 */
export async function withFailureExtras<R, E extends object>(
  answer: R | FailureAnswer,
  extras: (refused: FormFailure) => E | Promise<E>,
): Promise<R | ReturnType<typeof data<FormFailure & Partial<E>>>> {
  if (answer instanceof Response) return answer as R;
  // Anything but a Response here is handleForm's failure answer (R is the redirect it passes through).
  const refused = answer as FailureAnswer;
  return data<FormFailure & Partial<E>>({ ...refused.data, ...(await extras(refused.data)) }, refused.init ?? undefined);
}
